"""A case's documents as one output: a bookmarked PDF, a zip of PDF/A files, or a zip of DOCX.

The merged PDF is for reading and sending: one bookmark per document, in bundle order (see
`case.Case.ordered`). It is not PDF/A: merging rewrites the file, and a merged PDF/A would
claim a conformance nobody checked. For the archive, `bundle_pdf_a_zip` gives each document
as its own PDF/A-2b file, numbered in bundle order.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from .. import api
from .case import Case, CaseEntry
from ..i18n.formatting import short_date
from ..pdf import Converter, shared_converter

#: progress(done, total, what): called before each document is converted.
Progress = Callable[[int, int, str], None]


def _rendered(case: Case, templates_dir: str | Path | None) -> list[tuple[CaseEntry, api.RenderedDocument]]:
    """Every document rendered, in bundle order (all rendered before any is converted); a value
    in the other language only is printed where load_case allowed it (the case's `fallbacks`)."""
    return [(entry, api.render_document(entry.spec.slug, entry.model, case.lang, templates_dir=templates_dir,
                                        allow_fallback=bool(case.fallbacks)))
            for entry in case.ordered()]


def bookmark(position: int, entry: CaseEntry, document: api.RenderedDocument, lang: str) -> str:
    """A document's bookmark: its number in the bundle, its title and date (or the case file's title)."""
    if entry.title:
        return entry.title
    return f"{position}. {document.metadata.title}, {short_date(entry.date, lang)}"


def file_name(position: int, document: api.RenderedDocument, suffix: str) -> str:
    """A member's name in a bundle zip: NN-<form>.<lang>.<suffix>."""
    return f"{position:02d}-{document.form}.{document.lang}.{suffix}"


def _keywords(documents: list[api.RenderedDocument]) -> list[str]:
    keywords: list[str] = []
    for document in documents:
        for keyword in document.metadata.keywords[:-1]:  # the cadastral numbers, not the form slug
            if keyword not in keywords:
                keywords.append(keyword)
    return keywords


def _convert_all(case: Case, rendered, converter: Converter | None, pdf_a: bool, progress: Progress | None):
    converter = converter or shared_converter()
    total = len(rendered)
    for position, (entry, document) in enumerate(rendered, start=1):
        if progress is not None:
            progress(position - 1, total, f"{document.form} ({short_date(entry.date, case.lang)})")
        yield entry, document, api.to_pdf(document, pdf_a=pdf_a, converter=converter)
    if progress is not None:
        progress(total, total, "")


def bundle_pdf(case: Case, *, converter: Converter | None = None, templates_dir: str | Path | None = None,
               progress: Progress | None = None) -> bytes:
    """The case as one PDF: the register first, then by date, one bookmark per document."""
    rendered = _rendered(case, templates_dir)
    writer = PdfWriter()
    for position, (entry, document, pdf) in enumerate(
            _convert_all(case, rendered, converter, False, progress), start=1):
        writer.append(PdfReader(io.BytesIO(pdf)), outline_item=bookmark(position, entry, document, case.lang),
                      import_outline=False)
    documents = [document for _, document in rendered]
    writer.add_metadata({
        "/Title": case.bundle_title(case.lang),
        "/Subject": next((d.metadata.subject for d in documents if d.metadata.subject), ""),
        "/Keywords": ", ".join(_keywords(documents)),
        "/Creator": "kzcadastre-docs",
    })
    writer.page_mode = "/UseOutlines"
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _zip(members: list[tuple[str, bytes]], stamp) -> bytes:
    """A zip whose bytes depend only on the members (names, contents, one fixed time)."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members:
            info = zipfile.ZipInfo(name, date_time=(stamp.year, stamp.month, stamp.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return output.getvalue()


def _stamp(case: Case):
    return max(max(entry.date for entry in case.entries), dt.date(1980, 1, 1))


def bundle_docx_zip(case: Case, *, templates_dir: str | Path | None = None) -> bytes:
    """The case's DOCX files in a zip, numbered in bundle order. Same case, same bytes."""
    rendered = _rendered(case, templates_dir)
    members = [(file_name(position, document, "docx"), document.docx)
               for position, (_, document) in enumerate(rendered, start=1)]
    return _zip(members, _stamp(case))


def bundle_pdf_a_zip(case: Case, *, converter: Converter | None = None, templates_dir: str | Path | None = None,
                     progress: Progress | None = None, sign=None) -> bytes:
    """The case's documents as PDF/A-2b files in a zip, numbered in bundle order; `sign`
    (PDF bytes, name -> signed PDF bytes) signs each one."""
    rendered = _rendered(case, templates_dir)
    sign = sign or (lambda pdf, name: pdf)
    members = [(file_name(position, document, "pdf"), sign(pdf, file_name(position, document, "pdf")))
               for position, (_, document, pdf) in enumerate(
                   _convert_all(case, rendered, converter, True, progress), start=1)]
    return _zip(members, _stamp(case))
