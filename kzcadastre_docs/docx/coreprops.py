"""The core properties part (docProps/core.xml), built from data, never from the clock."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from xml.sax.saxutils import escape

CORE_PART = "docProps/core.xml"


def core_properties(
    *, title: str, subject: str, keywords: str, description: str, creator: str, created: date, language: str
) -> bytes:
    """The XML of docProps/core.xml; `created` is also the modification time.

    >>> xml = core_properties(title="A & B", subject="s", keywords="k", description="d",
    ...                       creator="c", created=date(2026, 1, 22), language="kk-KZ")
    >>> b"<dc:title>A &amp; B</dc:title>" in xml, b"2026-01-22T00:00:00Z" in xml
    (True, True)
    """
    stamp = datetime.combine(created, time(0, 0), tzinfo=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    fields = {
        "title": escape(title),
        "subject": escape(subject),
        "keywords": escape(keywords),
        "description": escape(description),
        "creator": escape(creator),
        "language": escape(language),
        "stamp": stamp,
    }
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>{creator}</dc:creator>"
        "<cp:keywords>{keywords}</cp:keywords><dc:description>{description}</dc:description>"
        "<dc:language>{language}</dc:language><cp:lastModifiedBy>{creator}</cp:lastModifiedBy>"
        "<cp:revision>1</cp:revision>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).format(**fields).encode("utf-8")
