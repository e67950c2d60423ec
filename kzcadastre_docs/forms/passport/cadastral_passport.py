"""The cadastral passport (assembles Annexes 9 and 10); its duplicate carries a mark.

Reconstructed: the order gives no form for this document.
The layout follows FORMS.md: identification page, explication per floor with totals,
the Annex 9 and 10 tables, the place of the abris, signatures. A duplicate carries the
"ТЕЛНҰСҚА / ДУБЛИКАТ" mark on its first page and in the header of every page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import Field

from ...drawing import floor_picture, site_picture
from ...models.base import DocumentModel, RuleViolation
from ...models.parts import (Address, CadastralNumber, Inspection, LandPlot, MainCharacteristics, Person,
                            RealEstateObject, ServiceBuilding, Structure, date_order)
from ...models.site import SitePlan
from ...models.types import DocNumber
from decimal import Decimal

from ..computed.technical_tables import element_rows, explication, service_totals

from ..spec import RECONSTRUCTED_BOTH, FormSpec, Provenance


class DuplicateMark(DocumentModel):
    """Present on a duplicate: the passport carries the "ТЕЛНҰСҚА / ДУБЛИКАТ" mark."""

    issued_on: dt.date = Field(description="Date the duplicate is issued.")
    application_number: DocNumber | None = Field(None, description="Number of the application for the duplicate.")


class CadastralPassportData(DocumentModel):
    """The cadastral passport: identification page, explication, Annexes 9 and 10."""

    document_date: dt.date = Field(description="Date the passport was issued.")
    cadastral_number: CadastralNumber = Field(description="Cadastral number of the object.")
    address: Address = Field(description="Address of the object.")
    object: RealEstateObject = Field(description="The object with its explication per floor.")
    land_plot: LandPlot = Field(description="The land plot.")
    inventory_file_number: DocNumber = Field(description="Number of the inventory file.")
    inspection: Inspection = Field(description="The technical inspection the passport is based on.")
    main: MainCharacteristics = Field(description="Annex 9: the main object.")
    service_buildings: list[ServiceBuilding] = Field(default_factory=list, description="Annex 10: service buildings.")
    structures: list[Structure] = Field(default_factory=list, description="Annex 10: structures.")
    prepared_by: Person = Field(description="Who prepared the passport.")
    head: Person = Field(description="The head who agreed and signed it (EDS).")
    duplicate: DuplicateMark | None = Field(None, description="Set when this is a duplicate.")
    site_plan: SitePlan | None = Field(
        None, description="The land plot with its buildings and structures, drawn as the passport's abris.")

    @property
    def site_plan_title(self) -> str:
        """How the site plan describes itself (the picture's alternative text)."""
        return f"Site plan, {self.cadastral_number}"

    def rules(self) -> Iterator[RuleViolation]:
        yield from date_order(("document_date",), self.document_date, "inspection.date", self.inspection.date)
        if self.duplicate:
            yield from date_order(("duplicate", "issued_on"), self.duplicate.issued_on, "document_date", self.document_date)
        if abs(self.main.total_area - self.object.total_area) > Decimal("0.05"):
            yield ("main", "total_area"), "explication_total", {
                "what": "main.total_area", "declared": self.main.total_area, "computed": self.object.total_area,
                "tolerance": Decimal("0.05")}


def compute(model: CadastralPassportData, lang: str) -> dict:
    """The explication with its totals, the Annex 9 rows, the Annex 10 totals, and the
    drawings: the site plan and a plan per floor, where the data has their geometry."""
    site = site_picture(model.site_plan, model.site_plan_title) if model.site_plan else None
    return {
        "explication": explication(model.object.floors),
        "element_rows": element_rows(model.main, lang),
        "totals": service_totals(model.service_buildings, model.structures),
        "drawings": {
            "site_plan": site,
            "floor_plans": [floor_picture(floor) if floor.plan else None for floor in model.object.floors],
        },
    }


FORM = FormSpec(
    slug="cadastral-passport",
    annex=None,
    title={
        "kk": "Жылжымайтын мүлік объектісінің кадастрлық паспорты",
        "ru": "Кадастровый паспорт объекта недвижимости",
    },
    provenance=Provenance.RECONSTRUCTED,
    model=CadastralPassportData,
    description="The cadastral passport: identification page, floor plans with explication, Annexes 9 and 10, the abris.",
    text_provenance=RECONSTRUCTED_BOTH,
    compute=compute,
    computed_names=("explication", "element_rows", "totals", "drawings"),
    notes=("Reconstructed: the order gives no form of the passport; it assembles Annexes 9 and 10 and the explication.",
           "Floor plans are drawn from each floor's plan (room outlines) and the site plan from site_plan; "
           "without that geometry the passport keeps a framed place for them."),
)
