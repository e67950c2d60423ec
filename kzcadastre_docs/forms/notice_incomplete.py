"""Notice: refusal of further consideration (incomplete or expired documents).

Reconstructed: the order gives no form for this document.
Its data model and templates are not written yet, so the form is listed but cannot be rendered.
"""

from .spec import FormSpec, Provenance

FORM = FormSpec(
    slug="notice-incomplete",
    annex=None,
    title={
        "kk": "Құжаттарды одан әрі қараудан бас тарту туралы хабарлама",
        "ru": "Уведомление об отказе в дальнейшем рассмотрении документов",
    },
    provenance=Provenance.RECONSTRUCTED,
    description="Refusal of further consideration for an incomplete package or expired documents (paragraphs 4 and 9).",
    notes=("No template in this version: the layout will be reconstructed from FORMS.md; it is not the official form.",),
)
