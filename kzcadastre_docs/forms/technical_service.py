"""Annex 10: technical characteristics of service buildings and structures.

Reconstructed: the order gives only this annex's upper-right header.
Its data model and templates are not written yet, so the form is listed but cannot be rendered.
"""

from .spec import FormSpec, Provenance

FORM = FormSpec(
    slug="technical-service",
    annex=10,
    title={
        "kk": "Қызметтік (шаруашылық) құрылыстар мен құрылысжайлардың техникалық сипаттамалары",
        "ru": "Технические характеристики служебных (хозяйственных) строений и сооружений",
    },
    provenance=Provenance.RECONSTRUCTED,
    description="Technical characteristics of service (household) buildings and structures, inside the cadastral passport (paragraph 7).",
    notes=("No template in this version: the layout will be reconstructed from FORMS.md; it is not the official form.",),
)
