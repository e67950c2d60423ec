"""Form 4 of Order No. 440 (Annex 4, "Форма 4" / "Н-4 нысан"): the cadastral passport of a
private house, dacha or garage.

Pages as in the form: the title page (items 1-8, "drawn up as of", order number); the land
pages shared with Forms 1 and 2 (`models.passport.LandPlotInfo`, `computed.passport_parts.land_pages`);
general data of the buildings with the site plan, its unauthorised buildings and the land
explication; the building plan with the explication of premises; the technical
characteristics of buildings and structures with the continuation table, the heating kind
and special marks. Areas as Instruction No. 367 prescribes: rooms under a cold extension's
litera (а1) and cold-extension rooms are outside the total area (p. 89); literas follow
p. 14; volumes are the built-up area times the full height (p. 101), in whole m³ (p. 102).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, ClassVar

from pydantic import Field

from ...drawing import floor_picture, site_picture
from ...i18n.catalogue import N_, Message
from ...law import areas
from ...models.base import DocumentModel, RuleViolation
from ...models.geometry import RoomOutline
from ...models.parts import Floor
from ...models.passport import (
    DASH,
    DeclaredAreas,
    LandPlotInfo,
    Material,
    PassportBase,
    Room,
    Text,
    as_of_not_after_issue,
    declared_differences,
    explication_floor,
    figure,
    plan_advice,
    plan_rules,
    text,
)
from ...models.site import SitePlan
from ...models.types import Year
from ...models.vocabularies import coded
from ..computed.passport_parts import issue, land_pages, land_plan, properties_note, title_block
from ..spec import FormSpec, Provenance, TextProvenance
from .apartment import PLAN_SCALES

#: Scales of the site plan (Instruction No. 367, p. 12: 1:200 to 1:5000).
SITE_SCALES = (200, 500, 1000, 2000, 5000)


class HouseRoom(Room):
    """A room of the house's explication, with the litera of the building part it is in."""

    litera: Annotated[str, Field(min_length=1, max_length=10)] = Field(
        "А", description="Litera of the building part (А, А1, а1...) the room is in (Instruction No. 367, p. 14).")
    floor: Annotated[str, Field(min_length=1, max_length=20)] = Field("1", description="Floor, as named on the plan.")


class Building(DocumentModel):
    """A row of "Техническая характеристика строений и сооружений" and its continuation."""

    litera: Annotated[str, Field(min_length=1, max_length=10)] = Field(description="Litera (Instruction No. 367, p. 14).")
    name: Text = Field(description="Name: жилой дом, мезонин, подвал, холодная постройка, сарай...")
    year_built: Year | None = Field(None, description="Year of construction.")
    foundation: Material | None = Field(None, description="Foundation: a code of the material vocabulary, or free text in both languages.")
    walls: Material | None = Field(None, description="Walls: a code of the material vocabulary, or free text in both languages.")
    roofing: Material | None = Field(None, description="Roofing: a code of the material vocabulary, or free text in both languages.")
    electricity: bool = Field(False, description="Electricity supply.")
    water: bool = Field(False, description="Water supply.")
    sewerage: bool = Field(False, description="Sewerage.")
    gas: bool = Field(False, description="Gas supply.")
    built_up_area: Annotated[Decimal, Field(gt=0, max_digits=10, decimal_places=1)] | None = Field(
        None, description="Built-up area, m² (one decimal place, p. 74.2).")
    height: Annotated[Decimal, Field(gt=0, max_digits=6, decimal_places=2)] | None = Field(
        None, description="Full height from the ground to the top of the cornice, m (p. 101).")
    volume: Annotated[Decimal, Field(ge=0, max_digits=10, decimal_places=0)] | None = Field(
        None, description="Volume, m³, if declared; computed from the built-up area and the height otherwise.")
    wear_percent: int | None = Field(None, ge=0, le=100, description="Physical wear, %.")

    def computed_volume(self) -> Decimal | None:
        if self.built_up_area is None or self.height is None:
            return None
        return areas.volume(self.built_up_area, self.height)

    def advice(self) -> Iterator[RuleViolation]:
        computed = self.computed_volume()
        if self.volume is not None and computed is not None and self.volume != computed:
            # p. 103-108 add basements and split parts of different heights: a warning, not an error.
            yield ("volume",), "declared_volume", {"declared": self.volume, "computed": computed}


#: The columns of "Вид отопления жилого дома" and the codes of the heating vocabulary each holds.
HEATING_COLUMNS = {
    "stove": ("stove", "gas_stove"),
    "chp": ("chp",),  # central, from a combined heat and power plant
    "district_boiler": ("district_boiler_gas", "district_boiler_solid_fuel"),  # central, from a district boiler house
    "gas_water_heater": ("gas_water_heater",),
    "individual": ("individual_gas", "individual_solid_fuel"),
}
Heating = coded("heating")


class LandExplication(DocumentModel):
    """"Экспликация земельного участка": areas in ha or m² (the land pages' unit)."""

    by_documents: Decimal | None = Field(None, ge=0, description="1. Total by documents.")
    actual: Decimal | None = Field(None, ge=0, description="2. Total, actual.")
    built_up: Decimal | None = Field(None, ge=0, description="3. Built-up.")
    sidewalks: Decimal | None = Field(None, ge=0, description="4. Yard paving: sidewalks.")
    blind_areas: Decimal | None = Field(None, ge=0, description="5. Yard paving: blind areas.")
    ground: Decimal | None = Field(None, ge=0, description="6. Yard paving: ground.")
    garden: Decimal | None = Field(None, ge=0, description="7. Ornamental garden.")
    vegetable_garden: Decimal | None = Field(None, ge=0, description="8. Vegetable garden.")


class HousePassportData(PassportBase):
    """Form 4: a private house, dacha or garage."""

    FORM_NUMBER: ClassVar[int] = 4
    FORM_SLUG: ClassVar[str] = "passport-house"

    as_of: dt.date = Field(description="The passport is drawn up as of this date.")
    land: LandPlotInfo = Field(description="The land pages.")
    object_kind: Text = Field(description="What the object is: частный дом, дача, гараж.")
    site_plan: SitePlan | None = Field(None, description="The plot with its buildings and structures (drawn).")
    unauthorised: list[Text] = Field(default_factory=list, max_length=20,
                                     description="Unauthorised buildings, listed under the site plan.")
    land_explication: LandExplication | None = Field(None, description="Explication of the land plot.")
    rooms: list[HouseRoom] = Field(min_length=1, max_length=300, description="Explication of premises.")
    plan: list[RoomOutline] | None = Field(None, max_length=300, description="Outlines of the first floor's rooms.")
    buildings: list[Building] = Field(min_length=1, max_length=50, description="Buildings and structures.")
    heating: list[Heating] = Field(default_factory=list, max_length=9,
                                   description="Kinds of heating of the house: codes of the heating vocabulary.")
    special_marks: list[Text] = Field(default_factory=list, max_length=20, description="Special marks.")
    declared: DeclaredAreas | None = Field(None, description="Figures to check against the computed ones.")

    def heating_problems(self) -> Iterator[RuleViolation]:
        known = {code for codes in HEATING_COLUMNS.values() for code in codes}
        for index, kind in enumerate(self.heating):
            if getattr(kind, "code", None) not in known:
                yield ("heating", index), "room_not_in_form", {
                    "value": getattr(kind, "code", None) or "free text",
                    "allowed": ", ".join(sorted(known))}

    def excluded(self, room: HouseRoom) -> bool:
        """Outside the total area: a cold extension, or a room under a cold extension's litera (p. 89, 14.8)."""
        if room.category == "cold_extension":
            return True
        try:
            return areas.parse_litera(room.litera).kind == "cold_extension"
        except areas.InvalidLitera:
            return False

    def totals(self) -> areas.AreaTotals:
        result = areas.AreaTotals()
        for room in self.rooms:
            result.add("cold_extension" if self.excluded(room) else room.category, room.area)
        return result

    def floor_model(self) -> Floor:
        """The first floor named in the explication, with the outlines: the building plan."""
        level = self.rooms[0].floor
        return explication_floor(level, [room for room in self.rooms if room.floor == level], self.plan)

    def rules(self) -> Iterator[RuleViolation]:
        yield from super().rules()
        yield from as_of_not_after_issue(self)
        yield from self.heating_problems()
        for index, message in areas.litera_scheme_problems(b.litera for b in self.buildings):
            yield ("buildings", index, "litera"), "litera_scheme", {"reason": message}
        literas = {b.litera for b in self.buildings}
        seen: set[tuple[str, str]] = set()
        for index, room in enumerate(self.rooms):
            try:
                kind = areas.parse_litera(room.litera).kind
            except areas.InvalidLitera as exc:
                yield ("rooms", index, "litera"), "litera_scheme", {"reason": Message(exc.template, **exc.values)}
                continue
            if kind not in ("main", "extension", "cold_extension"):
                yield ("rooms", index, "litera"), "litera_scheme", {
                    "reason": Message("room {number} is in {litera!r}, which is not a building (p. 14.6-14.8)",
                                      number=room.number, litera=room.litera)}
            elif room.litera not in literas:
                yield ("rooms", index, "litera"), "litera_scheme", {
                    "reason": f"litera {room.litera!r} is not among the buildings' literas"}
            if (room.floor, room.number) in seen:
                yield ("rooms", index, "number"), "duplicate", {"value": room.number, "what": Message("room number on its floor")}
            seen.add((room.floor, room.number))
        if self.site_plan:
            for index, message in areas.litera_scheme_problems(item.litera for item in self.site_plan.items):
                yield ("site_plan", "items", index, "litera"), "litera_scheme", {"reason": message}
        yield from declared_differences(self.declared, self.totals(), ("declared",))
        yield from plan_rules(self)

    def advice(self) -> Iterator[RuleViolation]:
        yield from super().advice()
        yield from plan_advice(self, N_("building plan"))
        if not self.site_plan:
            yield ("site_plan",), "passport_without_plan", {"what": Message("site plan")}


def _room_cells(model: HousePassportData, room: HouseRoom | None, lang: str) -> dict[str, str]:
    if room is None:
        return {"number": "", "name": "", "total": "", "living": "", "non_living": "", "balcony": "", "loggia": ""}
    excluded = model.excluded(room)
    category = room.category
    return {
        "number": room.number,
        "name": room.printed_name(lang) + (f" ({room.litera})" if room.litera != "А" else ""),
        "total": DASH if excluded else figure(areas.reduced(category, room.area), lang),
        "living": figure(room.area, lang) if category == "living" and not excluded else "",
        "non_living": figure(room.area, lang) if category == "non_living" and not excluded else "",
        "balcony": figure(room.area, lang) if category in ("balcony", "terrace", "veranda") else "",
        "loggia": figure(room.area, lang) if category in ("loggia", "loggia_balcony") else "",
    }


def explication_rows(model: HousePassportData, lang: str) -> list[dict]:
    """The explication in two halves side by side, as the form draws it: the left half holds
    the first rooms (and every loggia in the Russian form, whose right half has no loggia
    column), the right half the rest."""
    rooms = list(model.rooms)
    half = (len(rooms) + 1) // 2
    if lang == "ru":
        loggias = [i for i, room in enumerate(rooms) if room.category in ("loggia", "loggia_balcony")]
        if loggias:
            half = max(half, loggias[-1] + 1)
    left, right = rooms[:half], rooms[half:]
    rows = []
    for index in range(len(left)):
        rows.append({"left": _room_cells(model, left[index], lang),
                     "right": _room_cells(model, right[index] if index < len(right) else None, lang)})
    return rows


def building_rows(model: HousePassportData, lang: str) -> list[dict[str, str]]:
    mark = {True: "+", False: DASH}
    rows = []
    for building in model.buildings:
        volume = building.volume if building.volume is not None else building.computed_volume()
        rows.append({
            "litera": building.litera, "name": text(building.name, lang),
            "year": str(building.year_built) if building.year_built else DASH,
            "foundation": text(building.foundation, lang), "walls": text(building.walls, lang),
            "roofing": text(building.roofing, lang),
            "electricity": mark[building.electricity], "water": mark[building.water],
            "sewerage": mark[building.sewerage], "gas": mark[building.gas],
            "built_up_area": figure(building.built_up_area, lang), "volume": figure(volume, lang, 0),
            "wear": str(building.wear_percent) if building.wear_percent is not None else DASH,
        })
    return rows


def compute(model: HousePassportData, lang: str) -> dict:
    totals = model.totals()
    plan = floor_picture(model.floor_model(), scales=PLAN_SCALES, max_height_cm=11) if model.plan else None
    site = site_picture(model.site_plan, f"Site plan, {model.cadastral_number}") if model.site_plan else None
    explication = model.land_explication
    # Totals of the plot in whole m² (p. 74.1), its parts to one decimal (p. 74.2); hectares to 4 places.
    hectares = model.land.unit.value == "ha"
    land_row = [figure(getattr(explication, name), lang, 4 if hectares else (0 if index < 2 else 1)) if explication else ""
                for index, name in enumerate(("by_documents", "actual", "built_up", "sidewalks", "blind_areas", "ground",
                                              "garden", "vegetable_garden"))]
    return {"doc": {
        "title": title_block(model, lang),
        "issue": issue(model, lang),
        "as_of": {"day": f"{model.as_of.day:02d}", "month": _month(model.as_of, lang), "year": str(model.as_of.year)},
        "land": land_pages(model.land, lang),
        "land_plan": land_plan(model),
        "object_kind": text(model.object_kind, lang),
        "site": site,
        "site_scale": f"1:{site.scale}" if site else "________",
        "unauthorised": [text(item, lang) for item in model.unauthorised],
        "land_explication": land_row,
        "plan": plan,
        "plan_scale": f"1:{plan.scale}" if plan else "",
        "rooms": explication_rows(model, lang),
        "total": {"total": figure(totals.total, lang), "living": figure(totals.living, lang),
                  "non_living": figure(totals.non_living, lang)},
        "buildings": building_rows(model, lang),
        "heating": {column: ("+" if any(getattr(kind, "code", None) in codes for kind in model.heating) else "")
                    for column, codes in HEATING_COLUMNS.items()},
        "special_marks": [text(item, lang) for item in model.special_marks],
    }}


def _month(value: dt.date, lang: str) -> str:
    from ...models.passport import date_parts

    return date_parts(value, lang)["month"]


FORM = FormSpec(
    slug="passport-house",
    annex=None,
    title={
        "kk": "Жылжымайтын мүлік объектісінің кадастрлық паспорты (жеке үйге, саяжайларға, гараждарға)",
        "ru": "Кадастровый паспорт объекта недвижимости (частный дом, дача, гараж)",
    },
    provenance=Provenance.OFFICIAL_TEXT,
    model=HousePassportData,
    description="Cadastral passport, Form 4 of Order No. 440: a private house, dacha or garage; land pages, site "
                "plan, land explication, building plan and explication of premises, technical characteristics, "
                "heating, special marks; QR code.",
    text_provenance={"kk": TextProvenance.OFFICIAL, "ru": TextProvenance.OFFICIAL},
    compute=compute,
    computed_names=("doc",),
    notes=("Order No. 440 of 30.06.2023, Annex 4 (Form 4 / Н-4), edition of 12.07.2026 (Order No. 278 of "
           "20.03.2026), kk and ru, from shared/sources/official/order-440-passport-forms-{kk,ru}-2026-07-12.md.",
           "A passport dated before 12.07.2026 renders with a warning: an earlier edition applied then.",
           "The two languages' tables differ as the sources do (the Russian explication of premises has balcony "
           "and loggia columns, the Kazakh one does not); the sources' footer variants are kept page by page "
           "(e.g. 'согласно 2 статьи 62', 'Қазақстан Республикасының Кодексінің').",
           "Figures: Instruction No. 367, p. 14 (literas), 83-89 (areas), 101-102 (volumes)."),
    properties_note=properties_note,
)
