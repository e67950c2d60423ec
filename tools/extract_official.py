"""Take the fixed text of Annexes 1-10 of Order No. 156 from the official sources.

    python tools/extract_official.py            # write tools/official_text/*.yaml
    python tools/extract_official.py --check    # exit 1 if a written file differs

The sources (`sources/official/order-156-rules-<lang>-<edition>.md`) are a machine
conversion of the official database zan.gov.kz into Markdown: its words are the law, its
line breaks, indentation, code blocks and HTML tables are not. This tool cuts out each
annex and keeps its words exactly, as a list of items:

- `corner`: the upper-right header ("Приложение 3 к Правилам ..."), its lines joined;
- `form_word`: "Форма" / "нысан" where the annex has it;
- `heading`: a Markdown heading;
- `line`: one line of the form (a code-block line or a paragraph), spaces collapsed;
- `table`: rows of cells, each cell `{text, colspan, rowspan}`, lines of a cell kept apart.

The database's editorial footnotes ("Сноска. ..." / "Ескерту. ...") are not part of the
form and are left out, listed under `footnotes`. Every other change to the source text is
in REPAIRS below and is written into the output, so that the repair list is complete and
reviewable. The templates builder (tools/build_templates.py) lays these items out; the
fidelity test (tests/test_official_forms.py) checks every rendered document against them.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources" / "official"
OUTPUT = ROOT / "tools" / "official_text"
LANGS = ("kk", "ru")
EDITIONS = ("2026-01-22", "2026-07-12")
ANNEXES = range(1, 11)

#: Changes to the source text beyond dropping Markdown/HTML markup and collapsing spaces.
#: Each: where (lang, edition or None for both), the text as converted, the text as kept,
#: and why. Errors of the official text itself are NOT repaired (see OFFICIAL_ERRORS in
#: tools/official_text/ERRATA.yaml).
REPAIRS: list[dict] = [
    {"lang": None, "edition": None, "source": "&quot;", "kept": '"',
     "why": "HTML entity of the conversion: the quotation mark of the official text"},
    {"lang": None, "edition": None, "source": "&amp;", "kept": "&",
     "why": "HTML entity of the conversion"},
    {"lang": None, "edition": None, "source": "&lt;", "kept": "<", "why": "HTML entity of the conversion"},
    {"lang": None, "edition": None, "source": "&gt;", "kept": ">", "why": "HTML entity of the conversion"},
]

#: Latin letters typed for their Cyrillic look-alikes inside Cyrillic words ("дүйсенбiден"
#: with a Latin "i") or as the Russian preposition "c": a typing artefact of the database,
#: the same word in the official text. They are replaced by the Cyrillic letter, and each
#: replaced word is listed in the output (`script_repairs`).
_LOOKALIKES = str.maketrans("aceiopxyACEHKMOPTXB", "асеіорхуАСЕНКМОРТХВ")
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORDS = re.compile(r"\w+")


def _script_repair(text: str, lang: str, found: dict) -> str:
    def fix(match):
        word = match.group(0)
        mixed = _LATIN.search(word) and _CYRILLIC.search(word)
        lone_c = lang == "ru" and word == "c"
        if not (mixed or lone_c):
            return word
        kept = word.translate(_LOOKALIKES)
        if lone_c:
            kept = "с"
        found[(word, kept)] = found.get((word, kept), 0) + 1
        return kept

    return _WORDS.sub(fix, text)


_MARKER = {
    "ru": re.compile(r"^Приложение (\d+)$|^Приложение (\d+) к "),
    "kk": re.compile(r"(?:^|\s)(\d+)-қосымша$"),
}
_END_MARKER = {"ru": re.compile(r"^Приложение (11|)$"), "kk": re.compile(r"^(№ 11 қосымша|қосымша)$")}
_FOOTNOTE = re.compile(r"^(Сноска|Ескерту)\.")
_FORM_WORD = re.compile(r"^(Форма|форма|Нысан|нысан)$")
_SPACES = re.compile(r"[ \t\u00a0]+")


_FOUND: dict = {}


def _clean(text: str, lang: str, edition: str) -> str:
    for repair in REPAIRS:
        if repair["lang"] in (None, lang) and repair["edition"] in (None, edition):
            text = text.replace(repair["source"], repair["kept"])
    return _script_repair(_SPACES.sub(" ", text).strip(), lang, _FOUND)


def _units(text: str) -> list[tuple[str, object]]:
    """The source as units: ('quote', [lines]), ('code', [lines]), ('table', html),
    ('heading', text), ('para', text)."""
    lines = text.split("\n")
    units: list[tuple[str, object]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            j = i + 1
            while j < len(lines) and not lines[j].startswith("```"):
                j += 1
            units.append(("code", lines[i + 1:j]))
            i = j + 1
        elif line.startswith("<table"):
            j = i
            while j < len(lines) and "</table>" not in lines[j]:
                j += 1
            units.append(("table", "\n".join(lines[i:j + 1])))
            i = j + 1
        elif line.startswith(">"):
            j = i
            block = []
            while j < len(lines) and lines[j].startswith(">"):
                block.append(lines[j])
                j += 1
            units.append(("quote", block))
            i = j
        elif line.startswith("#"):
            units.append(("heading", line.lstrip("#").strip()))
            i += 1
        elif line.strip():
            units.append(("para", line))
            i += 1
        else:
            i += 1
    return units


def _quote_lines(block: list[str]) -> list[str]:
    """The lines of a blockquote without '> *...*' markup."""
    result = []
    for line in block:
        line = line[1:].strip()
        if line.startswith("*") and line.endswith("*"):
            line = line[1:-1]
        result.append(line.strip())
    return [line for line in result if line]


_CELL = re.compile(r"<td([^>]*)>(.*?)</td>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_SPAN = re.compile(r'(colspan|rowspan)="(\d+)"')


def _table(markup: str, lang: str, edition: str) -> list[list[dict]]:
    rows = []
    for row in _ROW.findall(markup):
        cells = []
        for attributes, content in _CELL.findall(row):
            spans = dict(_SPAN.findall(attributes))
            content = re.sub(r"<br\s*/?>", "\n", content)
            content = re.sub(r"<[^>]+>", "", content)
            parts = [_clean(part, lang, edition) for part in content.split("\n")]
            cell = {"text": [part for part in parts if part]}
            if "colspan" in spans:
                cell["colspan"] = int(spans["colspan"])
            if "rowspan" in spans:
                cell["rowspan"] = int(spans["rowspan"])
            cells.append(cell)
        rows.append(cells)
    return rows


def _annex_number(lines: list[str], lang: str) -> int | None:
    for line in lines:
        match = _MARKER[lang].search(line)
        if match:
            return int(next(group for group in match.groups() if group))
    return None


def extract(lang: str, edition: str) -> dict:
    """The annexes of one source file as items (see the module's docstring)."""
    path = SOURCES / f"order-156-rules-{lang}-{edition}.md"
    text = path.read_text(encoding="utf-8")
    _FOUND.clear()
    annexes: dict[int, dict] = {}
    current: dict | None = None
    for kind, value in _units(text):
        if kind == "quote":
            lines = _quote_lines(value)
            if any(_END_MARKER[lang].match(line) for line in lines) and current is not None:
                current = None
                if len(annexes) == len(ANNEXES):
                    break
                continue
            number = _annex_number(lines, lang)
            if number is not None and number in ANNEXES and number not in annexes:
                form_word = None
                if _FORM_WORD.match(lines[-1]):  # the form word closes the corner's quote in some annexes
                    form_word = lines.pop()
                current = annexes[number] = {"corner": _clean(" ".join(lines), lang, edition), "form_word": form_word,
                                             "footnotes": [], "items": []}
                continue
            if current is None:
                continue
            joined = _clean(" ".join(lines), lang, edition)
            if _FOOTNOTE.match(joined):
                current["footnotes"].append(joined)
            elif _FORM_WORD.match(joined):
                current["form_word"] = joined
            else:
                current["items"].append({"line": joined})
            continue
        if current is None:
            continue
        if kind == "code":
            for line in value:
                cleaned = _clean(line, lang, edition)
                if cleaned:
                    current["items"].append({"line": cleaned})
        elif kind == "table":
            current["items"].append({"table": _table(value, lang, edition)})
        elif kind == "heading":
            current["items"].append({"heading": _clean(value, lang, edition)})
        else:
            cleaned = _clean(value, lang, edition)
            if cleaned:
                current["items"].append({"line": cleaned})
    missing = [n for n in ANNEXES if n not in annexes]
    if missing:
        raise SystemExit(f"{path.name}: annexes not found: {missing}")
    return {
        "source": f"sources/official/{path.name}",
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "lang": lang,
        "edition": edition,
        "repairs": [repair for repair in REPAIRS if repair["lang"] in (None, lang) and repair["edition"] in (None, edition)],
        "script_repairs": [{"source": word, "kept": kept, "count": count}
                           for (word, kept), count in sorted(_FOUND.items())],
        "annexes": {number: annexes[number] for number in ANNEXES},
    }


GROUNDS = ROOT / "kzcadastre_docs" / "data" / "refusal_grounds.yaml"
_GROUND = re.compile(r"^([1-5])\) (.*?)[;.]?$")


def refusal_grounds(extracted: dict[tuple[str, str], dict]) -> str:
    """The five refusal grounds of item 9 of Annexes 1 and 2, by edition, service, number
    and language, without their numbering and final punctuation (what notices quote)."""
    data: dict = {}
    for (lang, edition), text in sorted(extracted.items()):
        for annex, service in ((1, "new_object"), (2, "duplicate")):
            table = next(item["table"] for item in text["annexes"][annex]["items"] if "table" in item)
            row = next(row for row in table if row[0]["text"] == ["9"])
            for line in row[2]["text"]:
                match = _GROUND.match(line)
                if match:
                    number = int(match.group(1))
                    data.setdefault(edition, {}).setdefault(service, {}).setdefault(number, {})[lang] = match.group(2)
    for edition, services in data.items():
        for service, grounds in services.items():
            if sorted(grounds) != [1, 2, 3, 4, 5] or any(sorted(g) != ["kk", "ru"] for g in grounds.values()):
                raise SystemExit(f"item 9 of {service} ({edition}): the five grounds in kk and ru were not all found")
    header = ("# The five refusal grounds of item 9 of Annexes 1 (new_object) and 2 (duplicate), by edition of\n"
              "# Order No. 156, number and language: the official text without the numbering and the final\n"
              "# punctuation. Generated by tools/extract_official.py from sources/official/; do not edit.\n")
    return header + yaml.safe_dump({"grounds": data}, allow_unicode=True, sort_keys=True, width=100000)


def output_path(lang: str, edition: str) -> Path:
    return OUTPUT / f"order-156-{lang}-{edition}.yaml"


def dump(data: dict) -> str:
    header = ("# Generated by tools/extract_official.py from the source named below; do not edit.\n"
              "# Every change to the source's words is listed under `repairs`.\n")
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100000)


def load(lang: str, edition: str) -> dict:
    """The extracted text of one language and edition (as written by this tool)."""
    return yaml.safe_load(output_path(lang, edition).read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the written files; write nothing")
    args = parser.parse_args(argv)
    stale = []
    outputs = {}
    extracted = {}
    for lang in LANGS:
        for edition in EDITIONS:
            extracted[(lang, edition)] = extract(lang, edition)
            outputs[output_path(lang, edition)] = dump(extracted[(lang, edition)])
    outputs[GROUNDS] = refusal_grounds(extracted)
    for path, text in outputs.items():
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    for path in stale:
        print(f"differs from its source: {path.relative_to(ROOT)}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
