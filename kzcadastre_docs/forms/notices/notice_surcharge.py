"""Notice: the surcharge for the inspection work is due.

Reconstructed: the order gives no form for this document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

from pydantic import Field

from ...models.base import RuleViolation
from ...models.documents import NoticeBase
from ...models.types import Money

from ..spec import RECONSTRUCTED_BOTH, FormSpec, Provenance


class NoticeSurchargeData(NoticeBase):
    """Notice that the surcharge for the inspection work is due."""

    full_price: Money = Field(description="Full price of the work, tenge.")
    base_paid: Money = Field(description="Base cost paid at application, tenge.")
    surcharge: Money = Field(description="Surcharge due at the result: full price less the base, tenge.")
    vat_rate: Decimal = Field(ge=0, le=100, description="VAT rate included in the price, %.")
    vat_amount: Money = Field(description="VAT included in the full price, tenge.")
    tariff_official: bool = Field(description="False when the price comes from a tariff that is not the official price list.")
    due_by: dt.date | None = Field(None, description="Date by which the surcharge is due, if set.")

    def rules(self) -> Iterator[RuleViolation]:
        yield from super().rules()
        if self.base_paid + self.surcharge != self.full_price:
            yield ("surcharge",), "sum_mismatch", {"total": self.full_price, "first": "base_paid", "second": "surcharge",
                                                   "expected": self.base_paid + self.surcharge}
        from ...law.fees import vat_included

        expected_vat = vat_included(self.full_price, self.vat_rate)
        if self.vat_amount != expected_vat:
            yield ("vat_amount",), "vat_mismatch", {"amount": self.vat_amount, "expected": expected_vat,
                                                    "rate": self.vat_rate, "price": self.full_price}



FORM = FormSpec(
    slug="notice-surcharge",
    annex=None,
    title={
        "kk": "Орындалған жұмыс үшін қосымша ақы төлеу қажеттігі туралы хабарлама",
        "ru": "Уведомление о необходимости доплаты за выполненную работу",
    },
    provenance=Provenance.PRESCRIBED_CONTENT,
    prescribed_by="paragraph 4 of the Rules (Order No. 156)",
    model=NoticeSurchargeData,
    description="Notice that the surcharge for the technical inspection work is due (paragraph 4).",
    text_provenance=RECONSTRUCTED_BOTH,
    notes=("No form of this notice is approved: its content follows the Rules; the wording is the project's, the Rules' own terms (service names, the payment gateway) follow the edition in force on its date.",
           "A price from a tariff that is not the official price list is printed with a statement saying so."),
)
