"""Notice: refusal of further consideration (incomplete or expired documents).

Reconstructed: the order gives no form for this document.
Its data model is below; its templates are not written yet, so it validates but does not render.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ..models.base import RuleViolation
from ..models.documents import NoticeBase
from ..models.types import ShortText

from .spec import FormSpec, Provenance


class NoticeIncompleteData(NoticeBase):
    """Refusal of further consideration: incomplete package or expired documents."""

    missing: list[ShortText] = Field(default_factory=list, max_length=50, description="Documents not submitted.")
    expired: list[ShortText] = Field(default_factory=list, max_length=50, description="Documents whose validity has expired.")

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
    provenance=Provenance.RECONSTRUCTED,
    model=NoticeIncompleteData,
    description="Refusal of further consideration for an incomplete package or expired documents (paragraphs 4 and 9).",
    notes=("No template in this version: the layout will be reconstructed from FORMS.md; it is not the official form.",),
)
