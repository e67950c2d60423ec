"""Input records of a batch: JSON lines, CSV or an Excel workbook, one document's data each.

JSON lines hold one JSON object per line (blank lines are skipped). In CSV and XLSX the
first row names the fields, nested ones as paths: `applicant.iin`, `object.floors[0].level`;
an empty cell is an absent field. Each record is numbered from 1 in input order (data rows,
not counting the header), and a record that cannot be read becomes a problem of that record
rather than the end of the batch.

In a workbook, keep identifiers as text: a cell holding the number 61211600012 has lost the
leading zero of IIN 061211600012 before we see it.

>>> unflatten({"applicant.iin": "061211600012", "object.floors[0].level": "1", "note": ""})
{'applicant': {'iin': '061211600012'}, 'object': {'floors': [{'level': '1'}]}}
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DataFileError, Problem, message_problem, shown_value
from ..files import json_reason
from ..i18n.catalogue import N_, Message
from ..i18n.system import DAMAGED_FILE, library_reason

#: Why a row cannot be made into data (the library's own words go to the log).
UNREADABLE_ROW = N_("its cells cannot be put together")

FORMATS = (".jsonl", ".ndjson", ".csv", ".xlsx")
_SEGMENT = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


@dataclass(frozen=True)
class InputRecord:
    """One record: its number and data, or the problem that kept it from being read."""

    number: int
    data: dict | None
    problem: Problem | None = None


#: The largest list index a column may name (the models' longest lists are shorter).
MAX_INDEX = 10000


def _path(key: str) -> list[str | int]:
    parts: list[str | int] = []
    for name, index in _SEGMENT.findall(key.strip()):
        if index and (len(index) > 6 or int(index) > MAX_INDEX):
            raise ValueError(Message("column {column!r}: a list index above {limit}", column=shown_value(key),
                                     limit=MAX_INDEX))
        parts.append(int(index) if index else name)
    if not parts or not isinstance(parts[0], str):
        raise ValueError(Message("column {column!r} is not a field path", column=shown_value(key)))
    return parts


def _conflict(key: Any) -> Message:
    return Message("column {column!r} conflicts with another column: one gives a value where the other gives "
                   "fields or list items", column=shown_value(str(key)))


def unflatten(row: dict[str, Any]) -> dict:
    """Columns named by field paths as nested data; empty cells are left out.

    Two columns that give one path both a value and fields (`number` and `number.part`), or
    use it both as a list and as a group, are an error naming the column.

    >>> unflatten({"a": "1", "a.b": "2"})
    Traceback (most recent call last):
    ...
    ValueError: column 'a.b' conflicts with another column: one gives a value where the other gives fields or list items
    """
    result: dict = {}
    for key, value in row.items():
        if value is None or value == "" or key is None or not str(key).strip():
            continue
        parts = _path(str(key))
        target: Any = result
        for part, following in zip(parts, parts[1:] + [None]):
            wanted = list if isinstance(part, int) else dict
            if not isinstance(target, wanted):
                raise ValueError(_conflict(key))
            if isinstance(part, int):
                while len(target) <= part:
                    target.append(None)
                present = target[part]
            else:
                present = target.get(part)
            if following is None:
                if present is not None:
                    raise ValueError(_conflict(key))
                target[part] = value
                break
            if present is None:
                present = [] if isinstance(following, int) else {}
                target[part] = present
            target = present
    return result


def _cell(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0, 0) else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(int(value)) if float(value).is_integer() else repr(value)
    return value


def _problem(number: int, template: str, **values) -> InputRecord:
    """A record that cannot be read: the problem keeps its English template (a catalogue id)."""
    return InputRecord(number, None, message_problem("", "record", template, **values))


def _rows(header: list, rows, number_from: int = 1) -> Iterator[InputRecord]:
    for number, row in enumerate(rows, start=number_from):
        if row is None or all(value in (None, "") for value in row):
            yield _problem(number, "the row is empty")
            continue
        if len(row) > len(header):
            yield _problem(number, "the row has {cells} cells but the header names {fields} fields", cells=len(row),
                           fields=len(header))
            continue
        try:
            yield InputRecord(number, unflatten({key: _cell(value) for key, value in zip(header, row)}))
        except (ValueError, TypeError, RecursionError, MemoryError) as exc:
            detail = exc.args[0] if exc.args and isinstance(exc.args[0], Message) else library_reason(exc, UNREADABLE_ROW)
            yield _problem(number, "the row cannot be read as data: {detail}", detail=detail)


def read_records(path: str | Path) -> Iterator[InputRecord]:
    """The records of a .jsonl, .csv or .xlsx file, in order."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise DataFileError("{path}: unsupported input {suffix}; use {formats}", path=path, suffix=suffix or "-",
                            formats=", ".join(FORMATS), field="--input")
    if not path.is_file():
        raise DataFileError("{path}: no such file", path=path, field="--input")
    try:
        if suffix in (".jsonl", ".ndjson"):
            yield from _json_lines(path)
        elif suffix == ".csv":
            with open(path, encoding="utf-8-sig", newline="") as handle:
                reader = csv.reader(handle)
                header = next(reader, None)
                if not header:
                    raise DataFileError("{path}: no header row", path=path, field="--input")
                yield from _rows(header, reader)
        else:
            yield from _workbook(path)
    except UnicodeDecodeError:  # a text input read line by line: where it breaks is not known here
        raise DataFileError("{path}: is not UTF-8 text; save it as UTF-8", path=path, field="--input") from None


def _json_lines(path: Path) -> Iterator[InputRecord]:
    number = 0
    with open(path, encoding="utf-8-sig") as handle:
        for line in handle:
            if not line.strip():
                continue
            number += 1
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                yield _problem(number, "invalid JSON at column {column}: {detail}", column=exc.colno,
                               detail=json_reason(exc.msg))
                continue
            except RecursionError:
                yield _problem(number, "the record is nested too deeply")
                continue
            except ValueError:  # an integer of more digits than Python converts
                yield _problem(number, "a number has more than {count} digits", count=sys.get_int_max_str_digits())
                continue
            if not isinstance(data, dict):
                yield _problem(number, "a record must be a JSON object ({{...}}), one per line")
                continue
            yield InputRecord(number, data)


def _workbook(path: Path) -> Iterator[InputRecord]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise DataFileError("{path}: not a readable .xlsx workbook: {detail}", path=path,
                            detail=library_reason(exc, DAMAGED_FILE),
                            field="--input") from exc
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header = next(rows, None)
        if not header or all(cell is None for cell in header):
            raise DataFileError("{path}: no header row", path=path, field="--input")
        header = list(header)
        while header and header[-1] is None:
            header.pop()
        yield from _rows(header, (_trimmed(row) for row in rows))
    finally:
        workbook.close()


def _trimmed(row) -> list:
    cells = list(row)
    while cells and cells[-1] is None:
        cells.pop()
    return cells


def count_records(path: str | Path) -> int:
    """How many records `read_records` will yield (for a progress bar)."""
    return sum(1 for _ in read_records(path))
