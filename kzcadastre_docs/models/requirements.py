"""Data of a requirements list (Annexes 1 and 2)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import ClassVar, Literal

from pydantic import Field

from .base import DocumentModel, RuleViolation
from .parts import Address, Applicant, ObjectType
from .types import Area, LocalDateTime
from .vocabularies import Branch

#: The documents of item 8 of Annexes 1 and 2 that an applicant may attach.
RequiredDocument = Literal["request", "acceptance_act", "land_identification", "title_document", "payment"]


class ApplicationBlock(DocumentModel):
    """One application: the list then carries its schedule, fee and checklist."""

    applicant: Applicant
    object_type: ObjectType = Field(description="Kind of object; decides the term and the price.")
    total_area: Area | None = Field(None, description="Total area, m² (needed for objects of type other).")
    first_complexity_category: bool = Field(False, description="The object is of the first complexity category.")
    address: Address | None = Field(None, description="Address of the object.")
    submitted_at: LocalDateTime = Field(description="When the application was submitted: local time, or with an "
                                                    "offset (Z, +HH:MM) converted to Kazakhstan time.")
    attached: list[RequiredDocument] = Field(default_factory=list,
                                             description="Which of the required documents were attached.")


class RequirementsListData(DocumentModel):
    """A requirements list as published; it needs no data at all.

    The per-application block (applicant, computed schedule, fee) is added with the deadline
    and fee logic.
    """

    branch: Branch | None = Field(
        None,
        title="Issuing branch",
        description="The branch of the State Corporation that issues the list, printed at its end.",
    )
    document_date: date | None = Field(
        None,
        title="Date of issue",
        description="Date printed at the end of the list as the date it was issued; also the document's date in its properties.",
    )
    application: ApplicationBlock | None = Field(
        None, description="An application; if given, the list ends with its schedule, fee and document checklist.")

    #: The documents item 8 of this annex asks for; a subclass narrows it.
    required_documents: ClassVar[tuple[str, ...]] = ()

    def rules(self) -> Iterator[RuleViolation]:
        if self.application is None:
            return
        if self.application.object_type is ObjectType.OTHER and self.application.total_area is None:
            yield ("application", "total_area"), "required_for", {"condition": "object_type is other"}
        for index, key in enumerate(self.application.attached):
            if key not in self.required_documents:
                yield ("application", "attached", index), "enum", {"expected": ", ".join(self.required_documents)}


class NewObjectRequirementsData(RequirementsListData):
    """Annex 1, with an optional application of the new-object service."""

    required_documents: ClassVar[tuple[str, ...]] = ("request", "acceptance_act", "land_identification", "title_document", "payment")


class DuplicateRequirementsData(RequirementsListData):
    """Annex 2, with an optional application for a duplicate."""

    required_documents: ClassVar[tuple[str, ...]] = ("request", "payment")
