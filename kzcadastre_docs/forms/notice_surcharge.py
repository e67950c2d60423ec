"""Notice: the surcharge for the inspection work is due.

Reconstructed: the order gives no form for this document.
Its data model and templates are not written yet, so the form is listed but cannot be rendered.
"""

from .spec import FormSpec, Provenance

FORM = FormSpec(
    slug="notice-surcharge",
    annex=None,
    title={
        "kk": "Орындалған жұмыс үшін қосымша ақы төлеу қажеттігі туралы хабарлама",
        "ru": "Уведомление о необходимости доплаты за выполненную работу",
    },
    provenance=Provenance.RECONSTRUCTED,
    description="Notice that the surcharge for the technical inspection work is due (paragraph 4).",
    notes=("No template in this version: the layout will be reconstructed from FORMS.md; it is not the official form.",),
)
