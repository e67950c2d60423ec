"""Annex 6: the application for a duplicate of the cadastral passport.

The official form of both editions (text: tools/official_text/, layout:
tools/template_text/official/application-duplicate.yaml). It has the lines of every
application (ApplicationBase and applicant_lines of application.py), the number after the
form's title, the address of the object, the date the documents are issued and the register
number (office_lines of application_passport.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from pydantic import Field

from ...models.base import RuleViolation
from ...models.parts import Address, date_order
from ...models.types import DocNumber

from ..spec import OFFICIAL_BOTH, OFFICIAL_EDITIONS, FormSpec, Provenance
from .application import APPLICANT_LINES, PEN_LINE, ApplicationBase, applicant_lines
from .application_passport import OFFICE_LINES, office_lines


class DuplicateApplicationData(ApplicationBase):
    """Annex 6: the application for a duplicate of the cadastral passport."""

    number: DocNumber | None = Field(None, description="The number printed after the form's title "
                                                       "(«№ ___»); a line for the pen if omitted.")
    object_address: Address = Field(description="Address of the object.")
    issue_date: dt.date | None = Field(None, description="Date the documents are issued.")
    register_number: DocNumber | None = Field(None, description="Register number of the application.")

    def rules(self) -> Iterator[RuleViolation]:
        yield from super().rules()
        yield from date_order(("issue_date",), self.issue_date, "document_date", self.document_date)


def compute(model: DuplicateApplicationData, lang: str) -> dict[str, Any]:
    """applicant_lines(), the office's lines and the number after the title."""
    return {**applicant_lines(model, lang), **office_lines(model, lang), "number_line": model.number or PEN_LINE}


FORM = FormSpec(
    slug="application-duplicate",
    annex=6,
    title={
        "kk": "Жылжымайтын мүлік объектісінің кадастрлық паспортының телнұсқасын беруге өтініш",
        "ru": "Заявление на выдачу дубликата кадастрового паспорта объекта недвижимости",
    },
    provenance=Provenance.OFFICIAL_TEXT,
    model=DuplicateApplicationData,
    description="The application for a duplicate of the cadastral passport of real estate.",
    text_provenance=OFFICIAL_BOTH,
    editions=OFFICIAL_EDITIONS,
    compute=compute,
    computed_names=APPLICANT_LINES + OFFICE_LINES + ("number_line",),
    notes=("The official form of Annex 6 in kk and ru, both editions; the lines of the other kind of applicant "
           "(individual / legal entity) stay blank.",),
)
