"""Editions of Order No. 156: the one in force on a document's date, --edition, provenance."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

import kzcadastre_docs as kz
from kzcadastre_docs.cli import main
from kzcadastre_docs.docx import Package, document_text
from kzcadastre_docs.errors import UnknownEditionError
from kzcadastre_docs.forms.editions import edition_for, editions, get_edition

from .conftest import SAMPLES


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    return invoke


def _sample(form: str, case: str) -> dict:
    return json.loads((SAMPLES / form / f"{case}.json").read_text(encoding="utf-8"))


def test_editions_are_data_with_dates_orders_and_sources():
    shipped = editions()
    assert [e.id for e in shipped] == ["2026-01-22", "2026-07-12"]
    assert [e.amended_by["number"] for e in shipped] == [65, 278]
    assert all(e.source["kk"].startswith("https://zan.gov.kz/") and e.source["ru"].endswith(e.date.strftime("%d.%m.%Y"))
               for e in shipped)


@pytest.mark.parametrize(("day", "expected"), [(date(2026, 1, 22), "2026-01-22"), (date(2026, 7, 11), "2026-01-22"),
                                                (date(2026, 7, 12), "2026-07-12"), (date(2027, 1, 1), "2026-07-12")])
def test_the_edition_in_force_on_a_date(day, expected):
    chosen = edition_for(day)
    assert chosen.edition.id == expected and chosen.warning is None


def test_a_date_before_the_first_edition_warns():
    chosen = edition_for(date(2025, 6, 1))
    assert chosen.edition.id == "2026-01-22" and "earlier edition" in chosen.warning


def test_notice_wording_follows_the_edition():
    data = _sample("notice-surcharge", "apartment-astana")
    new = document_text(Package.from_bytes(kz.render("notice-surcharge", data, "ru", edition="2026-07-12")))
    old = document_text(Package.from_bytes(kz.render("notice-surcharge", data, "ru", edition="2026-01-22")))
    assert "«цифрового правительства»" in new and "«электронного правительства»" not in new
    assert "«электронного правительства»" in old and "«цифрового правительства»" not in old


def test_unknown_edition_is_a_usage_error(run, tmp_path):
    with pytest.raises(UnknownEditionError):
        get_edition("2020-01-01")
    data = tmp_path / "d.json"
    data.write_text(json.dumps(_sample("notice-surcharge", "apartment-astana"), ensure_ascii=False), encoding="utf-8")
    result = run("render", "notice-surcharge", "--data", data, "--lang", "ru", "-o", tmp_path / "x.docx",
                 "--edition", "2020-01-01")
    assert result.exit_code == 2 and not (tmp_path / "x.docx").exists()
    assert "2026-01-22, 2026-07-12" in result.output


def test_forms_json_and_describe_list_editions(run):
    forms = {form["slug"]: form for form in json.loads(run("forms", "--format", "json").output)}
    annex1 = forms["requirements-new-object"]
    assert annex1["provenance"] == "official-text"
    assert annex1["editions"][0]["edition"] == "2026-01-22"
    assert annex1["editions"][0]["amended_by"]["number"] == 65
    assert "zan.gov.kz" in annex1["editions"][0]["source"]["ru"]
    assert forms["notice-refusal"]["provenance"] == "prescribed-content"
    assert forms["notice-refusal"]["prescribed_by"]
    described = run("describe", "annex-1").output
    assert "edition 2026-01-22" in described and "Order No. 65" in described
    assert "no approved form" in run("describe", "notice-refusal").output


def test_properties_name_act_edition_and_source():
    document = kz.render_document("annex-1", {"document_date": "2026-03-02"}, "kk")
    assert document.edition == "2026-01-22" and document.warnings == ()
    core = Package.from_bytes(document.docx).get("docProps/core.xml").decode()
    assert "№ 156 бұйрығы, 1-қосымша, 2026-01-22 редакциясы" in core and "72959/kaz/22.01.2026" in core
    early = kz.render_document("annex-1", {"document_date": "2025-12-01"}, "kk")
    assert early.edition == "2026-01-22" and "earlier edition" in early.warnings[0]
