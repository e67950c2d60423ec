"""What `forms`, `describe` and `schema` say to a reader, in the message language.

A form's notes, description and "prescribed by", the act of an edition and the texts of a
form's JSON Schema (its title, descriptions and the titles given to fields) are written for
people: under --message-lang kk or ru they come in that language, from the message
catalogue (form titles and the act from the forms' own bilingual data). Machine keys (slugs,
codes, field names, the `title` object with both languages) stay as they are, and the output
says which language its texts are in (`message_lang`; `x-message-lang` in a JSON Schema).
English output is unchanged but for that key.

Only light modules are imported here: `forms` reads the forms index, not the models.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

from ..i18n import catalogue
from ..i18n.catalogue import gettext as _

#: gettext for texts read from data (the catalogue has them from tools/messages.py's walk of the
#: forms), under another name so that the extractor does not take the keys below for messages.
translated = _

#: The key of a JSON Schema that says the language of its texts (JSON Schema ignores x- keys).
SCHEMA_LANG_KEY = "x-message-lang"


def reader_lang() -> str:
    """The message language of this run: kk, ru or en."""
    return catalogue.language()


@lru_cache(maxsize=1)
def act_names() -> dict[str, str]:
    """The act the annexes belong to, in kk and ru, from data/editions.yaml (as
    forms.editions.act_name, without importing the forms).

    >>> act_names()["ru"]
    'Приказ Министра юстиции Республики Казахстан от 6 мая 2013 года № 156'
    """
    from importlib import resources

    import yaml

    text = (resources.files("kzcadastre_docs") / "data" / "editions.yaml").read_text(encoding="utf-8")
    return dict(yaml.safe_load(text)["act"])


def act_name(text: str, lang: str) -> str:
    """An edition's act (given in Russian) in `lang` where the data has it; as given for en."""
    return act_names().get(lang, text) if lang in ("kk", "ru") else text


def form_summary(summary: dict[str, Any], lang: str) -> dict[str, Any]:
    """A form's summary (an entry of the forms index, or FormSpec.summary()) with its notes,
    "prescribed by" and acts in `lang`, and `message_lang`."""
    result = dict(summary)
    result["notes"] = [translated(note) for note in summary.get("notes") or []]
    prescribed_by = summary.get("prescribed_by")
    if prescribed_by:
        result["prescribed_by"] = translated(prescribed_by)
    result["editions"] = [{**edition, "act": act_name(edition.get("act", ""), lang)}
                          for edition in summary.get("editions") or []]
    result["message_lang"] = lang
    return result


def _auto_title(name: str) -> str:
    """The title pydantic makes of a field name when the model gives none.

    >>> _auto_title("document_date")
    'Document Date'
    """
    return name.replace("_", " ").title()


#: The keywords of a JSON Schema whose values are schemas (or lists or maps of schemas).
_SUBSCHEMAS = ("items", "prefixItems", "anyOf", "oneOf", "allOf", "not", "if", "then", "else",
               "additionalProperties", "contains")
_SCHEMA_MAPS = ("properties", "$defs", "definitions", "patternProperties")


def _translate_schema(node: Any, translate=translated) -> None:
    """Translate, in place, the descriptions and given field titles of a schema and its parts
    (`translate`: text -> text; tools/messages.py passes one that collects them)."""
    if isinstance(node, list):
        for item in node:
            _translate_schema(item, translate)
        return
    if not isinstance(node, dict):
        return
    if isinstance(node.get("description"), str):
        node["description"] = translate(node["description"])
    for name, prop in (node.get("properties") or {}).items():
        if isinstance(prop, dict) and isinstance(prop.get("title"), str):
            if prop["title"] == _auto_title(name):
                del prop["title"]  # only the field's name again, in English: the name itself is the key
            else:
                prop["title"] = translate(prop["title"])
    for key in ("$defs", "definitions"):
        for name, definition in (node.get(key) or {}).items():
            if isinstance(definition, dict) and definition.get("title") == name:
                del definition["title"]  # the class name again
    for key in _SUBSCHEMAS:
        _translate_schema(node.get(key), translate)
    for key in _SCHEMA_MAPS:
        for sub in (node.get(key) or {}).values():
            _translate_schema(sub, translate)


def schema_texts(schema: dict[str, Any]) -> list[str]:
    """Every text of a form's schema that `form_schema` gives in the message language (the
    message catalogue must have them: tools/messages.py extracts them from here)."""
    found: list[str] = []

    def collect(text: str) -> str:
        found.append(text)
        return text

    _translate_schema(copy.deepcopy(schema), collect)
    return found


def form_schema(schema: dict[str, Any], title: dict[str, str], lang: str) -> dict[str, Any]:
    """A form's JSON Schema with its texts for a reader in `lang` (kk or ru): the title is
    the form's title in that language, descriptions and given field titles come from the
    catalogue (a text it lacks stays as written). English: the schema as it is. Either way
    `x-message-lang` says the language."""
    result = copy.deepcopy(schema)
    if lang in ("kk", "ru"):
        result["title"] = title.get(lang, result.get("title"))
        _translate_schema(result)
    result[SCHEMA_LANG_KEY] = lang
    return result
