"""The data every passport form of Order No. 440 shares: the title block (structural
subdivision and items 1-8), the order number and date of issue, the duplicate's mark, the
edition, rooms classified as Instruction No. 367 does, declared figures to check, and the
helpers that print a value the way the forms do (a dash where there is none)."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from functools import lru_cache
from importlib import resources
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, ClassVar, Literal

import yaml
from pydantic import Field

from ..barcode import Payload, data_digest
from ..i18n import formatting
from ..i18n.catalogue import N_, Message
from ..law import areas
from .base import DocumentModel, RuleViolation
from .geometry import Outline
from .localized import Localizable, LocalizedText, other_language  # noqa: F401 (LocalizedText: doctests)
from .parts import Address, CadastralNumber, Floor, Room as ExplicationRoom, date_order
from .vocabularies import Branch, Term, coded
from .types import DocNumber, LocalizedShort

#: The edition of Order No. 440 the shipped forms reproduce (Order No. 278 of 20.03.2026).
EDITION_DATE = dt.date(2026, 7, 12)
EDITION = {
    "kk": "ҚР Әділет министрінің 2023 жылғы 30 маусымдағы № 440 бұйрығы, 2026 жылғы 12 шілдедегі редакциясы "
          "(2026 жылғы 20 наурыздағы № 278 бұйрық)",
    "ru": "Приказ Министра юстиции РК от 30 июня 2023 года № 440 в редакции от 12.07.2026 "
          "(приказ от 20 марта 2026 года № 278)",
}
#: The dash the forms' own tables use for "no value".
DASH = "–"
#: The duplicate's electronic mark (paragraph 11 of the Rules).
DUPLICATE_WORD = {"kk": "ТЕЛНҰСҚА", "ru": "ДУБЛИКАТ"}
#: Printed width of the QR code on the page (cm).
QR_CM = 2.6


#: A text in both languages, or one text the same in both (issue 13's LocalizedText).
Text = LocalizedShort


def text(value: Localizable | str | None, lang: str) -> str:
    """A text in the document's language; no value prints as the form's dash. A value
    without the language's text prints the other one: the rendering context has already
    refused it (or listed it, with --allow-fallback) when it localized the data.

    >>> text(LocalizedText({"kk": "кірпіш", "ru": "кирпич"}), "ru"), text(LocalizedText("Қарағанды"), "ru")
    ('кирпич', 'Қарағанды')
    >>> text(None, "kk")
    '–'
    """
    if value is None:
        return DASH
    if isinstance(value, Localizable):
        return value.text(lang) or value.text(other_language(lang)) or DASH
    return str(value)


def figure(value: Decimal | int | None, lang: str, places: int = 1, *, blank: str = DASH) -> str:
    """A figure as the explication prints it (one decimal place, comma); none: the dash.

    >>> figure(Decimal("18.2"), "ru"), figure(None, "ru"), figure(Decimal("0"), "kk", blank="")
    ('18,2', '–', '0,0')
    """
    if value is None:
        return blank
    return formatting.number(Decimal(value), lang, places=places)


def nonzero(value: Decimal, lang: str) -> str:
    """A figure, or an empty cell for zero (a room's column that does not concern it)."""
    return figure(value, lang) if value else ""


def date_parts(value: dt.date | None, lang: str) -> dict[str, str]:
    """Day, month name (genitive) and year, for the forms' «___» ________ ____ blanks.

    >>> date_parts(dt.date(2026, 11, 20), "ru")
    {'day': '20', 'month': 'ноября', 'year': '2026'}
    >>> date_parts(dt.date(2026, 11, 20), "kk")["month"]
    'қараша'
    """
    if value is None:
        return {"day": "___", "month": "________", "year": "____"}
    written = formatting.official_date(value, lang)  # "20 ноября 2026 года" / "2026 жылғы 20 қараша"
    words = written.split()
    month = words[1] if lang == "ru" else words[3]
    return {"day": f"{value.day:02d}" if lang == "ru" else str(value.day), "month": month, "year": str(value.year)}


def street_line(address: Address, lang: str) -> str:
    """Item 5 of the title block: street, house, building, apartment (the words of
    `formatting.address`).

    >>> street_line(Address(region="x", street={"kk": "Абай көшесі", "ru": "ул. Абая"}, house="12", apartment="45"), "ru")
    'ул. Абая, дом 12, кв. 45'
    """
    return formatting.address({"street": text(address.street, lang) if address.street else None,
                               "house": address.house, "building": address.building,
                               "apartment": address.apartment}, lang)


class DuplicateMark(DocumentModel):
    """Set on a duplicate: the passport carries the electronic mark "Телнұсқа" / "Дубликат"
    (paragraph 11 of the Rules) and the duplicate's date of issue."""

    issued_on: dt.date = Field(description="Date the duplicate is issued.")


@lru_cache(maxsize=1)
def object_forms() -> dict[str, str]:
    """Object type -> the slug of its passport form (data/passport_forms.yaml)."""
    text = resources.files("kzcadastre_docs.data").joinpath("passport_forms.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def as_of_not_after_issue(model) -> Iterator[RuleViolation]:
    """A passport is drawn up as of a date not after its date of issue (forms with "as of")."""
    if model.as_of > model.document_date:
        yield ("as_of",), "date_order", {"later": "as_of", "earlier": "document_date",
                                         "later_value": model.as_of, "earlier_value": model.document_date}


def plan_rules(model) -> Iterator[RuleViolation]:
    """The plan's outlines checked against the explication, where the form has a plan."""
    if model.plan:
        yield from model.floor_model().rules()


def plan_advice(model, what: str) -> Iterator[RuleViolation]:
    """A passport without its plan is incomplete; with it, the plan's own warnings."""
    if not model.plan:
        yield ("plan",), "passport_without_plan", {"what": Message(what)}
    else:
        yield from model.floor_model().advice()


class PassportBase(DocumentModel):
    """The title block and the issue data that every passport form has."""

    object_type: str | None = Field(
        None, description="Kind of object (apartment, dormitory_room, individual_house, dacha, individual_garage, "
                          "other, land_plot, parking_place, storeroom): `render passport` picks the form from it.")

    subdivision: Branch = Field(
        description="The structural subdivision of the State Corporation that issues the passport: a branch code "
                    "(data/branches.yaml, e.g. astana), or its name in kk and ru.")
    address: Address = Field(description="Items 1-6 of the title block (region, district, settlement, district in "
                                         "the city, street and house, registration code).")
    cadastral_number: CadastralNumber = Field(description="Item 7: cadastral number of the object.")
    cadastral_file_number: DocNumber = Field(description="Item 8: number of the cadastral file.")
    order_number: DocNumber = Field(description="Order (заказ) number.")
    document_date: dt.date = Field(description="Date of issue of the passport.")
    duplicate: DuplicateMark | None = Field(None, description="Set when this passport is a duplicate.")

    #: The form's number in Order No. 440 and its slug (set by each form).
    FORM_NUMBER: ClassVar[int] = 0
    FORM_SLUG: ClassVar[str] = ""

    def rules(self) -> Iterator[RuleViolation]:
        if self.object_type is not None and object_forms().get(self.object_type) != self.FORM_SLUG:
            yield ("object_type",), "object_type_form", {
                "value": self.object_type, "form": self.FORM_SLUG,
                "expected": object_forms().get(self.object_type, "none"),
                "allowed": ", ".join(kind for kind, slug in object_forms().items() if slug == self.FORM_SLUG)}
        if self.duplicate:
            yield from date_order(("duplicate", "issued_on"), self.duplicate.issued_on, "document_date", self.document_date)

    def advice(self) -> Iterator[RuleViolation]:
        if self.document_date < EDITION_DATE:
            yield ("document_date",), "passport_earlier_edition", {
                "value": self.document_date, "edition": EDITION_DATE}

    def payload(self) -> Payload:
        """The barcode payload of this passport."""
        return Payload(f"F{self.FORM_NUMBER}", str(self.cadastral_number), self.order_number,
                       self.document_date.isoformat(), data_digest(self))


#: Words naming summer rooms and cold extensions: a room so named is not living or non-living area
#: (Instruction No. 367, p. 86, 89).
SUMMER_WORDS = ("балкон", "лоджия", "терраса", "веранда", "тамбур")


#: A material (walls, foundation, roofing): a code of the material vocabulary, or free text.
Material = coded("material")
#: A room's purpose: a code of the room_purpose vocabulary, or free text in both languages.
RoomPurpose = coded("room_purpose")
Category = Literal["living", "non_living", "balcony", "terrace", "loggia", "loggia_balcony", "veranda", "cold_extension"]


class Room(DocumentModel):
    """A room of the explication: its number, purpose (vocabulary room_purpose, classified
    as Instruction No. 367 does) and measured area, one decimal place (p. 77)."""

    number: Annotated[str, Field(min_length=1, max_length=10)] = Field(description="Number on the plan.")
    kind: RoomPurpose = Field(
        description="Purpose of the room: a code of the room_purpose vocabulary (living_room, kitchen, loggia...), "
                    "or free text in both languages with its `category`.")
    counts_as: Category | None = Field(
        None, description="Where its area counts (Instruction No. 367, p. 83-89): needed only for a purpose that "
                          "data/instruction_367_areas.yaml does not classify, or free text; otherwise it must agree.")
    name: Text | None = Field(None, description="Name in the explication, if not the purpose's own label.")
    area: Annotated[Decimal, Field(gt=0, max_digits=8, decimal_places=1)] = Field(
        description="Measured area, m², to one decimal place (Instruction No. 367, p. 77).")

    @property
    def classified(self) -> str | None:
        """The category the Instruction's classification gives the purpose, if any."""
        return areas.room_kinds().get(self.kind.code) if isinstance(self.kind, Term) else None

    def rules(self) -> Iterator[RuleViolation]:
        code = self.kind.code if isinstance(self.kind, Term) else None
        if self.classified is None and self.counts_as is None:
            yield ("kind",), "room_kind", {"value": code or text(self.kind, "ru"),
                                           "known": ", ".join(areas.room_kinds())}
            return
        if self.classified is not None and self.counts_as is not None and self.counts_as != self.classified:
            yield ("counts_as",), "summer_room_counted" if self.classified not in areas.USEFUL else "room_category", {
                "value": code, "name": text(self.kind, "ru"), "category": self.counts_as.replace("_", "-"),
                "classified": self.classified}
            return
        if self.counts_as in areas.USEFUL:
            names = [text(value, lang) for value in (self.name, self.kind if code is None else None)
                     if value is not None for lang in ("kk", "ru")]
            for word in SUMMER_WORDS:
                if any(word in name.lower() for name in names):
                    yield ("counts_as",), "summer_room_counted", {
                        "value": code or names[-1], "name": names[-1], "category": self.counts_as.replace("_", "-")}
                    return
        elif self.counts_as is None and self.classified in areas.USEFUL and self.name is not None:
            names = [text(self.name, lang) for lang in ("kk", "ru")]
            for word in SUMMER_WORDS:
                if any(word in name.lower() for name in names):
                    yield ("kind",), "summer_room_counted", {
                        "value": code, "name": names[-1], "category": self.classified.replace("_", "-")}
                    return

    @property
    def category(self) -> str:
        """Where the room's area counts (p. 83-89): the stated category, else the classified one."""
        return self.counts_as or self.classified or "non_living"

    def printed_name(self, lang: str) -> str:
        return text(self.name if self.name is not None else self.kind, lang)


class DeclaredAreas(DocumentModel):
    """Figures stated in the data (e.g. carried from the title document) to be checked
    against those computed from the rooms."""

    living: Decimal | None = Field(None, ge=0, description="Living area, m².")
    non_living: Decimal | None = Field(None, ge=0, description="Non-living area, m².")
    useful: Decimal | None = Field(None, ge=0, description="Useful area, m².")
    total: Decimal | None = Field(None, ge=0, description="Total area, m².")


#: The declared figures, as the "declared_area" message names them.
AREA_NAMES = {"living": N_("living"), "non_living": N_("non-living"), "useful": N_("useful"), "total": N_("total")}


def declared_differences(declared: DeclaredAreas | None, computed: areas.AreaTotals, where: tuple
                         ) -> Iterator[RuleViolation]:
    """An error for each declared figure that differs from the computed one (both named)."""
    if declared is None:
        return
    for name in ("living", "non_living", "useful", "total"):
        value = getattr(declared, name)
        if value is None:
            continue
        figure_computed = getattr(computed, name)
        if areas.round_area(value) != figure_computed:
            yield (*where, name), "declared_area", {"what": Message(AREA_NAMES[name]), "declared": value, "computed": figure_computed,
                                                    "point": {"living": "83", "non_living": "84", "useful": "85",
                                                              "total": "86"}[name]}


# ------------------------------------------------------------------ the land pages (Forms 1, 2, 4)


class AreaUnit(str, Enum):
    """The unit the land pages give an area in: square metres for the land of settlements,
    hectares otherwise (note *** of the land pages)."""

    SQUARE_METRE = "m2"
    HECTARE = "ha"


class LineMeasure(DocumentModel):
    """A row of "Выноска мер линий": the turning points and the line's length."""

    points: Annotated[str, Field(min_length=1, max_length=20)] = Field(description="Turning points, e.g. '1-2'.")
    length: Annotated[Decimal, Field(gt=0, max_digits=10, decimal_places=2)] = Field(description="Length, metres.")


class Adjacency(DocumentModel):
    """A row of the adjacent plots' table: from point, to point, description."""

    start: Annotated[str, Field(min_length=1, max_length=10)] = Field(description="From (a point letter, А).")
    end: Annotated[str, Field(min_length=1, max_length=10)] = Field(description="To (a point letter, Б).")
    description: Text = Field(description="Cadastral number (land category) of the adjacent plot, or what adjoins.")


class ForeignPlot(DocumentModel):
    """A foreign land plot inside the plan's boundaries."""

    number: Annotated[str, Field(min_length=1, max_length=10)] = Field(description="Number on the plan.")
    cadastral_number: CadastralNumber = Field(description="Its cadastral number.")
    area: Annotated[Decimal, Field(gt=0, max_digits=14, decimal_places=4)] = Field(description="Its area, in `unit`.")


class LandPlotInfo(DocumentModel):
    """The land pages that Forms 1, 2 and 4 share: general data of the land plot, its plan,
    the line measures, the adjacent plots and foreign plots inside the plan."""

    cadastral_number: CadastralNumber = Field(description="Cadastral number of the land plot.")
    ownership: Text = Field(description="Form of ownership (state property, private property, condominium).")
    right: Text = Field(description="Kind of right to the land plot.")
    lease: Text | None = Field(None, description="Term and end date of the lease (temporary land use only).")
    area: Annotated[Decimal, Field(gt=0, max_digits=14, decimal_places=4)] = Field(description="Area of the plot, in `unit`.")
    unit: AreaUnit = Field(AreaUnit.SQUARE_METRE, description="m2 (land of settlements) or ha.")
    share: Text | None = Field(None, description="Share of the plot's area, if any.")
    category: Text = Field(description="Land category.")
    purpose: Text = Field(description="Designated purpose of the land plot.")
    functional_zone: Text | None = Field(None, description="Functional zone in the settlement, if any.")
    restrictions: Text | None = Field(None, description="Restrictions in use and encumbrances.")
    divisible: bool = Field(description="Divisible (true) or indivisible (false).")
    scale: int | None = Field(None, ge=200, le=5000, description="Scale of the plot's plan, 1:N (Instruction No. 367, p. 12: 1:200 to 1:5000).")
    measures_public_map: list[LineMeasure] = Field(
        default_factory=list, max_length=500, description="Line measures in the coordinate system of the Public cadastral map.")
    measures_state_system: list[LineMeasure] = Field(
        default_factory=list, max_length=500, description="Line measures in the unified state coordinate system.")
    outline: Outline | None = Field(
        None, description="The plot's boundary (metres, local coordinates), its turning points in the order of the "
                          "line measures: drawn as the plan of the land plot.")
    north_bearing: float = Field(0.0, ge=-360, le=360, description="Direction of north on the plan, degrees clockwise.")
    adjacent: list[Adjacency] = Field(default_factory=list, max_length=100, description="Adjacent land plots.")
    foreign_plots: list[ForeignPlot] = Field(default_factory=list, max_length=100,
                                             description="Foreign land plots inside the plan's boundaries.")

    def advice(self) -> Iterator[RuleViolation]:
        if self.outline is None:
            yield ("outline",), "passport_without_plan", {"what": Message("plan of the land plot")}
        if self.unit is AreaUnit.SQUARE_METRE and areas.round_land_area(self.area) != self.area:
            yield ("area",), "land_area_rounding", {"value": self.area, "rounded": areas.round_land_area(self.area)}


def explication_floor(level: str, rooms, plan) -> Floor:
    """Rooms (anything with number, area and `printed_name`) and their outlines as a floor of
    the explication, for drawing the plan and checking it against the figures."""
    explication = []
    for room in rooms:
        area = Decimal(room.area).quantize(Decimal("0.01"))
        living = area if getattr(room, "category", None) == "living" else Decimal("0.00")
        purpose = {"kk": room.printed_name("kk"), "ru": room.printed_name("ru")}
        explication.append(ExplicationRoom(number=room.number, purpose=purpose, area=area,
                                           living_area=living, auxiliary_area=area - living))
    return Floor(level=level, rooms=explication, plan=plan)
