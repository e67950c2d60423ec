"""The Учетный лист присвоения кадастровых номеров: official text in both languages, printed
from the register."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

import kzcadastre_docs as kz
from kzcadastre_docs.docx import Package, document_text
from kzcadastre_docs.register import Register, Specialist, sheet_data

from .conftest import ROOT

LAYOUT = yaml.safe_load((ROOT / "tools" / "template_text" / "cadastral-register-sheet.yaml").read_text(encoding="utf-8"))
SOURCES = {lang: ROOT / "sources" / f"order-156-cadastral-number-rules-{lang}.md" for lang in ("kk", "ru")}


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _official_texts(lang: str) -> list[str]:
    texts = [LAYOUT["header"][lang], *(line[lang] for line in LAYOUT["title"])]
    texts += [column[0][lang] for column in LAYOUT["body"][0]["columns"]]
    return texts


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_heading_is_the_official_text(lang):
    source = _squash(re.sub(r"[>*]", "", SOURCES[lang].read_text(encoding="utf-8")))
    missing = [text for text in _official_texts(lang) if _squash(text) not in source]
    assert missing == []


def test_the_check_catches_a_changed_word():
    source = _squash(SOURCES["ru"].read_text(encoding="utf-8"))
    assert _squash("Порядковый номер записи") in source
    assert _squash("Порядковый номер строки") not in source


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_sheet_prints_from_the_register(tmp_path, lang):
    clerk = Specialist.of("Сейтжанов Ерлан", {"kk": "бас маман", "ru": "главный специалист"})
    with Register(tmp_path / "r.sqlite") as register:
        register.assign("21:320:135:0722", secondary=True, specialist=clerk, on=dt.date(2026, 7, 20))
        register.assign("21:320:135:0722", primary="1", premise="106", specialist=clerk, on=dt.date(2026, 7, 21))
        data = sheet_data(register, "21-320-135-0722")
    text = document_text(Package.from_bytes(kz.render("cadastral-register-sheet", data, lang)))
    for official in _official_texts(lang):
        assert _squash(official) in _squash(text)
    for expected in ("21:320:135:0722:1:1", "21:320:135:0722:1:106", "21.07.2026", "Сейтжанов Ерлан",
                     {"kk": "бас маман", "ru": "главный специалист"}[lang]):
        assert expected in text
    other = {"kk": "главный специалист", "ru": "бас маман"}[lang]
    assert other not in text


@pytest.mark.parametrize("change, field, rule", [
    (lambda d: d["records"][1].update(record=5), "records[1].record", "sequence"),
    (lambda d: d["records"][0].update(primary="21:320:135:0723:1"), "records[0].primary", "sheet_primary"),
    (lambda d: d["records"][1].update(secondary="21:320:135:0722:2:1"), "records[1].secondary", "sheet_secondary"),
    (lambda d: d["records"][1].update(land_plot_cadastral_number="21:320:135:0723"),
     "records[1].land_plot_cadastral_number", "sheet_land_plot"),
])
def test_a_sheet_that_contradicts_itself_is_refused(change, field, rule):
    import json

    data = json.loads((ROOT / "samples" / "cadastral-register-sheet" / "astana-esil.json").read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(kz.DataValidationError) as caught:
        kz.validate("cadastral-register-sheet", data)
    assert (field, rule) in {(p.field, p.rule) for p in caught.value.problems}


def test_the_sheet_of_a_quarter_without_plot_numbers(tmp_path):
    clerk = Specialist.of("Сейтжанов Ерлан", "specialist")
    with Register(tmp_path / "r.sqlite") as register:
        register.assign("20:015:004", temporary_code="123:12А:4/53687", premise="37", specialist=clerk,
                        on=dt.date(2026, 7, 20))
        data = sheet_data(register, "20:015:004:000")
    text = document_text(Package.from_bytes(kz.render("cadastral-register-sheet", data, "kk")))
    assert "20:015:004:000:(123:12А:4/53687):37" in text
