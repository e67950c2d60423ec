"""Annex 8: the single inventory file.

Reconstructed: the order gives only this annex's upper-right header.
The layout follows paragraph 7 of the Rules and FORMS.md. The register is append-only:
`kzcadastre_docs.jobs.inventory` adds documents and keeps superseded ones, marked, in place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import Field

from ...models.base import DocumentModel, RuleViolation
from ...models.parts import Address, CadastralNumber, InventoryEntry, InventoryStatus, Person
from ...models.types import DocNumber

from ..spec import RECONSTRUCTED_BOTH, FormSpec, Provenance


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
    text_provenance=RECONSTRUCTED_BOTH,
    notes=("Layout reconstructed from paragraph 7 of the Rules and FORMS.md; only the Kazakh upper-right header is official.",),
)
