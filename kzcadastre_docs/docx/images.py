"""Pictures in the document body: the media part, its relationship and the inline drawing XML.

    >>> run = inline_picture_run("rIdKz1", 7001, 3.0, 2.0, "plan.png", "Floor plan")
    >>> run.startswith("</w:t></w:r><w:r><w:drawing><wp:inline") and 'r:embed="rIdKz1"' in run
    True
    >>> 'cx="1080000" cy="720000"' in run
    True
"""

from __future__ import annotations

import re
from xml.sax.saxutils import quoteattr

DOCUMENT_RELS = "word/_rels/document.xml.rels"
CONTENT_TYPES = "[Content_Types].xml"
IMAGE_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
EMU_PER_CM = 360000

_INLINE = (
    '<wp:inline distT="0" distB="0" distL="0" distR="0" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
    '<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
    '<wp:docPr id="{id}" name={name} descr={descr}/>'
    '<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'noChangeAspect="1"/></wp:cNvGraphicFramePr>'
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
    '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
    '<pic:nvPicPr><pic:cNvPr id="{id}" name={name} descr={descr}/><pic:cNvPicPr/></pic:nvPicPr>'
    '<pic:blipFill><a:blip r:embed="{rel}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'
    '<a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
    '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
    '</pic:pic></a:graphicData></a:graphic></wp:inline>'
)


def inline_picture_run(rel_id: str, shape_id: int, width_cm: float, height_cm: float, name: str,
                       description: str) -> str:
    """The XML that puts a picture where a `{{ value }}` tag stood inside a text run: it
    closes the run's text, adds a run with the drawing, and opens a text run again."""
    inline = _INLINE.format(cx=round(width_cm * EMU_PER_CM), cy=round(height_cm * EMU_PER_CM), id=shape_id,
                            name=quoteattr(name), descr=quoteattr(description), rel=rel_id)
    return f'</w:t></w:r><w:r><w:drawing>{inline}</w:drawing></w:r><w:r><w:t xml:space="preserve">'


def add_relationships(rels_xml: bytes, relationships: list[tuple[str, str]]) -> bytes:
    """The relationships part with image relationships (id, target) added.

    >>> rels = b'<Relationships xmlns="x"><Relationship Id="rId1"/></Relationships>'
    >>> added = add_relationships(rels, [("rIdKz1", "media/kz-1.png")]).decode()
    >>> added.endswith('Id="rIdKz1" Type="%s" Target="media/kz-1.png"/></Relationships>' % IMAGE_RELATIONSHIP)
    True
    """
    text = rels_xml.decode("utf-8")
    for rel_id, _ in relationships:
        if f'Id="{rel_id}"' in text:
            raise ValueError(f"relationship {rel_id} already exists")
    added = "".join(f'<Relationship Id="{rel_id}" Type="{IMAGE_RELATIONSHIP}" Target={quoteattr(target)}/>'
                    for rel_id, target in relationships)
    return text.replace("</Relationships>", added + "</Relationships>").encode("utf-8")


def with_png_type(content_types: bytes) -> bytes:
    """The content types part, declaring .png files as image/png if it does not yet.

    >>> with_png_type(b'<Types xmlns="x"></Types>')
    b'<Types xmlns="x"><Default Extension="png" ContentType="image/png"/></Types>'
    """
    text = content_types.decode("utf-8")
    if re.search(r'<Default\s+Extension="png"', text, flags=re.IGNORECASE):
        return content_types
    return text.replace("</Types>", '<Default Extension="png" ContentType="image/png"/></Types>').encode("utf-8")

