"""A look at a document before it is issued: its text page by page, and its pages as PNG.

With LibreOffice the pages are the real ones (the PDF's); the pictures come from poppler's
pdftoppm. Without LibreOffice the text comes from the DOCX itself, its pages split where the
document breaks the page (the layout's own page ends are unknown there).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..docx.package import Package
from ..docx.xmltext import paragraph_texts
from ..errors import KzcadastreError
from ..i18n.catalogue import N_
from ..i18n.system import library_reason

#: Resolution of preview pictures: readable on a screen, small on disk.
PREVIEW_DPI = 100
#: Why pdftoppm failed (its own words go to the log).
PROGRAM_FAILED = N_("it stopped with an error")
PROGRAM_TIMEOUT = N_("it did not finish within {seconds} s")


class PreviewError(KzcadastreError):
    code = "preview"


def docx_pages(docx: bytes) -> list[str]:
    """The body's text, one string per page as the document breaks them ("\\f" page breaks)."""
    package = Package.from_bytes(docx)
    text = "\n".join(paragraph_texts(package.get("word/document.xml")))
    return [page.strip("\n") for page in text.split("\f")] or [""]


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page of a PDF."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return [(page.extract_text() or "").strip("\n") for page in reader.pages]


def png_pages(pdf: bytes, dpi: int = PREVIEW_DPI, timeout: float = 120) -> list[bytes]:
    """Each page of a PDF as PNG (poppler's pdftoppm)."""
    program = shutil.which("pdftoppm")
    if program is None:
        raise PreviewError("PNG pages need pdftoppm: on Debian or Ubuntu (as root): apt-get install poppler-utils")
    with tempfile.TemporaryDirectory(prefix="kzcadastre-preview-") as folder:
        source = Path(folder) / "document.pdf"
        source.write_bytes(pdf)
        try:
            subprocess.run([program, "-png", "-r", str(dpi), str(source), str(Path(folder) / "page")], check=True,
                           capture_output=True, timeout=timeout)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise PreviewError("pdftoppm could not draw the pages: {detail}", detail=library_reason(
                exc, PROGRAM_TIMEOUT if isinstance(exc, subprocess.TimeoutExpired) else PROGRAM_FAILED,
                seconds=f"{timeout:g}")) from exc
        pages = sorted(Path(folder).glob("page-*.png"), key=lambda path: int(path.stem.rsplit("-", 1)[1]))
        return [page.read_bytes() for page in pages]
