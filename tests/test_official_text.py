"""The Kazakh Annex 1 and 2 templates carry the order's text word for word.

Each paragraph of tools/template_text/<slug>.kk.yaml must occur in sources/order-65-2026-kk.txt,
ignoring white space (the extraction breaks lines anywhere). The few places where the
extraction moved words are listed in the YAML as repairs or splits, and each of those is
itself checked against the source. Then the rendered documents must contain every paragraph.
"""

from __future__ import annotations

import re

import pytest
import yaml

import kzcadastre_docs as kz
from kzcadastre_docs.docx import Package, document_text

from .conftest import ROOT, SOURCE_TEXT

OFFICIAL = ["requirements-new-object", "requirements-duplicate"]
_SPACE = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACE.sub("", text)


def _text(slug: str, lang: str) -> dict:
    return yaml.safe_load((ROOT / "tools" / "template_text" / f"{slug}.{lang}.yaml").read_text(encoding="utf-8"))


def _paragraphs(text: dict) -> list[str]:
    head = [text["order_annex"], text["rules_annex"], text["title"], text["service"]]
    return head + [p for row in text["rows"] for p in [row["title"], *row["paragraphs"]]]


@pytest.fixture(scope="module")
def source() -> str:
    return _squash(SOURCE_TEXT.read_text(encoding="utf-8"))


@pytest.mark.parametrize("slug", OFFICIAL)
def test_every_kazakh_paragraph_is_in_the_source(slug, source):
    text = _text(slug, "kk")
    checks = text["source_checks"]
    repaired = source
    for repair in checks["repairs"]:
        assert _squash(repair["source"]) in source, f"repair source not in the order: {repair['source']!r}"
        repaired = repaired.replace(_squash(repair["source"]), _squash(repair["cleaned"]))
    splits = {}
    for pieces in checks["split"]:
        for piece in pieces:
            assert _squash(piece) in source, f"split piece not in the order: {piece!r}"
        splits[_squash("".join(pieces))] = pieces
    missing = [p for p in _paragraphs(text) if _squash(p) not in repaired and _squash(p) not in splits]
    assert not missing, "paragraphs not found in the order's text:\n" + "\n".join(missing)


def test_the_check_catches_a_changed_word(source):
    paragraph = _text("requirements-new-object", "kk")["rows"][2]["paragraphs"][3]
    assert _squash(paragraph) in source
    assert _squash(paragraph.replace("үшінші", "төртінші")) not in source


@pytest.mark.parametrize("slug", OFFICIAL)
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_rendered_document_has_every_paragraph_and_ten_rows(slug, lang):
    text = _text(slug, lang)
    assert len(text["rows"]) == 10
    rendered = document_text(Package.from_bytes(kz.render(slug, {}, lang)))
    lines = set(rendered.split("\n"))
    missing = [p for p in _paragraphs(text) if p not in lines]
    assert not missing, missing


@pytest.mark.parametrize(
    ("slug", "lunch"),
    [("requirements-new-object", "түскі үзіліс сағат 13.00-тен 14.00-ге дейін"),
     ("requirements-duplicate", "түскі үзіліс сағат 13.00-ден 14.30-ға дейін")],
)
def test_each_annex_keeps_its_own_schedule(slug, lunch):
    rendered = document_text(Package.from_bytes(kz.render(slug, {}, "kk")))
    assert lunch in rendered
    assert "сағат 9.00-ден" in rendered and "18.30" in rendered


@pytest.mark.parametrize("slug", OFFICIAL)
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_all_five_refusal_grounds(slug, lang):
    rows = _text(slug, lang)["rows"]
    grounds = rows[8]["paragraphs"]
    assert [g[:2] for g in grounds] == ["1)", "2)", "3)", "4)", "5)"]


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


@pytest.mark.parametrize("form", [f for f in kz.forms() if f.annex and f.annex > 2 and f.model
                                  and f.provenance.value == "reconstructed"], ids=lambda f: f.slug)
def test_reconstructed_annexes_print_the_official_header_and_say_they_are_reconstructed(form):
    import json

    from .conftest import SAMPLES

    case = sorted((SAMPLES / form.slug).glob("*.json"))[0]
    text = document_text(Package.from_bytes(kz.render(form.slug, json.loads(case.read_text(encoding="utf-8")), "kk")))
    assert text.startswith(COMMON["rules_annex"]["kk"].format(n=form.annex) + "\nНысан\n")
    # The page carries no disclaimer; the properties say the form is reconstructed.
    assert "бұл ресми нысан емес" not in text


def test_refusal_grounds_are_quoted_from_item_9_of_each_annex():
    from kzcadastre_docs.models.labels import refusal_ground

    for slug, service in (("requirements-new-object", "new_object"), ("requirements-duplicate", "duplicate")):
        row9 = _text(slug, "kk")["rows"][8]["paragraphs"]
        for number in range(1, 6):
            ground = refusal_ground(service, number, "kk")
            assert row9[number - 1].startswith(f"{number}) {ground}"), (slug, number)
