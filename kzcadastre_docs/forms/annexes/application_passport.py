"""Annex 5: the application for the cadastral passport and the conclusion on discrepancies.

The official form of both editions (text: tools/official_text/, layout:
tools/template_text/official/application-passport.yaml). It has the lines of every
application (ApplicationBase and applicant_lines of application.py) and, of its own, the
address of the object surveyed, the specialist's visit date, the date the documents are
issued and the register number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from pydantic import Field

from ...i18n import formatting
from ...models.base import RuleViolation
from ...models.parts import Address, date_order
from ...models.types import DocNumber

from ..spec import OFFICIAL_BOTH, OFFICIAL_EDITIONS, FormSpec, Provenance
from .application import APPLICANT_LINES, PEN_LINE, ApplicationBase, applicant_lines


class PassportApplicationData(ApplicationBase):
    """Annex 5: the application for the cadastral passport and the conclusion."""

    object_address: Address = Field(description="Address of the object surveyed.")
    specialist_visit: dt.date | None = Field(None, description="Date the specialist goes out to the object.")
    issue_date: dt.date | None = Field(None, description="Date the documents are issued.")
    register_number: DocNumber | None = Field(None, description="Register number of the application.")

    def rules(self) -> Iterator[RuleViolation]:
        yield from super().rules()
        yield from date_order(("specialist_visit",), self.specialist_visit, "document_date", self.document_date)
        yield from date_order(("issue_date",), self.issue_date, "document_date", self.document_date)
        yield from date_order(("issue_date",), self.issue_date, "specialist_visit", self.specialist_visit)


def office_lines(model, lang: str) -> dict[str, Any]:
    """The office's lines after the acceptance: the date of issue and the register number
    (Annexes 5 and 6); a line for the pen where there is no datum."""
    return {
        "issue_line": formatting.official_date(model.issue_date, lang) if model.issue_date else PEN_LINE,
        "register_line": model.register_number or PEN_LINE,
    }


def compute(model: PassportApplicationData, lang: str) -> dict[str, Any]:
    """applicant_lines(), the office's lines and the specialist's visit date."""
    visit = model.specialist_visit
    return {**applicant_lines(model, lang), **office_lines(model, lang),
            "visit_line": formatting.official_date(visit, lang) if visit else PEN_LINE}


#: The names office_lines() computes.
OFFICE_LINES = ("issue_line", "register_line")

FORM = FormSpec(
    slug="application-passport",
    annex=5,
    title={
        "kk": "Жылжымайтын мүлік объектілерінің кадастрлық паспортын беруге өтініш және жаңадан құрылған жылжымайтын "
              "мүлік объектісіне жүргізілген мемлекеттік техникалық тексеру қорытындылары бойынша сәйкестендіру және "
              "техникалық мәліметтердің алшақтығын белгілеу туралы қорытынды",
        "ru": "Заявление на выдачу кадастрового паспорта объектов недвижимости и заключения об установлении "
              "расхождений идентификационных и технических сведений по итогам проведенного государственного "
              "технического обследования вновь созданного объекта недвижимости",
    },
    provenance=Provenance.OFFICIAL_TEXT,
    model=PassportApplicationData,
    description="The application for the cadastral passport and the conclusion after the technical survey "
                "of a newly built object.",
    text_provenance=OFFICIAL_BOTH,
    editions=OFFICIAL_EDITIONS,
    compute=compute,
    computed_names=APPLICANT_LINES + OFFICE_LINES + ("visit_line",),
    notes=("The official form of Annex 5 in kk and ru, both editions; the lines of the other kind of applicant "
           "(individual / legal entity) stay blank.",),
)
