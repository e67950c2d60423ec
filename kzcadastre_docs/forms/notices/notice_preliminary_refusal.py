"""Notice: preliminary decision on refusal and the hearing.

Reconstructed: the order gives no form for this document.
The ground is printed in the words of item 9 of Annex 1 (official in Kazakh).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import Field

from ...models.labels import refusal_ground

from ...models.base import DocumentModel, RuleViolation
from ...models.documents import NoticeBase
from ...models.parts import date_order
from ...models.types import LocalizedLong, LocalizedShort

from ..spec import RECONSTRUCTED_BOTH, FormSpec, Provenance


class Hearing(DocumentModel):
    at: dt.datetime = Field(description="Date and time of the hearing (local time, UTC+5).")
    place: LocalizedShort = Field(description="Place, or the way it is held (e.g. video link).")


class NoticePreliminaryRefusalData(NoticeBase):
    """Preliminary decision on refusal and notice of the hearing (paragraph 5-1)."""

    ground: int = Field(ge=1, le=5, description="Number of the refusal ground in item 9 of Annexes 1 and 2 (1-5).")
    reasons: LocalizedLong = Field(description="The facts behind the preliminary decision.")
    hearing: Hearing = Field(description="The hearing.")
    service_due_on: dt.date | None = Field(None, description="Last day of the service term, if computed.")

    def rules(self) -> Iterator[RuleViolation]:
        yield from super().rules()
        yield from date_order(("hearing", "at"), self.hearing.at.date(), "document_date", self.document_date)
        latest = self.hearing_notice_latest()
        if latest is not None and self.document_date > latest:
            yield ("document_date",), "hearing_notice_late", {"date": self.document_date, "latest": latest,
                                                              "due": self.service_due_on}

    def hearing_notice_latest(self) -> dt.date | None:
        """The last day to send this notice: 3 working days before the term ends (paragraph 5-1)."""
        if self.service_due_on is None:
            return None
        from ...law.calendar import default_calendar
        from ...law.rules import HEARING_NOTICE_WORKING_DAYS

        return default_calendar().subtract_working_days(self.service_due_on, HEARING_NOTICE_WORKING_DAYS)


def compute(model: NoticePreliminaryRefusalData, lang: str, edition=None) -> dict:
    """The ground's words, the hearing's time, the latest notice date, the objection term."""
    from ...law.rules import OBJECTION_WORKING_DAYS

    return {
        "ground_text": refusal_ground("new_object", model.ground, lang, edition.id if edition else None),
        "hearing_time": model.hearing.at.strftime("%H:%M"),
        "notice_latest": model.hearing_notice_latest(),
        "objection_days": OBJECTION_WORKING_DAYS,
    }


FORM = FormSpec(
    slug="notice-preliminary-refusal",
    annex=None,
    title={
        "kk": "Мемлекеттік қызмет көрсетуден бас тарту туралы алдын ала шешім және тыңдау туралы хабарлама",
        "ru": "Предварительное решение об отказе в оказании государственной услуги и уведомление о заслушивании",
    },
    provenance=Provenance.PRESCRIBED_CONTENT,
    prescribed_by="paragraph 5-1 of the Rules (Order No. 156) and the Administrative Procedural Code",
    model=NoticePreliminaryRefusalData,
    description="Preliminary decision on refusal with the hearing's time and place (paragraph 5-1).",
    text_provenance=RECONSTRUCTED_BOTH,
    compute=compute,
    computed_names=("ground_text", "hearing_time", "notice_latest", "objection_days"),
    notes=("No form of this notice is approved: its content follows the Rules; the wording is the project's, the Rules' own terms (service names, the payment gateway) follow the edition in force on its date.",),
)
