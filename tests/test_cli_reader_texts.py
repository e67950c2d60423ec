"""`forms`, `describe` and `schema` give their texts for a reader (notes, descriptions, the
act, a schema's title and descriptions) in the message language, keep the machine keys
(slugs, codes, field names) and say which language they used (issue 19)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import kzcadastre_docs as kz
from kzcadastre_docs.cli import main

from .test_cli_language import english_words as _english_words

#: Codes the descriptions quote as the data writes them: kinds of object, branch codes, the keys of
#: the area columns of Form 2.
CODES = {"dacha", "storeroom", "astana", "purpose",
         "corridor", "dormitory", "hotel", "attic", "basement", "socle", "barracks"}  # area columns


def english_words(text: str) -> list[str]:
    return [word for word in _english_words(text) if word not in CODES]

LANGS = pytest.mark.parametrize("lang", ["kk", "ru"])
MODELLED = [form.slug for form in kz.forms() if form.model is not None]


def run(*args):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


def reader_texts(summary: dict) -> list[str]:
    """The texts of a form's summary written for people."""
    return [*summary["notes"], summary.get("prescribed_by") or "", summary.get("description", ""),
            *(edition["act"] for edition in summary["editions"])]


def schema_texts(schema: dict) -> list[str]:
    """A schema's own title and description and those of its fields (not of nested definitions)."""
    texts = [schema.get("title", ""), schema.get("description", "")]
    for prop in schema["properties"].values():
        texts += [prop.get("title", ""), prop.get("description", "")]
    return texts


@LANGS
def test_forms_json_speaks_the_message_language(lang):
    forms = json.loads(run("forms", "--format", "json", "--message-lang", lang).stdout)
    english = json.loads(run("forms", "--format", "json", "--message-lang", "en").stdout)
    assert [form["slug"] for form in forms] == [form["slug"] for form in english]
    assert {form["message_lang"] for form in forms} == {lang}
    for form in forms:
        assert english_words(" ".join(reader_texts(form))) == [], form["slug"]
        assert set(form["title"]) == {"kk", "ru"}  # both titles, as data
    kazakh_act = "Қазақстан Республикасы Әділет министрінің 2013 жылғы 6 мамырдағы № 156 бұйрығы"
    assert (forms[0]["editions"][0]["act"] == kazakh_act) == (lang == "kk")


@LANGS
@pytest.mark.parametrize("form", ["annex-2", "passport-house", "notice-refusal"])
def test_describe_json_speaks_the_message_language(form, lang):
    described = json.loads(run("describe", form, "--format", "json", "--message-lang", lang).stdout)
    assert described["message_lang"] == lang and described["slug"] == kz.get_form(form).slug
    assert english_words(" ".join(reader_texts(described))) == []
    assert english_words(" ".join(schema_texts(described["schema"]))) == []
    assert described["schema"]["x-message-lang"] == lang


@LANGS
@pytest.mark.parametrize("form", MODELLED)
def test_schema_speaks_the_message_language_and_keeps_the_keys(form, lang):
    schema = json.loads(run("schema", form, "--message-lang", lang).stdout)
    original = kz.schema(form)
    assert schema["title"] == kz.get_form(form).title[lang]
    assert schema["x-message-lang"] == lang
    assert list(schema["properties"]) == list(original["properties"])
    assert schema.get("required") == original.get("required")
    assert english_words(" ".join(schema_texts(schema))) == []


@LANGS
@pytest.mark.parametrize("form", MODELLED)
def test_every_text_of_a_schema_is_translated(form, lang):
    """Nested definitions too: each description (and given title) differs from the English one
    (codes the texts quote are checked by the catalogue's translators, not here)."""
    from kzcadastre_docs.cli.reader_texts import schema_texts

    translated = schema_texts(json.loads(run("schema", form, "--message-lang", lang).stdout))
    english = schema_texts(kz.schema(form))
    assert len(translated) == len(english)
    same = [text for text, original in zip(translated, english) if text == original]
    assert same == []


def test_schema_in_english_is_the_models_schema():
    schema = json.loads(run("schema", "annex-2", "--message-lang", "en").stdout)
    assert schema.pop("x-message-lang") == "en"
    assert schema == json.loads(json.dumps(kz.schema("annex-2"), ensure_ascii=False))


@LANGS
def test_describe_text_names_the_act_in_the_message_language(lang):
    output = run("describe", "annex-2", "--message-lang", lang).stdout
    act = {"kk": "Әділет министрінің 2013 жылғы 6 мамырдағы № 156 бұйрығы",
           "ru": "Приказ Министра юстиции Республики Казахстан от 6 мая 2013 года № 156"}
    assert act[lang] in output and act["ru" if lang == "kk" else "kk"] not in output
