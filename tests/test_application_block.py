"""Annexes 1 and 2 carry an applicant's own schedule, fee and checklist, computed."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

import kzcadastre_docs as kz
from kzcadastre_docs.law import fees
from kzcadastre_docs.i18n import formatting
from kzcadastre_docs.docx import Package, document_text

from .conftest import ROOT, SAMPLES

APARTMENT = SAMPLES / "requirements-new-object" / "apartment-astana-application.json"
DUPLICATE = SAMPLES / "requirements-duplicate" / "business-centre-astana-application.json"


def _text(slug, data, lang):
    return document_text(Package.from_bytes(kz.render(slug, data, lang)))


def _data(path):
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_apartment_dates_and_fee_worked_out_by_hand(lang):
    # Submitted Mon 23 Nov 2026 at 17:45: accepted that day; entry on the 1st working day
    # (24 Nov), passport and conclusion on the 3rd (26 Nov); 9000 + 180 x 51.60 = 18 288.00.
    text = _text("requirements-new-object", _data(APARTMENT), lang)
    for day in (date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 26), date(2027, 1, 23)):
        assert formatting.official_date(day, lang) in text
    for amount in ("18288.00", "6900.00", "11388.00", "2522.48"):
        assert formatting.money(Decimal(amount), lang) in text
    assert formatting.money_in_words(Decimal("18288.00"), lang) in text


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_duplicate_over_new_year(lang):
    # Submitted Thu 31 Dec 2026 at 19:10: accepted Tue 5 Jan 2027 (1-2 Jan, weekend, 4 Jan
    # observed); 3rd working day: 6, 8, 11 January (7 January is Christmas).
    text = _text("requirements-duplicate", _data(DUPLICATE), lang)
    assert formatting.official_date(date(2027, 1, 5), lang) in text
    assert formatting.official_date(date(2027, 1, 11), lang) in text
    assert "2027" in text and ("жарияланбаған" in text if lang == "kk" else "не опубликован" in text)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_unofficial_tariff_is_said_on_the_document(lang, monkeypatch, tmp_path):
    marker = {"kk": "бұл ресми баға емес", "ru": "это не официальные цены"}[lang]
    assert marker in _text("requirements-new-object", _data(APARTMENT), lang)
    official = tmp_path / "official.yaml"
    example = (ROOT / "kzcadastre_docs" / "data" / "tariffs" / "example-2026.yaml").read_text(encoding="utf-8")
    official.write_text(example.replace("official: false", "official: true").replace(
        "id: example-not-official-2026", "id: operator-2026"), encoding="utf-8")
    monkeypatch.setenv("KZCADASTRE_TARIFF", str(official))
    assert marker not in _text("requirements-new-object", _data(APARTMENT), lang)


def test_checklist_marks_what_was_attached():
    text = _text("requirements-new-object", _data(APARTMENT), "ru")
    # The attachment's table: number, document, mark (one cell a line).
    assert "2\nэлектронная копия акта приемки объекта недвижимости в эксплуатацию\nпредставлен\n" in text
    assert "4\nэлектронная копия правоустанавливающего документа на объект недвижимости\nне представлен\n" in text


def test_without_an_application_there_is_no_block():
    text = _text("requirements-new-object", {"document_date": "2026-11-24"}, "kk")
    assert "Өтініш бойынша есеп" not in text


def test_block_errors_name_the_field():
    data = _data(DUPLICATE)
    data["application"]["attached"] = ["acceptance_act"]  # not asked for by Annex 2
    del data["application"]["total_area"]
    with pytest.raises(kz.DataValidationError) as info:
        kz.validate("requirements-duplicate", data)
    fields = {p.field for p in info.value.problems}
    assert fields == {"application.attached[0]", "application.total_area"}


def test_surcharge_notice_sample_figures_come_from_the_fee_engine():
    notice = json.loads((SAMPLES / "notice-surcharge" / "apartment-astana.json").read_text(encoding="utf-8"))
    fee = fees.compute_fee("passport", "apartment", date(2026, 11, 23), area=Decimal("51.60"))
    assert (Decimal(notice["full_price"]), Decimal(notice["base_paid"]), Decimal(notice["surcharge"]),
            Decimal(notice["vat_amount"])) == (fee.total, fee.base, fee.surcharge, fee.vat_amount)
    assert notice["tariff_official"] is fee.official
