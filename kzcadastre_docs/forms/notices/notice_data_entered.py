"""Notice: the identification and technical data were entered.

Reconstructed: the order gives no form for this document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import Field

from ...models.base import RuleViolation
from ...models.documents import NoticeBase
from ...models.parts import date_order

from ..spec import RECONSTRUCTED_BOTH, FormSpec, Provenance


class NoticeDataEnteredData(NoticeBase):
    """Notice that the identification and technical data were entered."""

    entered_on: dt.date = Field(description="Date the data were entered into the information system.")

    def rules(self) -> Iterator[RuleViolation]:
        yield from super().rules()
        yield from date_order(("entered_on",), self.entered_on, "application.date", self.application.date)



FORM = FormSpec(
    slug="notice-data-entered",
    annex=None,
    title={
        "kk": "Сәйкестендіру және техникалық мәліметтерді енгізу туралы хабарлама",
        "ru": "Уведомление о внесении идентификационных и технических сведений",
    },
    provenance=Provenance.PRESCRIBED_CONTENT,
    prescribed_by="paragraph 4 of the Rules (Order No. 156)",
    model=NoticeDataEnteredData,
    description="Notice that the identification and technical data were entered into the information system (paragraph 4).",
    text_provenance=RECONSTRUCTED_BOTH,
    notes=("No form of this notice is approved: its content follows the Rules; the wording is the project's, the Rules' own terms (service names, the payment gateway) follow the edition in force on its date.",),
)
