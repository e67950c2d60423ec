"""Annex 8: the single inventory file.

Reconstructed: the order gives only this annex's upper-right header.
Its data model is below; its templates are not written yet, so it validates but does not render.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import Field

from ..models.base import DocumentModel, RuleViolation
from ..models.parts import Address, CadastralNumber, InventoryEntry, Person
from ..models.types import DocNumber

from .spec import FormSpec, Provenance


class InventoryFileData(DocumentModel):
    """Annex 8: the single inventory file, its cover and its chronological register."""

    document_date: dt.date = Field(description="Date of this print of the file's register.")
    file_number: DocNumber = Field(description="Number of the inventory file.")
    address: Address = Field(description="Address of the object.")
    cadastral_number: CadastralNumber = Field(description="Cadastral number of the object.")
    opened_on: dt.date = Field(description="Date the file was opened.")
    entries: list[InventoryEntry] = Field(min_length=1, max_length=10000, description="The register, in chronological order.")
    archive_employee: Person = Field(description="The archive employee who keeps the file.")

    def rules(self) -> Iterator[RuleViolation]:
        previous = self.opened_on
        for index, entry in enumerate(self.entries):
            if entry.number != index + 1:
                yield ("entries", index, "number"), "sequence", {"expected": index + 1}
            if entry.date < previous:
                yield ("entries", index, "date"), "chronology", {"date": entry.date, "previous": previous}
            previous = max(previous, entry.date)
        if self.entries and self.document_date < self.entries[-1].date:
            yield ("document_date",), "date_order", {"later": "document_date", "earlier": "the last entry",
                                                     "later_value": self.document_date,
                                                     "earlier_value": self.entries[-1].date}



FORM = FormSpec(
    slug="inventory-file",
    annex=8,
    title={
        "kk": "Бірыңғай түгендеу ісі",
        "ru": "Единое инвентарное дело",
    },
    provenance=Provenance.RECONSTRUCTED,
    model=InventoryFileData,
    description="The single inventory file: cover and chronological register of documents, superseded ones kept (paragraph 7).",
    notes=("No template in this version: the layout will be reconstructed from FORMS.md; it is not the official form.",),
)
