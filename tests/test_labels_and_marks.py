"""Printed names of coded values, the Kazakh layouts' script, and the duplicate's mark."""

from __future__ import annotations

import json
import re

import pytest
import yaml

import kzcadastre_docs as kz
from kzcadastre_docs.docx import Package, document_text
from kzcadastre_docs.models.labels import ENUM_SECTIONS, all_labels, label
from kzcadastre_docs.models import parts
from kzcadastre_docs.models.base import mixed_script_word

from .conftest import ROOT, SAMPLES



class _MixedScript:
    """The model's own rule: a word with both Cyrillic and Latin letters (incl. "ə", "i")."""

    @staticmethod
    def search(text: str):
        return mixed_script_word(text)


LATIN_IN_WORD = _MixedScript()


@pytest.mark.parametrize("enum_name", sorted(ENUM_SECTIONS))
def test_every_value_of_every_labelled_enumeration_has_both_languages(enum_name):
    for value in getattr(parts, enum_name):
        assert label(value, "kk") and label(value, "ru"), value


def test_no_kazakh_label_mixes_latin_letters_into_a_word():
    for section, values in all_labels().items():
        for key, texts in values.items():
            assert set(texts) == {"kk", "ru"}, (section, key)
            assert not LATIN_IN_WORD.search(texts["kk"]), (section, key, texts["kk"])


def _kk_strings(node):
    if isinstance(node, dict):
        if set(node) == {"kk", "ru"}:
            kk = node["kk"]
            yield from (t for t in (kk if isinstance(kk, list) else [kk]) if isinstance(t, str))  # lists: alternatives
        else:
            for value in node.values():
                yield from _kk_strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _kk_strings(value)


@pytest.mark.parametrize("path", sorted((ROOT / "tools" / "template_text").rglob("*.yaml")), ids=lambda p: p.name)
def test_kazakh_layout_text_is_cyrillic(path):
    layout = yaml.safe_load(path.read_text(encoding="utf-8"))
    for text in _kk_strings(layout):
        prose = re.sub(r"\{[{%].*?[}%]\}", " ", text)  # Jinja expressions are code, not Kazakh
        assert not LATIN_IN_WORD.search(prose), (path.name, prose[:80])


def _passport(form: str, case: str, lang: str, **changes) -> tuple[Package, str]:
    data = json.loads((SAMPLES / form / f"{case}.json").read_text(encoding="utf-8"))
    data.update(changes)
    package = Package.from_bytes(kz.render(form, data, lang))
    return package, document_text(package)


@pytest.mark.parametrize("lang, word", [("kk", "ТЕЛНҰСҚА"), ("ru", "ДУБЛИКАТ")])
def test_a_duplicate_carries_the_mark_and_its_issue_date_on_every_page(lang, word):
    package, text = _passport("passport-house", "house-almaty-region", lang, duplicate={"issued_on": "2027-02-10"})
    assert text.count(word) >= 1
    assert {"kk": "2027 жылғы 10 ақпан", "ru": "10 февраля 2027 года"}[lang] in text
    headers = [name for name, _ in package.parts if re.match(r"word/header\d*\.xml$", name)]
    assert any(word in package.get(name).decode("utf-8") for name in headers)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_original_passport_has_no_mark(lang):
    package, text = _passport("passport-apartment", "apartment-astana", lang)
    assert "ТЕЛНҰСҚА" not in text and "ДУБЛИКАТ" not in text
    assert all("ТЕЛНҰСҚА" not in data.decode("utf-8", "replace") for _, data in package.parts)


def test_the_script_check_catches_latin_look_alikes():
    assert LATIN_IN_WORD.search("Сəтбаев") and LATIN_IN_WORD.search("дүйсенбiден") and not LATIN_IN_WORD.search("ЭЦҚ-мен")
