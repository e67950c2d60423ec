"""Annex 9: technical characteristics of the main object.

Reconstructed: the order gives only this annex's upper-right header.
Its data model and templates are not written yet, so the form is listed but cannot be rendered.
"""

from .spec import FormSpec, Provenance

FORM = FormSpec(
    slug="technical-main",
    annex=9,
    title={
        "kk": "Негізгі объектінің техникалық сипаттамалары",
        "ru": "Технические характеристики основного объекта",
    },
    provenance=Provenance.RECONSTRUCTED,
    description="Technical characteristics of the main object, a form inside the cadastral passport (paragraph 7).",
    notes=("No template in this version: the layout will be reconstructed from FORMS.md; it is not the official form.",),
)
