"""Annex 7: the abris (the technician's sketch of the land plot).

The official form of both editions (text: tools/official_text/, layout:
tools/template_text/official/abris.yaml): order number, address, applicant, surveyed and
demolished literas, year built, note, then the drawing (from the measured geometry, or a
framed place for a hand-drawn sketch) with its legend, survey date and the signatures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from pydantic import Field

from ...drawing import Drawing, DrawingError, draw_site, site_picture
from ...i18n.catalogue import Message
from ...models.base import DocumentModel, RuleViolation
from ...models.geometry import Outline
from ...models.site import LegendItem, SitePlan
from ...models.parts import Address, LandPlotNumber, Person, date_order
from ...i18n.form_fields import DASH
from ...models.types import DocNumber, Litera, LocalizedShort, Year

from ..spec import OFFICIAL_BOTH, OFFICIAL_EDITIONS, FormSpec, Provenance


class AbrisData(DocumentModel):
    """Annex 7: the abris. An abris once made is kept; a change means a new one."""

    document_date: dt.date = Field(description="Date the abris was drawn up.")
    inventory_file_number: DocNumber = Field(description="Number of the inventory file it belongs to.")
    sequence_number: int = Field(ge=1, le=1000, description="Sequence number of this abris in the inventory file.")
    address: Address = Field(description="Address of the object.")
    land_plot_cadastral_number: LandPlotNumber = Field(description="Cadastral number of the land plot.")
    survey_date: dt.date = Field(description="Date of the survey on site.")
    specialist: Person = Field(description="The specialist who drew it.")
    present: LocalizedShort | None = Field(None, description="Who was present (owner or representative).")
    legend: list[LegendItem] = Field(min_length=1, max_length=200, description="Buildings and structures shown.")
    plot_outline: Outline | None = Field(
        None, description="Boundary of the land plot. With it (and the legend's outlines) the abris is drawn.")
    north_bearing: float = Field(
        0, ge=0, lt=360, description="Direction of north, degrees clockwise from the local y axis (0: y points north).")
    order_number: DocNumber | None = Field(None, description="Number of the order (заказ) the survey was made for.")
    applicant: LocalizedShort | None = Field(None, description="Full name of the applicant.")
    demolished: list[Litera] = Field(default_factory=list, max_length=200,
                                     description="Literas of the buildings and structures demolished (not on the plot any more).")
    year_built: Year | None = Field(None, description="Year the main building was built.")
    note: LocalizedShort | None = Field(None, description="Note printed on the form (a dash if omitted).")
    checked_by: Person | None = Field(None, description="Who checked the abris; a line for the pen if omitted.")
    department_head: Person | None = Field(None, description="Head of the department; a line for the pen if omitted.")

    @property
    def site_plan(self) -> SitePlan | None:
        """What the abris draws, or None without the plot's boundary."""
        if self.plot_outline is None:
            return None
        # Its parts are validated already (as this model's fields): no second check.
        return SitePlan.model_construct(plot_outline=self.plot_outline, north_bearing=self.north_bearing,
                                        items=self.legend)

    @property
    def drawing_title(self) -> str:
        """How the drawing describes itself (the picture's alternative text)."""
        return f"Abris No. {self.sequence_number}, land plot {self.land_plot_cadastral_number}"

    def advice(self) -> Iterator[RuleViolation]:
        site = self.site_plan
        if site is not None:
            for loc, rule, ctx in site.advice():
                yield ("legend", *loc[1:]), rule, ctx

    def rules(self) -> Iterator[RuleViolation]:
        yield from date_order(("document_date",), self.document_date, "survey_date", self.survey_date)
        seen = set()
        for index, item in enumerate(self.legend):
            if item.litera in seen:
                yield ("legend", index, "litera"), "duplicate", {"value": item.litera, "what": Message("litera")}
            seen.add(item.litera)
        for index, litera in enumerate(self.demolished):
            if litera in seen:  # a building cannot be both surveyed (on the plot) and demolished
                yield ("demolished", index), "duplicate", {"value": litera, "what": Message("litera")}
            seen.add(litera)



def draw_abris(data: AbrisData) -> Drawing:
    """The abris as a PNG at 300 dpi, 17 cm wide, at the largest standard scale that fits."""
    site = data.site_plan
    if site is None:
        raise DrawingError("abris: plot_outline is not given, so there is nothing to draw")
    return draw_site(site, data.drawing_title)


#: A name left for the pen.
PEN_LINE = "\u00a0" * 40


def compute(model: AbrisData, lang: str) -> dict[str, Any]:
    """The drawing, when the data has the plot's boundary (else the form keeps a framed place),
    and the form's lines: literas surveyed (the legend's) and demolished, the signatories."""
    site = model.site_plan
    return {
        "drawings": {"abris": site_picture(site, model.drawing_title) if site is not None else None},
        "surveyed_literas": ", ".join(item.litera for item in model.legend),
        "demolished_literas": ", ".join(model.demolished) or DASH,
        "applicant_name": model.applicant or PEN_LINE,
        "checked_by_name": model.checked_by.full_name if model.checked_by else PEN_LINE,
        "department_head_name": model.department_head.full_name if model.department_head else PEN_LINE,
    }


FORM = FormSpec(
    slug="abris",
    annex=7,
    title={
        "kk": "АБРИС",
        "ru": "АБРИС",
    },
    provenance=Provenance.OFFICIAL_TEXT,
    model=AbrisData,
    description="The technician's sketch of the land plot with its buildings and structures (paragraph 7 of the Rules).",
    text_provenance=OFFICIAL_BOTH,
    editions=OFFICIAL_EDITIONS,
    compute=compute,
    computed_names=("drawings", "surveyed_literas", "demolished_literas", "applicant_name", "checked_by_name",
                    "department_head_name"),
    notes=("The official form of Annex 7 in kk and ru, both editions; the drawing and its legend follow the note line. "
           "Kept as in the official text: the Kazakh form reads 'Түсірілген жылы' (year of the survey) where the "
           "Russian reads 'Дата съемки'; the full date is printed.",
           "With plot_outline (and the legend's outlines or paths) the abris is drawn from the data at a standard "
           "scale; without it the form keeps a framed place for a hand-drawn sketch."),
)
