"""Blocks shared by several documents: the document header and the application reference."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .base import DocumentModel
from .parts import ActReference, Address, Applicant, CadastralNumber
from .types import DocNumber
from .vocabularies import Branch


class IssuedDocument(DocumentModel):
    """What every issued document has: its number, its date and the issuing branch."""

    number: DocNumber = Field(description="Number of the document.")
    document_date: dt.date = Field(description="Date of the document.")
    branch: Branch = Field(description="Branch of the State Corporation that issues it: a code of "
                                                 "data/branches.yaml (e.g. astana) or of the operator's file.")


class NoticeBase(IssuedDocument):
    """A notice to the applicant about their application."""

    applicant: Applicant
    application: ActReference = Field(description="The application the notice answers (number and date).")
    object_address: Address | None = Field(None, description="Address of the object, if known.")
    cadastral_number: CadastralNumber | None = Field(None, description="Cadastral number of the object, if known.")

    def rules(self):
        from .parts import date_order

        yield from date_order(("document_date",), self.document_date, "application.date", self.application.date)
