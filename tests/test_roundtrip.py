"""Values reach the document text exactly: nothing escaped away, evaluated or dropped."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

import kzcadastre_docs as kz
from kzcadastre_docs.i18n import formatting
from kzcadastre_docs.docx import Package, document_text
from kzcadastre_docs.models.labels import label
from kzcadastre_docs.models.localized import Localizable

from .conftest import sample_cases

TRICKY = 'A & B <w:t>x</w:t> "q" {{ 7*7 }}'


def _text(docx: bytes) -> str:
    return document_text(Package.from_bytes(docx))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_markup_and_template_syntax_come_back_verbatim(lang):
    text = _text(kz.render("annex-1", {"branch": {"kk": TRICKY, "ru": TRICKY}}, lang))
    assert TRICKY in text
    assert "49" not in text.replace(TRICKY, "")


#: Coded values the documents print by their label (labels.yaml section per field name).
LABELLED = {"service": "service", "signature": "signature"}


def _expected(value, lang, name=None):
    if name in LABELLED:
        return label(value, lang, LABELLED[name])
    if isinstance(value, Localizable):
        return value.text(lang)
    if isinstance(value, date):
        return formatting.official_date(value, lang)
    if isinstance(value, Decimal):
        return formatting.number(value, lang)
    return str(value)


#: Data the official form has no place for (kept for the service's logic, not printed).
NOT_ON_THE_FORM = {"application-entry": ("branch", "service", "signature"),
                   "application-passport": ("branch", "signature"),
                   "application-duplicate": ("branch", "signature")}


def _date_line(value, lang):
    """A date as an official form's date line prints it: "27" қараша 20(26) (a pattern)."""
    if not isinstance(value, date):
        return "(?!)"
    from kzcadastre_docs.i18n.form_fields import date_parts

    day, month, yy = date_parts(value, lang)
    return f'{day}["»] {month} 20 ?{yy}'


#: Passport fields no form prints: the object type picks the form; only Form 3 has a
#: date-of-issue line (the others carry the date in the QR code and the properties).
NOT_PRINTED = {"object_type"}
PASSPORT_WITHOUT_ISSUE_LINE = {"passport-land", "passport-building", "passport-house", "passport-parking",
                              "passport-storage"}


def _found(slug, name, value, lang, text):
    if slug.startswith("passport-") and (name in NOT_PRINTED or (name == "document_date" and
                                                                  slug in PASSPORT_WITHOUT_ISSUE_LINE)):
        return True
    if isinstance(value, date) and slug.startswith("passport-"):  # written into the forms' «___» ________ ____ blanks
        from kzcadastre_docs.models.passport import date_parts

        parts = date_parts(value, lang)
        return f"«{parts['day']}» {parts['month']}" in text and parts["year"] in text
    return _expected(value, lang, name) in text


def _scalars(model):
    for name, value in model:
        if isinstance(value, (str, date, Decimal, int, Localizable)) and not isinstance(value, bool):
            yield name, value


CASES = [(slug, path, lang) for slug, path in sample_cases() for lang in kz.get_form(slug).languages]


@pytest.mark.parametrize(("slug", "path", "lang"), CASES, ids=[f"{s}-{p.stem}-{l}" for s, p, l in CASES])
def test_every_scalar_input_value_appears_in_the_text(slug, path, lang):
    data = json.loads(path.read_text(encoding="utf-8"))
    model = kz.validate(slug, data)
    text = _text(kz.render(slug, data, lang))
    flat = " ".join(text.replace("\u00a0", " ").split())
    missing = [(name, value) for name, value in _scalars(model) if name not in NOT_ON_THE_FORM.get(slug, ())
               and not _found(slug, name, value, lang, text) and not re.search(_date_line(value, lang), flat)]
    assert not missing, f"values not in the {lang} document: {missing}"


# Any text a clerk can type: it renders and comes back verbatim, or is refused with the field named.
_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=60)


@settings(max_examples=150, deadline=None)
@given(value=_TEXT | st.sampled_from(["Сəтбаев", "Aлматы", "a\x07", "\ufeffТест", "e\u0301", "  пробел  "]))
def test_any_text_renders_verbatim_or_is_refused_naming_the_field(value):
    import unicodedata

    try:
        docx = kz.render("annex-1", {"branch": {"kk": value, "ru": "-"}}, "kk")
    except kz.DataValidationError as exc:
        assert [p.field for p in exc.problems] == ["branch"]
        assert exc.problems[0].rule in ("xml_illegal_character", "invisible_character", "mixed_script")
        return
    # The two documented normalisations: NFC, and CRLF/CR line endings as LF (a line break).
    expected = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    assert expected in _text(docx)
