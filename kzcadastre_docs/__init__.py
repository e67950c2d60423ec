"""kzcadastre-docs: the documents of Kazakhstan's technical inspection and cadastral-passport
services (Order No. 65 of 22 January 2026), in Kazakh and Russian, from validated data.

    >>> import kzcadastre_docs as kz
    >>> kz.get_form("annex-5").provenance.value
    'reserved'
"""

from .api import forms, render, render_to, schema, validate
from .template_check import TemplateProblem, check_templates
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
    "DataValidationError",
    "FormNotAvailableError",
    "FormSpec",
    "KzcadastreError",
    "OutputExistsError",
    "Provenance",
    "TemplateCheckError",
    "TemplateError",
    "TemplateProblem",
    "UnknownFormError",
    "__version__",
    "check_templates",
    "forms",
    "get_form",
    "render",
    "render_to",
    "schema",
    "validate",
]
