"""Annex 9: technical characteristics of the main object.

The official form of both editions (text: tools/official_text/, layout:
tools/template_text/official/technical-main.yaml): order number, address, applicant, the
litera surveyed, year built, note, then the official element rows with their sub-rows
(description, condition, wear %), the inspection's date, the applicant and the executor.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from ...i18n.form_fields import DASH
from ...models.base import DocumentModel
from ...models.parts import Address, CadastralNumber, MainCharacteristics, Person
from ...models.types import DocNumber, LocalizedShort

from ..computed.official_elements import official_element_rows
from ..computed.technical_tables import element_rows

from ..spec import OFFICIAL_BOTH, OFFICIAL_EDITIONS, FormSpec, Provenance

#: A name left for the pen.
PEN_LINE = "\u00a0" * 40


class TechnicalMainData(DocumentModel):
    """Annex 9: technical characteristics of the main object."""

    document_date: dt.date = Field(description="Date of the document.")
    cadastral_number: CadastralNumber | None = Field(None, description="Cadastral number of the object.")
    main: MainCharacteristics = Field(description="The main object's figures and structural elements.")
    order_number: DocNumber | None = Field(None, description="Number of the order (заказ).")
    address: Address | None = Field(None, description="Address of the object (a dash if omitted).")
    applicant: LocalizedShort | None = Field(None, description="Full name of the applicant.")
    note: LocalizedShort | None = Field(None, description="Note printed on the form (a dash if omitted).")
    inspection_date: dt.date | None = Field(None, description="Date of the inspection; default: the document's date.")
    executor: Person | None = Field(None, description="The specialist who filled the form; a line for the pen if omitted.")


def compute(model: TechnicalMainData, lang: str) -> dict:
    """The official table's 19 rows (14 elements, four in two sub-rows), and the lines."""
    return {"element_rows": element_rows(model.main, lang),
            "rows": official_element_rows(model.main, lang),
            "address_line": model.address if model.address is not None else None,
            "applicant_name": model.applicant or PEN_LINE,
            "executor_name": model.executor.full_name if model.executor else PEN_LINE,
            "inspected_on": model.inspection_date or model.document_date,
            "dash": DASH}


FORM = FormSpec(
    slug="technical-main",
    annex=9,
    title={
        "kk": "Жылжымайтын мүліктің негізгі объектісінің техникалық сипаттамасы",
        "ru": "Техническая характеристика основного объекта недвижимости",
    },
    provenance=Provenance.OFFICIAL_TEXT,
    model=TechnicalMainData,
    description="Technical characteristics of the main object, a form inside the cadastral passport (paragraph 7).",
    text_provenance=OFFICIAL_BOTH,
    editions=OFFICIAL_EDITIONS,
    compute=compute,
    computed_names=("element_rows", "rows", "address_line", "applicant_name", "executor_name", "inspected_on", "dash"),
    notes=("The official form of Annex 9 in kk and ru, both editions: the element rows and sub-rows of the official "
           "table; each structural element goes to its row (kzcadastre_docs.forms.computed.official_elements).",
           "The main object's figures (areas, volume, height) are not on this form; the cadastral passport prints them.",),
)
