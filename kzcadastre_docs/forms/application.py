"""Annex 4: the application.

Reconstructed: the order gives only this annex's upper-right header.
Its data model and templates are not written yet, so the form is listed but cannot be rendered.
"""

from .spec import FormSpec, Provenance

FORM = FormSpec(
    slug="application",
    annex=4,
    title={
        "kk": "Өтініш",
        "ru": "Заявление",
    },
    provenance=Provenance.RECONSTRUCTED,
    description="The applicant's application for the new-object service or the duplicate (paragraph 4 of the Rules).",
    notes=("No template in this version: the layout will be reconstructed from FORMS.md; it is not the official form.",),
)
