"""Notice: refusal to provide the service.

Reconstructed: the order gives no form for this document.
Its data model is below; its templates are not written yet, so it validates but does not render.
"""

from __future__ import annotations

from pydantic import Field

from ..models.documents import NoticeBase
from ..models.types import LongText

from .spec import FormSpec, Provenance


class NoticeRefusalData(NoticeBase):
    """Refusal to provide the service on one of the five grounds of item 9 of Annexes 1 and 2."""

    ground: int = Field(ge=1, le=5, description="Number of the refusal ground in item 9 of Annexes 1 and 2 (1-5).")
    reasons: LongText = Field(description="The facts behind the refusal.")



FORM = FormSpec(
    slug="notice-refusal",
    annex=None,
    title={
        "kk": "Мемлекеттік қызмет көрсетуден бас тарту туралы хабарлама",
        "ru": "Уведомление об отказе в оказании государственной услуги",
    },
    provenance=Provenance.RECONSTRUCTED,
    model=NoticeRefusalData,
    description="Refusal to provide the service, with one of the five grounds of item 9 of Annexes 1 and 2.",
    notes=("No template in this version: the layout will be reconstructed from FORMS.md; it is not the official form.",),
)
