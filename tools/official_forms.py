"""Lay out an official annex of Order No. 156 from its extracted text (tools/official_text/).

Used by tools/build_templates.py. The words come only from the extracted text
(tools/extract_official.py); a form's layout file (tools/template_text/official/<slug>.yaml)
says only where the data goes:

- `fills`: a line is found by the fixed text it begins with (`at`, per language; blanks
  and spaces ignored), and its blanks (runs of "_") get Jinja expressions (`values`, in
  order; `null` keeps a blank for the pen). A blank without a value stays a line to fill.
- `marks`: a phrase of a line printed bold and underlined when a condition holds (the
  conclusion's "established / not established").
- `titles`: lines (by their beginning) printed as the centred bold title.
- `tables`: per table (by its index in the annex), `header_rows` and either `for` + `cells`
  (a row repeated for each item, replacing the official empty row) or `cells_by_row`
  (values for the empty cells of the official rows), and `repeat` (a Jinja loop around the
  whole table, with `caption`).
- a fill's `editions`: the editions whose form has that line (where the editions break a
  line differently); a fill without it is for every edition.
- a fill's `blocks`: layout blocks printed right after its line (the abris's drawing).
- `after`: blocks printed after the official form (an attachment), in the layout blocks of
  build_templates.py; `before_table`: paragraphs (`{%p %}` tags) put around a table.

Line breaks of the source are not the law: a line without blanks that the next line
continues (it begins with a lower-case letter) is joined to it with a space.
"""

from __future__ import annotations

import re

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from docx_tables import row_flags as _row_flags, set_borders

BLANK = re.compile(r"_+")
_SPACE = re.compile(r"\s+")
#: Characters of a printed line at 12 pt on the page's 17 cm.
LINE_CHARS = 78


def squash(text: str) -> str:
    """Text without blanks and spaces: how a line is found by its fixed text."""
    return _SPACE.sub("", BLANK.sub("", text))


def _lower_start(text: str) -> bool:
    return bool(text) and text[0].isalpha() and text[0].islower()


def is_hint(text: str) -> bool:
    """A hint printed small under a line: "(подпись)", "(наименование объекта)"."""
    return text.startswith("(") and text.endswith(")") and "_" not in text


def joined_lines(items: list[dict]) -> list[dict]:
    """The items with continued lines joined (see the module's docstring)."""
    result: list[dict] = []
    for item in items:
        previous = result[-1] if result else None
        if ("line" in item and previous is not None and "line" in previous and "_" not in previous["line"]
                and not is_hint(previous["line"])
                and (_lower_start(item["line"]) or (item["line"].startswith("(") and not is_hint(item["line"])
                                                    and "_" not in item["line"]))
                and not previous["line"].endswith((".", ":", ";"))):
            result[-1] = {"line": previous["line"] + " " + item["line"]}
            continue
        result.append(dict(item))
    return result


def _match(spec_at, lang: str, text: str) -> bool:
    """Whether a line begins with the fixed text `at` (an empty `at`: a line that is only a blank)."""
    wanted = spec_at[lang] if isinstance(spec_at, dict) else spec_at
    options = wanted if isinstance(wanted, list) else [wanted]
    line = squash(text)
    return any(line.startswith(squash(option)) if squash(option) else line == "" for option in options)


def _run(paragraph, text: str, *, size: float, bold=False, underline=False):
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold or None
    if underline:
        run.underline = True
    return run


def _line_runs(paragraph, text: str, values: list | None, size: float, bold: bool = False, pad: bool | list = True):
    """Fixed text in plain runs; each blank as its value underlined, or as a line to fill."""
    pieces = BLANK.split(text)
    blanks = BLANK.findall(text)
    values = list(values or [])
    fixed_length = sum(len(piece) for piece in pieces)
    unfilled = sum(1 for index in range(len(blanks)) if index >= len(values) or values[index] is None) or 1
    room = max(8, (LINE_CHARS - fixed_length) // unfilled)
    for index, piece in enumerate(pieces):
        if piece:
            _run(paragraph, piece, size=size, bold=bold)
        if index < len(blanks):
            value = values[index] if index < len(values) else None
            padded = pad[index] if isinstance(pad, list) else pad
            if value is None:
                _run(paragraph, "_" * min(len(blanks[index]), room), size=size)
            else:
                _run(paragraph, f"\u00a0{value}\u00a0" if padded else value, size=size, underline=True)


def _para(document, *, align=None, space_after=2, keep_with_next=False, indent_cm=0.0):
    paragraph = document.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(space_after)
    if keep_with_next:
        paragraph.paragraph_format.keep_with_next = True
    if indent_cm:
        paragraph.paragraph_format.left_indent = Cm(indent_cm)
    return paragraph


def _tag(document, tag: str):
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(tag)
    run.font.size = Pt(6)


def _marked_line(paragraph, text: str, marks: list[dict], lang: str, size: float):
    """A line whose marked phrases are bold and underlined when their condition holds."""
    position = 0
    spans = []
    for mark in marks:
        phrase = mark["phrase"][lang]
        start = text.find(phrase, position)
        if start < 0:
            raise SystemExit(f"mark {phrase!r} not in line {text!r}")
        spans.append((start, start + len(phrase), mark["if"]))
        position = start + len(phrase)
    position = 0
    for start, end, condition in spans:
        if text[position:start]:
            _run(paragraph, text[position:start], size=size)
        phrase = text[start:end]
        _run(paragraph, f"{{% if {condition} %}}", size=size)
        _run(paragraph, phrase, size=size, bold=True, underline=True)
        _run(paragraph, "{% else %}", size=size)
        _run(paragraph, phrase, size=size)
        _run(paragraph, "{% endif %}", size=size)
        position = end
    if text[position:]:
        _run(paragraph, text[position:], size=size)


def _set_cell(cell, texts: list[str], *, size: float, bold=False, align=WD_ALIGN_PARAGRAPH.LEFT):
    first = True
    for text in texts or [""]:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        paragraph.alignment = align
        if text:
            _run(paragraph, text, size=size, bold=bold)


def _grid(rows: list[list[dict]]) -> tuple[int, list[list[tuple[int, dict]]]]:
    """Column positions of each cell, honouring colspan and rowspan."""
    occupied: dict[tuple[int, int], bool] = {}
    placed = []
    width = 0
    for r, row in enumerate(rows):
        column = 0
        line = []
        for cell in row:
            while occupied.get((r, column)):
                column += 1
            line.append((column, cell))
            for dr in range(cell.get("rowspan", 1)):
                for dc in range(cell.get("colspan", 1)):
                    occupied[(r + dr, column + dc)] = True
            column += cell.get("colspan", 1)
        width = max(width, column)
        placed.append(line)
    return width, placed


def _fixed_widths(table, widths):
    for column, width in zip(table.columns, widths):
        column.width = width
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def _table(document, rows: list[list[dict]], spec: dict, lang: str):
    width, placed = _grid(rows)
    header_rows = spec.get("header_rows", 1)
    repeat = spec.get("for")
    by_row = spec.get("cells_by_row", {})
    # The official empty row is replaced by the loop's row (with its tags around it).
    body = [line for line in placed]
    if repeat:
        body = placed[:header_rows]
    total_rows = len(body) + (3 if repeat else 0)
    table = document.add_table(rows=total_rows, cols=width)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    set_borders(table)
    widths_cm = spec["widths"][lang] if isinstance(spec["widths"], dict) else spec["widths"]
    widths = [Cm(w) for w in widths_cm]
    if len(widths) != width:
        raise SystemExit(f"table of {width} columns given {len(widths)} widths")
    size = spec.get("size", 10)
    for r, line in enumerate(body):
        is_header = r < header_rows
        _row_flags(table.rows[r], header=is_header)
        for column, cell in line:
            span_c, span_r = cell.get("colspan", 1), cell.get("rowspan", 1)
            target = table.cell(r, column)
            if span_c > 1 or span_r > 1:
                target = target.merge(table.cell(r + span_r - 1, column + span_c - 1))
            texts = cell["text"]
            filled = by_row.get(r)
            if filled is not None and not texts:
                data_columns = [c for c, x in line if not x["text"]]
                texts = [filled[data_columns.index(column)]]
            rows_spec = spec.get("fill_rows")
            if rows_spec and not texts and r >= header_rows:
                # the fields fill the row's last empty cells (a wholly empty row keeps its first cells empty)
                data_columns = [c for c, x in line if not x["text"]][-len(rows_spec["fields"]):]
                if column in data_columns:
                    field = rows_spec["fields"][data_columns.index(column)]
                    texts = [f"{{{{ {rows_spec['var']}[{r - header_rows}].{field} }}}}"]
            if any("_" in text for text in texts) and spec.get("blank_values"):
                values = list(spec["blank_values"])
                texts = [BLANK.sub(lambda m: values.pop(0) if values else m.group(0), text) for text in texts]
            align = WD_ALIGN_PARAGRAPH.CENTER if is_header else WD_ALIGN_PARAGRAPH.LEFT
            _set_cell(target, texts, size=size, bold=is_header and spec.get("bold_header", False), align=align)
    if repeat:
        start = len(body)
        cells = spec["cells"]
        for offset, texts in enumerate(([f"{{%tr for {repeat} %}}"], None, ["{%tr endfor %}"])):
            row = table.rows[start + offset]
            _row_flags(row)
            if texts is not None:
                _set_cell(row.cells[0], texts, size=size)
                continue
            for column, text in enumerate(cells):
                _set_cell(row.cells[column], [text], size=size,
                          align=WD_ALIGN_PARAGRAPH.CENTER if spec.get("center", [False] * width)[column]
                          else WD_ALIGN_PARAGRAPH.LEFT)
    _fixed_widths(table, widths)
    if spec.get("keep_with_next"):  # the table stays on the page of what follows it (no orphan lines)
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
    return table


def build_official_body(document, extracted: dict, layout: dict, lang: str, *, blocks, t, edition: str | None = None):
    """The annex's corner, form word, title and items, filled as `layout` says; then `after`."""
    corner = _para(document, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=4, indent_cm=9.0)
    _run(corner, extracted["corner"], size=10)
    if extracted.get("form_word"):
        word = _para(document, align=WD_ALIGN_PARAGRAPH.RIGHT, space_after=8)
        _run(word, extracted["form_word"], size=11)
    fills = layout.get("fills", [])
    marks = layout.get("marks", [])
    titles = layout.get("titles", {})
    tables = layout.get("tables", {})
    fills = [fill for fill in fills if edition is None or edition in fill.get("editions", [edition])]
    used = set()
    next_fill = 0
    table_index = 0
    items = joined_lines(extracted["items"])
    size = layout.get("size", 12)
    keeping = False  # from `keep_from` on, the lines stay together (no orphan signature block)
    for position, item in enumerate(items):
        if "table" in item:
            spec = tables.get(table_index, {})
            for tag in spec.get("open", []):
                _tag(document, tag)
            for block in spec.get("caption", []):
                kind = next(key for key in blocks if key in block)
                blocks[kind](document, block, lang)
            _table(document, item["table"], spec, lang)
            for tag in spec.get("close", []):
                _tag(document, tag)
            _para(document, space_after=4)
            table_index += 1
            continue
        text = item.get("heading") or item["line"]
        if layout.get("keep_from") and _match(layout["keep_from"], lang, text):
            keeping = True
        heading = "heading" in item or any(_match({lang: prefix}, lang, text) for prefix in titles.get(lang, []))
        nxt = items[position + 1] if position + 1 < len(items) else {}
        hint_follows = "line" in nxt and is_hint(nxt["line"])
        if is_hint(text):
            paragraph = _para(document, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=3,
                              keep_with_next=keeping and position < len(items) - 1)
            _run(paragraph, text, size=8)
            continue
        # Fills are listed in the form's order: the next one (skipping optional ones) or none.
        fill = None
        for index in range(next_fill, len(fills)):
            at = fills[index]["at"]
            if isinstance(at, dict) and lang not in at:  # a fill of the other language's form
                continue
            if _match(at, lang, text):
                fill = fills[index]
                used.add(index)
                next_fill = index + 1
                break
            if not fills[index].get("optional"):
                break
        line_marks = [m for m in marks if _match(m["at"], lang, text)]
        for tag in (fill or {}).get("open", []):
            _tag(document, tag)
        align = WD_ALIGN_PARAGRAPH.CENTER if heading else WD_ALIGN_PARAGRAPH.JUSTIFY if len(text) > LINE_CHARS else None
        last = position == len(items) - 1  # the form's last line keeps with nothing (a page break may follow)
        paragraph = _para(document, align=align, space_after=0 if hint_follows else (6 if heading else layout.get("line_space", 2)),
                          keep_with_next=heading or hint_follows or (keeping and not last))
        if line_marks:
            _marked_line(paragraph, text, line_marks, lang, size)
        else:
            values = (fill or {}).get("values")
            if values is not None:
                values = [t(value, lang) if value is not None else None for value in values]
            _line_runs(paragraph, text, values, size, bold=heading, pad=(fill or {}).get("pad", True))
        for tag in (fill or {}).get("close", []):
            _tag(document, tag)
        for block in (fill or {}).get("blocks", []):  # e.g. the abris's drawing after its line
            kind = next(key for key in blocks if key in block)
            blocks[kind](document, block, lang)
    missing = [candidate["at"] for index, candidate in enumerate(fills)
               if index not in used and not candidate.get("optional")
               and not (isinstance(candidate["at"], dict) and lang not in candidate["at"])]
    if missing:
        raise SystemExit(f"{layout['slug']} ({lang}): fills that match no line: {missing}")
    for block in layout.get("after", []):
        kind = next(key for key in blocks if key in block)
        blocks[kind](document, block, lang)
