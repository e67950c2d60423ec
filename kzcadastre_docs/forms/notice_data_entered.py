"""Notice: the identification and technical data were entered.

Reconstructed: the order gives no form for this document.
Its data model and templates are not written yet, so the form is listed but cannot be rendered.
"""

from .spec import FormSpec, Provenance

FORM = FormSpec(
    slug="notice-data-entered",
    annex=None,
    title={
        "kk": "Сәйкестендіру және техникалық мәліметтерді енгізу туралы хабарлама",
        "ru": "Уведомление о внесении идентификационных и технических сведений",
    },
    provenance=Provenance.RECONSTRUCTED,
    description="Notice that the identification and technical data were entered into the information system (paragraph 4).",
    notes=("No template in this version: the layout will be reconstructed from FORMS.md; it is not the official form.",),
)
