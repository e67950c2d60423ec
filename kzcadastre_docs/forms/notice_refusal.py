"""Notice: refusal to provide the service.

Reconstructed: the order gives no form for this document.
Its data model and templates are not written yet, so the form is listed but cannot be rendered.
"""

from .spec import FormSpec, Provenance

FORM = FormSpec(
    slug="notice-refusal",
    annex=None,
    title={
        "kk": "Мемлекеттік қызмет көрсетуден бас тарту туралы хабарлама",
        "ru": "Уведомление об отказе в оказании государственной услуги",
    },
    provenance=Provenance.RECONSTRUCTED,
    description="Refusal to provide the service, with one of the five grounds of item 9 of Annexes 1 and 2.",
    notes=("No template in this version: the layout will be reconstructed from FORMS.md; it is not the official form.",),
)
