"""Text and normal forms of WordprocessingML parts.

Text extraction is how tests prove that every value reached the document unaltered;
normalisation is how golden files are compared part by part with a readable diff.
"""

from __future__ import annotations

import re

from lxml import etree

from .package import Package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_P, _T, _TAB, _BR, _CR = (f"{{{W}}}{tag}" for tag in ("p", "t", "tab", "br", "cr"))
_TEXT_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")

_PARSER = etree.XMLParser(remove_blank_text=False, resolve_entities=False, no_network=True)


def paragraph_texts(xml: bytes) -> list[str]:
    """The text of each paragraph of a part, tabs as "\\t" and line breaks as "\\n".

    >>> xml = (f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>A &amp; B</w:t>'
    ...        '<w:br/><w:t xml:space="preserve"> x</w:t></w:r></w:p></w:body></w:document>')
    >>> paragraph_texts(xml.encode())
    ['A & B\\n x']
    """
    root = etree.fromstring(xml, _PARSER)
    texts = []
    for paragraph in root.iter(_P):
        chunks = []
        for node in paragraph.iter(_T, _TAB, _BR, _CR):
            # a nested paragraph (text box) is read as its own paragraph
            if _nearest_paragraph(node) is not paragraph:
                continue
            if node.tag == _T:
                chunks.append(node.text or "")
            elif node.tag == _TAB:
                chunks.append("\t")
            elif node.tag == _BR and node.get(f"{{{W}}}type") == "page":
                chunks.append("\f")
            else:
                chunks.append("\n")
        texts.append("".join(chunks))
    return texts


def _nearest_paragraph(node):
    parent = node.getparent()
    while parent is not None and parent.tag != _P:
        parent = parent.getparent()
    return parent


def document_text(package: Package) -> str:
    """All paragraph text of the body, headers, footers and notes, one paragraph a line."""
    lines: list[str] = []
    for name in package.names():
        if _TEXT_PARTS.match(name):
            lines.extend(paragraph_texts(package.get(name)))
    return "\n".join(lines)


def normalise_xml(data: bytes) -> str:
    """A stable, pretty-printed form of an XML part for comparison (attributes sorted).

    >>> print(normalise_xml(b'<a y="2" x="1"><b/></a>'))
    <a x="1" y="2">
      <b/>
    </a>
    """
    root = etree.fromstring(data, etree.XMLParser(remove_blank_text=True, resolve_entities=False))
    for element in root.iter():
        if isinstance(element.tag, str) and len(element.attrib) > 1:
            items = sorted(element.attrib.items())
            element.attrib.clear()
            for key, value in items:
                element.set(key, value)
    return etree.tostring(root, encoding="unicode", pretty_print=True).rstrip("\n")
