"""The «Учетный лист присвоения кадастровых номеров» / «Кадастрлық нөмірлер беруге арналған
есеп парағы»: the annex of the Rules for assigning cadastral numbers (points 34, 35), one
sheet per land plot, a record for every number assigned on it.

Official text in both languages (sources/order-156-cadastral-number-rules-{kk,ru}.md); the
data comes from the register (`kzcadastre_docs.register`, `cadastral register --land-plot`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated

from pydantic import Field

from ...models.base import DocumentModel, RuleViolation
from ...models.parts import CadastralNumber, LandPart
from ...models.types import ShortText
from ...models.vocabularies import coded

from ..spec import FormSpec, Provenance, TextProvenance


class AssigningSpecialist(DocumentModel):
    """Column 6: who assigned the number (the signature is signed on the printed sheet)."""

    full_name: ShortText = Field(description="Surname, name and patronymic (if any).")
    position: coded("position") = Field(description="Position: a code of the position vocabulary, or {kk, ru}.")


class SheetRecord(DocumentModel):
    """One record of the sheet: a number assigned to a primary or secondary object."""

    record: Annotated[int, Field(ge=1)] = Field(description="Column 1: the record's number on the sheet.")
    land_plot_cadastral_number: LandPart = Field(description="Column 2: the land plot's number (AA:BBB:CCC:000 for "
                                                             "temporary numbers, point 31).")
    primary: CadastralNumber = Field(description="Column 3: the primary object's number.")
    secondary: CadastralNumber | None = Field(None, description="Column 4: the secondary object's number, if the "
                                                                 "record assigns one.")
    assigned_on: dt.date = Field(description="Column 5: the date of assignment.")
    specialist: AssigningSpecialist = Field(description="Column 6: the specialist who assigned the number.")


class CadastralRegisterSheetData(DocumentModel):
    """The sheet of one land plot (point 35), its records in order."""

    land_plot_cadastral_number: LandPart = Field(description="The land plot the sheet is kept for (AA:BBB:CCC:000: "
                                                             "the temporary numbers of a quarter).")
    records: list[SheetRecord] = Field(min_length=1, max_length=100000, description="The records, numbered from 1.")

    def rules(self) -> Iterator[RuleViolation]:
        plot = str(self.land_plot_cadastral_number)
        for index, record in enumerate(self.records):
            if record.record != index + 1:
                yield ("records", index, "record"), "sequence", {"expected": index + 1}
            if str(record.land_plot_cadastral_number) != plot:
                yield ("records", index, "land_plot_cadastral_number"), "sheet_land_plot", {"plot": plot}
            if record.primary.number.level != "primary" or record.primary.land != plot:
                yield ("records", index, "primary"), "sheet_primary", {"plot": plot}
            if record.secondary is not None and (record.secondary.number.level != "secondary"
                                                 or str(record.secondary.number.primary_number) != str(record.primary)):
                yield ("records", index, "secondary"), "sheet_secondary", {"primary": str(record.primary)}


def _compute(model: CadastralRegisterSheetData, lang: str) -> dict:
    rows = []
    for record in model.records:
        rows.append({
            "record": record.record,
            "land_plot": str(record.land_plot_cadastral_number),
            "primary": str(record.primary),
            "secondary": str(record.secondary) if record.secondary is not None else "",
            "assigned_on": record.assigned_on,
            "specialist": record.specialist.full_name,
            "position": record.specialist.position,  # resolved to the document's language by the context
        })
    return {"rows": rows}


FORM = FormSpec(
    slug="cadastral-register-sheet",
    annex=None,
    title={
        "kk": "Кадастрлық нөмірлер беруге арналған есеп парағы",
        "ru": "Учетный лист присвоения кадастровых номеров",
    },
    provenance=Provenance.OFFICIAL_TEXT,
    model=CadastralRegisterSheetData,
    description="The sheet of numbers assigned on one land plot, the annex of the Rules for assigning cadastral "
                "numbers (Order No. 156, points 34-35), printed from the register.",
    text_provenance={"kk": TextProvenance.OFFICIAL, "ru": TextProvenance.OFFICIAL},
    source_notice={
        "kk": "Мәтін: Қазақстан Республикасы Әділет министрінің 2013 жылғы 6 мамырдағы № 156 бұйрығымен бекітілген "
              "Бастапқы және кейінгі жылжымайтын мүлік объектілеріне кадастрлық нөмірлер беру ережесіне қосымша.",
        "ru": "Текст: приложение к Правилам присвоения кадастрового номера первичным и вторичным объектам "
              "недвижимости, утвержденным приказом Министра юстиции Республики Казахстан от 6 мая 2013 года № 156.",
    },
    notes=(
        "Official text of the form in Kazakh and Russian (Order No. 156, editions of 22.01.2026 and 12.07.2026: the "
        "same text); the layout is ours.",
        "Kept as in the official text: the Russian heading of column 6 opens a bracket it does not close; the "
        "Kazakh headings abbreviate (\"жылжым. мүлік объект-ң\").",
    ),
    compute=_compute,
    computed_names=("rows",),
)
