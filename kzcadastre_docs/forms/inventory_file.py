"""Annex 8: the single inventory file.

Reconstructed: the order gives only this annex's upper-right header.
Its data model and templates are not written yet, so the form is listed but cannot be rendered.
"""

from .spec import FormSpec, Provenance

FORM = FormSpec(
    slug="inventory-file",
    annex=8,
    title={
        "kk": "Бірыңғай түгендеу ісі",
        "ru": "Единое инвентарное дело",
    },
    provenance=Provenance.RECONSTRUCTED,
    description="The single inventory file: cover and chronological register of documents, superseded ones kept (paragraph 7).",
    notes=("No template in this version: the layout will be reconstructed from FORMS.md; it is not the official form.",),
)
