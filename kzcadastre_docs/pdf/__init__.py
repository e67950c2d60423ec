"""PDF output: a persistent LibreOffice converter, the output check, and the office finder."""

from .check import PdfCheckError, PdfFacts, check_pdf
from .converter import ConversionError, Converter, DocumentMetadata, shared_converter
from .office import INSTALL_HINT, OfficeInstallation, OfficeNotFoundError, find_office, office_available

__all__ = [
    "INSTALL_HINT",
    "ConversionError",
    "Converter",
    "DocumentMetadata",
    "OfficeInstallation",
    "OfficeNotFoundError",
    "PdfCheckError",
    "PdfFacts",
    "check_pdf",
    "find_office",
    "office_available",
    "shared_converter",
]
