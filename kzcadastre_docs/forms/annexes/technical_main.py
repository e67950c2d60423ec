"""Annex 9: technical characteristics of the main object.

Reconstructed: the order gives only this annex's upper-right header.
The layout follows FORMS.md: the figures, then every structural element in a fixed order.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from ...models.base import DocumentModel
from ...models.parts import CadastralNumber, MainCharacteristics

from ..computed.technical_tables import element_rows

from ..spec import RECONSTRUCTED_BOTH, FormSpec, Provenance


class TechnicalMainData(DocumentModel):
    """Annex 9: technical characteristics of the main object."""

    document_date: dt.date = Field(description="Date of the document.")
    cadastral_number: CadastralNumber | None = Field(None, description="Cadastral number of the object.")
    main: MainCharacteristics = Field(description="The main object's figures and structural elements.")


def compute(model: TechnicalMainData, lang: str) -> dict:
    """Every row of the Annex 9 table, in the form's order."""
    return {"element_rows": element_rows(model.main, lang)}


FORM = FormSpec(
    slug="technical-main",
    annex=9,
    title={
        "kk": "Негізгі объектінің техникалық сипаттамалары",
        "ru": "Технические характеристики основного объекта",
    },
    provenance=Provenance.RECONSTRUCTED,
    model=TechnicalMainData,
    description="Technical characteristics of the main object, a form inside the cadastral passport (paragraph 7).",
    text_provenance=RECONSTRUCTED_BOTH,
    compute=compute,
    computed_names=("element_rows",),
    notes=("Layout reconstructed from paragraph 7 of the Rules and FORMS.md; only the Kazakh upper-right header is official.",),
)
