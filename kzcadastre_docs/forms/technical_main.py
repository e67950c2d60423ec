"""Annex 9: technical characteristics of the main object.

Reconstructed: the order gives only this annex's upper-right header.
Its data model is below; its templates are not written yet, so it validates but does not render.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from ..models.base import DocumentModel
from ..models.parts import CadastralNumber, MainCharacteristics

from .spec import FormSpec, Provenance


class TechnicalMainData(DocumentModel):
    """Annex 9: technical characteristics of the main object."""

    document_date: dt.date = Field(description="Date of the document.")
    cadastral_number: CadastralNumber | None = Field(None, description="Cadastral number of the object.")
    main: MainCharacteristics = Field(description="The main object's figures and structural elements.")



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
    notes=("No template in this version: the layout will be reconstructed from FORMS.md; it is not the official form.",),
)
