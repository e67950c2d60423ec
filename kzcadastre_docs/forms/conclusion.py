"""Annex 3: conclusion on discrepancies of identification and technical data.

Reconstructed: the order gives only this annex's upper-right header.
Its data model is below; its templates are not written yet, so it validates but does not render.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import Field

from ..models.base import DocumentModel, RuleViolation
from ..models.documents import IssuedDocument
from ..models.parts import (Address, Applicant, CadastralNumber, Discrepancy, Inspection, RealEstateObject,
                            TitleDocument, date_order)
from ..models.types import Area, Litera, ShortText

from .spec import FormSpec, Provenance


class DeclaredData(DocumentModel):
    """The object's data as the title document states them."""

    purpose: ShortText | None = Field(None, description="Purpose per the title document.")
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
    land_plot_cadastral_number: CadastralNumber = Field(description="Cadastral number of the land plot.")
    title_document: TitleDocument = Field(description="The title document compared with the inspection.")
    declared: DeclaredData = Field(description="The data as the title document states them.")
    inspection: Inspection = Field(description="The state technical inspection.")
    measured_structures: list[Litera] = Field(default_factory=list,
                                              description="Literas of the buildings and structures found on site.")
    discrepancies: list[Discrepancy] = Field(default_factory=list, description="Rows added by hand to the computed table.")

    def rules(self) -> Iterator[RuleViolation]:
        yield from super().rules()
        yield from date_order(("inspection", "date"), self.inspection.date, "title_document.date", self.title_document.date)
        yield from date_order(("document_date",), self.document_date, "inspection.date", self.inspection.date)



FORM = FormSpec(
    slug="conclusion",
    annex=3,
    title={
        "kk": "Жаңадан құрылған жылжымайтын мүліктің жүргізілген мемлекеттік техникалық зерттеп-қарау қорытындылары бойынша сәйкестендіру және техникалық мәліметтерінің алшақтықтарын белгілеу туралы қорытынды",
        "ru": "Заключение об установлении расхождений идентификационных и технических сведений вновь созданного недвижимого имущества по итогам проведенного государственного технического обследования",
    },
    provenance=Provenance.RECONSTRUCTED,
    model=ConclusionData,
    description="Conclusion on the discrepancies between the title document and the inspection (paragraph 6 of the Rules).",
    notes=("No template in this version: the layout will be reconstructed from FORMS.md; it is not the official form.",),
)
