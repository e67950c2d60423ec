"""Notice: preliminary decision on refusal and the hearing.

Reconstructed: the order gives no form for this document.
Its data model and templates are not written yet, so the form is listed but cannot be rendered.
"""

from .spec import FormSpec, Provenance

FORM = FormSpec(
    slug="notice-preliminary-refusal",
    annex=None,
    title={
        "kk": "Мемлекеттік қызмет көрсетуден бас тарту туралы алдын ала шешім және тыңдау туралы хабарлама",
        "ru": "Предварительное решение об отказе в оказании государственной услуги и уведомление о заслушивании",
    },
    provenance=Provenance.RECONSTRUCTED,
    description="Preliminary decision on refusal with the hearing's time and place (paragraph 5-1).",
    notes=("No template in this version: the layout will be reconstructed from FORMS.md; it is not the official form.",),
)
