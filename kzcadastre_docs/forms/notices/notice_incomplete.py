"""Notice: refusal of further consideration (incomplete or expired documents).

Reconstructed: the order gives no form for this document.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ...models.base import RuleViolation
from ...models.documents import NoticeBase
from ...models.types import LocalizedShort

from ..spec import RECONSTRUCTED_BOTH, FormSpec, Provenance


class NoticeIncompleteData(NoticeBase):
    """Refusal of further consideration: incomplete package or expired documents."""

    missing: list[LocalizedShort] = Field(default_factory=list, max_length=50, description="Documents not submitted.")
    expired: list[LocalizedShort] = Field(default_factory=list, max_length=50, description="Documents whose validity has expired.")

    def rules(self) -> Iterator[RuleViolation]:
        yield from super().rules()
        if not self.missing and not self.expired:
            yield ("missing",), "one_of_required", {"fields": "missing, expired"}



FORM = FormSpec(
    slug="notice-incomplete",
    annex=None,
    title={
        "kk": "Құжаттарды одан әрі қараудан бас тарту туралы хабарлама",
        "ru": "Уведомление об отказе в дальнейшем рассмотрении документов",
    },
    provenance=Provenance.PRESCRIBED_CONTENT,
    prescribed_by="paragraphs 4 and 9 of the Rules (Order No. 156)",
    model=NoticeIncompleteData,
    description="Refusal of further consideration for an incomplete package or expired documents (paragraphs 4 and 9).",
    text_provenance=RECONSTRUCTED_BOTH,
    notes=("No form of this notice is approved: its content follows the Rules; the wording is the project's, the Rules' own terms (service names, the payment gateway) follow the edition in force on its date.",),
)
