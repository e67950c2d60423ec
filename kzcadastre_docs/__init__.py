"""kzcadastre-docs: the documents of Kazakhstan's technical inspection and cadastral-passport
services (Order No. 65 of 22 January 2026), in Kazakh and Russian, from validated data.

    >>> import kzcadastre_docs as kz
    >>> kz.get_form("annex-5").slug, kz.get_form("annex-5").provenance.value
    ('application-passport', 'official-text')
"""

import importlib
import sys
import types

# Names are imported on first use (PEP 562), so that `kzcadastre-docs --help` does not load
# pydantic, the models and the rendering engine.
_EXPORTS = {
    **dict.fromkeys(("RenderedDocument", "forms", "render", "render_document", "render_pdf", "render_to", "schema",
                     "to_pdf", "validate", "warnings"), ".api"),
    **dict.fromkeys(("RecordResult", "render_many"), ".jobs.batch"),
    **dict.fromkeys(("bundle_docx_zip", "bundle_pdf", "bundle_pdf_a_zip"), ".jobs.bundle"),
    **dict.fromkeys(("CaseFileError", "load_case"), ".jobs.case"),
    **dict.fromkeys(("ConversionError", "Converter", "OfficeNotFoundError"), ".pdf"),
    **dict.fromkeys(("TemplateProblem", "check_templates"), ".forms.template_check"),
    **dict.fromkeys(("DataValidationError", "FormNotAvailableError", "KzcadastreError", "OutputExistsError",
                     "TemplateCheckError", "TemplateError", "UnknownFormError"), ".errors"),
    **dict.fromkeys(("FormSpec", "Provenance", "get_form"), ".forms"),
    "InvalidCadastralNumber": ".law.cadastral",
    **dict.fromkeys(("BarcodeError", "BarcodeReport", "verify_barcode"), ".jobs.verify"),
    **dict.fromkeys(("PayloadSignature", "PreparedDocument", "SignatureOptions", "SigningError", "SigningInputError",
                     "VerificationReport", "finish_external", "load_pkcs12", "prepare_external", "sign_external",
                     "sign_payload", "sign_pdf", "verify_file", "verify_payload", "verify_pdf"), ".signing"),
}
_RENAMED = {
    "parse_cadastral_number": (".law.cadastral", "parse"),
    # The register of cadastral numbers (SQLAlchemy):
    # ``with kz.CadastralRegister("register.sqlite") as register: register.assign(...)``.
    "CadastralRegister": (".register", "Register"),
    "CadastralRuleError": (".register", "RuleError"),
    "RegisterError": (".register", "RegisterError"),
    "Specialist": (".register", "Specialist"),
    "cadastral_sheet_data": (".register", "sheet_data"),
}


def __getattr__(name: str):
    if name in _EXPORTS or name in _RENAMED:
        module, attribute = _RENAMED.get(name, (_EXPORTS.get(name), name))
        value = getattr(importlib.import_module(module, __name__), attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted({*globals(), *_EXPORTS, *_RENAMED})


class _Package(types.ModuleType):
    """`kz.forms` is the function api.forms, though a sub-package has the same name: importing
    the sub-package must not replace the function."""

    @property
    def forms(self):
        from .api import forms

        return forms

    @forms.setter
    def forms(self, value):  # the import system binds the sub-package here; the function stays
        pass


sys.modules[__name__].__class__ = _Package


__version__ = "0.1.0"

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
