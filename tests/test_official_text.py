"""Annexes 1 and 2: the official lists of requirements, checked against the text taken from
the sources (tools/official_text/), and what the library's own data quotes from them.

(The line-by-line fidelity of every official annex is tests/test_official_forms.py.)
"""

from __future__ import annotations

import re
import sys

import pytest
import yaml

import kzcadastre_docs as kz
from kzcadastre_docs.docx import Package, document_text

from .conftest import ROOT, SOURCE_TEXT

sys.path.insert(0, str(ROOT / "tools"))
import extract_official  # noqa: E402

OFFICIAL = ["requirements-new-object", "requirements-duplicate"]
_SPACE = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACE.sub("", text)


def _quotes(text: str) -> str:
    return re.sub("[«»“”„]", '"', text)


def _rows(annex: int, lang: str, edition: str) -> list[list[str]]:
    """The ten numbered rows of Annex 1 or 2: [number, title, text lines...]."""
    items = extract_official.load(lang, edition)["annexes"][annex]["items"]
    table = next(item["table"] for item in items if "table" in item)
    return [[cell["text"] for cell in row] for row in table[1:]]


@pytest.fixture(scope="module")
def source() -> str:
    return _squash(SOURCE_TEXT.read_text(encoding="utf-8"))


@pytest.mark.parametrize("annex", [1, 2])
@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("edition", extract_official.EDITIONS)
def test_each_list_has_ten_numbered_rows(annex, lang, edition):
    rows = _rows(annex, lang, edition)
    assert [row[0] for row in rows] == [[str(n)] for n in range(1, 11)]


def test_the_kazakh_annex_1_of_the_first_edition_agrees_with_order_65(source):
    """The consolidated text (first edition) against the order's own PDF text: the cells
    whose words the PDF extraction did not interleave with the other column."""
    cells = [line for row in _rows(1, "kk", "2026-01-22") for line in row[1] + row[2]]
    source = _quotes(source)
    found = [line for line in cells if _quotes(_squash(line)) in source]
    assert len(found) >= 0.8 * len(cells), [line for line in cells if line not in found]
    assert _squash("пәтерлер, жатақханалардағы бөлмелер үшінші жұмыс күні беріледі;") in source


@pytest.mark.parametrize(
    ("slug", "lunch"),
    [("requirements-new-object", "түскі үзіліс сағат 13.00-тен 14.00-ге дейін"),
     ("requirements-duplicate", "түскі үзіліс сағат 13.00-ден 14.30-ға дейін")],
)
def test_each_annex_keeps_its_own_schedule(slug, lunch):
    rendered = document_text(Package.from_bytes(kz.render(slug, {}, "kk", edition="2026-01-22")))
    assert lunch in rendered
    assert "сағат 9.00-ден" in rendered and "18.30" in rendered


@pytest.mark.parametrize("annex", [1, 2])
@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("edition", extract_official.EDITIONS)
def test_all_five_refusal_grounds(annex, lang, edition):
    grounds = _rows(annex, lang, edition)[8][2]
    assert [g[:2] for g in grounds[-5:]] == ["1)", "2)", "3)", "4)", "5)"]


_LATIN = re.compile(r"[A-Za-z\u0250-\u02af]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@pytest.mark.parametrize("slug", OFFICIAL)
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_word_mixes_latin_and_cyrillic(slug, lang):
    text = document_text(Package.from_bytes(kz.render(slug, {}, lang)))
    mixed = [w for w in re.findall(r"\w+", text) if _LATIN.search(w) and _CYRILLIC.search(w)]
    assert not mixed, mixed


# --- Annexes 3-10: only their upper-right header is official, and the forms carry it ---

COMMON = yaml.safe_load((ROOT / "tools" / "template_text" / "_common.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("annex", range(3, 11))
def test_the_kazakh_header_of_each_annex_is_in_the_source(annex, source):
    assert _squash(COMMON["rules_annex"]["kk"].format(n=annex)) in source


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_refusal_grounds_are_quoted_from_item_9_of_each_annex(lang):
    from kzcadastre_docs.models.labels import refusal_ground

    for edition in extract_official.EDITIONS:
        for annex, service in ((1, "new_object"), (2, "duplicate")):
            row9 = [_squash(line) for line in _rows(annex, lang, edition)[8][2]]
            for number in range(1, 6):
                ground = _squash(f"{number}) {refusal_ground(service, number, lang, edition)}")
                assert any(line.startswith(ground) for line in row9), (annex, lang, number, edition)
