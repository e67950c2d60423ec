"""The cadastral passport (assembles Annexes 9 and 10); its duplicate carries a mark.

Reconstructed: the order gives no form for this document.
Its data model and templates are not written yet, so the form is listed but cannot be rendered.
"""

from .spec import FormSpec, Provenance

FORM = FormSpec(
    slug="cadastral-passport",
    annex=None,
    title={
        "kk": "Жылжымайтын мүлік объектісінің кадастрлық паспорты",
        "ru": "Кадастровый паспорт объекта недвижимости",
    },
    provenance=Provenance.RECONSTRUCTED,
    description="The cadastral passport: identification page, floor plans with explication, Annexes 9 and 10, the abris.",
    notes=("No template in this version: the layout will be reconstructed from FORMS.md; it is not the official form.",),
)
