"""Build the shipped DOCX templates from their text sources (tools/template_text/*.yaml).

    python tools/build_templates.py            # write templates/kk and templates/ru
    python tools/build_templates.py --check    # exit 1 if a shipped template differs

The shipped templates are the product; this script is how they are authored, so that the
official text lives in reviewable text files and every template is reproducible byte for
byte (tests/test_templates_source.py runs --check). An operator who has an official DOCX
does not need this: see "Dropping in an official form" in the README.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
import io
import sys
from pathlib import Path

import yaml
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from docx_tables import row_flags as _row_flags, set_borders  # noqa: E402

from kzcadastre_docs.docx.coreprops import CORE_PART, core_properties  # noqa: E402
from kzcadastre_docs.docx.package import Package  # noqa: E402
from kzcadastre_docs.forms.spec import ORDER_DATE  # noqa: E402

TEXT_DIR = ROOT / "tools" / "template_text"
TEMPLATES_DIR = ROOT / "templates"
FONT = "Times New Roman"

def _base_document() -> Document:
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin, section.right_margin = Cm(2.5), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(12)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    paragraph_format = style.paragraph_format
    paragraph_format.space_before = Pt(0)
    paragraph_format.space_after = Pt(0)
    return document


def _paragraph(container, text: str, *, size: float = 12, bold: bool = False, align=None,
               indent_cm: float = 0.0, space_after: float = 0.0):
    paragraph = container.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    if indent_cm:
        paragraph.paragraph_format.left_indent = Cm(indent_cm)
    paragraph.paragraph_format.space_after = Pt(space_after)
    if text:
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        run.bold = bold
    return paragraph


def _cell_text(cell, paragraphs: list[str], *, size: float = 11, align=WD_ALIGN_PARAGRAPH.JUSTIFY):
    first = True
    for text in paragraphs:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        paragraph.alignment = align
        run = paragraph.add_run(text)
        run.font.size = Pt(size)


def _fix_widths(table, widths):
    """Column widths as LibreOffice and Word both honour them: the grid and a fixed layout."""
    for column, width in zip(table.columns, widths):
        column.width = width
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)


def _footer(document: Document, size: float = 8):
    """Footer: the page number. Where the wording comes from is said in the document's
    properties, not on the page a clerk issues."""
    footer = document.sections[0].footer
    page = footer.paragraphs[0]
    page.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    inner = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    inner.append(text)
    field.append(inner)
    page._p.append(field)


def _preserve_spaces(package: Package) -> Package:
    """Every w:t keeps its spaces (values may begin or end with one)."""
    parts = {}
    for name, data in package.parts:
        if name.startswith("word/") and name.endswith(".xml") and b"<w:t>" in data:
            parts[name] = data.replace(b"<w:t>", b'<w:t xml:space="preserve">')
    return package.replaced(parts)


LANGUAGE_TAGS = {"kk": "kk-KZ", "ru": "ru-RU"}


def _set_language(package: Package, lang: str) -> Package:
    """The document's proofing language: Kazakh or Russian, not the default template's en-US."""
    styles = package.get("word/styles.xml")
    tag = LANGUAGE_TAGS[lang].encode()
    styles = styles.replace(b'<w:lang w:val="en-US" w:eastAsia="en-US"', b'<w:lang w:val="' + tag + b'" w:eastAsia="' + tag + b'"')
    return package.replaced({"word/styles.xml": styles})


def _finish(document: Document, title: str, lang: str) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    package = _set_language(_preserve_spaces(Package.from_bytes(buffer.getvalue())), lang)
    core = core_properties(title=title, subject="template", keywords="", description="kzcadastre-docs template",
                           creator="kzcadastre-docs", created=ORDER_DATE, language=lang)
    return package.replaced({CORE_PART: core}).to_bytes()


BUILDERS: dict = {}


# --- Reconstructed forms: one bilingual layout file per form (tools/template_text/<slug>.yaml) ---
#
# A layout is a list of blocks; every text is either one string (the same in both languages,
# e.g. a Jinja expression) or {kk: ..., ru: ...}. Because both languages come from one
# layout, the kk and ru templates of a form use the same variables by construction.

ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
COMMON = TEXT_DIR / "_common.yaml"


def _t(value, lang: str) -> str:
    if isinstance(value, dict):
        return value[lang]
    return "" if value is None else str(value)


def _new_table(document, widths_cm, *, borders: bool = True):
    table = document.add_table(rows=0, cols=len(widths_cm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    if borders:
        set_borders(table)
    widths = [Cm(w) for w in widths_cm]
    _fix_widths(table, widths)
    return table, widths


def _add_row(table, widths, texts, *, size=10, bold=False, aligns=None, header=False):
    row = table.add_row()
    _row_flags(row, header=header)
    for index, (cell, width, text) in enumerate(zip(row.cells, widths, texts)):
        cell.width = width
        align = ALIGN[aligns[index]] if aligns else WD_ALIGN_PARAGRAPH.LEFT
        paragraph = cell.paragraphs[0]
        paragraph.alignment = align
        if text:
            run = paragraph.add_run(text)
            run.font.size = Pt(size)
            run.bold = bold
    return row


def _control_row(table, widths, tag: str):
    """A row holding only a {%tr %} tag; docxtpl removes it when rendering."""
    _add_row(table, widths, [tag] + [""] * (len(widths) - 1))


def _block_fields(document, block, lang):
    table, widths = _new_table(document, block.get("widths", (6.0, 11.0)), borders=False)
    for item in block["fields"]:
        condition = None
        if isinstance(item, dict):
            condition, item = item["if"], item["row"]
        if condition:
            _control_row(table, widths, f"{{%tr if {condition} %}}")
        _add_row(table, widths, [_t(item[0], lang), _t(item[1], lang)], size=11, aligns=("left", "left"))
        if condition:
            _control_row(table, widths, "{%tr endif %}")
    _paragraph(document, "", space_after=4)


def _block_table(document, block, lang):
    columns = block["columns"]
    table, widths = _new_table(document, [column[1] for column in columns])
    aligns = [column[2] if len(column) > 2 else "left" for column in columns]
    size = block.get("size", 9)
    _add_row(table, widths, [_t(column[0], lang) for column in columns], size=size, bold=True,
             aligns=["center"] * len(columns), header=True)
    if block.get("numbers", True):
        _add_row(table, widths, [str(i) for i in range(1, len(columns) + 1)], size=8,
                 aligns=["center"] * len(columns), header=True)
    for row in block.get("before", []):
        _add_row(table, widths, [_t(cell, lang) for cell in row], size=size, aligns=aligns)
    if "for" in block:
        _control_row(table, widths, f"{{%tr for {block['for']} %}}")
        _add_row(table, widths, [_t(cell, lang) for cell in block["cells"]], size=size, aligns=aligns)
        _control_row(table, widths, "{%tr endfor %}")
    for row in block.get("after", []):
        _add_row(table, widths, [_t(cell, lang) for cell in row], size=size, bold=True, aligns=aligns)
    _paragraph(document, "", space_after=4)


def _block_signatures(document, block, lang):
    table, widths = _new_table(document, (7.0, 4.0, 6.0), borders=False)
    for label, name in block["signatures"]:
        _add_row(table, widths, [_t(label, lang), "______________", _t(name, lang)], size=11,
                 aligns=("left", "center", "left"))
        _add_row(table, widths, ["", _t({"kk": "(қолы)", "ru": "(подпись)"}, lang), ""], size=8,
                 aligns=("left", "center", "left"))


def _block_box(document, block, lang):
    """A framed area: the place of a drawing. With `image` (a context path to a picture),
    the picture when the data has it, else the box's text; the box is at least `height_cm`
    high and grows with the picture."""
    table, widths = _new_table(document, (17.0,))
    text = _t(block["box"], lang)
    if block.get("image"):
        text = f"{{% if {block['image']} %}}{{{{ {block['image']} }}}}{{% else %}}{text}{{% endif %}}"
    row = _add_row(table, widths, [text], size=10, aligns=("center",))
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(int(block.get("height_cm", 10) * 567)))
    height.set(qn("w:hRule"), "atLeast" if block.get("image") else "exact")
    row._tr.get_or_add_trPr().append(height)
    cell_pr = row.cells[0]._tc.get_or_add_tcPr()
    v_align = OxmlElement("w:vAlign")
    v_align.set(qn("w:val"), "center")
    cell_pr.append(v_align)
    _paragraph(document, "", space_after=4)


def _block_mark(document, block, lang):
    """A large framed mark (the duplicate's ТЕЛНҰСҚА / ДУБЛИКАТ), shown when its condition holds."""
    _paragraph(document, f"{{%p if {block['if']} %}}")
    paragraph = _paragraph(document, _t(block["mark"], lang), size=block.get("size", 20), bold=True,
                           align=WD_ALIGN_PARAGRAPH.CENTER, space_after=6)
    borders = OxmlElement("w:pBdr")
    for edge in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "double")
        element.set(qn("w:sz"), "12")
        element.set(qn("w:space"), "4")
        element.set(qn("w:color"), "C00000")
        borders.append(element)
    paragraph._p.get_or_add_pPr().append(borders)
    for run in paragraph.runs:
        run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    for line in block.get("lines", []):
        _paragraph(document, _t(line, lang), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=6)
    _paragraph(document, "{%p endif %}")


def _block_paragraph(document, block, lang):
    paragraph = _paragraph(document, _t(block["p"], lang), size=block.get("size", 12), bold=block.get("bold", False),
                           align=ALIGN[block.get("align", "justify")], space_after=block.get("space_after", 4))
    if block.get("bold"):
        paragraph.paragraph_format.keep_with_next = True  # a heading stays with what follows it
    if block.get("page_break_before"):  # a new page without an empty one where the page before is full
        paragraph.paragraph_format.page_break_before = True


def _block_page_break(document, block, lang):
    document.add_page_break()


BLOCKS = {
    "p": _block_paragraph,
    "fields": _block_fields,
    "columns": _block_table,
    "signatures": _block_signatures,
    "box": _block_box,
    "mark": _block_mark,
    "page_break": _block_page_break,
}


def _header_mark(document, text: str):
    """The page header of every page: the duplicate mark when there is one."""
    paragraph = document.sections[0].header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run(text)
    run.bold = True
    run.font.size = Pt(12)
    run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)


def build_layout(layout: dict, common: dict, lang: str) -> bytes:
    """A reconstructed form from its layout: annex header, title, blocks, footer."""
    document = _base_document()
    if layout.get("page_header"):
        _header_mark(document, _t(layout["page_header"], lang))
    if layout.get("annex"):
        header = common["rules_annex"][lang].format(n=layout["annex"])
        _paragraph(document, header, size=10, align=WD_ALIGN_PARAGRAPH.CENTER, indent_cm=9.0, space_after=6)
        _paragraph(document, common["form_word"][lang], size=11, align=WD_ALIGN_PARAGRAPH.RIGHT, space_after=10)
    elif layout.get("header"):  # an annex of other Rules, with its own official header
        _paragraph(document, _t(layout["header"], lang), size=10, align=WD_ALIGN_PARAGRAPH.CENTER, indent_cm=9.0,
                   space_after=6)
        _paragraph(document, common["form_word"][lang], size=11, align=WD_ALIGN_PARAGRAPH.RIGHT, space_after=10)
    for line in layout.get("title", []):
        _paragraph(document, _t(line, lang), size=13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=4)
    _paragraph(document, "", space_after=6)
    for block in layout["body"]:
        kind = next(key for key in BLOCKS if key in block)
        BLOCKS[kind](document, block, lang)
    _footer(document)
    title = " ".join(_t(line, lang) for line in layout.get("title", [])) or layout["slug"]
    return _finish(document, title, lang)


def build_official(layout: dict, lang: str, edition: str) -> bytes:
    """An official annex: its text from tools/official_text/ (extract_official.py), filled as
    its layout file (tools/template_text/official/<slug>.yaml) says."""
    from extract_official import load
    from official_forms import build_official_body

    extracted = load(lang, edition)["annexes"][layout["annex"]]
    document = _base_document()
    build_official_body(document, extracted, layout, lang, blocks=BLOCKS, t=_t, edition=edition)
    _footer(document)
    headings = [item["heading"] for item in extracted["items"] if "heading" in item]
    title = layout.get("title", {}).get(lang) or (headings[0] if headings else layout["slug"])
    return _finish(document, title, lang)


def _official_layouts() -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in sorted((TEXT_DIR / "official").glob("*.yaml"))}


def _layouts() -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in sorted(TEXT_DIR.glob("*.yaml")) if "." not in path.stem and not path.stem.startswith("_")}


def build_all() -> dict[Path, bytes]:
    outputs = {}
    for slug, builder in BUILDERS.items():
        for lang in ("kk", "ru"):
            source = TEXT_DIR / f"{slug}.{lang}.yaml"
            text = yaml.safe_load(source.read_text(encoding="utf-8"))
            outputs[TEMPLATES_DIR / lang / f"{slug}.docx"] = builder(text)
    common = yaml.safe_load(COMMON.read_text(encoding="utf-8"))
    for slug, layout in _layouts().items():
        if layout.get("slug") != slug:
            raise SystemExit(f"{slug}.yaml: its slug field says {layout.get('slug')!r}")
        for lang in ("kk", "ru"):
            outputs[TEMPLATES_DIR / lang / f"{slug}.docx"] = build_layout(layout, common, lang)
    from kzcadastre_docs.forms.editions import editions

    shipped = [edition.id for edition in editions()]
    for slug, layout in _official_layouts().items():
        if layout.get("slug") != slug:
            raise SystemExit(f"official/{slug}.yaml: its slug field says {layout.get('slug')!r}")
        for edition in shipped:
            folder = TEMPLATES_DIR if edition == shipped[-1] else TEMPLATES_DIR / "editions" / edition
            for lang in ("kk", "ru"):
                outputs[folder / lang / f"{slug}.docx"] = build_official(layout, lang, edition)
    return outputs


def run_builder(build: Callable[[], dict[Path, bytes]], argv: list[str] | None = None, doc: str | None = None) -> int:
    """A builder's command line: write what `build` makes, or with --check compare it with the
    shipped files and list those that differ (exit 1)."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the shipped templates; write nothing")
    args = parser.parse_args(argv)
    stale = []
    for path, data in build().items():
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)}")
    for path in stale:
        print(f"differs from its source: {path.relative_to(ROOT)}")
    return 1 if stale else 0


def main(argv: list[str] | None = None) -> int:
    return run_builder(build_all, argv, __doc__)


if __name__ == "__main__":
    sys.exit(main())
