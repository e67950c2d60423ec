"""Build the cadastral passport templates (Order No. 440) from their text sources
(tools/template_text/passport/*.yaml).

    python tools/build_passport_templates.py            # write templates/kk and templates/ru
    python tools/build_passport_templates.py --check    # exit 1 if a shipped template differs

A layout is a list of blocks; a text is one string (the same in both languages: a Jinja
expression) or {kk: ..., ru: ...}; a block with `lang: kk` or `lang: ru` belongs to that
language's form only (the two official forms differ in places). The passports carry no
provenance footer (a page a branch issues says nothing about how it was made; the edition
is in the document properties); each page ends with the official footer and the QR code.

Blocks: p, caption (a value over its small caption), items (numbered title-block rows),
grid (a table with spanning header cells and a row loop), plan (a picture, or the blank
place the form leaves), footer (QR code beside the official statement), mark (the
duplicate's mark), page_break.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_templates import (ALIGN, ROOT, TEMPLATES_DIR, run_builder, _base_document, _block_mark, _header_mark, _control_row, _finish,  # noqa: E402
                             _new_table, _paragraph, _row_flags, _t)

SOURCE_DIR = ROOT / "tools" / "template_text" / "passport"


def _gap(document, points: float = 4):
    """A small vertical gap (an empty paragraph whose line is `points` high)."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.line_spacing = Pt(max(points, 1))
    paragraph.paragraph_format.space_after = Pt(0)
    return paragraph


def _for_lang(block: dict, lang: str) -> bool:
    return block.get("lang", lang) == lang


def _bottom_border(paragraph):
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _run(paragraph, text: str, *, size: float, bold: bool = False):
    if text:
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        run.bold = bold
    return paragraph


def _cell_paragraph(cell, text: str, *, size: float, bold: bool = False, align: str = "left"):
    paragraph = cell.paragraphs[0]
    paragraph.alignment = ALIGN[align]
    return _run(paragraph, text, size=size, bold=bold)


def block_p(document, block, lang):
    paragraph = _paragraph(document, _t(block["p"], lang), size=block.get("size", 11), bold=block.get("bold", False),
                           align=ALIGN[block.get("align", "left")], space_after=block.get("space_after", 3))
    if block.get("keep", block.get("bold", False)):
        paragraph.paragraph_format.keep_with_next = True


def block_caption(document, block, lang):
    """A filled blank: the value on a line, its caption small beneath (the form's own words)."""
    value = _paragraph(document, _t(block["caption"], lang), size=block.get("size", 12), bold=True,
                       align=WD_ALIGN_PARAGRAPH.CENTER)
    _bottom_border(value)
    value.paragraph_format.keep_with_next = True
    _paragraph(document, _t(block["under"], lang), size=8, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=6)


def block_items(document, block, lang):
    """Rows "N. Label" | value, the value underlined as the form's blank."""
    widths = block.get("widths", (7.5, 9.5))
    table, widths = _new_table(document, widths, borders=False)
    for label, value in block["items"]:
        row = table.add_row()
        _row_flags(row)
        for cell, width in zip(row.cells, widths):
            cell.width = width
        _cell_paragraph(row.cells[0], _t(label, lang), size=block.get("size", 10))
        _bottom_border(_cell_paragraph(row.cells[1], _t(value, lang), size=block.get("size", 10)))
    _gap(document, 4)


def _span(cell_spec):
    if isinstance(cell_spec, dict) and "t" in cell_spec:
        return cell_spec["t"], cell_spec.get("span", 1), cell_spec.get("rows", 1)
    return cell_spec, 1, 1


def _v_merge(cell, value: str):
    element = OxmlElement("w:vMerge")
    if value:
        element.set(qn("w:val"), value)
    cell._tc.get_or_add_tcPr().append(element)


def _header_rows(table, widths, header, lang, size, *, is_header=True, aligns=None):
    """Header rows with spanning cells: each spec lists the cells that start in that row;
    columns covered by a cell spanning down from above are skipped. With is_header=False
    the same rows are body rows (a form's fixed rows with merged cells), aligned by `aligns`."""
    covered: dict[tuple[int, int], bool] = {}
    for row_index, specs in enumerate(header):
        row = table.add_row()
        _row_flags(row, header=is_header)
        for cell, width in zip(row.cells, widths):
            cell.width = width
        column = 0
        merges = []
        for spec in specs:
            while covered.get((row_index, column)):
                _v_merge(row.cells[column], "")
                column += 1
            label, span, rows = _span(spec)
            align = aligns[column] if aligns else "center"
            _cell_paragraph(row.cells[column], _t(label, lang), size=size, bold=False, align=align)
            if rows > 1:
                _v_merge(row.cells[column], "restart")
                for below in range(1, rows):
                    for offset in range(span):
                        covered[(row_index + below, column + offset)] = True
            if span > 1:
                merges.append((column, span))
            column += span
        while column < len(widths):
            if covered.get((row_index, column)):
                _v_merge(row.cells[column], "")
            column += 1
        # Horizontal merges last, right to left, so that the column indexes stay valid.
        for column, span in reversed(merges):
            cells = row._tr.tc_lst
            first = cells[column]
            for _ in range(span - 1):
                row._tr.remove(cells[column + 1])
                cells = row._tr.tc_lst
            tc_pr = first.get_or_add_tcPr()
            span_element = OxmlElement("w:gridSpan")
            span_element.set(qn("w:val"), str(span))
            tc_pr.insert(1, span_element)
            width = tc_pr.find(qn("w:tcW"))
            if width is not None:
                width.set(qn("w:w"), str(sum(int(w.twips) for w in widths[column:column + span])))


def _body_row(table, widths, cells, lang, size, *, bold=False, aligns=None):
    row = table.add_row()
    _row_flags(row)
    for index, (cell, width) in enumerate(zip(row.cells, widths)):
        cell.width = width
        text = _t(cells[index], lang) if index < len(cells) else ""
        _cell_paragraph(cell, text, size=size, bold=bold, align=(aligns[index] if aligns else "left"))
    return row


def _spanning_row(table, widths, text: str, size: float):
    row = table.add_row()
    _row_flags(row)
    cells = row._tr.tc_lst
    for extra in cells[1:]:
        row._tr.remove(extra)
    first = row._tr.tc_lst[0]
    tc_pr = first.get_or_add_tcPr()
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), str(len(widths)))
    tc_pr.append(span)
    _cell_paragraph(row.cells[0], text, size=size, align="center")


def _narrow_margins(table, cm: float = 0.08):
    """Cell margins left and right of `cm` (the default 0.19 cm cuts words in narrow columns)."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(int(cm * 567)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def block_grid(document, block, lang):
    widths_cm = block["grid"]
    table, widths = _new_table(document, widths_cm)
    _narrow_margins(table)
    size = block.get("size", 9)
    aligns = block.get("aligns")
    _header_rows(table, widths, block.get("header", []), lang, block.get("header_size", size - 1))
    if block.get("numbers"):
        _body_row(table, widths, [str(n) for n in block["numbers"]], lang, 8, aligns=["center"] * len(widths))
    for row in block.get("before", []):
        _body_row(table, widths, row, lang, size, aligns=aligns)
    if block.get("rows"):  # fixed rows with merged cells, as the header's specs write them
        _header_rows(table, widths, block["rows"], lang, size, is_header=False, aligns=aligns)
    if "for" in block:
        _control_row(table, widths, f"{{%tr for {block['for']} %}}")
        _body_row(table, widths, block["cells"], lang, size, aligns=aligns)
        _control_row(table, widths, "{%tr endfor %}")
    for section in block.get("sections", []):  # a title row across the table, then its rows
        _spanning_row(table, widths, _t(section["title"], lang), size)
        _control_row(table, widths, f"{{%tr for {section['for']} %}}")
        _body_row(table, widths, section["cells"], lang, size, aligns=aligns)
        _control_row(table, widths, "{%tr endfor %}")
    for row in block.get("after", []):
        _body_row(table, widths, row, lang, size, bold=True, aligns=aligns)
    _gap(document, block.get("space_after", 4))


def block_plan(document, block, lang):
    """The place of a drawing: the picture when the data has it, else the blank the form leaves."""
    table, widths = _new_table(document, (17.0,), borders=block.get("frame", False))
    row = table.add_row()
    row.cells[0].width = widths[0]
    picture = block["plan"]
    _cell_paragraph(row.cells[0], f"{{% if {picture} %}}{{{{ {picture} }}}}{{% endif %}}", size=10, align="center")
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(int(block.get("height_cm", 8) * 567)))
    height.set(qn("w:hRule"), "atLeast")
    row._tr.get_or_add_trPr().append(height)
    for line in block.get("inside", []):  # the form's own words inside the frame (e.g. unauthorised buildings)
        inner = row.cells[0].add_paragraph()
        _run(inner, _t(line, lang), size=10)
    _gap(document, 2)


def block_footer(document, block, lang):
    """The official footer of a page: the QR code beside the statement and the barcode note."""
    table, widths = _new_table(document, (3.0, 14.0), borders=False)
    row = table.add_row()
    _row_flags(row)
    for cell, width in zip(row.cells, widths):
        cell.width = width
    _cell_paragraph(row.cells[0], "{{ doc.issue.qr }}", size=8, align="center")
    first = True
    for line in block["footer"]:
        paragraph = row.cells[1].paragraphs[0] if first else row.cells[1].add_paragraph()
        first = False
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.space_after = Pt(3)
        _run(paragraph, _t(line, lang), size=8)


def block_page_break(document, block, lang):
    if block["page_break"]:
        document.add_page_break()


def block_landscape(document, block, lang):
    """A new section on a new page, landscape (`landscape: true`: tables too wide for the
    portrait page, such as Form 2's explication to the plan) or back to portrait
    (`landscape: false`); its header follows the previous section's."""
    from docx.enum.section import WD_ORIENT, WD_SECTION

    section = document.add_section(WD_SECTION.NEW_PAGE)
    wide, narrow = Cm(29.7), Cm(21.0)
    if block["landscape"]:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = wide, narrow
        section.left_margin, section.right_margin = Cm(1.5), Cm(1.5)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = narrow, wide
        section.left_margin, section.right_margin = Cm(2.0), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(1.2), Cm(1.0)


BLOCKS = {
    "p": block_p,
    "caption": block_caption,
    "items": block_items,
    "grid": block_grid,
    "plan": block_plan,
    "footer": block_footer,
    "mark": _block_mark,
    "page_break": block_page_break,
    "landscape": block_landscape,
}


def _substitute(value, params: dict):
    if isinstance(value, str) and value.startswith("$") and value[1:] in params:
        return params[value[1:]]
    if isinstance(value, dict):
        return {key: _substitute(item, params) for key, item in value.items()}
    if isinstance(value, list):
        return [_substitute(item, params) for item in value]
    return value


def expanded(body: list[dict]) -> list[dict]:
    """The blocks with every `include: NAME` (tools/template_text/passport/_NAME.yaml, a list
    of blocks shared by several forms) replaced by its blocks, its `$name` values taken from
    the include's `with`."""
    blocks = []
    for block in body:
        if "include" in block:
            fragment = yaml.safe_load((SOURCE_DIR / f"_{block['include']}.yaml").read_text(encoding="utf-8"))
            blocks.extend(_substitute(fragment, block.get("with", {})))
        else:
            blocks.append(block)
    return blocks


def build(layout: dict, lang: str) -> bytes:
    document = _base_document()
    section = document.sections[0]
    section.left_margin, section.right_margin = Cm(2.0), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(1.2), Cm(1.0)
    section.header_distance = Cm(0.5)
    if layout.get("page_header"):
        _header_mark(document, _t(layout["page_header"], lang))
    for block in expanded(layout["body"]):
        if not _for_lang(block, lang):
            continue
        kind = next(key for key in BLOCKS if key in block)
        BLOCKS[kind](document, block, lang)
    return _finish(document, _t(layout["title"], lang), lang)


def layouts() -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(SOURCE_DIR.glob("*.yaml"))
            if not path.stem.startswith("_")}


def build_all() -> dict[Path, bytes]:
    outputs = {}
    for slug, layout in layouts().items():
        if layout.get("slug") != slug:
            raise SystemExit(f"{slug}.yaml: its slug field says {layout.get('slug')!r}")
        for lang in ("kk", "ru"):
            outputs[TEMPLATES_DIR / lang / f"{slug}.docx"] = build(layout, lang)
    return outputs


def main(argv: list[str] | None = None) -> int:
    return run_builder(build_all, argv, __doc__)


if __name__ == "__main__":
    sys.exit(main())
