"""Form 1 of Order No. 440 (Annex 1, "Форма 1" / "Н-1 нысан"): the cadastral passport of a
land plot: the title page and the land pages that Forms 2 and 4 share
(`models.passport.LandPlotInfo`, template fragment `_land.yaml`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import ClassVar

from pydantic import Field

from ...models.base import RuleViolation
from ...models.passport import LandPlotInfo, PassportBase, as_of_not_after_issue, date_parts
from ..computed.passport_parts import issue, land_pages, land_plan, properties_note, title_block
from ..spec import FormSpec, Provenance, TextProvenance


class LandPassportData(PassportBase):
    """Form 1: a land plot."""

    FORM_NUMBER: ClassVar[int] = 1
    FORM_SLUG: ClassVar[str] = "passport-land"

    as_of: dt.date = Field(description="The passport is drawn up as of this date.")
    land: LandPlotInfo = Field(description="The land pages.")

    def rules(self) -> Iterator[RuleViolation]:
        yield from super().rules()
        yield from as_of_not_after_issue(self)


def compute(model: LandPassportData, lang: str) -> dict:
    return {"doc": {
        "title": title_block(model, lang),
        "issue": issue(model, lang),
        "as_of": date_parts(model.as_of, lang),
        "land": land_pages(model.land, lang),
        "land_plan": land_plan(model),
    }}


FORM = FormSpec(
    slug="passport-land",
    annex=None,
    title={"kk": "Жылжымайтын мүлік объектісінің кадастрлық паспорты (жер учаскесіне)",
           "ru": "Кадастровый паспорт объекта недвижимости на земельный участок"},
    provenance=Provenance.OFFICIAL_TEXT,
    model=LandPassportData,
    description="Cadastral passport, Form 1 of Order No. 440: a land plot (title page and the land pages shared "
                "with Forms 2 and 4); QR code.",
    text_provenance={"kk": TextProvenance.OFFICIAL, "ru": TextProvenance.OFFICIAL},
    compute=compute,
    computed_names=("doc",),
    notes=("Order No. 440 of 30.06.2023, Annex 1 (Form 1 / Н-1), edition of 12.07.2026 (Order No. 278 of "
           "20.03.2026), kk and ru, from shared/sources/official/order-440-passport-forms-{kk,ru}-2026-07-12.md.",
           "The plan of the land plot is drawn from land.outline (turning points numbered as in the line measures, "
           "Instruction No. 367 p. 12 scales); without it the form's frame stays blank and validate warns.",
           "A passport dated before 12.07.2026 renders with a warning: an earlier edition applied then."),
    properties_note=properties_note,
)
