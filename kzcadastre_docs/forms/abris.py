"""Annex 7: the abris (the technician's sketch of the land plot).

Reconstructed: the order gives only this annex's upper-right header.
Its data model and templates are not written yet, so the form is listed but cannot be rendered.
"""

from .spec import FormSpec, Provenance

FORM = FormSpec(
    slug="abris",
    annex=7,
    title={
        "kk": "Абрис",
        "ru": "Абрис",
    },
    provenance=Provenance.RECONSTRUCTED,
    description="The technician's sketch of the land plot with its buildings and structures (paragraph 7 of the Rules).",
    notes=("No template in this version: the layout will be reconstructed from FORMS.md; it is not the official form.",),
)
