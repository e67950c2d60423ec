"""Form 20 of Order No. 440 (Annex 20, "Форма ф-20" / "Н-20 нысаны"): the cadastral passport
of a storeroom. Its explication lists the storeroom's parts, each measured to one decimal
place (Instruction No. 367, p. 77), and their total."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, ClassVar

from pydantic import Field

from ...drawing import floor_picture
from ...i18n.catalogue import N_, Message
from ...models.base import DocumentModel, RuleViolation
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

#: The explication's name of a storeroom, from the form's own column heading.
STOREROOM = {"kk": "қойма", "ru": "кладовка"}


class StoragePart(DocumentModel):
    """A row of the storeroom's explication."""

    number: Annotated[str, Field(min_length=1, max_length=10)] = Field(description="Number on the plan.")
    name: Text | None = Field(None, description="Name, if not 'кладовка' / 'қойма'.")
    area: Annotated[Decimal, Field(gt=0, max_digits=8, decimal_places=1)] = Field(
        description="Area, m², to one decimal place (Instruction No. 367, p. 77).")

    def printed_name(self, lang: str) -> str:
        return text(self.name, lang) if self.name is not None else STOREROOM[lang]


class StoragePassportData(PassportBase):
    """Form 20: a storeroom."""

    FORM_NUMBER: ClassVar[int] = 20
    FORM_SLUG: ClassVar[str] = "passport-storage"

    as_of: dt.date = Field(description="The passport is drawn up as of this date.")
    wall_material: Material = Field(description="Material of the walls: a code of the material vocabulary, or free text in both languages.")
    floor: Annotated[str, Field(min_length=1, max_length=20)] = Field(description="Floor (Этаж).")
    floors: int = Field(ge=1, le=200, description="Number of floors of the building (Этажность).")
    year_built: Year = Field(description="Year of construction.")
    parts: list[StoragePart] = Field(min_length=1, max_length=20, description="The explication.")
    total: Annotated[Decimal, Field(gt=0, max_digits=8, decimal_places=1)] | None = Field(
        None, description="Total area, m², if declared (checked against the parts).")
    plan: list[RoomOutline] | None = Field(None, max_length=20, description="Outlines of the parts: the plan.")

    def computed_total(self) -> Decimal:
        return sum((part.area for part in self.parts), Decimal("0.0"))

    def floor_model(self):
        return explication_floor(self.floor, self.parts, self.plan)

    def rules(self) -> Iterator[RuleViolation]:
        yield from super().rules()
        yield from as_of_not_after_issue(self)
        if self.total is not None and self.total != self.computed_total():
            yield ("total",), "declared_area", {"what": Message("total"), "declared": self.total,
                                                "computed": self.computed_total(), "point": "77"}
        yield from plan_rules(self)

    def advice(self) -> Iterator[RuleViolation]:
        yield from super().advice()
        yield from plan_advice(self, N_("plan of the storeroom"))


def compute(model: StoragePassportData, lang: str) -> dict:
    picture = floor_picture(model.floor_model(), scales=PLAN_SCALES, max_height_cm=9) if model.plan else None
    return {"doc": {
        "title": title_block(model, lang),
        "issue": issue(model, lang),
        "as_of": date_parts(model.as_of, lang),
        "plan": picture,
        "scale": f"1:{picture.scale}" if picture else "__________",
        "wall_material": text(model.wall_material, lang), "floor": model.floor, "floors": str(model.floors),
        "year_built": str(model.year_built),
        "rows": [{"number": p.number, "name": p.printed_name(lang), "area": figure(p.area, lang)} for p in model.parts],
        "total": figure(model.computed_total(), lang),
    }}


FORM = FormSpec(
    slug="passport-storage",
    annex=None,
    title={"kk": "Жылжымайтын мүлік объектісінің кадастрлық паспорты (қоймаға)",
           "ru": "Кадастровый паспорт объекта недвижимости на кладовку"},
    provenance=Provenance.OFFICIAL_TEXT,
    model=StoragePassportData,
    description="Cadastral passport, Form 20 of Order No. 440: a storeroom; explication and total; QR code.",
    text_provenance={"kk": TextProvenance.OFFICIAL, "ru": TextProvenance.OFFICIAL},
    compute=compute,
    computed_names=("doc",),
    notes=("Order No. 440 of 30.06.2023, Annex 20 (Form ф-20 / Н-20), edition of 12.07.2026 (Order No. 278 of "
           "20.03.2026), kk and ru, from shared/sources/official/order-440-passport-forms-{kk,ru}-2026-07-12.md.",
           "The Kazakh form reads 'Материал стен:' in Russian (as in the source): kept.",
           "A passport dated before 12.07.2026 renders with a warning: an earlier edition applied then."),
    properties_note=properties_note,
)
