"""Annex 10: technical characteristics of service buildings and structures.

The official form of both editions (text: tools/official_text/, layout:
tools/template_text/official/technical-service.yaml): order number, address, applicant,
literas surveyed and demolished, year built, note, then the official element table for each
service building (foundation, outer walls, slabs, roof, exterior finish: description,
condition, wear %), the inspection date, applicant and executor. The structures (fences,
paving) follow as an attachment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import Field

from typing import Any

from ...i18n.catalogue import Message
from ...i18n.form_fields import DASH
from ...models.base import DocumentModel, RuleViolation
from ...models.labels import label
from ...models.localized import text_in
from ...models.parts import Address, CadastralNumber, Person, ServiceBuilding, Structure
from ...models.types import DocNumber, Litera, LocalizedShort, Year

from ..computed.technical_tables import service_totals

from ..spec import OFFICIAL_BOTH, OFFICIAL_EDITIONS, FormSpec, Provenance

#: A name left for the pen.
PEN_LINE = "\u00a0" * 40
#: The official table's element rows, in order.
SERVICE_ROWS = ("foundation", "walls", "slabs", "roof", "exterior_finish")


class TechnicalServiceData(DocumentModel):
    """Annex 10: technical characteristics of service buildings and structures."""

    document_date: dt.date = Field(description="Date of the document.")
    cadastral_number: CadastralNumber | None = Field(None, description="Cadastral number of the object.")
    buildings: list[ServiceBuilding] = Field(default_factory=list, max_length=200, description="Service buildings.")
    structures: list[Structure] = Field(default_factory=list, max_length=500, description="Structures.")
    order_number: DocNumber | None = Field(None, description="Number of the order (заказ).")
    address: Address | None = Field(None, description="Address of the object (a dash if omitted).")
    applicant: LocalizedShort | None = Field(None, description="Full name of the applicant.")
    demolished: list[Litera] = Field(default_factory=list, max_length=200, description="Literas demolished.")
    year_built: Year | None = Field(None, description="Year built printed in the header (a dash if omitted).")
    note: LocalizedShort | None = Field(None, description="Note printed on the form (a dash if omitted).")
    executor: Person | None = Field(None, description="The specialist who filled the form; a line for the pen if omitted.")

    def rules(self) -> Iterator[RuleViolation]:
        if not self.buildings and not self.structures:
            yield ("buildings",), "one_of_required", {"fields": "buildings, structures"}
        seen = set()
        for name, items in (("buildings", self.buildings), ("structures", self.structures)):
            for index, item in enumerate(items):
                if item.litera in seen:
                    yield (name, index, "litera"), "duplicate", {"value": item.litera, "what": Message("litera")}
                seen.add(item.litera)
        for index, litera in enumerate(self.demolished):
            if litera in seen:
                yield ("demolished", index), "duplicate", {"value": litera, "what": Message("litera")}
        for number, building in enumerate(self.buildings):
            kinds = [element.element for element in building.elements]
            for index, kind in enumerate(kinds):
                if kind in kinds[:index]:
                    yield ("buildings", number, "elements", index, "element"), "duplicate", {"value": kind,
                                                                                            "what": Message("element")}


def _building_rows(building: ServiceBuilding, lang: str) -> list[dict[str, str]]:
    given = {element.element: element for element in building.elements}
    defaults = {"walls": building.wall_material, "roof": building.roofing}
    rows = []
    for key in SERVICE_ROWS:
        element = given.get(key)
        if element is not None:
            rows.append({"description": text_in(element.description, lang),
                         "condition": label(element.condition, lang, "technical_condition") if element.condition else DASH,
                         "wear": str(element.wear_percent) if element.wear_percent is not None else DASH})
        else:
            default = defaults.get(key)
            rows.append({"description": label(default, lang, "material") if default else DASH, "condition": DASH,
                         "wear": DASH})
    rows.append({"description": "", "condition": "", "wear": ""})  # the official table's last (free) row
    return rows


def compute(model: TechnicalServiceData, lang: str) -> dict[str, Any]:
    """Per building its element rows; the header's lines; the structures' totals."""
    return {
        "totals": service_totals(model.buildings, model.structures),
        "service_rows": [{"litera": b.litera, "name": b.name, "rows": _building_rows(b, lang)} for b in model.buildings],
        "surveyed_literas": ", ".join(item.litera for item in [*model.buildings, *model.structures]),
        "demolished_literas": ", ".join(model.demolished) or DASH,
        "address_line": model.address,
        "applicant_name": model.applicant or PEN_LINE,
        "executor_name": model.executor.full_name if model.executor else PEN_LINE,
        "dash": DASH,
    }


FORM = FormSpec(
    slug="technical-service",
    annex=10,
    title={
        "kk": "Қызметтік (шаруашылық) құрылыстар мен құрылыстардың техникалық сипаттамасы",
        "ru": "Техническая характеристика служебных (хозяйственных) строений и сооружений",
    },
    provenance=Provenance.OFFICIAL_TEXT,
    model=TechnicalServiceData,
    description="Technical characteristics of service (household) buildings and structures, inside the cadastral passport (paragraph 7).",
    text_provenance=OFFICIAL_BOTH,
    editions=OFFICIAL_EDITIONS,
    compute=compute,
    computed_names=("totals", "service_rows", "surveyed_literas", "demolished_literas", "address_line",
                    "applicant_name", "executor_name", "dash"),
    notes=("The official form of Annex 10 in kk and ru, both editions: the official element table for each service "
           "building (walls and roof default to the building's wall material and roofing); the structures follow as "
           "an attachment.",),
)
