"""Printed names of coded values (object types, kinds of change, structural elements...).

The names are data (`data/labels.yaml`), in Kazakh and Russian; every function takes the
document language explicitly.

>>> from kzcadastre_docs.models.parts import ObjectType
>>> label(ObjectType.APARTMENT, "kk"), label(ObjectType.APARTMENT, "ru")
('пәтер', 'квартира')
>>> label("duplicate", "ru", "service")
'выдача дубликата кадастрового паспорта объекта недвижимости'
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..errors import EXIT_FAILURE, KzcadastreError, shown_value
from ..i18n.formatting import check_lang
from .localized import Localizable, ResolvedText, text_in

#: The section of labels.yaml that names each enumeration's values.
ENUM_SECTIONS = {
    "ObjectType": "object_type",
    "ChangeKind": "change_kind",
    "StructuralElementKind": "structural_element",
    "StructureUnit": "unit",
    "InventoryStatus": "inventory_status",
}


class LabelError(KzcadastreError, LookupError):
    """A value that has no printed name: the `label` filter of a template called with a section
    or a code that neither labels.yaml nor the vocabularies know. Like another template that
    cannot be rendered, exit 1 (nothing is written).

    >>> label("x", "kk", "no_such_section")
    Traceback (most recent call last):
    ...
    kzcadastre_docs.models.labels.LabelError: no section or vocabulary 'no_such_section' to print 'x' with the |label filter; the sections are: ...
    """

    exit_code = EXIT_FAILURE
    code = "unknown_label"


@lru_cache(maxsize=1)
def all_labels() -> dict[str, dict[str, dict[str, str]]]:
    """Every section of labels.yaml: section -> value -> {lang: text}."""
    text = resources.files("kzcadastre_docs.data").joinpath("labels.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def label(value: Any, lang: str, section: str | None = None) -> str:
    """The printed name of `value` in `lang`; enumerations know their section.

    A vocabulary term or a localized text prints its `lang` text; a value the rendering
    context has already resolved (ResolvedText) prints as it is.

    >>> from kzcadastre_docs.models.vocabularies import Term
    >>> label(Term("room_purpose", "kitchen"), "ru"), label("kitchen", "kk", "room_purpose")
    ('кухня', 'ас бөлме')
    """
    check_lang(lang)
    if isinstance(value, ResolvedText):
        return str.__str__(value)
    if isinstance(value, Localizable):
        return text_in(value, lang)
    if isinstance(value, Enum):
        section = section or ENUM_SECTIONS[type(value).__name__]
        value = value.value
    if section is None:
        raise LabelError("the |label filter needs a section to print {value!r}, e.g. |label('room_purpose')",
                         value=shown_value(value))
    if not isinstance(section, str) or section not in all_labels():
        from .vocabularies import VocabularyNotFound, vocabulary, vocabulary_names

        try:
            entries = vocabulary(section).entries if isinstance(section, str) else None
        except VocabularyNotFound:
            entries = None
        if entries is None:
            raise LabelError("no section or vocabulary {section!r} to print {value!r} with the |label filter; "
                             "the sections are: {known}", section=shown_value(section), value=shown_value(value),
                             known=", ".join(sorted({*all_labels(), *vocabulary_names()})))
        if not isinstance(value, str) or value not in entries:
            raise LabelError("{value!r} is not a code of the vocabulary {section!r} (the |label filter)",
                             value=shown_value(value), section=section) from None
        return entries[value].labels[lang]
    try:
        return all_labels()[section][value][lang]
    except (KeyError, TypeError):
        raise LabelError("{value!r} is not a code of the section {section!r} of labels.yaml (the |label filter); "
                         "its codes: {known}", value=shown_value(value), section=section,
                         known=", ".join(map(str, all_labels()[section]))) from None


@lru_cache(maxsize=1)
def _grounds() -> dict:
    text = resources.files("kzcadastre_docs.data").joinpath("refusal_grounds.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)["grounds"]


def refusal_ground(service: str, number: int, lang: str, edition: str | None = None) -> str:
    """Refusal ground `number` (1-5) of item 9 of Annex 1 (new_object) or 2 (duplicate), as
    the edition of Order No. 156 words it (default: the latest).

    >>> refusal_ground("new_object", 5, "ru")[:40]
    'отсутствие согласия услугополучателя, пр'
    >>> refusal_ground("new_object", 1, "kk", "2026-01-22")[:30], refusal_ground("new_object", 1, "kk")[:30]
    ('мемлекеттік қызметті алу үшін ', 'көрсетілетін қызметті алушының')
    """
    check_lang(lang)
    grounds = _grounds()
    return grounds[edition or max(grounds)][service][number][lang]
