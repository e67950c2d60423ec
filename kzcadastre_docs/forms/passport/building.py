"""Form 2 of Order No. 440 (Annex 2, "Форма Ф-2" / "Н-2 нысан"): the cadastral passport of an
apartment building, office, industrial, trade or other building.

Pages as in the form: the title page (items 1-8, "drawn up as of", order number); the land
pages shared with Forms 1 and 4 (`models.passport.LandPlotInfo`, template fragment `_land.yaml`);
general data of the building (items 1-16); the distribution of areas and its continuation;
non-residential premises by use; the technical description of structural elements and
engineering, the documents attached, special marks; the land explication; the purpose and
characteristics of main and service buildings; the explication to the plan (landscape, in
three parts as the form splits it).

Figures as Instruction No. 367 prescribes: each room measured to one decimal place (p. 77),
living and non-living area, useful = living + non-living, total with the summer rooms'
factors (p. 83-89), totals by floor and for the building (p. 99, `law.areas.sum_totals`); the
building's purpose (item 14) is the use with the predominant area (p. 94); its volume is the
built-up area times the full height (p. 101), in whole m³ (p. 102).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Annotated, ClassVar, Literal

import yaml
from pydantic import Field

from ...i18n.catalogue import Message, Words
from ...law import areas
from ...models.base import DocumentModel, RuleViolation
from ...models.passport import (
    DeclaredAreas,
    LandPlotInfo,
    Material,
    PassportBase,
    Room,
    Text,
    as_of_not_after_issue,
    date_parts,
    declared_differences,
    figure,
    text,
)
from ...models.types import Year
from ..computed.passport_parts import issue, land_pages, land_plan, properties_note, title_block


@cache
def building_uses() -> dict[str, dict]:
    """The uses of premises (data/building_uses.yaml): code -> labels and flags.

    >>> building_uses()["trade"]["ru"], building_uses()["education"]["in_explication"]
    ('Торговая', ['kk'])
    """
    return yaml.safe_load(resources.files("kzcadastre_docs.data").joinpath("building_uses.yaml")
                          .read_text(encoding="utf-8"))


Use = Literal["separate_apartments", "dormitory", "hotel", "trade", "industrial", "warehouse", "household", "garage",
              "office", "catering", "education", "transport", "health", "sport", "culture", "engineering", "other"]

#: The explication's use columns (11-26), in each language's order as the source draws them.
EXPLICATION_USES = {
    "ru": ("separate_apartments", "dormitory", "hotel", "trade", "industrial", "warehouse", "household", "office",
           "catering", "health", "sport", "culture", "transport", "engineering", "garage", "other"),
    "kk": ("separate_apartments", "dormitory", "hotel", "trade", "industrial", "warehouse", "education", "household",
           "office", "catering", "health", "sport", "culture", "transport", "engineering", "garage", "other"),
}
#: The columns 3-16 of "Нежилые помещения" (the same in both languages).
NON_RESIDENTIAL_USES = ("trade", "industrial", "warehouse", "household", "garage", "office", "catering", "education",
                        "transport", "health", "sport", "culture", "engineering", "other")
#: The columns of "Распределение площади" and its continuation.
DISTRIBUTION_COLUMNS = ("separate_apartments", "corridor", "dormitory", "hotel", "attic", "basement", "socle",
                        "barracks", "rooms_1", "rooms_2", "rooms_3", "rooms_4", "rooms_5")
#: The rows of the technical description of structural elements and engineering (rows 1-20 and their parts).
ELEMENTS = ("foundation", "walls", "partitions", "attic_floor", "interfloor_floor", "roof", "floors_first",
            "floors_upper", "windows", "doors", "finish_inner", "finish_outer", "hot_water", "water", "sewerage",
            "lighting", "heating_stove", "heating_gas_stove", "heating_chp", "heating_gas_water_heater",
            "heating_individual_gas", "heating_individual_solid", "heating_district_gas", "heating_district_solid",
            "other_works")
Element = Literal[ELEMENTS]  # type: ignore[valid-type]
Part = Literal["main", "auxiliary"]

Area = Annotated[Decimal, Field(ge=0, max_digits=10, decimal_places=1)]


class DistributionCell(DocumentModel):
    """A column of "Распределение площади": rows 1-4."""

    apartments: int | None = Field(None, ge=0, le=100000, description="1. Number of living apartments.")
    rooms: int | None = Field(None, ge=0, le=100000, description="2. Number of living rooms.")
    total: Area | None = Field(None, description="3. Total area, m².")
    living: Area | None = Field(None, description="4. Living area, m².")


class ElementRow(DocumentModel):
    """A row of the technical description of structural elements and engineering."""

    element: Element = Field(description="Which row: " + ", ".join(ELEMENTS) + ".")
    description: Text | None = Field(None, description="Description (material, finish and so on).")
    condition: Text | None = Field(None, description="Technical condition (settlement, rot, cracks and so on).")
    wear_percent: int | None = Field(None, ge=0, le=100, description="Wear, %.")
    changes: Text | None = Field(None, description="Current changes.")


class ServiceBuilding(DocumentModel):
    """A row of "Назначение и характеристика основных и служебных строений..."."""

    litera: Annotated[str, Field(min_length=1, max_length=10)] = Field(description="Litera on the plan (p. 14).")
    purpose: Text = Field(description="Purpose.")
    area: Area | None = Field(None, description="Area, m².")
    volume: Annotated[Decimal, Field(ge=0, max_digits=10, decimal_places=0)] | None = Field(None, description="Volume, m³.")
    wear_percent: int | None = Field(None, ge=0, le=100, description="Wear, %.")
    foundation: Material | None = Field(None, description="Foundation.")
    walls: Material | None = Field(None, description="Walls and partitions.")
    ceilings: Material | None = Field(None, description="Floors between storeys (перекрытия).")
    roofing: Material | None = Field(None, description="Roofing.")
    floors: Material | None = Field(None, description="Floors (полы).")
    openings: Material | None = Field(None, description="Openings.")


class BuildingLandExplication(DocumentModel):
    """"Экспликация земельного участка, м2" of Form 2: columns 1-18."""

    by_documents: Area | None = Field(None, description="1. By the land allocation documents.")
    actual: Area | None = Field(None, description="2. By actual use.")
    built_up_main: Area | None = Field(None, description="4. Built-up: under the main buildings.")
    built_up_other: Area | None = Field(None, description="5. Built-up: under other buildings and structures.")
    asphalt: Area | None = Field(None, description="6. Asphalt paving.")
    other_paving: Area | None = Field(None, description="7. Other paving.")
    sport: Area | None = Field(None, description="Equipped grounds: sports.")
    children: Area | None = Field(None, description="Equipped grounds: children's.")
    household: Area | None = Field(None, description="Equipped grounds: household.")
    lawn_trees: Area | None = Field(None, description="Green: lawn with trees.")
    orchard: Area | None = Field(None, description="Green: orchard.")
    flower_beds: Area | None = Field(None, description="Green: lawns, flower beds.")
    vegetable_garden: Area | None = Field(None, description="Vegetable garden.")
    other: Area | None = Field(None, description="Other.")

    def parts(self) -> dict[str, Decimal | None]:
        grounds = [self.sport, self.children, self.household]
        greens = [self.lawn_trees, self.orchard, self.flower_beds, self.vegetable_garden, self.other]

        def total(values):
            present = [v for v in values if v is not None]
            return sum(present, Decimal("0.0")) if present else None

        built = total([self.built_up_main, self.built_up_other])
        grounds_total, greens_total = total(grounds), total(greens)
        return {"built_up": built, "grounds": grounds_total, "greens": greens_total}


class BuildingRoom(Room):
    """A row of the explication to the plan: a part of a premise or apartment."""

    recorded_on: dt.date | None = Field(None, description="Date of the entry (column 1).")
    litera: Annotated[str, Field(min_length=1, max_length=10)] = Field("А", description="Litera on the plan (p. 14).")
    floor: Annotated[str, Field(min_length=1, max_length=20)] = Field(description="Floor.")
    premise: Annotated[str, Field(min_length=1, max_length=20)] = Field(description="Number of the premise or apartment.")
    use: Use = Field(description="Use of the premise: the explication's column (11-26) its area goes to; "
                                 "codes of data/building_uses.yaml.")
    part: Part = Field("main", description="Main or auxiliary area (the rows of 'Нежилые помещения').")


class General(DocumentModel):
    """Items 1-16 of "Общие сведения о зданиях, строениях, сооружениях" that are not computed."""

    series: Text | None = Field(None, description="1. Series, type of design.")
    floors: int = Field(ge=1, le=200, description="2. Number of floors.")
    built_up_area: Annotated[Decimal, Field(gt=0, max_digits=10, decimal_places=1)] = Field(
        description="3. Built-up area, m² (p. 74.2).")
    height: Annotated[Decimal, Field(gt=0, max_digits=6, decimal_places=2)] | None = Field(
        None, description="Full height from the ground to the top of the cornice, m (p. 101): gives item 4.")
    volume: Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=0)] | None = Field(
        None, description="4. Volume, m³, if declared; computed from the built-up area and the height otherwise.")
    apartments: int | None = Field(None, ge=0, le=100000, description="9. Number of apartments.")
    premises: int | None = Field(None, ge=0, le=100000, description="10. Number of premises, rooms.")
    wall_material: Material = Field(description="11. Wall material.")
    year_built: Year = Field(description="12. Year of construction.")
    wear_percent: int | None = Field(None, ge=0, le=100, description="13. Physical wear, %.")
    fund_category: Text = Field(description="15. Fund category (non-residential / residential, or a secondary "
                                            "object within an apartment building).")
    energy_class: Annotated[str, Field(min_length=1, max_length=5)] | None = Field(
        None, description="16. Energy efficiency class (A++ ... G).")

    def computed_volume(self) -> Decimal | None:
        return areas.volume(self.built_up_area, self.height) if self.height is not None else None


class BuildingPassportData(PassportBase):
    """Form 2: an apartment building, office, industrial, trade or other building."""

    FORM_NUMBER: ClassVar[int] = 2
    FORM_SLUG: ClassVar[str] = "passport-building"

    as_of: dt.date = Field(description="The passport is drawn up as of this date.")
    land: LandPlotInfo = Field(description="The land pages.")
    object_kind: Text = Field(description="What the object is: многоквартирный жилой дом, офис, торговый объект...")
    general: General = Field(description="Items 1-16 (those not computed from the explication).")
    distribution: dict[Literal[DISTRIBUTION_COLUMNS], DistributionCell] = Field(  # type: ignore[valid-type]
        default_factory=dict, description="Распределение площади, by column: " + ", ".join(DISTRIBUTION_COLUMNS) + ".")
    elements: list[ElementRow] = Field(default_factory=list, max_length=len(ELEMENTS),
                                       description="Technical description of structural elements and engineering.")
    attached: list[Text] = Field(default_factory=list, max_length=10,
                                 description="Documents attached besides the floor plans and their explication (item 3...).")
    floor_plans: Text | None = Field(None, description="1. Floor plans (what is attached).")
    floor_plans_explication: Text | None = Field(None, description="2. Explication to the floor plans (what is attached).")
    special_marks: list[Text] = Field(default_factory=list, max_length=20, description="Special marks.")
    land_explication: BuildingLandExplication | None = Field(None, description="Explication of the land plot, m².")
    buildings: list[ServiceBuilding] = Field(default_factory=list, max_length=50,
                                             description="Main and service buildings, cold extensions, basements...")
    rooms: list[BuildingRoom] = Field(min_length=1, max_length=2000, description="The explication to the plan.")
    declared: DeclaredAreas | None = Field(None, description="Figures to check against the computed ones.")

    def floor_totals(self) -> dict[str, areas.AreaTotals]:
        """Totals by floor (p. 99), in the explication's order of floors."""
        result: dict[str, areas.AreaTotals] = {}
        for room in self.rooms:
            result.setdefault(room.floor, areas.AreaTotals()).add(room.category, room.area)
        return result

    def totals(self) -> areas.AreaTotals:
        """The building's totals: the sum of its floors' totals."""
        return areas.sum_totals(self.floor_totals().values())

    def use_areas(self) -> dict[str, Decimal]:
        """Total area (summer rooms with their factors) by use."""
        result: dict[str, Decimal] = {}
        for room in self.rooms:
            result[room.use] = result.get(room.use, Decimal("0.0")) + areas.reduced(room.category, room.area)
        return result

    def purpose(self) -> str:
        """Item 14: the use with the predominant area (p. 94)."""
        return areas.predominant_purpose(self.use_areas())

    def rules(self) -> Iterator[RuleViolation]:
        yield from super().rules()
        yield from as_of_not_after_issue(self)
        seen_elements: set[str] = set()
        for index, row in enumerate(self.elements):
            if row.element in seen_elements:
                yield ("elements", index, "element"), "duplicate", {"value": row.element,
                                                                    "what": Message("element row")}
            seen_elements.add(row.element)
        for index, message in areas.litera_scheme_problems(b.litera for b in self.buildings):
            yield ("buildings", index, "litera"), "litera_scheme", {"reason": message}
        seen: set[tuple[str, str, str]] = set()
        for index, room in enumerate(self.rooms):
            try:
                areas.parse_litera(room.litera)
            except areas.InvalidLitera as exc:
                yield ("rooms", index, "litera"), "litera_scheme", {"reason": Message(exc.template, **exc.values)}
            if "ru" not in building_uses()[room.use]["in_explication"]:
                yield ("rooms", index, "use"), "room_not_in_form", {
                    "value": room.use, "allowed": ", ".join(EXPLICATION_USES["ru"])}
            key = (room.floor, room.premise, room.number)
            if key in seen:
                yield ("rooms", index, "number"), "duplicate", {"value": room.number,
                                                                "what": Message("part number of its premise on its floor")}
            seen.add(key)
        try:
            self.purpose()
        except areas.NoPredominantPurpose as exc:  # the tied uses by their names in the form
            names = {lang: ", ".join(building_uses()[use]["purpose"][lang] for use in exc.tied) for lang in ("kk", "ru")}
            yield ("rooms",), "predominant_purpose", {"reason": Message(
                exc.TEMPLATE, purposes=Words(", ".join(exc.tied), **names), area=exc.area)}
        except ValueError as exc:
            yield ("rooms",), "predominant_purpose", {"reason": exc.args[0] if exc.args else Message("no areas to compare")}
        yield from declared_differences(self.declared, self.totals(), ("declared",))

    def advice(self) -> Iterator[RuleViolation]:
        yield from super().advice()
        computed = self.general.computed_volume()
        if self.general.volume is not None and computed is not None and self.general.volume != computed:
            yield ("general", "volume"), "declared_volume", {"declared": self.general.volume, "computed": computed}


def _blank(value: Decimal | int | None, lang: str, places: int = 1) -> str:
    """A figure, or the empty cell the form leaves where the data has none."""
    if value is None:
        return ""
    return str(value) if isinstance(value, int) else figure(value, lang, places)


def distribution_rows(model: BuildingPassportData, lang: str) -> list[dict]:
    rows = []
    for number, (name, places) in enumerate((("apartments", None), ("rooms", None), ("total", 1), ("living", 1)), 1):
        cells = []
        for column in DISTRIBUTION_COLUMNS:
            cell = model.distribution.get(column)
            value = getattr(cell, name) if cell else None
            cells.append(_blank(value, lang, places or 0))
        rows.append({"number": str(number), "cells": cells})
    return rows


def non_residential_rows(model: BuildingPassportData, lang: str) -> list[dict]:
    """"Нежилые помещения": the main and the auxiliary area of the non-residential premises by use."""
    rows = []
    for part in ("main", "auxiliary"):
        rooms = [room for room in model.rooms if room.part == part and not building_uses()[room.use].get("residential")]
        by_use = {use: sum((areas.reduced(r.category, r.area) for r in rooms if r.use == use), Decimal("0.0"))
                  for use in NON_RESIDENTIAL_USES}
        living = sum((r.area for r in rooms if r.category == "living"), Decimal("0.0"))
        cells = [figure(living, lang) if living else ""]
        cells += [figure(by_use[use], lang) if by_use[use] else "" for use in NON_RESIDENTIAL_USES]
        total = sum(by_use.values(), Decimal("0.0"))
        cells.append(figure(total, lang) if total else "")
        rows.append(cells)
    return rows


def element_cells(model: BuildingPassportData, lang: str) -> dict[str, dict[str, str]]:
    given = {row.element: row for row in model.elements}
    result = {}
    for element in ELEMENTS:
        row = given.get(element)
        result[element] = {
            "description": text(row.description, lang) if row and row.description is not None else "",
            "condition": text(row.condition, lang) if row and row.condition is not None else "",
            "wear": str(row.wear_percent) if row and row.wear_percent is not None else "",
            "changes": text(row.changes, lang) if row and row.changes is not None else "",
        }
    return result


def land_explication_row(model: BuildingPassportData, lang: str) -> dict[str, str]:
    explication = model.land_explication
    if explication is None:
        return {name: "" for name in ("by_documents", "actual", "built_up", "built_up_main", "built_up_other", "asphalt",
                                      "other_paving", "grounds", "sport", "children", "household",
                                      "greens", "lawn_trees", "orchard", "flower_beds", "vegetable_garden", "other")}
    values = {**explication.model_dump(), **explication.parts()}
    # The plot's totals in whole m² (p. 74.1), its parts to one decimal place (p. 74.2).
    return {name: _blank(value, lang, 0 if name in ("by_documents", "actual") else 1) for name, value in values.items()}


def building_rows(model: BuildingPassportData, lang: str) -> list[dict[str, str]]:
    return [{"litera": b.litera, "purpose": text(b.purpose, lang), "area": _blank(b.area, lang),
             "volume": _blank(b.volume, lang, 0), "wear": str(b.wear_percent) if b.wear_percent is not None else "",
             "foundation": text(b.foundation, lang) if b.foundation else "",
             "walls": text(b.walls, lang) if b.walls else "", "ceilings": text(b.ceilings, lang) if b.ceilings else "",
             "roofing": text(b.roofing, lang) if b.roofing else "", "floors": text(b.floors, lang) if b.floors else "",
             "openings": text(b.openings, lang) if b.openings else ""} for b in model.buildings]


def explication_rows(model: BuildingPassportData, lang: str) -> list[dict]:
    rows = []
    for room in model.rooms:
        category = room.category
        total = areas.reduced(category, room.area)
        useful = category in ("living", "non_living")
        rows.append({
            "date": room.recorded_on.strftime("%d.%m.%Y") if room.recorded_on else "",
            "litera": room.litera, "floor": room.floor, "premise": room.premise, "number": room.number,
            "name": room.printed_name(lang),
            "total": figure(total, lang), "useful": figure(room.area, lang) if useful else "",
            "living": figure(room.area, lang) if category == "living" else "",
            "non_living": figure(room.area, lang) if category == "non_living" else "",
            "uses": [figure(total, lang) if room.use == use else "" for use in EXPLICATION_USES[lang]],
        })
    return rows


def compute(model: BuildingPassportData, lang: str) -> dict:
    totals = model.totals()
    general = model.general
    volume = general.volume if general.volume is not None else general.computed_volume()
    purpose = model.purpose()
    main_litera = next((b.litera for b in model.buildings if areas.parse_litera(b.litera).kind == "main"),
                       model.rooms[0].litera)
    return {"doc": {
        "title": title_block(model, lang),
        "issue": issue(model, lang),
        "as_of": date_parts(model.as_of, lang),
        "land": land_pages(model.land, lang),
        "land_plan": land_plan(model),
        "object_kind": text(model.object_kind, lang),
        "general": {
            "series": text(general.series, lang), "floors": str(general.floors),
            "built_up_area": figure(general.built_up_area, lang), "volume": figure(volume, lang, 0),
            "total": figure(totals.total, lang),
            "summer": figure(sum(totals.summer.values(), Decimal("0.0")), lang),
            "living": figure(totals.living, lang), "non_living": figure(totals.non_living, lang),
            "apartments": str(general.apartments) if general.apartments is not None else "–",
            "premises": str(general.premises) if general.premises is not None else "–",
            "wall_material": text(general.wall_material, lang), "year_built": str(general.year_built),
            "wear": f"{general.wear_percent} %" if general.wear_percent is not None else "–",
            "purpose": f"{building_uses()[purpose]['purpose'][lang]} ({main_litera})",
            "fund_category": text(general.fund_category, lang),
            "energy_class": general.energy_class or "–",
        },
        "distribution": distribution_rows(model, lang),
        "non_residential": non_residential_rows(model, lang),
        "elements": element_cells(model, lang),
        "floor_plans": text(model.floor_plans, lang) if model.floor_plans is not None else "",
        "floor_plans_explication": (text(model.floor_plans_explication, lang)
                                    if model.floor_plans_explication is not None else ""),
        "attached": [text(item, lang) for item in model.attached],
        "special_marks": [text(item, lang) for item in model.special_marks],
        "land_explication": land_explication_row(model, lang),
        "buildings": building_rows(model, lang),
        "rooms": explication_rows(model, lang),
    }}


from ..spec import FormSpec, Provenance, TextProvenance  # noqa: E402

FORM = FormSpec(
    slug="passport-building",
    annex=None,
    title={"kk": "Жылжымайтын мүлік объектісінің кадастрлық паспорты (көппәтерлі тұрғын үйлерге, кеңселерге, "
                 "өнеркәсіптік, сауда объектілеріне және басқаларға)",
           "ru": "Кадастровый паспорт объекта недвижимости (многоквартирный жилой дом, офис, промышленные, торговые "
                 "и другие объекты)"},
    provenance=Provenance.OFFICIAL_TEXT,
    model=BuildingPassportData,
    description="Cadastral passport, Form 2 of Order No. 440: apartment buildings, offices, industrial, trade and "
                "other buildings; land pages, general data, distribution of areas, non-residential premises, "
                "structural elements and engineering, land explication, main and service buildings, explication "
                "to the plan (landscape); QR code.",
    text_provenance={"kk": TextProvenance.OFFICIAL, "ru": TextProvenance.OFFICIAL},
    compute=compute,
    computed_names=("doc",),
    notes=("Order No. 440 of 30.06.2023, Annex 2 (Form Ф-2 / Н-2), edition of 12.07.2026 (Order No. 278 of "
           "20.03.2026), kk and ru, from shared/sources/official/order-440-passport-forms-{kk,ru}-2026-07-12.md.",
           "The two languages' tables differ as the sources do: the Russian explication to the plan has no column "
           "for education (a room of that use is refused), the Kazakh one has; the Kazakh land explication has a "
           "ground column; the Kazakh table of main and service buildings continues on a second table.",
           "Words the mirror scrambles are printed whole: 'Площадь нежилых помещений', 'если вторичный объект "
           "расположен в многоквартирном жилом доме', 'Площадь балкона, лоджии и т.п.'.",
           "A passport dated before 12.07.2026 renders with a warning: an earlier edition applied then.",
           "Figures: Instruction No. 367, p. 14 (literas), 77, 83-89 (areas), 94 (purpose), 99 (totals by floor "
           "and building), 101-102 (volume)."),
    properties_note=properties_note,
)
