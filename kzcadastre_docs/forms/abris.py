"""Annex 7: the abris (the technician's sketch of the land plot).

Reconstructed: the order gives only this annex's upper-right header.
The layout follows paragraph 7 of the Rules and FORMS.md; the drawing area is a framed
place for the sketch (the drawing itself comes with the measured geometry).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import Field

from ..models.base import DocumentModel, RuleViolation
from ..models.parts import Address, CadastralNumber, Person, date_order
from ..models.types import DocNumber, Litera, ShortText

from .spec import RECONSTRUCTED_BOTH, FormSpec, Provenance


class LegendItem(DocumentModel):
    litera: Litera = Field(description="Litera on the sketch.")
    name: ShortText = Field(description="Name of the building or structure.")
    material: ShortText | None = Field(None, description="Material.")


class AbrisData(DocumentModel):
    """Annex 7: the abris. An abris once made is kept; a change means a new one."""

    document_date: dt.date = Field(description="Date the abris was drawn up.")
    inventory_file_number: DocNumber = Field(description="Number of the inventory file it belongs to.")
    sequence_number: int = Field(ge=1, le=1000, description="Sequence number of this abris in the inventory file.")
    address: Address = Field(description="Address of the object.")
    land_plot_cadastral_number: CadastralNumber = Field(description="Cadastral number of the land plot.")
    survey_date: dt.date = Field(description="Date of the survey on site.")
    specialist: Person = Field(description="The specialist who drew it.")
    present: ShortText | None = Field(None, description="Who was present (owner or representative).")
    legend: list[LegendItem] = Field(min_length=1, max_length=200, description="Buildings and structures shown.")

    def rules(self) -> Iterator[RuleViolation]:
        yield from date_order(("document_date",), self.document_date, "survey_date", self.survey_date)
        seen = set()
        for index, item in enumerate(self.legend):
            if item.litera in seen:
                yield ("legend", index, "litera"), "duplicate", {"value": item.litera, "what": "litera"}
            seen.add(item.litera)



FORM = FormSpec(
    slug="abris",
    annex=7,
    title={
        "kk": "Абрис",
        "ru": "Абрис",
    },
    provenance=Provenance.RECONSTRUCTED,
    model=AbrisData,
    description="The technician's sketch of the land plot with its buildings and structures (paragraph 7 of the Rules).",
    text_provenance=RECONSTRUCTED_BOTH,
    notes=("Layout reconstructed from paragraph 7 of the Rules and FORMS.md; only the Kazakh upper-right header is official.",
           "The drawing area is a framed place for the sketch; this version does not draw it."),
)
