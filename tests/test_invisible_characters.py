"""Zero-width and bidi controls are refused before the mixed-script check, so they cannot
hide a Latin letter in a Kazakh word (issue 16, item 9)."""

from __future__ import annotations

import json

import pytest

import kzcadastre_docs as kz

from .conftest import SAMPLES

SAMPLE = json.loads((SAMPLES / "notice-data-entered" / "apartment-astana.json").read_text(encoding="utf-8"))


def _problems(text: str):
    data = json.loads(json.dumps(SAMPLE))
    data["applicant"]["last_name"] = text
    with pytest.raises(kz.DataValidationError) as caught:
        kz.validate("notice-data-entered", data)
    return [(p.field, p.rule, p.context) for p in caught.value.problems]


@pytest.mark.parametrize("char", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad",
                                  "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u061c"])
def test_an_invisible_character_is_refused_with_its_code_and_position(char):
    problems = _problems(f"Сәтбаев{char}а")
    assert problems == [("applicant.last_name", "invisible_character",
                         {"code": f"{ord(char):04X}", "position": 8})]


def test_zero_width_spaces_do_not_hide_a_latin_letter():
    problems = _problems("С\u200bə\u200bтбаев")
    assert [rule for _, rule, _ in problems] == ["invisible_character"]
    assert kz.DataValidationError("x", []).__class__  # the message exists in every language:
    from kzcadastre_docs.i18n.messages import render_message

    for lang in ("kk", "ru", "en"):
        assert "200B" in render_message("invisible_character", {"code": "200B", "position": 2}, lang, "")


def test_plain_kazakh_and_russian_text_still_passes():
    data = json.loads(json.dumps(SAMPLE))
    data["applicant"]["last_name"] = "Сәтбаева-Оспан"
    kz.validate("notice-data-entered", data)
