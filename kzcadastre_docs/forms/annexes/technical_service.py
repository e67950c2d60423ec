"""Annex 10: technical characteristics of service buildings and structures.

Reconstructed: the order gives only this annex's upper-right header.
The layout follows FORMS.md: a table of buildings, a table of structures, totals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import Field

from ...models.base import DocumentModel, RuleViolation
from ...models.parts import CadastralNumber, ServiceBuilding, Structure

from ..computed.technical_tables import service_totals

from ..spec import RECONSTRUCTED_BOTH, FormSpec, Provenance


class TechnicalServiceData(DocumentModel):
    """Annex 10: technical characteristics of service buildings and structures."""

    document_date: dt.date = Field(description="Date of the document.")
    cadastral_number: CadastralNumber | None = Field(None, description="Cadastral number of the object.")
    buildings: list[ServiceBuilding] = Field(default_factory=list, max_length=200, description="Service buildings.")
    structures: list[Structure] = Field(default_factory=list, max_length=500, description="Structures.")

    def rules(self) -> Iterator[RuleViolation]:
        if not self.buildings and not self.structures:
            yield ("buildings",), "one_of_required", {"fields": "buildings, structures"}
        seen = set()
        for name, items in (("buildings", self.buildings), ("structures", self.structures)):
            for index, item in enumerate(items):
                if item.litera in seen:
                    yield (name, index, "litera"), "duplicate", {"value": item.litera, "what": "litera"}
                seen.add(item.litera)


def compute(model: TechnicalServiceData, lang: str) -> dict:
    """The tables' totals."""
    return {"totals": service_totals(model.buildings, model.structures)}


FORM = FormSpec(
    slug="technical-service",
    annex=10,
    title={
        "kk": "Қызметтік (шаруашылық) құрылыстар мен құрылысжайлардың техникалық сипаттамалары",
        "ru": "Технические характеристики служебных (хозяйственных) строений и сооружений",
    },
    provenance=Provenance.RECONSTRUCTED,
    model=TechnicalServiceData,
    description="Technical characteristics of service (household) buildings and structures, inside the cadastral passport (paragraph 7).",
    text_provenance=RECONSTRUCTED_BOTH,
    compute=compute,
    computed_names=("totals",),
    notes=("Layout reconstructed from paragraph 7 of the Rules and FORMS.md; only the Kazakh upper-right header is official.",),
)
