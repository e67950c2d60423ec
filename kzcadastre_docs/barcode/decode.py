"""Reading the barcodes back from a PNG (or another picture) or a PDF, with zxing-cpp.

A PDF's pictures are taken out with pypdf (our passports carry the QR as a picture; a
scanned passport is a picture of the page) and each is read. Where none holds a code and
poppler's `pdftoppm` is installed, the pages are rasterised at 200 dpi and read again.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import zxingcpp
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from ..errors import EXIT_FAILURE, KzcadastreError
from ..i18n.catalogue import Message
from .payload import FORMAT, join_codes


class BarcodeNotFound(KzcadastreError, ValueError):
    """No readable QR code of our format in the file."""

    exit_code = EXIT_FAILURE
    code = "barcode_not_found"


def _texts(image: Image.Image) -> list[str]:
    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    return [code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
            if code.valid and code.text.startswith(FORMAT)]


def _pdf_pictures(data: bytes) -> list[str]:
    texts: list[str] = []
    for page in PdfReader(io.BytesIO(data)).pages:
        for picture in page.images:
            try:
                texts.extend(_texts(picture.image))
            except (OSError, ValueError):  # a picture Pillow cannot read holds no code of ours
                continue
    return texts


def _pdf_pages(data: bytes, timeout: float = 120) -> list[str]:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        return []
    texts: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kz-barcode-") as work:
        source = Path(work) / "in.pdf"
        source.write_bytes(data)
        subprocess.run([pdftoppm, "-r", "200", "-gray", "-png", str(source), str(Path(work) / "page")],
                       check=True, timeout=timeout, capture_output=True)
        for page in sorted(Path(work).glob("page*.png")):
            with Image.open(page) as image:
                texts.extend(_texts(image))
    return texts


def read_payloads(path: str | Path) -> list[str]:
    """The payload texts of the QR codes in a PDF or a picture, each once, in page order.

    Raises BarcodeNotFound when there is none, OSError when the file cannot be read.
    """
    path = Path(path)
    data = path.read_bytes()
    if data.startswith(b"%PDF"):
        try:
            texts = _pdf_pictures(data) or _pdf_pages(data)
        except (PyPdfError, subprocess.CalledProcessError, ValueError, KeyError):
            raise BarcodeNotFound("{file} is a damaged PDF: its pages cannot be read", file=path.name) from None
    else:
        try:
            with Image.open(io.BytesIO(data)) as image:
                texts = _texts(image)
        except UnidentifiedImageError:
            raise BarcodeNotFound("{file} is neither a PDF nor a picture: {reason}", file=path.name,
                                  reason=Message("its format is not recognised")) from None
        except (OSError, ValueError) as exc:
            raise BarcodeNotFound("{file} is neither a PDF nor a picture: {reason}", file=path.name,
                                  reason=str(exc)) from None
    payloads = join_codes(texts)
    if not payloads:
        raise BarcodeNotFound("no {format} QR code could be read in {file}", format=FORMAT, file=path.name)
    return payloads
