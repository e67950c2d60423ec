"""Annex 8: the inventory of the documents of the archive file ("Опись документов архивного дела").

The official form of both editions (text: tools/official_text/, layout:
tools/template_text/official/inventory-file.yaml): its table (№, document number, date,
title, sheet numbers of the file, note), the totals in figures and words, who filled it,
signature and date. The register is append-only: `kzcadastre_docs.jobs.inventory` adds
documents and keeps superseded ones in place, marked in the note column; the sheet numbers
run on through the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from typing import Any

from pydantic import Field

from ...i18n.form_fields import DASH, in_figures_and_words
from ...models.labels import label
from ...models.localized import text_in

from ...models.base import DocumentModel, RuleViolation
from ...models.parts import Address, CadastralNumber, InventoryEntry, InventoryStatus, Person
from ...models.types import DocNumber

from ..spec import OFFICIAL_BOTH, OFFICIAL_EDITIONS, FormSpec, Provenance


class InventoryFileData(DocumentModel):
    """Annex 8: the single inventory file, its cover and its chronological register."""

    document_date: dt.date = Field(description="Date of this print of the file's register.")
    file_number: DocNumber = Field(description="Number of the inventory file.")
    address: Address = Field(description="Address of the object.")
    cadastral_number: CadastralNumber = Field(description="Cadastral number of the object.")
    opened_on: dt.date = Field(description="Date the file was opened.")
    entries: list[InventoryEntry] = Field(min_length=1, max_length=10000, description="The register, in chronological order.")
    archive_employee: Person = Field(description="The archive employee who keeps the file.")
    inventory_sheets: int = Field(1, ge=1, le=1000, description="Number of sheets of this inventory itself.")

    def rules(self) -> Iterator[RuleViolation]:
        previous = self.opened_on
        for index, entry in enumerate(self.entries):
            if entry.number != index + 1:
                yield ("entries", index, "number"), "sequence", {"expected": index + 1}
            if entry.date < previous:
                yield ("entries", index, "date"), "chronology", {"date": entry.date, "previous": previous}
            previous = max(previous, entry.date)
        abris = 0
        for index, entry in enumerate(self.entries):
            if entry.superseded_by is not None:
                if not entry.number < entry.superseded_by <= len(self.entries):
                    yield ("entries", index, "superseded_by"), "superseded_by", {"number": entry.number,
                                                                                "by": entry.superseded_by}
                elif entry.status is not InventoryStatus.SUPERSEDED:
                    yield ("entries", index, "status"), "superseded_by", {"number": entry.number, "by": entry.superseded_by}
            if entry.form == "abris":
                abris += 1
                if entry.sequence != abris:
                    yield ("entries", index, "sequence"), "sequence", {"expected": abris}
        if self.entries and self.document_date < self.entries[-1].date:
            yield ("document_date",), "date_order", {"later": "document_date", "earlier": "the last entry",
                                                     "later_value": self.document_date,
                                                     "earlier_value": self.entries[-1].date}



def compute(model: InventoryFileData, lang: str) -> dict[str, Any]:
    """The rows with their sheet numbers (running on through the file) and the note column
    (a superseded document keeps its row, marked), the totals in figures and words."""
    rows = []
    first = 1
    for entry in model.entries:
        last = first + entry.sheets - 1
        marks = []
        if entry.status is InventoryStatus.SUPERSEDED:
            by = f" ({entry.superseded_by}-жазбамен)" if lang == "kk" else f" (записью {entry.superseded_by})"
            marks.append(label(entry.status, lang) + (by if entry.superseded_by else ""))
        if entry.note is not None:
            marks.append(text_in(entry.note, lang))
        rows.append({"number": entry.number, "document_number": entry.document_number or DASH, "date": entry.date,
                     "document": entry.document, "sheets": f"{first}–{last}" if last > first else str(first),
                     "note": "; ".join(marks)})
        first = last + 1
    return {"rows": rows, "documents_total": in_figures_and_words(len(model.entries), lang),
            "inventory_sheets_total": in_figures_and_words(model.inventory_sheets, lang)}


FORM = FormSpec(
    slug="inventory-file",
    annex=8,
    title={
        "kk": "Архив ісі құжаттарының тізбесі",
        "ru": "Опись документов архивного дела",
    },
    provenance=Provenance.OFFICIAL_TEXT,
    model=InventoryFileData,
    description="The inventory of the archive file's documents, superseded ones kept and marked (paragraph 7).",
    text_provenance=OFFICIAL_BOTH,
    editions=OFFICIAL_EDITIONS,
    compute=compute,
    computed_names=("rows", "documents_total", "inventory_sheets_total"),
    notes=("The official form of Annex 8 in kk and ru, both editions. The sheet numbers run on through the file; a "
           "superseded document keeps its row, marked in the note column.",
           "Kept as in the official text: 'Расшивка архивного дела ... подписи' / 'Архив ісін тігу ... қолдар'.",),
)
