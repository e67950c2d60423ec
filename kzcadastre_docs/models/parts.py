"""Parts shared by the documents' models: people, addresses, objects, rooms, structures."""

from __future__ import annotations

from collections.abc import Iterator
import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from ..i18n.catalogue import Message
from ..law import cadastral
from . import shapes as geometry
from .geometry import RoomOutline
from .base import DocumentModel, RuleViolation
from .types import (BIN, IIN, Area, DocNumber, Email, Litera, LocalizedLong, LocalizedShort, Metres, Phone, PostalCode,
                    ShortText, Volume, Year)
from .vocabularies import BuildingKind, DocumentKind, Material, ObjectPurpose, Position, RoomPurpose, TechnicalCondition

#: Largest difference between a declared area and the sum of its parts (m²).
AREA_TOLERANCE = Decimal("0.05")


class ObjectType(str, Enum):
    """Kinds of object that the Rules distinguish for terms and fees."""

    APARTMENT = "apartment"
    DORMITORY_ROOM = "dormitory_room"
    INDIVIDUAL_HOUSE = "individual_house"
    INDIVIDUAL_GARAGE = "individual_garage"
    DACHA = "dacha"
    OTHER = "other"


class Address(DocumentModel):
    """An address in Kazakhstan as the address register (АР) keeps it; names in kk and ru.

    Each name is given as the register writes it in each language, e.g.
    ``{"kk": "Астана қаласы", "ru": "город Астана"}``. A city of republican significance is
    the `region` (its districts are `city_district`); `settlement` is then omitted.
    """

    region: LocalizedShort = Field(
        description="Region (облыс / область) or city of republican significance, with its word: "
                    "{kk: Алматы облысы, ru: Алматинская область}, {kk: Астана қаласы, ru: город Астана}.")
    district: LocalizedShort | None = Field(None, description="District of the region, if any.")
    settlement: LocalizedShort | None = Field(
        None, description="City, town or village of the region, with its word (г., пос., с.); omitted for a city of "
                          "republican significance, which is the region.")
    city_district: LocalizedShort | None = Field(None, description="District in the city, if any.")
    street: LocalizedShort | None = Field(None, description="Street, avenue or micro-district, with its word.")
    house: Annotated[str, Field(min_length=1, max_length=20)] = Field(description="House number.")
    building: Annotated[str, Field(min_length=1, max_length=20)] | None = Field(None, description="Building (block) number.")
    apartment: Annotated[str, Field(min_length=1, max_length=20)] | None = Field(None, description="Apartment or premise number.")
    postal_code: PostalCode | None = Field(None, description="Six-digit postal code.")
    registration_code: Annotated[str, Field(pattern=r"^\d{1,30}$")] | None = Field(
        None, description="Registration code of the address (регистрационный код адреса, РКА) in the address register.")


class CadastralNumber(DocumentModel):
    """A cadastral number: the land-plot number, with the primary and secondary parts if any.

    Given as a string, it is read whole by the Rules for assigning cadastral numbers (point 13:
    land plot, primary or secondary; point 31: temporary); given as fields, the land-plot
    number, the building (primary object) part and the premise (secondary object) part are
    checked together (kzcadastre_docs.law.cadastral).
    """

    land: str = Field(description="Land-plot number, AA:BBB:CCC:D…D with ':' or '-', e.g. 02:036:151:1053; "
                                  "000 in place of the plot in a temporary number.")
    building: Annotated[str, Field(min_length=1, max_length=60)] | None = Field(
        None, description="Primary object's number on the plot (I…I), or a temporary number such as (123:12А:4/53687).")
    premise: Annotated[str, Field(min_length=1, max_length=10)] | None = Field(
        None, description="Secondary object's number in the primary object (K…K), if any.")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        try:
            number = cadastral.parse(value)
        except cadastral.InvalidCadastralNumber as exc:
            raise PydanticCustomError("cadastral_number", "{reason}", {"reason": exc.as_message()}) from None
        return {"land": number.land_plot, "building": number.primary, "premise": number.secondary}

    @model_validator(mode="after")
    def _normalise(self) -> CadastralNumber:
        try:
            number = cadastral.from_parts(self.land, self.building, self.premise)
        except cadastral.InvalidCadastralNumber as exc:
            raise PydanticCustomError("cadastral_number", "{reason}", {"reason": exc.as_message()}) from None
        object.__setattr__(self, "land", number.land_plot)
        object.__setattr__(self, "building", number.primary)
        return self

    @property
    def number(self) -> cadastral.Number:
        """The parsed number (kind, parts)."""
        return cadastral.from_parts(self.land, self.building, self.premise)

    def __str__(self) -> str:
        return str(self.number)

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        as_object = handler(core_schema)
        as_string = {"type": "string", "pattern": cadastral.NUMBER_PATTERN,
                     "description": "The whole number, e.g. 02:036:151:1053 (land plot), 21:320:135:0722:1 (primary), "
                                    "21:320:135:0722:1:106 (secondary), 20:015:004:000:(123:12А:4/53687) (temporary)."}
        return {"anyOf": [as_string, as_object], "description": cls.__doc__.splitlines()[0]}


class LandPlotNumber(CadastralNumber):
    """A land plot's cadastral number alone (AA:BBB:CCC:D…D, point 13)."""

    @model_validator(mode="after")
    def _land_only(self) -> LandPlotNumber:
        if self.building is not None or self.premise is not None:
            raise PydanticCustomError("cadastral_number", "{reason}", {"reason": cadastral.InvalidCadastralNumber(
                str(self.number), "number", Message("is the number of a {level} object, not of a land plot",
                                                    level=self.number.level), 13).as_message()})
        return self

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        as_object = handler(core_schema)
        as_string = {"type": "string", "pattern": cadastral.LAND_PATTERN,
                     "description": "The land-plot number, e.g. 02:036:151:1053 or 02-036-151-1053."}
        return {"anyOf": [as_string, as_object], "description": cls.__doc__.splitlines()[0]}


def _missing_plot_land(value: Any) -> str:
    try:
        return str(cadastral.parse_land_number(value, missing_plot=True))
    except cadastral.InvalidCadastralNumber as exc:
        raise PydanticCustomError("cadastral_number", "{reason}", {"reason": exc.as_message()}) from None


#: A land plot's number, or AA:BBB:CCC:000 where the plot has none (temporary numbers, point 31).
LandPart = Annotated[str, Field(max_length=40), AfterValidator(_missing_plot_land)]


class PowerOfAttorney(DocumentModel):
    number: DocNumber = Field(description="Number of the power of attorney.")
    date: dt.date = Field(description="Date it was issued.")
    valid_until: dt.date | None = Field(None, description="Last day it is valid, if limited.")

    def rules(self) -> Iterator[RuleViolation]:
        if self.valid_until and self.valid_until < self.date:
            yield ("valid_until",), "date_order", {"later": "valid_until", "earlier": "date",
                                                    "later_value": self.valid_until, "earlier_value": self.date}


class Representative(DocumentModel):
    full_name: ShortText = Field(description="Full name of the representative.")
    iin: IIN
    power_of_attorney: PowerOfAttorney = Field(description="The power of attorney the representative acts on.")


class Individual(DocumentModel):
    """An applicant who is a natural person."""

    kind: Literal["individual"] = Field(description="Always 'individual'.")
    last_name: ShortText = Field(description="Surname.")
    first_name: ShortText = Field(description="Given name.")
    patronymic: ShortText | None = Field(None, description="Patronymic, if any.")
    iin: IIN

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.last_name, self.first_name, self.patronymic) if part)


class Organisation(DocumentModel):
    """An applicant that is a legal entity, acting through a representative."""

    kind: Literal["organisation"] = Field(description="Always 'organisation'.")
    name: LocalizedShort = Field(description="Full name of the organisation, in kk and ru as registered.")
    bin: BIN
    representative: Representative = Field(description="Who acts for the organisation.")

    @property
    def full_name(self) -> str:
        return self.name


Applicant = Annotated[Individual | Organisation, Field(discriminator="kind", description="The applicant (service recipient).")]


class Contacts(DocumentModel):
    phone: Phone | None = Field(None, description="Phone, +7 and ten digits.")
    email: Email | None = Field(None, description="E-mail address.")
    postal_address: Address | None = Field(None, description="Address for correspondence.")


class Person(DocumentModel):
    """An employee named on a document (inspector, specialist, head)."""

    full_name: ShortText = Field(description="Full name.")
    position: Position | None = Field(None, description="Position (a code of the position vocabulary).")


class Room(DocumentModel):
    """One line of the explication: a room and its areas."""

    number: Annotated[str, Field(min_length=1, max_length=10)] = Field(description="Room number on the floor plan.")
    purpose: RoomPurpose = Field(description="Purpose of the room: a code (living_room, kitchen, corridor...).")
    area: Area = Field(description="Total area of the room, m².")
    living_area: Area = Field(Decimal("0.00"), description="Living part of the area, m².")
    auxiliary_area: Area = Field(Decimal("0.00"), description="Auxiliary part of the area, m².")
    height: Metres | None = Field(None, description="Ceiling height, m.")

    def rules(self) -> Iterator[RuleViolation]:
        parts = self.living_area + self.auxiliary_area
        if abs(parts - self.area) > AREA_TOLERANCE:
            yield ("area",), "area_sum", {"total": self.area, "parts": parts, "what": "living_area + auxiliary_area",
                                         "tolerance": AREA_TOLERANCE}


class Floor(DocumentModel):
    """One floor of the explication."""

    level: LocalizedShort = Field(
        description="The floor as named on the plan: a number, the same in both languages (\"1\"), or a name in "
                    "kk and ru ({\"kk\": \"жертөле\", \"ru\": \"подвал\"}).")
    rooms: list[Room] = Field(min_length=1, max_length=500, description="Rooms of the floor.")
    plan: list[RoomOutline] | None = Field(
        None, max_length=500,
        description="The floor plan: each room's outline (inner faces of its walls), numbered as in the "
                    "explication. When given, the plan is drawn and checked against the explication.")

    @property
    def key(self) -> str:
        """The level as one string, for file names, messages and picking a floor: the plain
        value, else the Russian name (then the Kazakh one)."""
        return self.level.plain or self.level.text("ru") or self.level.text("kk")

    @property
    def total_area(self) -> Decimal:
        return sum((room.area for room in self.rooms), Decimal("0.00"))

    @property
    def living_area(self) -> Decimal:
        return sum((room.living_area for room in self.rooms), Decimal("0.00"))

    @property
    def auxiliary_area(self) -> Decimal:
        return sum((room.auxiliary_area for room in self.rooms), Decimal("0.00"))

    def rules(self) -> Iterator[RuleViolation]:
        seen: set[str] = set()
        for index, room in enumerate(self.rooms):
            if room.number in seen:
                yield ("rooms", index, "number"), "duplicate", {"value": room.number, "what": Message("room number on this floor")}
            seen.add(room.number)
        if self.plan is None:
            return
        drawn: set[str] = set()
        for index, room in enumerate(self.plan):
            if room.number in drawn:
                yield ("plan", index, "number"), "duplicate", {"value": room.number, "what": Message("room number on the plan")}
            elif room.number not in seen:
                yield ("plan", index, "number"), "plan_room_unknown", {"value": room.number, "level": self.key}
            drawn.add(room.number)
        for index, room in enumerate(self.rooms):
            if room.number not in drawn:
                yield ("rooms", index, "number"), "plan_room_missing", {"value": room.number, "level": self.key}

    def advice(self) -> Iterator[RuleViolation]:
        if not self.plan:
            return
        outlines = {room.number: room.outline for room in self.plan}
        declared = {room.number: room.area for room in self.rooms}
        where = {room.number: index for index, room in enumerate(self.plan)}
        for found in geometry.area_differences(declared, outlines):
            yield ("plan", where[found.number], "outline"), "plan_area", {
                "value": found.number, "declared": found.declared, "computed": found.computed,
                "tolerance": geometry.PLAN_AREA_TOLERANCE}
        for first, second, overlap in geometry.overlaps([room.outline for room in self.plan]):
            yield ("plan", second, "outline"), "rooms_overlap", {
                "value": self.plan[second].number, "other": self.plan[first].number, "area": overlap}

    def plan_area_differences(self) -> list[geometry.AreaDifference]:
        """Rooms whose area from the plan differs from the explication's (none without a plan)."""
        if not self.plan:
            return []
        return geometry.area_differences({room.number: room.area for room in self.rooms},
                                         {room.number: room.outline for room in self.plan})


class RealEstateObject(DocumentModel):
    """The object of real estate as measured, with its explication if there is one."""

    object_type: ObjectType = Field(description="Kind of object; decides the service term.")
    purpose: ObjectPurpose = Field(description="Purpose of the object: a code (individual_house, apartment...).")
    total_area: Area = Field(description="Total area, m².")
    living_area: Area | None = Field(None, description="Living area, m² (residential objects).")
    useful_area: Area | None = Field(None, description="Useful area, m².")
    floors_above_ground: int = Field(ge=1, le=200, description="Number of floors above ground.")
    floors_below_ground: int = Field(0, ge=0, le=20, description="Number of floors below ground.")
    rooms: int = Field(ge=0, le=10000, description="Number of rooms.")
    year_built: Year = Field(description="Year of construction (commissioning).")
    first_complexity_category: bool = Field(
        False, description="First complexity category: a rectangular structure with no more than four rooms.")
    floors: list[Floor] = Field(default_factory=list, max_length=200,
                                description="Explication per floor; its totals must equal the object's areas.")

    def rules(self) -> Iterator[RuleViolation]:
        if self.living_area is not None and self.living_area > self.total_area:
            yield ("living_area",), "area_exceeds", {"part": self.living_area, "total": self.total_area,
                                                    "what": "living_area", "whole": "total_area"}
        if not self.floors:
            return
        total = sum((floor.total_area for floor in self.floors), Decimal("0.00"))
        if abs(total - self.total_area) > AREA_TOLERANCE:
            yield ("total_area",), "explication_total", {"declared": self.total_area, "computed": total,
                                                         "what": "total_area", "tolerance": AREA_TOLERANCE}
        if self.living_area is not None:
            living = sum((floor.living_area for floor in self.floors), Decimal("0.00"))
            if abs(living - self.living_area) > AREA_TOLERANCE:
                yield ("living_area",), "explication_total", {"declared": self.living_area, "computed": living,
                                                              "what": "living_area", "tolerance": AREA_TOLERANCE}


class StructuralElementKind(str, Enum):
    """Rows of the Annex 9 table, in their order."""

    FOUNDATIONS = "foundations"
    EXTERNAL_WALLS = "external_walls"
    INTERNAL_WALLS = "internal_walls"
    PARTITIONS = "partitions"
    SLABS = "slabs"  # floors/ceilings: attic, between floors, basement
    ROOF_STRUCTURE = "roof_structure"
    ROOFING = "roofing"
    FLOORS = "floors"
    WINDOWS = "windows"
    DOORS = "doors"
    INTERIOR_FINISH = "interior_finish"
    EXTERIOR_FINISH = "exterior_finish"
    HEATING = "heating"
    WATER_SUPPLY = "water_supply"
    SEWERAGE = "sewerage"
    HOT_WATER = "hot_water"
    ELECTRICITY = "electricity"
    GAS = "gas"
    VENTILATION = "ventilation"
    LIFTS = "lifts"
    OTHER = "other"  # balconies, loggias, porches, stairs


#: The element each sub-row part belongs to (the official Annex 9 table).
ELEMENT_PARTS = {"attic": "slabs", "between_floors": "slabs", "first_floor": "floors", "upper_floors": "floors",
                 "stairs": "other"}


class StructuralElement(DocumentModel):
    element: StructuralElementKind = Field(description="Which structural element or engineering system.")
    part: Literal["attic", "between_floors", "first_floor", "upper_floors", "stairs"] | None = Field(
        None, description="Sub-row of the official Annex 9 table: attic or between_floors (slabs), first_floor or "
                          "upper_floors (floors), stairs (other).")
    description: LocalizedLong = Field(description="Material and construction.")
    condition: TechnicalCondition | None = Field(None, description="Technical condition (a code).")
    wear_percent: int | None = Field(None, ge=0, le=100, description="Physical wear, %.")
    note: LocalizedShort | None = Field(None, description="Note.")

    def rules(self) -> Iterator[RuleViolation]:
        if self.part is not None and ELEMENT_PARTS[self.part] != self.element.value:
            yield ("part",), "enum", {"expected": f"a part of {self.element.value}: "
                                                  + ", ".join(p for p, k in ELEMENT_PARTS.items() if k == self.element.value)
                                                  or "none"}


class MainCharacteristics(DocumentModel):
    """Header of Annex 9: the main object's figures."""

    litera: Litera = Field(description="Litera of the main object on the plan.")
    name: BuildingKind = Field(description="Name or purpose (a building kind code).")
    year_built: Year = Field(description="Year built.")
    floors_above_ground: int = Field(ge=1, le=200, description="Floors above ground.")
    floors_below_ground: int = Field(0, ge=0, le=20, description="Floors below ground.")
    height: Metres | None = Field(None, description="Height, m.")
    built_up_area: Area | None = Field(None, description="Built-up area, m².")
    volume: Volume | None = Field(None, description="Volume, m³.")
    total_area: Area = Field(description="Total area, m².")
    living_area: Area | None = Field(None, description="Living area, m².")
    useful_area: Area | None = Field(None, description="Useful area, m².")
    elements: list[StructuralElement] = Field(default_factory=list, max_length=100,
                                              description="Structural elements and systems (Annex 9 table).")

    def rules(self) -> Iterator[RuleViolation]:
        seen: set[StructuralElementKind] = set()
        for index, element in enumerate(self.elements):
            if element.element in seen and element.element is not StructuralElementKind.OTHER:
                yield ("elements", index, "element"), "duplicate", {"value": element.element.value,
                                                                    "what": Message("structural element")}
            seen.add(element.element)


class ServiceElement(DocumentModel):
    """One element row of the official Annex 10 table for a service building."""

    element: Literal["foundation", "walls", "slabs", "roof", "exterior_finish"] = Field(
        description="The row: foundation, walls (outer), slabs, roof, exterior_finish.")
    description: LocalizedLong = Field(description="Material and construction.")
    condition: TechnicalCondition | None = Field(None, description="Technical condition (a code).")
    wear_percent: int | None = Field(None, ge=0, le=100, description="Physical wear, %.")


class ServiceBuilding(DocumentModel):
    """A service (household) building on the plot: Annex 10, first table."""

    litera: Litera = Field(description="Litera on the plan.")
    name: BuildingKind = Field(description="Kind of building: a code (shed, garage, bathhouse...).")
    wall_material: Material = Field(description="Material of the walls (a code).")
    roofing: Material | None = Field(None, description="Roofing material (a code).")
    built_up_area: Area = Field(description="Built-up area, m².")
    height: Metres | None = Field(None, description="Height, m.")
    volume: Volume | None = Field(None, description="Volume, m³.")
    year_built: Year | None = Field(None, description="Year built.")
    note: LocalizedShort | None = Field(None, description="Note.")
    elements: list[ServiceElement] = Field(
        default_factory=list, max_length=20,
        description="Element rows of the official table; walls and roof default to wall_material and roofing.")


class StructureUnit(str, Enum):
    METRE = "m"
    SQUARE_METRE = "m2"
    PIECE = "pcs"


class Structure(DocumentModel):
    """A structure on the plot (fence, gate, paving, well): Annex 10, second table."""

    litera: Litera = Field(description="Litera or number on the plan.")
    name: BuildingKind = Field(description="Kind of structure: a code (fence, gate, well...).")
    material: Material | None = Field(None, description="Material (a code).")
    unit: StructureUnit = Field(description="Unit of the quantity: m, m2 or pcs.")
    quantity: Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)] = Field(description="Quantity.")
    note: LocalizedShort | None = Field(None, description="Note.")


class TitleDocument(DocumentModel):
    """The title document (or act of acceptance) the declared data come from."""

    name: DocumentKind = Field(description="Kind of document (a code of the document_kind vocabulary).")
    number: DocNumber = Field(description="Its number.")
    date: dt.date = Field(description="Its date.")
    issuer: LocalizedShort = Field(description="Who issued it.")


class Inspection(DocumentModel):
    date: dt.date = Field(description="Date of the technical inspection (survey on site).")
    inspector: Person = Field(description="The specialist who inspected the object.")


class InventoryStatus(str, Enum):
    CURRENT = "current"
    SUPERSEDED = "superseded"


class InventoryEntry(DocumentModel):
    """A line of the inventory file's register."""

    number: int = Field(ge=1, description="Sequence number in the register.")
    document_number: DocNumber | None = Field(None, description="The document's own number, if it has one.")
    document: LocalizedShort = Field(description="The document filed (its title).")
    date: dt.date = Field(description="Its date.")
    sheets: int = Field(ge=1, le=10000, description="Number of sheets.")
    status: InventoryStatus = Field(InventoryStatus.CURRENT, description="current or superseded (kept, never removed).")
    note: LocalizedShort | None = Field(None, description="Note.")
    form: Literal["abris", "cadastral-passport", "conclusion", "application", "technical-main", "technical-service",
                  "other"] | None = Field(None, description="Kind of document, where it is one the library knows.")
    sequence: int | None = Field(None, ge=1, le=1000, description="Sequence number of an abris in the file (abris entries).")
    superseded_by: int | None = Field(None, ge=1, description="Number of the later entry that supersedes this one.")


class ChangeKind(str, Enum):
    NEW_CONSTRUCTION = "new_construction"
    EXTENSION = "extension"
    RECONSTRUCTION = "reconstruction"
    RE_EQUIPMENT = "re_equipment"
    RE_PLANNING = "re_planning"
    DEMOLITION = "demolition"
    OTHER = "other"


class Discrepancy(DocumentModel):
    """A row of the conclusion's table added by hand."""

    item: LocalizedShort = Field(description="The data item.")
    declared: LocalizedShort = Field(description="Per the title document.")
    actual: LocalizedShort = Field(description="Found by the inspection.")
    difference: LocalizedShort | None = Field(None, description="The difference.")
    change_kind: ChangeKind = Field(description="Kind of change.")


class ActReference(DocumentModel):
    number: DocNumber = Field(description="Number of the act or application.")
    date: dt.date = Field(description="Its date.")


class LandPlot(DocumentModel):
    cadastral_number: LandPlotNumber = Field(description="Cadastral number of the land plot.")
    area: Area | None = Field(None, description="Area of the land plot, m².")


def date_order(later_name: tuple, later: dt.date | None, earlier_name: str, earlier: dt.date | None) -> Iterator[RuleViolation]:
    """A violation if `later` comes before `earlier` (both given)."""
    if later is not None and earlier is not None and later < earlier:
        yield later_name, "date_order", {"later": ".".join(map(str, later_name)), "earlier": earlier_name,
                                         "later_value": later, "earlier_value": earlier}
