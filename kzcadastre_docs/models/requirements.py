"""Data of a requirements list (Annexes 1 and 2)."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from .base import DocumentModel


class RequirementsListData(DocumentModel):
    """A requirements list as published; it needs no data at all.

    The per-application block (applicant, computed schedule, fee) is added with the deadline
    and fee logic.
    """

    branch: str | None = Field(
        None,
        max_length=300,
        title="Issuing branch",
        description="The branch of the State Corporation that issues the list, printed at its end.",
    )
    document_date: date | None = Field(
        None,
        title="Date of issue",
        description="Date printed at the end of the list as the date it was issued; also the document's date in its properties.",
    )
