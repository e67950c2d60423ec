"""Annex 10: technical characteristics of service buildings and structures.

Reconstructed: the order gives only this annex's upper-right header.
Its data model is below; its templates are not written yet, so it validates but does not render.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import Field

from ..models.base import DocumentModel, RuleViolation
from ..models.parts import CadastralNumber, ServiceBuilding, Structure

from .spec import FormSpec, Provenance


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
    notes=("No template in this version: the layout will be reconstructed from FORMS.md; it is not the official form.",),
)
