"""The editions of Order No. 156's Rules and annexes, and which one a document uses.

The editions are data (`kzcadastre_docs/data/editions.yaml`): each has its date, the day
it is in force from, the amending order and its source. A document uses the edition in
force on its date; a date before the first shipped edition uses the first one, with a
warning that an earlier edition applied.

>>> edition_for(date(2026, 3, 1)).edition.id
'2026-01-22'
>>> edition_for(date(2026, 7, 12)).edition.amended_by["number"]
278
>>> chosen = edition_for(date(2025, 12, 31))
>>> chosen.edition.id, chosen.warning is not None
('2026-01-22', True)
>>> get_edition("2026-07-12").wording["system"]["ru"]
'цифровая система'
>>> get_edition("2024-01-01")
Traceback (most recent call last):
...
kzcadastre_docs.errors.UnknownEditionError: no edition 2024-01-01 of Order No. 156; the editions are 2026-01-22, 2026-07-12
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import UnknownEditionError
from ..i18n.catalogue import Message

EDITIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "editions.yaml"


@dataclass(frozen=True)
class Edition:
    """One edition of the Rules: its date (the id), start, amending order, sources, wording."""

    id: str
    date: date
    in_force_from: date
    amended_by: dict[str, Any]
    source: dict[str, str]
    text: dict[str, str]
    wording: dict[str, dict[str, str]]

    def summary(self) -> dict[str, Any]:
        """The edition as plain data (`forms --format json`, `describe`)."""
        return {"edition": self.id, "in_force_from": self.in_force_from.isoformat(),
                "act": act_name("ru"), "amended_by": dict(self.amended_by), "source": dict(self.source)}

    def words(self, key: str, lang: str) -> str:
        """A piece of the Rules' wording as this edition words it."""
        return self.wording[key][lang]


@dataclass(frozen=True)
class Chosen:
    """The edition a document uses, and the warning to give (None when none is due)."""

    edition: Edition
    warning: str | None = None


@lru_cache(maxsize=1)
def _data() -> dict:
    return yaml.safe_load(EDITIONS_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def editions() -> tuple[Edition, ...]:
    """Every shipped edition, oldest first."""
    result = []
    for item in _data()["editions"]:
        result.append(Edition(id=item["date"].isoformat(), date=item["date"], in_force_from=item["in_force_from"],
                              amended_by=item["amended_by"], source=item["source"], text=item["text"],
                              wording=item["wording"]))
    return tuple(sorted(result, key=lambda edition: edition.in_force_from))


def act_name(lang: str) -> str:
    """The act the annexes belong to, in `lang`."""
    return _data()["act"][lang]


def latest() -> Edition:
    return editions()[-1]


def get_edition(name: str) -> Edition:
    """An edition by its date (YYYY-MM-DD), or UnknownEditionError listing the editions."""
    for edition in editions():
        if edition.id == str(name):
            return edition
    known = ", ".join(edition.id for edition in editions())
    raise UnknownEditionError("no edition {name} of Order No. 156; the editions are {known}", name=name, known=known)


def edition_for(day: date | None) -> Chosen:
    """The edition in force on `day` (None: the latest edition)."""
    shipped = editions()
    if day is None:
        return Chosen(shipped[-1])
    in_force = [edition for edition in shipped if edition.in_force_from <= day]
    if not in_force:
        first = shipped[0]
        return Chosen(first, Message("the document's date {day} is before the first shipped edition ({edition}): "
                                     "an earlier edition of Order No. 156 applied on that date; rendered in the "
                                     "{edition} edition", day=day, edition=first.id))
    return Chosen(in_force[-1])


def choose(day: date | None, requested: str | None = None) -> Chosen:
    """The edition asked for (`--edition`), else the one in force on `day`."""
    if requested:
        edition = get_edition(requested)
        if day is not None and edition_for(day).edition.id != edition.id:
            return Chosen(edition, Message("edition {edition} was asked for; on the document's date {day} the "
                                           "edition in force is {in_force}", edition=edition.id, day=day,
                                           in_force=edition_for(day).edition.id))
        return Chosen(edition)
    return edition_for(day)
