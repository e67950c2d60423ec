"""Form 3 of Order No. 440 (Annex 3, "Форма Ф-3" / "Н-3 нысаны"): the cadastral passport of an
apartment, or a room (rooms) in an apartment building or a dormitory.

The explication is computed from the rooms as Instruction No. 367 prescribes
(`kzcadastre_docs.law.areas`): a room's row shows its measured area in its column (living,
non-living, loggia, balcony) and, in the total-area column, the area it adds to the total
(balconies and terraces x 0.3, loggias x 0.5, loggia-balconies x 0.4, p. 86), so that the
total column adds up to the total area. The Russian form has a "Полезная площадь" row
before "Итого"; the Kazakh form has only "Қорытынды", and each language prints its own form.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import Field

from ...drawing import floor_picture
from ...i18n.catalogue import N_, Message
from ...law import areas
from ...models.base import RuleViolation
from ...models.geometry import RoomOutline
from ...models.parts import Floor
from ...models.passport import (
    DASH,
    DeclaredAreas,
    Material,
    PassportBase,
    Room,
    Text,
    declared_differences,
    explication_floor,
    figure,
    nonzero,
    plan_advice,
    plan_rules,
    text,
)
from ...models.types import Year
from ..computed.passport_parts import issue, properties_note, title_block
from ..spec import FormSpec, Provenance, TextProvenance

#: Scales of floor plans (Instruction No. 367, p. 58).
PLAN_SCALES = (50, 100, 200, 300, 500)
#: Height the plan may take on the form's one page (cm).
PLAN_HEIGHT_CM = 7.5
#: Categories this form's explication has a column for.
ALLOWED = ("living", "non_living", "balcony", "terrace", "loggia", "loggia_balcony")


class ApartmentPassportData(PassportBase):
    """Form 3: an apartment, or a room (rooms) in an apartment building or dormitory."""

    FORM_NUMBER: ClassVar[int] = 3
    FORM_SLUG: ClassVar[str] = "passport-apartment"

    wall_material: Material = Field(description="Material of the walls: a code of the material vocabulary, or free text in both languages.")
    floor: Text = Field(description="Floor of the apartment (Этаж): a number, or a name in kk and ru (подвал).")
    floors: int = Field(ge=1, le=200, description="Number of floors of the building (Этажность).")
    year_built: Year = Field(description="Year of construction.")
    rooms: list[Room] = Field(min_length=1, max_length=200, description="The explication: rooms in plan order.")
    plan: list[RoomOutline] | None = Field(
        None, max_length=200, description="Outlines of the rooms (metres), numbered as in the explication: the plan.")
    declared: DeclaredAreas | None = Field(None, description="Figures to check against the computed ones.")

    def totals(self) -> areas.AreaTotals:
        return areas.totals(((room.category, room.area) for room in self.rooms), by_category=True)

    def floor_model(self) -> Floor:
        """The rooms as a floor of the explication, for drawing and checking the plan."""
        return explication_floor(self.floor, self.rooms, self.plan)

    def rules(self) -> Iterator[RuleViolation]:
        yield from super().rules()
        seen: set[str] = set()
        for index, room in enumerate(self.rooms):
            if room.category not in ALLOWED:
                yield ("rooms", index, "kind"), "room_not_in_form", {
                    "value": room.printed_name("ru"), "allowed": "living, non-living, loggia, balcony"}
            if room.number in seen:
                yield ("rooms", index, "number"), "duplicate", {"value": room.number, "what": Message("room number")}
            seen.add(room.number)
        yield from declared_differences(self.declared, self.totals(), ("declared",))
        yield from plan_rules(self)

    def advice(self) -> Iterator[RuleViolation]:
        yield from super().advice()
        yield from plan_advice(self, N_("plan of the apartment"))


def explication_rows(model: ApartmentPassportData, lang: str) -> list[dict[str, str]]:
    rows = []
    for room in model.rooms:
        category = room.category
        in_total = areas.reduced(category, room.area)
        rows.append({
            "number": room.number,
            "name": room.printed_name(lang),
            "total": figure(in_total, lang),
            "living": figure(room.area, lang) if category == "living" else "",
            "non_living": figure(room.area, lang) if category == "non_living" else "",
            "loggia": figure(room.area, lang) if category in ("loggia", "loggia_balcony") else "",
            "balcony": figure(room.area, lang) if category in ("balcony", "terrace") else "",
        })
    return rows


def compute(model: ApartmentPassportData, lang: str) -> dict:
    totals = model.totals()
    picture = floor_picture(model.floor_model(), scales=PLAN_SCALES, max_height_cm=PLAN_HEIGHT_CM) if model.plan else None
    return {"doc": {
        "title": title_block(model, lang),
        "issue": issue(model, lang),
        "wall_material": text(model.wall_material, lang),
        "floor": text(model.floor, lang),
        "floors": str(model.floors),
        "year_built": str(model.year_built),
        "scale": f"1:{picture.scale}" if picture else "__________",
        "plan": picture,
        "rows": explication_rows(model, lang),
        "useful": figure(totals.useful, lang),
        "total": {"total": figure(totals.total, lang), "living": figure(totals.living, lang),
                  "non_living": figure(totals.non_living, lang), "loggia": nonzero(totals.loggias, lang) or DASH,
                  "balcony": nonzero(totals.balconies, lang) or DASH},
    }}


FORM = FormSpec(
    slug="passport-apartment",
    annex=None,
    title={
        "kk": "Жылжымайтын мүлік объектісінің кадастрлық паспорты (көп пәтерлі тұрғын үйдегі пәтерге)",
        "ru": "Кадастровый паспорт объекта недвижимости на квартиру",
    },
    provenance=Provenance.OFFICIAL_TEXT,
    model=ApartmentPassportData,
    description="Cadastral passport, Form 3 of Order No. 440: an apartment, or a room (rooms) in an apartment "
                "building or dormitory; explication computed as Instruction No. 367 prescribes; QR code.",
    text_provenance={"kk": TextProvenance.OFFICIAL, "ru": TextProvenance.OFFICIAL},
    compute=compute,
    computed_names=("doc",),
    notes=("Order No. 440 of 30.06.2023, Annex 3 (Form Ф-3 / Н-3), edition of 12.07.2026 (Order No. 278 of "
           "20.03.2026), kk and ru, from shared/sources/official/order-440-passport-forms-{kk,ru}-2026-07-12.md.",
           "A passport dated before 12.07.2026 renders with a warning: an earlier edition applied then.",
           "The Russian form has a 'Полезная площадь' row, the Kazakh one does not; the Russian footer reads "
           "'Данный документ пункту 2 статьи 62' (the word 'согласно' is missing in the source): kept.",
           "Figures: Instruction No. 367, p. 77, 83-86 (kzcadastre_docs.law.areas)."),
    properties_note=properties_note,
)
