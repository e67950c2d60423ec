"""The cadastral passports of Order No. 440, one module per form, and which form an object
takes (`passport_form`, from data/passport_forms.yaml)."""

from __future__ import annotations

from typing import Any

from ...errors import DataFileError, FormNotAvailableError
from ...models.passport import object_forms


def passport_form(object_type: str) -> str:
    """The passport form of an object type.

    >>> passport_form("dormitory_room"), passport_form("dacha"), passport_form("storeroom")
    ('passport-apartment', 'passport-house', 'passport-storage')
    >>> passport_form("other")
    'passport-building'
    """
    from .. import REGISTRY

    try:
        slug = object_forms()[object_type]
    except KeyError:
        raise DataFileError("object_type: no passport form for {object_type!r}; known object types: {known}",
                            object_type=object_type, known=", ".join(object_forms())) from None
    if slug not in REGISTRY:
        raise FormNotAvailableError("object_type {object_type!r} takes {slug}, which is not available yet",
                                    object_type=object_type, slug=slug)
    return slug


def passport_form_for(data: Any) -> str:
    """The passport form for a data file's content: its `object_type` decides."""
    if not isinstance(data, dict) or not data.get("object_type"):
        raise DataFileError("object_type: the data must name its object_type for `passport` to pick the form "
                            "(one of: {known})", known=", ".join(object_forms()), field="object_type")
    return passport_form(str(data["object_type"]))
