"""The registry of document kinds: one module per kind, each exposing `FORM`.

Forms are addressed by slug (`requirements-new-object`) or by annex (`annex-1`).
"""

from __future__ import annotations

import importlib
import re

from ..errors import FormNotAvailableError, UnknownFormError
from .spec import FormSpec, Provenance, TextProvenance

#: Registered modules, in the order the forms are listed (annexes first, by number).
FORM_MODULES = (
    "annexes.requirements_new_object",
    "annexes.requirements_duplicate",
    "annexes.conclusion",
    "annexes.application",
    "annexes.application_passport",
    "annexes.application_duplicate",
    "annexes.abris",
    "annexes.inventory_file",
    "annexes.technical_main",
    "annexes.technical_service",
    "passport.land",
    "passport.building",
    "passport.apartment",
    "passport.house",
    "passport.parking",
    "passport.storage",
    "cadastral.cadastral_register_sheet",
    "notices.notice_data_entered",
    "notices.notice_surcharge",
    "notices.notice_refusal",
    "notices.notice_preliminary_refusal",
    "notices.notice_incomplete",
)

_ANNEX = re.compile(r"annex-(\d+)$")


def _load() -> dict[str, FormSpec]:
    registry: dict[str, FormSpec] = {}
    for module_name in FORM_MODULES:
        form = importlib.import_module(f"{__name__}.{module_name}").FORM
        if form.slug in registry:
            raise RuntimeError(f"form slug {form.slug!r} registered twice")
        registry[form.slug] = form
    return registry


REGISTRY: dict[str, FormSpec] = _load()


def all_forms() -> list[FormSpec]:
    """Every registered form, annexes first."""
    return list(REGISTRY.values())


def get_form(name: str) -> FormSpec:
    """A form by slug or `annex-N`.

    >>> get_form("annex-2").slug
    'requirements-duplicate'
    >>> get_form("annex-11")
    Traceback (most recent call last):
    ...
    kzcadastre_docs.errors.UnknownFormError: no form 'annex-11'; Annex 11 was deleted by Order No. 65, and the annexes are 1-10
    """
    if name in REGISTRY:
        return REGISTRY[name]
    match = _ANNEX.match(name)
    if match:
        number = int(match.group(1))
        for form in REGISTRY.values():
            if form.annex == number:
                return form
        if number == 11:
            raise UnknownFormError("no form {name!r}; Annex 11 was deleted by Order No. 65, and the annexes are 1-10",
                                   name=name, field="FORM")
        raise UnknownFormError("no form {name!r}; the annexes are 1-10", name=name, field="FORM")
    raise UnknownFormError("no form {name!r}; known forms: {known}", name=name, known=", ".join(REGISTRY), field="FORM")


def modelled_form(name: str) -> FormSpec:
    """A form that has a data model (to validate or export a schema), or a clear error."""
    form = get_form(name)
    if form.provenance is Provenance.RESERVED:
        raise FormNotAvailableError(
            "Annex {annex} ({slug}) cannot be rendered: its official content is not available "
            "(Order No. 65 amends only its header and does not say what it is)", annex=form.annex, slug=form.slug,
            field="FORM")
    if form.model is None:
        raise FormNotAvailableError("form {slug!r} has no data model in this version yet", slug=form.slug, field="FORM")
    return form


def renderable_form(name: str) -> FormSpec:
    """A form that can be rendered, or a clear error saying why it cannot."""
    form = modelled_form(name)
    if not form.renderable:
        raise FormNotAvailableError("form {slug!r} has no template in this version yet", slug=form.slug, field="FORM")
    return form


__all__ = ["FORM_MODULES", "FormSpec", "Provenance", "REGISTRY", "TextProvenance", "all_forms", "get_form", "modelled_form", "renderable_form"]
