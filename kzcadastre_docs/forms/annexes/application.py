"""Annex 4: the application.

Reconstructed: the order gives only this annex's upper-right header.
The layout follows paragraph 4 of the Rules and FORMS.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from ...models.base import DocumentModel, RuleViolation
from ...models.parts import ActReference, Address, Applicant, CadastralNumber, Contacts, LandPlotNumber, ObjectType
from ...models.types import Area, LocalizedShort, Year
from ...models.vocabularies import Branch

from ..spec import RECONSTRUCTED_BOTH, FormSpec, Provenance


class ApplicationObject(DocumentModel):
    """The object as the applicant declares it."""

    object_type: ObjectType = Field(description="Kind of object.")
    address: Address = Field(description="Address of the object.")
    land_plot_cadastral_number: LandPlotNumber | None = Field(None, description="Cadastral number of the land plot.")
    cadastral_number: CadastralNumber | None = Field(None, description="Cadastral number of the object (duplicate).")
    total_area: Area = Field(description="Total area declared, m².")
    rooms: int | None = Field(None, ge=0, le=10000, description="Number of rooms.")
    floors: int | None = Field(None, ge=1, le=200, description="Number of floors.")
    year_commissioned: Year | None = Field(None, description="Year of commissioning.")


class ApplicationData(DocumentModel):
    """Annex 4: the application for the new-object service or for a duplicate."""

    document_date: dt.date = Field(description="Date of the application.")
    branch: Branch = Field(description="Branch of the State Corporation at the object's location (addressee): "
                                                 "a code of data/branches.yaml, e.g. astana.")
    service: Literal["new_object", "duplicate"] = Field(
        description="new_object: enter the data, cadastral passport and conclusion; duplicate: a duplicate passport.")
    applicant: Applicant
    contacts: Contacts = Field(description="How to reach the applicant.")
    object: ApplicationObject = Field(description="The object.")
    acceptance_act: ActReference | None = Field(None, description="Act of acceptance into operation (new object).")
    attachments: list[LocalizedShort] = Field(default_factory=list, max_length=50, description="Documents attached.")
    consent_personal_data: bool = Field(description="Consent to use restricted personal data (Law on personal data, art. 8).")
    signature: Literal["eds", "otp"] = Field("eds", description="Signed by electronic digital signature or one-time password.")

    def rules(self) -> Iterator[RuleViolation]:
        if self.service == "new_object" and self.acceptance_act is None:
            yield ("acceptance_act",), "required_for", {"condition": "service is new_object"}
        if self.service == "new_object" and self.object.land_plot_cadastral_number is None:
            yield ("object", "land_plot_cadastral_number"), "required_for", {"condition": "service is new_object"}
        if self.service == "duplicate" and self.object.cadastral_number is None:
            yield ("object", "cadastral_number"), "required_for", {"condition": "service is duplicate"}



FORM = FormSpec(
    slug="application",
    annex=4,
    title={
        "kk": "Өтініш",
        "ru": "Заявление",
    },
    provenance=Provenance.RECONSTRUCTED,
    model=ApplicationData,
    description="The applicant's application for the new-object service or the duplicate (paragraph 4 of the Rules).",
    text_provenance=RECONSTRUCTED_BOTH,
    notes=("Layout reconstructed from paragraph 4 of the Rules and FORMS.md; only the Kazakh upper-right header is official.",),
)
