"""kzcadastre-docs: the documents of Kazakhstan's technical inspection and cadastral-passport
services (Order No. 65 of 22 January 2026), in Kazakh and Russian, from validated data.

    >>> import kzcadastre_docs as kz
    >>> kz.get_form("annex-5").provenance.value
    'reserved'
"""

from .api import RenderedDocument, forms, render, render_document, render_pdf, render_to, schema, to_pdf, validate, warnings
from .jobs.batch import RecordResult, render_many
from .jobs.bundle import bundle_docx_zip, bundle_pdf, bundle_pdf_a_zip
from .jobs.case import CaseFileError, load_case
from .jobs.verify import BarcodeError, BarcodeReport, verify_barcode
from .pdf import ConversionError, Converter, OfficeNotFoundError
from .forms.template_check import TemplateProblem, check_templates
from .errors import (
    DataValidationError,
    FormNotAvailableError,
    KzcadastreError,
    OutputExistsError,
    TemplateCheckError,
    TemplateError,
    UnknownFormError,
)
from .forms import FormSpec, Provenance, get_form

__version__ = "0.1.0"

__all__ = [
    "BarcodeError",
    "BarcodeReport",
    "CaseFileError",
    "ConversionError",
    "Converter",
    "DataValidationError",
    "FormNotAvailableError",
    "FormSpec",
    "KzcadastreError",
    "OfficeNotFoundError",
    "OutputExistsError",
    "Provenance",
    "RecordResult",
    "RenderedDocument",
    "TemplateCheckError",
    "TemplateError",
    "TemplateProblem",
    "UnknownFormError",
    "__version__",
    "bundle_docx_zip",
    "bundle_pdf",
    "bundle_pdf_a_zip",
    "check_templates",
    "forms",
    "get_form",
    "load_case",
    "render",
    "render_document",
    "render_many",
    "render_pdf",
    "render_to",
    "schema",
    "to_pdf",
    "validate",
    "verify_barcode",
    "warnings",
]
