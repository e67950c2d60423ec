"""Notice: refusal to provide the service.

Reconstructed: the order gives no form for this document.
The ground is printed in the words of item 9 of Annex 1 or 2 (official in Kazakh).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ...models.labels import refusal_ground

from ...models.documents import NoticeBase
from ...models.types import LocalizedLong

from ..spec import RECONSTRUCTED_BOTH, FormSpec, Provenance


class NoticeRefusalData(NoticeBase):
    """Refusal to provide the service on one of the five grounds of item 9 of Annexes 1 and 2."""

    service: Literal["new_object", "duplicate"] = Field(
        "new_object", description="The service refused: new_object (Annex 1) or duplicate (Annex 2).")
    ground: int = Field(ge=1, le=5, description="Number of the refusal ground in item 9 of Annexes 1 and 2 (1-5).")
    reasons: LocalizedLong = Field(description="The facts behind the refusal.")


def compute(model: NoticeRefusalData, lang: str, edition=None) -> dict:
    """The ground in the words of item 9 of the service's annex, in the edition in force."""
    return {"ground_text": refusal_ground(model.service, model.ground, lang, edition.id if edition else None)}


FORM = FormSpec(
    slug="notice-refusal",
    annex=None,
    title={
        "kk": "Мемлекеттік қызмет көрсетуден бас тарту туралы хабарлама",
        "ru": "Уведомление об отказе в оказании государственной услуги",
    },
    provenance=Provenance.PRESCRIBED_CONTENT,
    prescribed_by="item 9 of Annexes 1 and 2 of the Rules (Order No. 156)",
    model=NoticeRefusalData,
    description="Refusal to provide the service, with one of the five grounds of item 9 of Annexes 1 and 2.",
    text_provenance=RECONSTRUCTED_BOTH,
    compute=compute,
    computed_names=("ground_text",),
    notes=("No form of this notice is approved: its content follows the Rules; the wording is the project's, the Rules' own terms (service names, the payment gateway) follow the edition in force on its date.",),
)
