"""Small DOCX templates made on the fly for engine tests."""

from __future__ import annotations

import io

from docx import Document

from kzcadastre_docs.docx import Package


def docx_with(*paragraphs: str | list[str]) -> Package:
    """A DOCX whose body has one paragraph per argument; a list gives one run per item
    (as Word does when it splits a tag across runs)."""
    document = Document()
    for paragraph in paragraphs:
        p = document.add_paragraph()
        for run in [paragraph] if isinstance(paragraph, str) else paragraph:
            p.add_run(run)
    buffer = io.BytesIO()
    document.save(buffer)
    return Package.from_bytes(buffer.getvalue())
