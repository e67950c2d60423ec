"""A Russian document prints Russian; a Kazakh document prints the Kazakh labels of coded values.

Every sample is rendered in Russian and every word of every text part (body, headers,
footers, document properties) is checked for the letters only Kazakh has. Personal names
are printed as in the identity document, so the words of the samples' personal names
(surname, given name, patronymic, full name) are allowed.
"""

from __future__ import annotations

import json
import re

import pytest

import kzcadastre_docs as kz
from kzcadastre_docs.docx import Package
from kzcadastre_docs.docx.xmltext import paragraph_texts
from kzcadastre_docs.models.base import DocumentModel
from kzcadastre_docs.models.vocabularies import Term

from .conftest import sample_cases

KAZAKH_ONLY = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_WORD = re.compile(r"[^\W\d_]+")
PERSONAL_FIELDS = {"last_name", "first_name", "patronymic", "full_name"}


def _personal_words(value, key: str | None = None) -> set[str]:
    if isinstance(value, dict):
        return set().union(*(_personal_words(item, name) for name, item in value.items())) if value else set()
    if isinstance(value, list):
        return set().union(*(_personal_words(item, key) for item in value)) if value else set()
    if isinstance(value, str) and key in PERSONAL_FIELDS:
        return set(_WORD.findall(value))
    return set()


def _all_personal_words() -> set[str]:
    words: set[str] = set()
    for _, path in sample_cases():
        words |= _personal_words(json.loads(path.read_text(encoding="utf-8")))
    return words


#: Words a Russian document prints in Kazakh on purpose: the duplicate's mark is bilingual
#: ("ТЕЛНҰСҚА / ДУБЛИКАТ", README "The duplicate"), and "21/НҚ" is the number of the price
#: list's order as it was registered (order No. 21/НҚ of 16.01.2024), the same in both languages.
TEMPLATE_WORDS = {"ТЕЛНҰСҚА", "НҚ"}
PERSONAL_WORDS = _all_personal_words()


def kazakh_words(docx: bytes, allowed: set[str] = frozenset()) -> list[str]:
    """Words with a Kazakh-only letter in any text part of the document, but the allowed ones."""
    found = []
    for name, data in Package.from_bytes(docx).parts:
        if not name.endswith(".xml") or not (name.startswith("word/") or name.startswith("docProps/")):
            continue
        texts = paragraph_texts(data) if name.startswith("word/") else [re.sub(r"<[^>]+>", " ", data.decode("utf-8"))]
        for text in texts:
            found += [word for word in _WORD.findall(text) if KAZAKH_ONLY & set(word) and word not in allowed]
    return found


RU_CASES = [(slug, path) for slug, path in sample_cases() if "ru" in kz.get_form(slug).languages]


@pytest.mark.parametrize(("slug", "path"), RU_CASES, ids=[f"{s}-{p.stem}" for s, p in RU_CASES])
def test_a_russian_document_prints_no_kazakh_word_but_personal_names(slug, path):
    data = json.loads(path.read_text(encoding="utf-8"))
    words = kazakh_words(kz.render(slug, data, "ru"), PERSONAL_WORDS | TEMPLATE_WORDS)
    assert not words, f"Kazakh words in the Russian {slug} ({path.name}): {sorted(set(words))}"


def test_the_purity_check_finds_a_kazakh_word():
    data = json.loads((path := next(p for s, p in RU_CASES if s == "notice-refusal")).read_text(encoding="utf-8"))
    data["reasons"] = "Құжаттар толық емес."
    words = kazakh_words(kz.render("notice-refusal", data, "ru", allow_fallback=False), PERSONAL_WORDS)
    assert {"Құжаттар", "толық"} <= set(words), path


def _terms(model) -> list[Term]:
    found = []
    if isinstance(model, Term):
        return [model]
    if isinstance(model, DocumentModel):
        for name in type(model).model_fields:
            found += _terms(getattr(model, name))
    elif isinstance(model, (list, tuple)):
        for item in model:
            found += _terms(item)
    return found


def _document_text(docx: bytes) -> str:
    return "\n".join(text for name, data in Package.from_bytes(docx).parts if name.startswith("word/") and name.endswith(".xml")
                     for text in paragraph_texts(data))


KK_CASES = [(slug, path) for slug, path in sample_cases() if "kk" in kz.get_form(slug).languages]


BOTH_CASES = [(slug, path) for slug, path in KK_CASES if "ru" in kz.get_form(slug).languages]


@pytest.mark.parametrize(("slug", "path"), BOTH_CASES, ids=[f"{s}-{p.stem}" for s, p in BOTH_CASES])
def test_a_kazakh_document_prints_the_kazakh_label_of_every_coded_value(slug, path):
    """Every coded value the form prints (its Russian label is in the Russian document)
    has its Kazakh label in the Kazakh document."""
    data = json.loads(path.read_text(encoding="utf-8"))
    terms = set(_terms(kz.validate(slug, data)))
    kk = _document_text(kz.render(slug, data, "kk"))
    ru = _document_text(kz.render(slug, data, "ru"))
    printed = [term for term in terms if term.text("ru") in ru]
    missing = sorted((term.vocabulary, term.code) for term in printed if term.text("kk") not in kk)
    assert not missing, f"coded values without their Kazakh label in the Kazakh {slug}: {missing}"
    if terms:
        assert printed, f"the {slug} sample prints none of its coded values"


def test_every_sample_has_coded_values_to_check():
    """The label test checks something: the samples use the vocabularies the issue lists."""
    used = set()
    for slug, path in KK_CASES:
        used |= {term.vocabulary for term in _terms(kz.validate(slug, json.loads(path.read_text(encoding="utf-8"))))}
    assert {"branch", "room_purpose", "object_purpose", "building_kind", "material", "technical_condition",
            "position", "document_kind"} <= used
