"""kzcadastre-docs: the documents of Kazakhstan's technical inspection and cadastral-passport
services (Order No. 65 of 22 January 2026), in Kazakh and Russian, from validated data.

    >>> import kzcadastre_docs as kz
    >>> kz.get_form("annex-5").slug, kz.get_form("annex-5").provenance.value
    ('application-passport', 'official-text')
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
from .law.cadastral import InvalidCadastralNumber
from .law.cadastral import parse as parse_cadastral_number
from .signing import (PayloadSignature, PreparedDocument, SignatureOptions, SigningError, SigningInputError,
                      VerificationReport, finish_external, load_pkcs12, prepare_external, sign_external, sign_payload,
                      sign_pdf, verify_file, verify_payload, verify_pdf)

__version__ = "0.1.0"

#: The register of cadastral numbers, loaded (with SQLAlchemy) when first used:
#: ``with kz.CadastralRegister("register.sqlite") as register: register.assign(...)``.
_REGISTER_EXPORTS = {
    "CadastralRegister": "Register",
    "CadastralRuleError": "RuleError",
    "RegisterError": "RegisterError",
    "Specialist": "Specialist",
    "cadastral_sheet_data": "sheet_data",
}


def __getattr__(name: str):
    if name in _REGISTER_EXPORTS:
        from . import register

        return getattr(register, _REGISTER_EXPORTS[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "BarcodeError",
    "BarcodeReport",
    "CadastralRegister",
    "CadastralRuleError",
    "CaseFileError",
    "ConversionError",
    "Converter",
    "DataValidationError",
    "FormNotAvailableError",
    "FormSpec",
    "InvalidCadastralNumber",
    "KzcadastreError",
    "OfficeNotFoundError",
    "OutputExistsError",
    "PayloadSignature",
    "PreparedDocument",
    "Provenance",
    "RecordResult",
    "RegisterError",
    "RenderedDocument",
    "Specialist",
    "SignatureOptions",
    "SigningError",
    "SigningInputError",
    "TemplateCheckError",
    "TemplateError",
    "TemplateProblem",
    "UnknownFormError",
    "VerificationReport",
    "__version__",
    "bundle_docx_zip",
    "bundle_pdf",
    "bundle_pdf_a_zip",
    "cadastral_sheet_data",
    "check_templates",
    "finish_external",
    "forms",
    "get_form",
    "load_case",
    "parse_cadastral_number",
    "load_pkcs12",
    "prepare_external",
    "render",
    "render_document",
    "render_many",
    "render_pdf",
    "render_to",
    "schema",
    "sign_external",
    "sign_payload",
    "sign_pdf",
    "to_pdf",
    "validate",
    "verify_barcode",
    "verify_file",
    "verify_payload",
    "verify_pdf",
    "warnings",
]
