"""The DOCX layer: the zip package, its XML parts and their text.

This layer knows nothing of forms, data or Jinja; the rendering layer sits on top of it.
"""

from .package import Package
from .xmltext import document_text, normalise_xml, paragraph_texts

__all__ = ["Package", "document_text", "normalise_xml", "paragraph_texts"]
