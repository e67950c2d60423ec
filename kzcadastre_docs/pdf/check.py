"""Checking that a converter's output is a readable PDF (and PDF/A when asked)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from ..errors import KzcadastreError
from ..i18n.catalogue import N_, Message
from ..i18n.system import DAMAGED_FILE, library_reason

#: The PDF/A part and conformance LibreOffice writes for SelectPdfVersion 2.
PDF_A_2B = ("2", "B")


class PdfCheckError(KzcadastreError):
    """A file that should be a PDF is missing, empty or unreadable."""

    code = "pdf_check"


@dataclass(frozen=True)
class PdfFacts:
    """What the check read: the number of pages and the PDF/A identification, if any."""

    pages: int
    pdf_a: tuple[str, str] | None


_PART = re.compile(rb"pdfaid:part(?:>|=[\"'])\s*(\d)")
_CONFORMANCE = re.compile(rb"pdfaid:conformance(?:>|=[\"'])\s*([A-Za-z])")


def pdf_a_identification(xmp: bytes) -> tuple[str, str] | None:
    """The PDF/A (part, conformance) an XMP packet declares, in either XMP spelling.

    >>> pdf_a_identification(b"<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>")
    ('2', 'B')
    >>> pdf_a_identification(b'<rdf:Description pdfaid:part="2" pdfaid:conformance="B"/>')
    ('2', 'B')
    >>> pdf_a_identification(b"<x/>") is None
    True
    """
    part = _PART.search(xmp)
    conformance = _CONFORMANCE.search(xmp)
    if not part or not conformance:
        return None
    return part.group(1).decode(), conformance.group(1).decode().upper()


def check_pdf(content: bytes, *, pdf_a: bool = False, what: str = N_("the output")) -> PdfFacts:
    """The facts of a PDF, or PdfCheckError if it cannot be read, has no page, or lacks
    the PDF/A-2b identification that was asked for.

    >>> check_pdf(b"")
    Traceback (most recent call last):
    ...
    kzcadastre_docs.pdf.check.PdfCheckError: the output is empty
    """
    if not content:
        raise PdfCheckError("{what} is empty", what=Message(what))
    if not content.startswith(b"%PDF-"):
        raise PdfCheckError("{what} is not a PDF (it does not start with %PDF-)", what=Message(what))
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        pages = len(reader.pages)
        metadata = reader.trailer["/Root"].get("/Metadata")
        xmp = metadata.get_object().get_data() if metadata is not None else b""
    except (PyPdfError, KeyError, ValueError, OSError) as exc:
        raise PdfCheckError("{what} is not a readable PDF: {reason}", what=Message(what), reason=library_reason(
            exc, DAMAGED_FILE)) from exc
    if pages < 1:
        raise PdfCheckError("{what} has no page", what=Message(what))
    identification = pdf_a_identification(xmp)
    if pdf_a and identification != PDF_A_2B:
        raise PdfCheckError("{what} does not declare PDF/A-2b (found {found})", what=Message(what),
                            found=identification or Message(N_("no PDF/A identification")))
    return PdfFacts(pages, identification)
