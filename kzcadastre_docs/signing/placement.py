"""Where the visible signature block goes.

The documents print the head's signature line as text ("Филиалдың директоры" / "Директор
филиала" in the official conclusion, "Келісілді және қол қойылды" / "Согласовано и подписано" in the
passport). The block is put under that caption: the pages are searched from the last one
backwards for the first anchor text found, and the block takes the first free place (no text
under it) below the caption, at the caption's left edge, moving down in small steps. An
operator's template with other captions passes its own `anchors`; a caller may instead give
an explicit `Placement`. Without an anchor (the official passport forms have no signature
line: their footer says the document is signed electronically), the block goes to the lowest
free place of the last page, at the left or the right margin. Text, pictures (plans, the QR
code) and earlier blocks count as taken; where the full block finds no room a smaller one is
tried, and where none fits the signature is made without a visible block (`sign` says so),
rather than covering the form. Positions are PDF points from the page's lower-left corner.

No marker is added to the templates: the captions are the form's own words, and a PDF made
elsewhere can be signed in the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n.catalogue import Message

#: The head's signature captions of the shipped templates (kk and ru).
DEFAULT_ANCHORS = (
    "Филиалдың директоры",  # the official conclusion (Annex 3)
    "Директор филиала",
    "Филиал басшысы",
    "Руководитель филиала",
    "Келісілді және қол қойылды",
    "Согласовано и подписано",
)

#: The block's size: 8.5 x 2.1 cm.
BLOCK_WIDTH = 241
BLOCK_HEIGHT = 60
MARGIN = 28.0  # 1 cm from the page's edge
STEP = 4.0


@dataclass(frozen=True)
class Placement:
    """A rectangle on a page (0-based page index; x1, y1 lower-left; x2, y2 upper-right)."""

    page: int
    box: tuple[float, float, float, float]

    @classmethod
    def parse(cls, text: str) -> "Placement":
        """From "PAGE:X1,Y1,X2,Y2" (page counted from 1; -1 is the last page).

        >>> Placement.parse("1:50,60,290,120")
        Placement(page=0, box=(50.0, 60.0, 290.0, 120.0))
        >>> Placement.parse("-1:0,0,10,10").page
        -1
        """
        try:
            page_text, box_text = text.split(":")
            page = int(page_text)
            box = tuple(float(part) for part in box_text.split(","))
        except ValueError:
            raise ValueError(Message("{text!r} is not PAGE:X1,Y1,X2,Y2", text=text)) from None
        if len(box) != 4 or box[0] >= box[2] or box[1] >= box[3] or page == 0:
            raise ValueError(Message("{text!r}: give a page (1 = first, -1 = last) and a box with x1 < x2 and y1 < y2",
                                     text=text))
        return cls(page - 1 if page > 0 else page, box)  # type: ignore[arg-type]


@dataclass(frozen=True)
class _TextBox:
    text: str
    x1: float
    y1: float
    x2: float
    y2: float


def _page_text_boxes(page) -> list[_TextBox]:
    """Approximate boxes of the text runs on a page (pypdf's text visitor; widths estimated)."""
    boxes: list[_TextBox] = []

    def visit(text, cm, tm, font, size):
        if not text.strip():
            return
        a, b, c, d, e, f = _multiply(tm, cm)
        scale = (abs(a * d - b * c)) ** 0.5 or 1.0
        height = (size or 10) * scale
        x, y = e, f
        width = 0.5 * height * len(text.rstrip())
        boxes.append(_TextBox(text.strip(), x, y - 0.25 * height, x + width, y + height))

    page.extract_text(visitor_text=visit)
    boxes.extend(_picture_boxes(page))
    for annotation in page.get("/Annots") or []:  # earlier signature blocks, other widgets
        rect = annotation.get_object().get("/Rect")
        if rect:
            x1, y1, x2, y2 = (float(v) for v in rect)
            boxes.append(_TextBox("", min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)))
    return boxes


def _picture_boxes(page) -> list[_TextBox]:
    """Where the page paints pictures and forms (the floor plans, the QR code): the unit
    square of each `Do` under the current transformation matrix."""
    from pypdf.generic import ContentStream

    try:
        contents = page.get_contents()
        if contents is None:
            return []
        operations = ContentStream(contents, page.pdf).operations
    except Exception:  # noqa: BLE001 - a content stream pypdf cannot parse: no boxes known
        return []
    boxes: list[_TextBox] = []
    matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    stack = []
    for operands, operator in operations:
        if operator == b"q":
            stack.append(matrix)
        elif operator == b"Q" and stack:
            matrix = stack.pop()
        elif operator == b"cm" and len(operands) == 6:
            matrix = _multiply(operands, matrix)
        elif operator == b"Do":
            a, b, c, d, e, f = matrix
            xs = [e, e + a, e + c, e + a + c]
            ys = [f, f + b, f + d, f + b + d]
            boxes.append(_TextBox("", min(xs), min(ys), max(xs), max(ys)))
    return boxes


def _multiply(m, n):
    """The product of two PDF matrices [a b c d e f] (m then n)."""
    a1, b1, c1, d1, e1, f1 = (float(v) for v in m)
    a2, b2, c2, d2, e2, f2 = (float(v) for v in n)
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


def _free(box, boxes: list[_TextBox]) -> bool:
    x1, y1, x2, y2 = box
    return not any(t.x1 < x2 and x1 < t.x2 and t.y1 < y2 and y1 < t.y2 for t in boxes)


#: Sizes tried in turn: the full block, then a smaller one (its text shrinks to fit).
SIZES = ((BLOCK_WIDTH, BLOCK_HEIGHT), (200, 46))


def find_placement(reader, anchors=DEFAULT_ANCHORS, sizes=SIZES) -> Placement | None:
    """The block's place in the PDF open in `reader` (a pypdf PdfReader), or None where no
    free place is found; see the module."""
    pages = list(reader.pages)
    for index in range(len(pages) - 1, -1, -1):
        page = pages[index]
        boxes = _page_text_boxes(page)
        found = [box for box in boxes if any(anchor in box.text for anchor in anchors)]
        if not found:
            continue
        anchor = min(found, key=lambda box: box.y1)  # the lowest caption on the page
        for width, height in sizes:
            placement = _first_free_below(page, boxes, anchor.x1, anchor.y1 - 2, width, height)
            if placement is not None:
                return Placement(index, placement)
    last = pages[-1]
    boxes = _page_text_boxes(last)
    for width, height in sizes:
        placement = _first_free_above(last, boxes, width, height)
        if placement is not None:
            return Placement(len(pages) - 1, placement)
    return None


def _media(page):
    box = page.mediabox
    return float(box.left), float(box.bottom), float(box.right), float(box.top)


def _first_free_below(page, boxes, x, top, width, height):
    left, bottom, right, _ = _media(page)
    x = min(max(x, left + MARGIN), right - MARGIN - width)
    y_top = top
    while y_top - height >= bottom + MARGIN:
        box = (x, y_top - height, x + width, y_top)
        if _free(box, boxes):
            return box
        y_top -= STEP
    return None


def _first_free_above(page, boxes, width, height):
    """The lowest free place on the page, from the bottom margin up, at the left margin or
    against the right one; None if there is none."""
    left, bottom, right, top = _media(page)
    y = bottom + MARGIN
    while y + height <= top - MARGIN:
        for x in (left + MARGIN * 2, right - MARGIN - width):
            box = (x, y, x + width, y + height)
            if _free(box, boxes):
                return box
        y += STEP
    return None
