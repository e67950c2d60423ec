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
        raise ValueError(f"no label section given for {value!r}")
    if section not in all_labels():
        from .vocabularies import vocabulary

        try:
            return vocabulary(section).entries[value].labels[lang]
        except (KeyError, LookupError):
            raise KeyError(f"no {lang} label for {value!r} in vocabulary {section!r}") from None
    try:
        return all_labels()[section][value][lang]
    except KeyError:
        raise KeyError(f"no {lang} label for {value!r} in section {section!r} of labels.yaml") from None


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
