"""The single inventory file (Annex 8) is append-only.

Paragraph 7 of the Rules: all new and superseded ("өтелген") materials are kept in the
inventory file. So a document is only ever added: the register keeps every entry in
chronological order, a superseded entry stays in its place marked as superseded (with the
number of the entry that supersedes it), and an abris, which is never corrected, is
followed by a new abris with the next sequence number.

Each function returns a new, validated file; the one given is not changed.

>>> import datetime as dt
>>> from kzcadastre_docs.forms.annexes.inventory_file import InventoryFileData
>>> file = InventoryFileData(document_date="2026-03-02", file_number="ИД-1", opened_on="2026-03-02",
...     address={"region": "Алматы облысы", "settlement": "Қаскелең", "house": "1"}, cadastral_number="03:047:120:512",
...     archive_employee={"full_name": "Ахметова Д."},
...     entries=[{"number": 1, "document": "Абрис № 1", "date": "2026-03-02", "sheets": 1, "form": "abris", "sequence": 1}])
>>> file = add_abris(file, date=dt.date(2026, 9, 14), sheets=1, document_date=dt.date(2026, 9, 14))
>>> [(e.number, e.document.plain, e.status.value, e.superseded_by) for e in file.entries]
[(1, 'Абрис № 1', 'superseded', 2), (2, 'Абрис № 2', 'current', None)]
>>> check_append_only(file, file)
[]
"""

from __future__ import annotations

import datetime as dt

from ..api import validate
from ..errors import KzcadastreError
from ..models.parts import InventoryEntry, InventoryStatus


class InventoryError(KzcadastreError, ValueError):
    """An addition that would break the register (out of order, unknown entry)."""

    exit_code = 2
    code = "inventory"


def _validated(file, entries, document_date):
    data = file.model_dump(mode="python")
    data["entries"] = [entry.model_dump(mode="python") for entry in entries]
    data["document_date"] = document_date
    return validate("inventory-file", data)


def add_document(file, *, document: str | dict, date: dt.date, sheets: int, form: str | None = None,
                 note: str | dict | None = None, supersedes: int | None = None, sequence: int | None = None,
                 document_date: dt.date | None = None):
    """The file with one more entry at the end; `supersedes` marks an earlier entry superseded.

    The entry's date may not be earlier than the last entry's (the register is
    chronological). The print date of the register (`document_date`) changes only when
    given; an entry later than the print date needs a new print date.
    """
    entries = list(file.entries)
    if entries and date < entries[-1].date:
        raise InventoryError("the new entry's date {date} is earlier than the last entry's ({last}); "
                             "the register is chronological and entries are only added at its end",
                             date=date, last=entries[-1].date, field="--date")
    printed = document_date or file.document_date
    if printed < date:
        raise InventoryError("the new entry's date {date} is after the register's print date (document_date "
                             "{printed}); give the new print date (--document-date {date})", date=date,
                             printed=file.document_date, field="--document-date")
    number = len(entries) + 1
    if supersedes is not None:
        if not 1 <= supersedes <= len(entries):
            raise InventoryError("there is no entry {number} to supersede (the register has {count})",
                                 number=supersedes, count=len(entries), field="--supersedes")
        old = entries[supersedes - 1]
        if old.status is InventoryStatus.SUPERSEDED:
            raise InventoryError("entry {number} is already superseded by entry {by}", number=supersedes,
                                 by=old.superseded_by, field="--supersedes")
        entries[supersedes - 1] = old.model_copy(update={"status": InventoryStatus.SUPERSEDED, "superseded_by": number})
    entries.append(InventoryEntry(number=number, document=document, date=date, sheets=sheets, form=form, note=note,
                                  sequence=sequence))
    return _validated(file, entries, printed)


def next_abris_sequence(file) -> int:
    """The sequence number the next abris of this file gets."""
    return sum(1 for entry in file.entries if entry.form == "abris") + 1


def add_abris(file, *, date: dt.date, sheets: int, document: str | dict | None = None, note: str | dict | None = None,
              document_date: dt.date | None = None):
    """The file with a new abris: the next sequence number; the current abris, if any, superseded."""
    sequence = next_abris_sequence(file)
    current = [entry.number for entry in file.entries
               if entry.form == "abris" and entry.status is InventoryStatus.CURRENT]
    return add_document(file, document=document or f"Абрис № {sequence}", date=date, sheets=sheets, form="abris",
                        note=note, supersedes=current[-1] if current else None, sequence=sequence,
                        document_date=document_date)


def check_append_only(before, after) -> list[str]:
    """What `after` changed in `before`'s register beyond appending and marking superseded.

    An empty list means `after` is `before` with entries added at the end, earlier entries
    unchanged except for being marked superseded.
    """
    problems = []
    if len(after.entries) < len(before.entries):
        problems.append(f"the register lost entries: {len(before.entries)} before, {len(after.entries)} after")
    for old, new in zip(before.entries, after.entries):
        allowed = old.model_copy(update={"status": new.status, "superseded_by": new.superseded_by})
        if new != allowed:
            problems.append(f"entry {old.number} was changed, not only marked superseded")
        elif old.status is InventoryStatus.SUPERSEDED and (new.status is not InventoryStatus.SUPERSEDED
                                                           or new.superseded_by != old.superseded_by):
            problems.append(f"entry {old.number} was superseded and is no longer marked so, or by another entry")
    return problems


def _edited_text(text: str, suffix: str, origin: str, add) -> tuple[str, object]:
    """The register file's new text: `add(current model)` applied to the file's own text.

    Only the register changes: the new entry is appended, superseded entries get their
    status and superseded_by, and document_date is set if it changed; comments, key order,
    quoting and every other value stay as they were. The new text is read back and must
    give exactly the new register.
    """
    from ..files import parse_data
    from ..roundtrip import DataText

    current = validate("inventory-file", parse_data(text, suffix, origin))
    updated = add(current)
    document = DataText(text, suffix, origin)
    tree = document.tree
    for index, (old, new) in enumerate(zip(current.entries, updated.entries)):
        if (old.status, old.superseded_by) != (new.status, new.superseded_by):
            tree["entries"][index]["status"] = document.scalar(new.status.value)
            tree["entries"][index]["superseded_by"] = document.scalar(new.superseded_by)
    for entry in updated.entries[len(current.entries):]:
        values = entry.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        values = {"number": entry.number, **values}
        tree["entries"].append(document.mapping(values))
    if updated.document_date != current.document_date:
        tree["document_date"] = document.scalar(updated.document_date.isoformat())
    new_text = document.dump()
    reread = validate("inventory-file", parse_data(new_text, suffix, origin))
    if reread != updated or check_append_only(current, reread):  # pragma: no cover - a safety net
        raise InventoryError("{origin}: the edited file would not read back as the new register; nothing was changed",
                             origin=origin)
    return new_text, updated


def add_to_file(path, add, *, lock_timeout: float | None = None):
    """Apply `add` (a function of the current register, e.g. a partial of add_document) to
    the register file at `path` in place: locked, re-read under the lock, only the register
    edited (see `_edited_text`), replaced atomically. Returns the new register.

    Two clerks adding at once both get their entry, one after the other; a file that cannot
    be locked is left unchanged (FileLockError).
    """
    from pathlib import Path

    from ..inplace import DEFAULT_LOCK_TIMEOUT, edit_locked

    path = Path(path)
    timeout = DEFAULT_LOCK_TIMEOUT if lock_timeout is None else lock_timeout
    return edit_locked(path, lambda text: _edited_text(text, path.suffix, str(path), add), timeout=timeout)
