"""Fidelity of the official annexes: every fixed line of the official form is in the
rendered document, in order, for every annex, language and edition shipped.

The official text is what tools/extract_official.py takes from sources/official/ (and the
extraction is itself checked to be reproducible from the sources). A fixed line is a line of
the form with its blanks ("___") removed: the pieces of text between blanks, each of which
must be found in the rendered document's body after the previous one (spaces collapsed).
Pieces without a letter or digit (the quotes around a day's blank) are not checked.
"""

from __future__ import annotations

import json
import re
import sys

import pytest
import yaml

import kzcadastre_docs as kz
from kzcadastre_docs.docx import Package
from kzcadastre_docs.docx.xmltext import paragraph_texts
from kzcadastre_docs.forms import all_forms
from kzcadastre_docs.forms.spec import Provenance

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "tools"))
import extract_official  # noqa: E402

OFFICIAL = [form for form in all_forms() if form.provenance is Provenance.OFFICIAL_TEXT and form.annex
            and (ROOT / "tools" / "template_text" / "official" / f"{form.slug}.yaml").is_file()]
_SPACE = re.compile(r"\s+")
_BLANK = re.compile(r"_+")
_WORD = re.compile(r"\w")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text.replace("\u00a0", " ")).strip()


def fixed_pieces(annex: dict) -> list[str]:
    """The fixed text of an annex, in order: corner, form word, then each line's pieces."""
    lines = [annex["corner"]] + ([annex["form_word"]] if annex["form_word"] else [])
    for item in annex["items"]:
        if "table" in item:
            lines += [text for row in item["table"] for cell in row for text in cell["text"]]
        else:
            lines.append(item.get("heading") or item["line"])
    pieces = []
    for line in lines:
        pieces += [_norm(piece) for piece in _BLANK.split(line) if _WORD.search(piece)]
    return pieces


def missing_in_order(pieces: list[str], text: str) -> list[str]:
    """The pieces not found in `text` after the previous piece found.

    >>> missing_in_order(["a b", "c"], "x a  b y c")
    []
    >>> missing_in_order(["c", "a"], "a c")
    ['a']
    """
    text = _norm(text)
    position = 0
    missing = []
    for piece in pieces:
        found = text.find(piece, position)
        if found < 0:
            missing.append(piece)
        else:
            position = found + len(piece)
    return missing


def _body_text(docx: bytes) -> str:
    return "\n".join(paragraph_texts(Package.from_bytes(docx).get("word/document.xml")))


def _samples(slug: str):
    return sorted((SAMPLES / slug).glob("*.json"))


CASES = [(form.slug, case.stem, lang, edition)
         for form in OFFICIAL for case in _samples(form.slug) for lang in ("kk", "ru")
         for edition in extract_official.EDITIONS]


def test_the_extraction_is_reproducible_from_the_sources():
    assert extract_official.main(["--check"]) == 0


def test_every_official_annex_has_samples():
    assert OFFICIAL, "no official annex found"
    for form in OFFICIAL:
        assert _samples(form.slug), form.slug


@pytest.mark.parametrize(("slug", "case", "lang", "edition"), CASES)
def test_every_fixed_line_of_the_official_form_is_rendered_in_order(slug, case, lang, edition):
    form = kz.get_form(slug)
    data = json.loads((SAMPLES / slug / f"{case}.json").read_text(encoding="utf-8"))
    annex = extract_official.load(lang, edition)["annexes"][form.annex]
    pieces = fixed_pieces(annex)
    assert len(pieces) > 5
    document = kz.render_document(slug, data, lang, edition=edition)
    assert document.edition == edition
    missing = missing_in_order(pieces, _body_text(document.docx))
    assert not missing, f"{slug} {lang} {edition}: not found in order:\n" + "\n".join(missing)


def test_the_check_fails_on_a_changed_word():
    annex = extract_official.load("ru", "2026-07-12")["annexes"][3]
    pieces = fixed_pieces(annex)
    data = json.loads(_samples("conclusion")[0].read_text(encoding="utf-8"))
    text = _body_text(kz.render("conclusion", data, "ru", edition="2026-07-12"))
    assert not missing_in_order(pieces, text)
    assert missing_in_order(pieces, text.replace("Район в городе", "Район города"))
    # and on lines out of order
    assert missing_in_order(list(reversed(pieces[:10])), text)


def test_the_editions_differ_where_the_orders_changed_them():
    old = extract_official.load("ru", "2026-01-22")["annexes"][3]["corner"]
    new = extract_official.load("ru", "2026-07-12")["annexes"][3]["corner"]
    assert "в информационную систему" in old and "в цифровую систему" in new


def test_errata_of_the_official_text_are_in_the_official_text():
    """Each listed error of the official text is really in it (so it is reproduced, not ours)."""
    errata = yaml.safe_load((ROOT / "tools" / "official_text" / "ERRATA.yaml").read_text(encoding="utf-8"))
    assert errata["errors"]
    for error in errata["errors"]:
        for edition in error["editions"]:
            annex = extract_official.load(error["lang"], edition)["annexes"][error["annex"]]
            assert error["text"] in " ".join(fixed_pieces(annex)), error
