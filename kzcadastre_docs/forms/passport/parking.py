"""Form 19 of Order No. 440 (Annex 19, "Форма Ф-19" / "Н-19 нысаны"): the cadastral passport
of a parking place. Its area is the length times the width (Instruction No. 367, p. 78),
to one decimal place (p. 74.2); a declared area that differs is an error naming both."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, ClassVar

from pydantic import Field

from ...drawing import floor_picture
from ...i18n.catalogue import N_, Message
from ...law import areas
from ...models.base import RuleViolation
from ...models.geometry import RoomOutline
from ...models.passport import (
    Material,
    PassportBase,
    Text,
    as_of_not_after_issue,
    date_parts,
    explication_floor,
    figure,
    plan_advice,
    plan_rules,
    text,
)
from ...models.types import Year
from ..computed.passport_parts import issue, properties_note, title_block
from ..spec import FormSpec, Provenance, TextProvenance
from .apartment import PLAN_SCALES

Metres = Annotated[Decimal, Field(gt=0, max_digits=6, decimal_places=2)]


class ParkingPassportData(PassportBase):
    """Form 19: a parking place."""

    FORM_NUMBER: ClassVar[int] = 19
    FORM_SLUG: ClassVar[str] = "passport-parking"

    as_of: dt.date = Field(description="The passport is drawn up as of this date.")
    place_kind: Text = Field(description="Kind of parking place (Тип парковочного места).")
    width: Metres = Field(description="Width, m.")
    length: Metres = Field(description="Length, m.")
    area: Annotated[Decimal, Field(gt=0, max_digits=8, decimal_places=1)] | None = Field(
        None, description="Area, m², if declared; computed as length x width (p. 78) otherwise.")
    floor: Annotated[str, Field(min_length=1, max_length=20)] = Field(description="Floor (Этаж).")
    floors: int = Field(ge=1, le=200, description="Number of floors of the building (Этажность).")
    wall_material: Material = Field(description="Material of the walls: a code of the material vocabulary, or free text in both languages.")
    year_built: Year = Field(description="Year of construction.")
    number: Annotated[str, Field(min_length=1, max_length=10)] = Field("1", description="Number of the place on the plan.")
    plan: list[RoomOutline] | None = Field(None, max_length=1, description="Outline of the place (metres): the plan.")

    def computed_area(self) -> Decimal:
        return areas.round_area(self.width * self.length)

    def printed_name(self, lang: str) -> str:
        return text(self.place_kind, lang)

    def floor_model(self):
        return explication_floor(self.floor, [_Place(self.number, self.area or self.computed_area(), self)], self.plan)

    def rules(self) -> Iterator[RuleViolation]:
        yield from super().rules()
        yield from as_of_not_after_issue(self)
        if self.area is not None and self.area != self.computed_area():
            yield ("area",), "declared_area", {"what": Message("parking place"), "declared": self.area,
                                               "computed": self.computed_area(), "point": "78"}
        yield from plan_rules(self)

    def advice(self) -> Iterator[RuleViolation]:
        yield from super().advice()
        yield from plan_advice(self, N_("plan of the parking place"))


class _Place:
    """The place as a room of the explication (for the plan)."""

    def __init__(self, number: str, area: Decimal, model: ParkingPassportData):
        self.number, self.area, self._model = number, area, model

    def printed_name(self, lang: str) -> str:
        return self._model.printed_name(lang)


def compute(model: ParkingPassportData, lang: str) -> dict:
    picture = floor_picture(model.floor_model(), scales=PLAN_SCALES, max_height_cm=9) if model.plan else None
    return {"doc": {
        "title": title_block(model, lang),
        "issue": issue(model, lang),
        "as_of": date_parts(model.as_of, lang),
        "plan": picture,
        "scale": f"1:{picture.scale}" if picture else "__________",
        "row": {"kind": text(model.place_kind, lang), "width": figure(model.width, lang, 2),
                "length": figure(model.length, lang, 2), "area": figure(model.area or model.computed_area(), lang),
                "floor": model.floor, "floors": str(model.floors), "walls": text(model.wall_material, lang),
                "year": str(model.year_built)},
    }}


FORM = FormSpec(
    slug="passport-parking",
    annex=None,
    title={"kk": "Жылжымайтын мүлік объектісінің кадастрлық паспорты (көлік қою орнына)",
           "ru": "Кадастровый паспорт объекта недвижимости на парковочное место"},
    provenance=Provenance.OFFICIAL_TEXT,
    model=ParkingPassportData,
    description="Cadastral passport, Form 19 of Order No. 440: a parking place; area = length x width "
                "(Instruction No. 367, p. 78); QR code.",
    text_provenance={"kk": TextProvenance.OFFICIAL, "ru": TextProvenance.OFFICIAL},
    compute=compute,
    computed_names=("doc",),
    notes=("Order No. 440 of 30.06.2023, Annex 19 (Form Ф-19 / Н-19), edition of 12.07.2026 (Order No. 278 of "
           "20.03.2026), kk and ru, from shared/sources/official/order-440-passport-forms-{kk,ru}-2026-07-12.md.",
           "A passport dated before 12.07.2026 renders with a warning: an earlier edition applied then."),
    properties_note=properties_note,
)
