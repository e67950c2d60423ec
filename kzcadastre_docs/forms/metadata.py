"""A document's title, subject and keywords, from its data: what DOCX and PDF properties say.

The title is the form's name (a duplicate says so); the subject names the annex and the
object's address; the keywords are the cadastral numbers the data holds (the object's
first, then the land plot's) and the form's slug, so that an archive finds a case's files
by cadastral number.
"""

from __future__ import annotations

from ..i18n.formatting import address
from . import FormSpec
from ..models.base import DocumentModel
from ..pdf.converter import DocumentMetadata

DUPLICATE_WORD = {"kk": "ТЕЛНҰСҚА", "ru": "ДУБЛИКАТ"}

#: Where forms keep the object's address and cadastral numbers, in order of preference.
_ADDRESS_PATHS = (("address",), ("object", "address"), ("object_address",))
_CADASTRAL_PATHS = (
    ("cadastral_number",),
    ("object", "cadastral_number"),
    ("land_plot_cadastral_number",),
    ("object", "land_plot_cadastral_number"),
    ("land_plot", "cadastral_number"),
)


def _value(model: DocumentModel, path: tuple[str, ...]):
    value = model
    for name in path:
        value = getattr(value, name, None)
        if value is None:
            return None
    return value


def document_metadata(spec: FormSpec, model: DocumentModel, lang: str) -> DocumentMetadata:
    """The properties of one document in `lang`.

    >>> from kzcadastre_docs.forms import get_form
    >>> spec = get_form("passport-house")
    >>> import json, pathlib
    >>> data = json.loads(pathlib.Path("samples/passport-house/house-almaty-region.json").read_text())
    >>> data["duplicate"] = {"issued_on": "2026-12-01"}
    >>> meta = document_metadata(spec, spec.model.model_validate(data), "ru")
    >>> meta.title
    'Кадастровый паспорт объекта недвижимости (частный дом, дача, гараж) (ДУБЛИКАТ)'
    >>> meta.keywords
    ('03:047:158:219:1', 'passport-house')
    """
    title = spec.title[lang]
    if getattr(model, "duplicate", None):
        title = f"{title} ({DUPLICATE_WORD[lang]})"
    subject = [spec.annex_label(lang)]
    for path in _ADDRESS_PATHS:
        found = _value(model, path)
        if found is not None:
            subject.append(address(found, lang))
            break
    keywords: list[str] = []
    for path in _CADASTRAL_PATHS:
        found = _value(model, path)
        if found is not None and str(found) not in keywords:
            keywords.append(str(found))
    keywords.append(spec.slug)
    return DocumentMetadata(title=title, subject="; ".join(part for part in subject if part), keywords=tuple(keywords))
