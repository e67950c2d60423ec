"""Annex 3: conclusion on discrepancies of identification and technical data.

The official form of both editions (text: tools/official_text/, layout:
tools/template_text/official/conclusion.yaml): branch, address items 1-6, the object's
name, "not established / established" (marked from the computed comparison), the area
lines, rooms, floors, other characteristics, the cause of the change, date and the
signatories. The comparison is computed (`kzcadastre_docs.forms.computed.discrepancies`),
rows a clerk adds by hand (`discrepancies`) follow the computed ones, and the detailed table
follows the form as its attachment.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from pydantic import Field

from ...i18n import formatting
from ...i18n.form_fields import DASH, dash
from ..computed.discrepancies import DEFAULT_AREA_TOLERANCE, compare, plan_rows
from ...models.labels import label
from ...models.localized import Localizable, text_in
from ...models.base import DocumentModel, RuleViolation
from ...models.documents import IssuedDocument
from ...models.parts import (Address, Applicant, CadastralNumber, ChangeKind, Discrepancy, Inspection,
                            LandPlotNumber, Person, RealEstateObject, TitleDocument, date_order)
from ...models.types import Area, Litera, LocalizedShort
from ...models.vocabularies import ObjectPurpose

from ..spec import OFFICIAL_BOTH, OFFICIAL_EDITIONS, FormSpec, Provenance


class DeclaredData(DocumentModel):
    """The object's data as the title document states them."""

    purpose: ObjectPurpose | None = Field(None, description="Purpose per the title document (a code).")
    total_area: Area = Field(description="Total area per the title document, m².")
    living_area: Area | None = Field(None, description="Living area per the title document, m².")
    floors_above_ground: int | None = Field(None, ge=1, le=200, description="Floors per the title document.")
    rooms: int | None = Field(None, ge=0, le=10000, description="Rooms per the title document.")
    structures: list[Litera] = Field(default_factory=list, description="Literas of the buildings and structures listed.")


class ConclusionData(IssuedDocument):
    """Annex 3: the conclusion on discrepancies between the title document and the inspection."""

    applicant: Applicant
    object: RealEstateObject = Field(description="The object as measured by the inspection.")
    address: Address = Field(description="Address of the object.")
    cadastral_number: CadastralNumber | None = Field(None, description="Cadastral number of the object, if assigned.")
    land_plot_cadastral_number: LandPlotNumber = Field(description="Cadastral number of the land plot.")
    title_document: TitleDocument = Field(description="The title document compared with the inspection.")
    declared: DeclaredData = Field(description="The data as the title document states them.")
    inspection: Inspection = Field(description="The state technical inspection.")
    measured_structures: list[Litera] | None = Field(
        None, description="Literas of the buildings and structures found on site; omit if they were not recorded "
                          "(then structures are not compared).")
    area_tolerance: Area = Field(DEFAULT_AREA_TOLERANCE, description="Areas closer than this are not a discrepancy, m².")
    plan_area_rows: bool = Field(
        False, description="Add a row for each room whose area from its plan outline (object.floors[].plan) differs "
                           "from the explication's by more than 0.10 m².")
    change_kind_overrides: dict[str, ChangeKind] = Field(
        default_factory=dict, description="Kind of change per computed item, replacing the default: keys total_area, "
                                          "living_area, floors_above_ground, rooms, purpose, structure:<litera>.")
    discrepancies: list[Discrepancy] = Field(default_factory=list, description="Rows added by hand to the computed table.")
    object_name: LocalizedShort | None = Field(None, description="Name of the object as the form prints it; default: object.purpose.")
    built_up_area: Area | None = Field(None, description="Built-up area, m² (a dash if omitted).")
    main_area: Area | None = Field(None, description="Main area, m² (a dash if omitted).")
    balconies_area: Area | None = Field(None, description="Area of balconies/loggias, m² (a dash if omitted).")
    components: int | None = Field(None, ge=0, le=10000, description="Number of components (a dash if omitted).")
    floor: LocalizedShort | None = Field(None, description="The floor a premise is on (printed after the number of floors).")
    other_characteristics: LocalizedShort | None = Field(None, description="Other technical characteristics (a dash if omitted).")
    change_cause: LocalizedShort | None = Field(None, description="What the change resulted from (a dash if omitted).")
    director: Person | None = Field(None, description="Director of the branch who signs; a line for the pen if omitted.")
    department_head: Person | None = Field(None, description="Head of the department who signs; a line for the pen if omitted.")
    executor: Person | None = Field(None, description="Executor; default: the inspecting specialist.")

    def differences(self):
        """The computed rows (before the rows added by hand)."""
        rows = compare(self.declared, self.object, self.measured_structures, tolerance=self.area_tolerance,
                       overrides=self.change_kind_overrides)
        if self.plan_area_rows:
            rows += plan_rows(self.object.floors, self.change_kind_overrides)
        return rows

    def rules(self) -> Iterator[RuleViolation]:
        yield from super().rules()
        yield from date_order(("inspection", "date"), self.inspection.date, "title_document.date", self.title_document.date)
        yield from date_order(("document_date",), self.document_date, "inspection.date", self.inspection.date)
        known = {row.key for row in self.differences()}  # overrides change kinds, never keys
        for key in self.change_kind_overrides:
            if key not in known:
                yield ("change_kind_overrides", key), "unknown_item", {"value": key,
                                                                      "known": ", ".join(sorted(known)) or "-"}


#: A signatory's name left for the pen.
PEN_LINE = "\u00a0" * 40


def _value(value: Any, lang: str, presence: bool) -> str:
    if presence:
        return label("present" if value is not None else "absent", lang, "presence")
    if isinstance(value, Decimal):
        return formatting.number(value, lang, places=2)
    if isinstance(value, Localizable):
        return value  # the rendering context prints it in the document's language
    return "" if value is None else str(value)


def _signed(value: Decimal | int | None, lang: str) -> str:
    if value is None:
        return "—"
    text = formatting.number(abs(value), lang, places=2 if isinstance(value, Decimal) else None)
    return ("+" if value > 0 else "−") + text


def _item(difference, lang: str, levels: dict[str, Any]) -> str:
    text = label(difference.item, lang, "discrepancy_item")
    if difference.room is not None:
        level, room = difference.room
        return text.format(level=text_in(levels.get(level, level), lang), room=room)
    return text.format(litera=difference.litera)


def compute(model: ConclusionData, lang: str) -> dict[str, Any]:
    """The table's rows (computed, then those added by hand) and whether there are any."""
    rows = []
    levels = {floor.key: floor.level for floor in model.object.floors}
    for difference in model.differences():
        presence = difference.litera is not None
        rows.append({
            "number": len(rows) + 1,
            "item": _item(difference, lang, levels),
            "declared": _value(difference.declared, lang, presence),
            "actual": _value(difference.actual, lang, presence),
            "difference": _signed(difference.difference, lang),
            "change_kind": label(difference.change_kind, lang),
        })
    for manual in model.discrepancies:
        rows.append({"number": len(rows) + 1, "item": manual.item, "declared": manual.declared, "actual": manual.actual,
                     "difference": manual.difference or "—", "change_kind": label(manual.change_kind, lang)})
    def area(value):
        return formatting.number(value, lang, places=2) if value is not None else DASH

    obj = model.object
    executor = model.executor or model.inspection.inspector
    return {
        "rows": rows,
        "discrepancies_found": bool(rows),
        "object_title": model.object_name or obj.purpose,
        "areas": {"built_up": area(model.built_up_area), "total": area(obj.total_area), "useful": area(obj.useful_area),
                  "living": area(obj.living_area), "main": area(model.main_area),
                  "balconies": area(model.balconies_area)},
        "rooms_line": f"{dash(model.components)}/{obj.rooms}",
        "floors_line": (f"{obj.floors_above_ground}/{text_in(model.floor, lang)}" if model.floor
                        else str(obj.floors_above_ground)),
        "change_cause_line": model.change_cause or DASH,
        "director_name": model.director.full_name if model.director else PEN_LINE,
        "department_head_name": model.department_head.full_name if model.department_head else PEN_LINE,
        "executor_name": executor.full_name,
    }



FORM = FormSpec(
    slug="conclusion",
    annex=3,
    title={
        "kk": "Жүргізілген техникалық тексеру қорытындысы бойынша жаңадан құрылған жылжымайтын мүліктің сәйкестендіру және техникалық мәліметтерінің алшақтығын белгілеу туралы қорытынды",
        "ru": "Заключение об установлении расхождений идентификационных и технических сведений вновь созданного недвижимого имущества по итогам проведенного технического обследования",
    },
    provenance=Provenance.OFFICIAL_TEXT,
    model=ConclusionData,
    description="Conclusion on the discrepancies between the title document and the inspection (paragraph 6 of the Rules).",
    text_provenance=OFFICIAL_BOTH,
    editions=OFFICIAL_EDITIONS,
    compute=compute,
    computed_names=("rows", "discrepancies_found", "object_title", "areas", "rooms_line", "floors_line",
                    "change_cause_line", "director_name", "department_head_name", "executor_name"),
    notes=("The official form of Annex 3 in kk and ru, both editions; 'not established / established' is marked "
           "from the computed comparison, whose table follows the form as its attachment.",
           "The comparison items, tolerances and default kinds of change are the project's "
           "(kzcadastre_docs.forms.computed.discrepancies), printed in the attachment.",
           "Errors of the official text are kept (tools/official_text/ERRATA.yaml): the Kazakh form gives "
           "areas in 'текше метр' (cubic metres)."),
)
