"""Annexes 5 and 6 (application-passport, application-duplicate): their own validation
rules, the lines they fill, and the shared parts they take from Annex 4."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

import kzcadastre_docs as kz
from kzcadastre_docs.docx import Package, document_text
from kzcadastre_docs.forms.annexes.application import ApplicationBase

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _sample(slug: str, name: str) -> dict:
    return json.loads((SAMPLES / slug / f"{name}.json").read_text(encoding="utf-8"))


def _problems(slug: str, data: dict) -> set[tuple[str, str]]:
    with pytest.raises(kz.DataValidationError) as info:
        kz.validate(slug, data)
    return {(p.field, p.rule) for p in info.value.problems}


def _text(slug: str, data: dict, lang: str, edition: str) -> str:
    text = document_text(Package.from_bytes(kz.render(slug, data, lang, edition=edition)))
    return " ".join(text.replace("\u00a0", " ").split())


def test_annexes_4_to_6_share_one_base_model():
    for slug in ("annex-4", "annex-5", "annex-6"):
        assert issubclass(kz.get_form(slug).model, ApplicationBase)


@pytest.mark.parametrize("slug", ["application-passport", "application-duplicate"])
def test_each_language_and_edition_prints_its_own_words(slug):
    data = _sample(slug, "business-centre-astana")
    ru_old = _text(slug, data, "ru", "2026-01-22")
    ru_new = _text(slug, data, "ru", "2026-07-12")
    kk_new = _text(slug, data, "kk", "2026-07-12")
    assert "информационных системах" in ru_old and "цифровых системах" in ru_new
    assert "Товарищество с ограниченной ответственностью «Байтерек Курылыс»" in ru_new
    assert "Байтерек Курылыс»" not in kk_new and "Бәйтерек Құрылыс" in kk_new
    assert "платежное поручение" in ru_new and "төлем тапсырмасы" in kk_new and "платежное" not in kk_new
    assert "доверенность № 17 от 15 января 2026 года" in ru_new
    assert "Кенесары" in ru_new and "улица Кенесары" in ru_new


def test_the_office_lines_of_the_passport_application():
    text = _text("application-passport", _sample("application-passport", "apartment-astana"), "ru", "2026-07-12")
    assert "Дата выхода специалиста 26 ноября 2026 года" in text
    assert "Дата выдачи документов 3 декабря 2026 года" in text
    assert "Реестровый номер 05-2026-004417" in text
    assert "время: 09 часов 40 минут" in text


@pytest.mark.parametrize("field", ["specialist_visit", "issue_date"])
def test_passport_application_dates_come_after_the_application(field):
    data = copy.deepcopy(_sample("application-passport", "apartment-astana"))
    data[field] = "2026-11-01"
    assert (field, "date_order") in _problems("application-passport", data)


def test_documents_are_not_issued_before_the_specialists_visit():
    data = copy.deepcopy(_sample("application-passport", "apartment-astana"))
    data["specialist_visit"], data["issue_date"] = "2026-12-05", "2026-12-01"
    assert ("issue_date", "date_order") in _problems("application-passport", data)


def test_duplicate_application_rules_and_shared_rules():
    data = copy.deepcopy(_sample("application-duplicate", "apartment-astana"))
    data["issue_date"] = "2026-11-01"
    data["accepted_at"] = "2026-11-01T10:00"
    data["payment"]["date"] = "2026-12-31"
    assert {("issue_date", "date_order"), ("accepted_at", "date_order"),
            ("document_date", "date_order")} <= _problems("application-duplicate", data)


def test_the_duplicate_needs_the_object_address():
    data = _sample("application-duplicate", "business-centre-astana")
    del data["object_address"]
    assert "object_address" in {field for field, _ in _problems("application-duplicate", data)}
