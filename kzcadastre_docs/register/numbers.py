"""Assigning cadastral numbers as the Rules for assigning cadastral numbers describe, kept in
the register (one transaction per step: a step that breaks a rule changes nothing).

- A primary object gets the next number on its land plot (points 14-16); a secondary one the
  next number in its primary object, or the postal number of the premise when no other
  number in that object has it (points 25-27); the numbers follow the last one ever given in
  that scope, ended ones included (point 29), so an ended number is never given again
  (points 7, 18, 29).
- A secondary number needs its primary one; it is refused unless the primary number is
  assigned in the same step (point 24).
- Without a land-plot number, a temporary number: ``000`` for the plot and a number unique in
  the accounting quarter, or the (street:house:inventory) composite (points 8, 30, 31). When
  the plot gets its number, the object gets a permanent one and the temporary numbers are
  annulled, each linked to its successor (points 32, 33).
- A split or a merge ends the old numbers and gives new ones, linked to them (points 6,
  18-20, 28, 29).
- Every assignment is a record of the land plot's Учетный лист (points 34, 35).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Row

from ..errors import EXIT_INVALID, KzcadastreError
from ..i18n.catalogue import Message, N_, describe, gettext
from ..law import cadastral
from . import database
from .schema import counters, links, numbers


#: The parts and roles RuleError names, and the statuses and reasons it quotes (catalogue ids).
WORDS = (N_("specialist"), N_("specialist position"), N_("land plot"), N_("number"), N_("numbers"), N_("primary"),
         N_("date"), N_("parts"), N_("premise number"), N_("temporary number"), N_("temporary code"),
         N_("active"), N_("retired"), N_("annulled"), N_("split"), N_("merge"), N_("permanent"), N_("retire"))


def _reason(ended_by):
    return Message(ended_by) if ended_by else "-"


def _as_message(text):
    return text if isinstance(text, Message) else Message(text)


class RuleError(KzcadastreError):
    """A step the Rules do not allow: which part or number, and the point. Nothing changed."""

    exit_code = EXIT_INVALID
    code = "cadastral_rule"

    def __init__(self, part: str, reason: str, points: Sequence[int | str], value: str | None = None):
        self.part, self.reason, self.points, self.value = part, reason, tuple(points), value
        super().__init__(self.describe("en"))

    def describe(self, lang: str = "en") -> str:
        """The message in kk, ru or en: the part, the reason and the points, each translated."""
        if len(self.points) == 1:
            template = (N_("{part}: {value}: {reason} (point {points} of {rules})") if self.value
                        else N_("{part}: {reason} (point {points} of {rules})"))
        else:
            template = (N_("{part}: {value}: {reason} (points {points} of {rules})") if self.value
                        else N_("{part}: {reason} (points {points} of {rules})"))
        return gettext(template, lang).format(part=describe(self.part, lang), value=self.value,
                                              reason=describe(self.reason, lang),
                                              points=", ".join(str(point) for point in self.points),
                                              rules=gettext(cadastral.RULES, lang))

    def as_dict(self, lang: str = "en") -> dict:
        return {"part": self.part, "value": self.value, "points": list(self.points),
                "rule": gettext(cadastral.RULES, lang), "message": self.describe(lang)}


@dataclass(frozen=True)
class Specialist:
    """Who assigns: the sheet's column 6 (name, position; the signature is signed on paper)."""

    name: str
    position: dict[str, str]

    @classmethod
    def of(cls, name: str, position: str | dict[str, str]) -> Specialist:
        """`position` a code of the position vocabulary (its kk and ru labels are kept), or
        {"kk": ..., "ru": ...}: the sheet prints it in the document's language.

        >>> Specialist.of("Ахметова А. Б.", "specialist").position
        {'kk': 'маман', 'ru': 'специалист'}
        """
        from ..models.vocabularies import vocabulary

        name = (name or "").strip()
        if not name:
            raise RuleError("specialist", "the name of the specialist who assigns the number is required", (34,))
        if isinstance(position, str):
            entries = vocabulary("position").entries
            if position not in entries:
                raise RuleError("specialist position", Message(
                    "is not a code of the position vocabulary ({codes}); or give the position in both languages "
                    "(--position-kk and --position-ru)", codes=", ".join(sorted(entries))), (34,), position)
            position = dict(entries[position].labels)
        position = {lang: (position.get(lang) or "").strip() for lang in ("kk", "ru")}
        missing = [lang for lang, value in position.items() if not value]
        if missing:
            raise RuleError("specialist position", Message("is required in both languages (missing: {missing})",
                                                           missing=", ".join(missing)),
                            (34,))
        _printable(name, position)
        return cls(name, position)


def _printable(name: str, position: dict[str, str]) -> None:
    """The name and position as the sheet will print them: checked now (length, characters,
    no word mixing Cyrillic and Latin letters), not when the sheet is printed."""
    from pydantic import ValidationError

    from ..forms.cadastral.cadastral_register_sheet import AssigningSpecialist

    try:
        AssigningSpecialist.model_validate({"full_name": name, "position": position})
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(part) for part in error["loc"])
        message = error["msg"]
        raise RuleError(Message("specialist {field}", field=field), message, (34,)) from None


@dataclass(frozen=True)
class Entry:
    """One number in the register (a record of its land plot's sheet)."""

    number: str
    land_plot: str
    level: str
    temporary: bool
    primary: str  # the primary object's number (the number itself for a primary)
    secondary: str | None
    status: str
    record: int
    assigned_on: dt.date
    specialist: Specialist
    ended_on: dt.date | None = None
    ended_by: str | None = None
    replaced_by: tuple[str, ...] = ()
    replaces: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        return cadastral.parse(self.number).kind

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number, "kind": self.kind, "land_plot": self.land_plot, "status": self.status,
            "record": self.record, "primary": self.primary, "secondary": self.secondary,
            "assigned_on": self.assigned_on.isoformat(),
            "specialist": {"name": self.specialist.name, "position": dict(self.specialist.position)},
            "ended_on": self.ended_on.isoformat() if self.ended_on else None, "ended_by": self.ended_by,
            "replaced_by": list(self.replaced_by), "replaces": list(self.replaces),
        }


@dataclass(frozen=True)
class Change:
    """What one step did: the numbers it assigned and those it ended."""

    assigned: tuple[Entry, ...] = ()
    ended: tuple[Entry, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"assigned": [entry.to_json() for entry in self.assigned],
                "ended": [entry.to_json() for entry in self.ended]}


# --- the steps, each run in one transaction -------------------------------------------------


def _land_plot(text: str, *, temporary: bool | None) -> cadastral.LandNumber:
    """The --land-plot of a step; with `temporary`, a quarter (AA:BBB:CCC) or AA:BBB:CCC:000;
    `temporary` None: either."""
    value = (text or "").strip()
    if temporary is not False and len(value.replace("-", ":").split(":")) == 3:
        value = f"{value}:{cadastral.NO_PLOT}"
    try:
        land = cadastral.parse_land_number(value, missing_plot=True)
    except cadastral.InvalidCadastralNumber as exc:
        raise RuleError(Message("land plot {text!r}: {part}", text=text,
                                part=Message(cadastral.PARTS.get(exc.part, exc.part))), exc.reason, (exc.point,),
                        exc.value) from None
    if temporary is None:
        return land
    if temporary and not land.temporary:
        raise RuleError("land plot", "has a number; a temporary number is assigned only where the land plot has "
                        "none (give AA:BBB:CCC or AA:BBB:CCC:000)", (30,), str(land))
    if land.temporary and not temporary:
        raise RuleError("land plot", "000 means the plot has no number: assign a temporary number (--temporary)",
                        (8, 31), str(land))
    return land


def _parse(text: str) -> cadastral.Number:
    try:
        return cadastral.parse(text)
    except cadastral.InvalidCadastralNumber as exc:
        raise RuleError(Message(cadastral.PARTS.get(exc.part, exc.part)),
                        Message("{text!r}: {reason}", text=text, reason=_as_message(exc.reason)), (exc.point,),
                        exc.value) from None


def _locked_counter(connection: Connection, scope: str) -> int:
    """The last number given in `scope`, its row locked until the transaction ends."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    connection.execute(dialect.insert(counters).values(scope=scope, last=0).on_conflict_do_nothing())
    return connection.execute(select(counters.c.last).where(counters.c.scope == scope).with_for_update()).scalar_one()


def _lock(connection: Connection, *scopes: str) -> dict[str, int]:
    """Lock several counters in a fixed order (no deadlock between two steps)."""
    return {scope: _locked_counter(connection, scope) for scope in sorted(set(scopes))}


def _set_counter(connection: Connection, scope: str, last: int) -> None:
    connection.execute(update(counters).where(counters.c.scope == scope).values(last=last))


def _primary_scope(land: str) -> str:
    return f"primary:{land}"


def _secondary_scope(primary: str) -> str:
    return f"secondary:{primary}"


def _record_scope(land: str) -> str:
    return f"record:{land}"


def _row(connection: Connection, number: str, *, lock: bool = False) -> Row | None:
    """The number's row; with `lock`, locked until the transaction ends (PostgreSQL: a step
    that ends or extends a number waits for another one doing the same, then sees its result)."""
    query = select(numbers).where(numbers.c.number == number)
    return connection.execute(query.with_for_update() if lock else query).first()


def _codes(connection: Connection, primary_id: int) -> list[str]:
    return list(connection.execute(select(numbers.c.code).where(numbers.c.primary_id == primary_id)).scalars())


class _Step:
    """One transaction's work: inserts numbers and records, ends numbers, links them."""

    def __init__(self, connection: Connection, specialist: Specialist, on: dt.date):
        self.connection, self.specialist, self.on = connection, specialist, on
        self.assigned: list[int] = []
        self.ended: list[int] = []

    def _record(self, land: str) -> int:
        scope = _record_scope(land)
        record = _locked_counter(self.connection, scope) + 1
        _set_counter(self.connection, scope, record)
        return record

    def insert(self, number: cadastral.Number, primary_id: int | None) -> int:
        land = number.land_plot
        values = dict(
            number=str(number), land_plot=land, level=number.level, temporary=number.temporary,
            primary_id=primary_id, code=number.secondary if number.secondary is not None else number.primary,
            status="active", record_no=self._record(land), assigned_on=self.on,
            specialist_name=self.specialist.name, specialist_position_kk=self.specialist.position["kk"],
            specialist_position_ru=self.specialist.position["ru"],
        )
        if _row(self.connection, str(number)) is not None:
            raise RuleError("number", "is already in the register; a number is never assigned twice", (5, 7), str(number))
        new_id = self.connection.execute(numbers.insert().values(**values)).inserted_primary_key[0]
        self.assigned.append(new_id)
        return new_id

    def next_primary(self, land: str) -> int:
        scope = _primary_scope(land)
        last = _lock(self.connection, scope)[scope]
        # numbers written in by a postal premise code or a composite do not move the counter;
        # a number already taken is skipped
        while True:
            last += 1
            if _row(self.connection, f"{land}:{last}") is None:
                break
        _set_counter(self.connection, scope, last)
        return self.insert(cadastral.primary_number(land, str(last)), None)

    def composite_primary(self, land: str, code: str) -> int:
        _lock(self.connection, _primary_scope(land))
        number = _parse(f"{land}:{code if code.startswith('(') else f'({code})'}")
        existing = _row(self.connection, str(number))
        if existing is not None:
            raise RuleError("temporary number", Message("is not unique in the accounting quarter: it is in use")
                            if existing.status == "active" else Message(
                                "is not unique in the accounting quarter: it was {status} on {on}; an ended number is "
                                "never assigned again", status=Message(existing.status), on=existing.ended_on),
                            (31, 7), str(number))
        return self.insert(number, None)

    def secondary(self, primary: Row, premise: str | None) -> int:
        scope = _secondary_scope(primary.number)
        last = _lock(self.connection, scope)[scope]
        taken = _codes(self.connection, primary.id)
        numeric = [int(code) for code in taken if code.isdigit()]
        if premise is not None:
            code = premise.strip()
            number = _parse(f"{primary.number}:{code}")
            if int(code) in numeric:
                clash = next(c for c in taken if c.isdigit() and int(c) == int(code))
                row = _row(self.connection, f"{primary.number}:{clash}")
                if row.status == "active":
                    raise RuleError("premise number", Message("is not unique in this primary object: the number "
                                                              "{number} is in use", number=row.number), (26,), code)
                raise RuleError("premise number", Message("was the code of {number}, {status} on {on}; an ended "
                                                          "number is never assigned again", number=row.number,
                                                          status=Message(row.status), on=row.ended_on), (7, 29), code)
            _set_counter(self.connection, scope, max(last, int(code)))
            return self.insert(number, primary.id)
        following = max([last, *numeric]) + 1
        _set_counter(self.connection, scope, following)
        return self.insert(cadastral.secondary_number(_parse(primary.number), str(following)), primary.id)

    def end(self, row: Row, reason: str) -> None:
        if row.status != "active":
            raise RuleError("number", Message("was {status} on {on} ({by}); an ended number cannot be split, merged "
                                              "or replaced, nor assigned again", status=Message(row.status),
                                              on=row.ended_on, by=_reason(row.ended_by)), (7, 18, 29), row.number)
        if self.on < row.assigned_on:
            raise RuleError("date", Message("{on} is before {number} was assigned ({assigned})", on=self.on,
                                            number=row.number, assigned=row.assigned_on), (34,), self.on.isoformat())
        ended = self.connection.execute(update(numbers).where(numbers.c.id == row.id, numbers.c.status == "active")
                                        .values(status="annulled" if reason == "permanent" else "retired",
                                                ended_on=self.on, ended_by=reason))
        if ended.rowcount != 1:
            raise RuleError("number", "was ended by another step meanwhile; an ended number cannot be split, merged "
                            "or replaced", (7, 18, 29), row.number)
        self.ended.append(row.id)

    def link(self, old: Row, new_id: int, reason: str) -> None:
        self.connection.execute(links.insert().values(old_id=old.id, new_id=new_id, reason=reason))


def _entries(connection: Connection, ids: Iterable[int]) -> tuple[Entry, ...]:
    ids = list(ids)
    if not ids:
        return ()
    rows = {row.id: row for row in connection.execute(select(numbers).where(numbers.c.id.in_(ids)))}
    return tuple(_entry(connection, rows[i]) for i in ids)


def _entry(connection: Connection, row: Row) -> Entry:
    primary = row.number if row.level == "primary" else connection.execute(
        select(numbers.c.number).where(numbers.c.id == row.primary_id)).scalar_one()
    old, new = numbers.alias("old"), numbers.alias("new")
    replaced_by = connection.execute(select(new.c.number).join(links, links.c.new_id == new.c.id)
                                     .where(links.c.old_id == row.id).order_by(new.c.id)).scalars()
    replaces = connection.execute(select(old.c.number).join(links, links.c.old_id == old.c.id)
                                  .where(links.c.new_id == row.id).order_by(old.c.id)).scalars()
    return Entry(
        number=row.number, land_plot=row.land_plot, level=row.level, temporary=bool(row.temporary), primary=primary,
        secondary=row.number if row.level == "secondary" else None, status=row.status, record=row.record_no,
        assigned_on=row.assigned_on,
        specialist=Specialist(row.specialist_name, {"kk": row.specialist_position_kk, "ru": row.specialist_position_ru}),
        ended_on=row.ended_on, ended_by=row.ended_by, replaced_by=tuple(replaced_by), replaces=tuple(replaces),
    )


def _active(connection: Connection, number: str, role: str, points: Sequence[int]) -> Row:
    row = _row(connection, number, lock=True)
    if row is None:
        raise RuleError(role, "is not in the register", points, number)
    if row.status != "active":
        raise RuleError(role, Message("was {status} on {on} ({by}); an ended number is never used again",
                                      status=Message(row.status), on=row.ended_on, by=_reason(row.ended_by)),
                        tuple(dict.fromkeys((7, *points))), number)
    return row


class Register:
    """The register of cadastral numbers in a SQLite file or a PostgreSQL database.

    >>> import tempfile, datetime, pathlib
    >>> with Register(pathlib.Path(tempfile.mkdtemp()) / "r.sqlite") as register:
    ...     clerk = Specialist.of("Ахметова А. Б.", "specialist")
    ...     first = register.assign("21:320:135:0722", specialist=clerk, on=datetime.date(2026, 7, 20))
    ...     flat = register.assign("21:320:135:0722", primary="1", specialist=clerk, on=datetime.date(2026, 7, 20))
    ...     [entry.number for entry in first.assigned + flat.assigned]
    ['21:320:135:0722:1', '21:320:135:0722:1:1']
    """

    def __init__(self, location: str | Any = None):
        self.url = database.database_url(location)
        self.engine = database.make_engine(self.url)
        try:
            database.migrate(self.engine)
        except database.RegisterError:
            self.engine.dispose()
            raise
        except Exception as exc:  # the database cannot be reached or read
            self.engine.dispose()
            raise database.RegisterError("cannot open the register {url}: {detail}", url=database.shown(self.url),
                                         detail=str(exc).splitlines()[0]) from exc

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _run(self, work):
        try:
            return database.run(self.engine, work)
        except (RuleError, database.RegisterError):
            raise
        except Exception as exc:
            from sqlalchemy.exc import SQLAlchemyError

            if isinstance(exc, SQLAlchemyError):
                raise database.RegisterError("the register {url} failed: {detail}", url=database.shown(self.url),
                                             detail=str(exc).splitlines()[0]) from exc
            raise

    def _step(self, specialist: Specialist, on: dt.date, work) -> Change:
        if not isinstance(on, dt.date):
            raise RuleError("date", "the date of assignment is required", (34,))

        def transaction(connection: Connection) -> Change:
            step = _Step(connection, specialist, on)
            work(step)
            return Change(assigned=_entries(connection, step.assigned), ended=_entries(connection, step.ended))

        return self._run(transaction)

    # --- assignment ------------------------------------------------------------------------

    def assign(self, land_plot: str, *, specialist: Specialist, on: dt.date, primary: str | None = None,
               secondary: bool = False, premise: str | None = None, temporary: bool = False,
               temporary_code: str | None = None) -> Change:
        """Assign a number on `land_plot`.

        - no `primary`, no `secondary`/`premise`: the next primary number on the plot;
        - `primary` (its number on the plot, or the whole number): the next secondary number in
          it, or `premise`, the postal number of the premise, when unique in it (point 26);
          the primary number must be in the register (point 24);
        - `secondary` or `premise` without `primary`: a new primary number and the first
          secondary number in it, in one step (point 24);
        - `temporary`: the plot has no number (point 30); `land_plot` is the quarter, and the
          building gets the next number unique in it (point 8) or `temporary_code`, the
          (street code:house:inventory number) composite (point 31).
        """
        new_building = primary is None
        land = _land_plot(land_plot, temporary=(temporary or temporary_code is not None) if new_building else None)
        if temporary_code is not None and primary is not None:
            raise RuleError("temporary code", "names a new building; it cannot go with --primary", (31,), temporary_code)
        if premise is not None:
            premise = premise.strip()
            if not premise.isdigit() or not premise.strip("0"):
                raise RuleError("premise number", "cannot be a secondary number: those are numbers from one upwards "
                                "(use it only when it is such a number, else leave it out for the next number)",
                                (26, 27), premise)
        wants_secondary = secondary or premise is not None
        primary_number = None
        if primary is not None:
            primary = primary.strip()
            primary_number = _parse(primary) if ":" in primary and not primary.startswith("(") else \
                _parse(f"{land}:{primary}")
            if primary_number.level != "primary":
                raise RuleError("primary", "is not the number of a primary object", (13, 14), primary)
            if primary_number.land_plot != str(land):
                raise RuleError("primary", Message("is not on the land plot {land}", land=str(land)), (14,),
                                str(primary_number))

        def work(step: _Step) -> None:
            if primary_number is not None:
                row = _row(step.connection, str(primary_number))
                if row is None:
                    raise RuleError("primary", "is not in the register: a secondary number needs its primary "
                                    "number, assigned first or in the same step (leave out --primary)", (24,),
                                    str(primary_number))
                row = _active(step.connection, str(primary_number), "primary", (24,))
                step.secondary(row, premise)
                return
            if temporary_code is not None:
                new_id = step.composite_primary(str(land), temporary_code)
            else:
                new_id = step.next_primary(str(land))
            if wants_secondary:
                row = step.connection.execute(select(numbers).where(numbers.c.id == new_id)).one()
                step.secondary(row, premise)

        return self._step(specialist, on, work)

    def split(self, number: str, parts: int, *, specialist: Specialist, on: dt.date,
              retire_secondaries: bool = False) -> Change:
        """End `number` and give its `parts` new objects the next numbers (points 6, 18, 19, 29)."""
        if parts < 2:
            raise RuleError("parts", "a split gives two or more new objects", (19,), str(parts))
        parsed = _parse(number)
        if parsed.level == "land_plot":
            raise RuleError("number", "is a land-plot number; the register numbers buildings and premises", (3,), number)

        def work(step: _Step) -> None:
            old = _active(step.connection, str(parsed), "number", (18, 29))
            self._end_with_secondaries(step, old, "split", retire_secondaries)
            for _ in range(parts):
                new_id = self._next_like(step, old)
                step.link(old, new_id, "split")

        return self._step(specialist, on, work)

    def merge(self, numbers_: Sequence[str], *, specialist: Specialist, on: dt.date,
              retire_secondaries: bool = False) -> Change:
        """End the merged objects' numbers and give the new object the next number (points 6, 18, 20, 29)."""
        parsed = [_parse(text) for text in numbers_]
        if len({str(number) for number in parsed}) < 2:
            raise RuleError("numbers", "a merge joins two or more different objects", (20,))
        if len({str(number) for number in parsed}) != len(parsed):
            raise RuleError("numbers", "a number is given twice", (20,))
        levels = {number.level for number in parsed}
        if "land_plot" in levels:
            raise RuleError("numbers", "a land-plot number cannot be merged here; the register numbers buildings "
                            "and premises", (3,))
        if len(levels) > 1:
            raise RuleError("numbers", "a primary and a secondary object cannot be merged", (3, 20, 29))
        if levels == {"primary"}:
            plots = sorted({number.land_plot for number in parsed})
            if len(plots) > 1:
                    raise RuleError("land plot", Message("the numbers are on different land plots ({plots}); a merged "
                                                     "object's number is the next one on its one land plot",
                                                     plots=", ".join(plots)), (14, 20))
        else:
            owners = sorted({str(number.primary_number) for number in parsed})
            if len(owners) > 1:
                raise RuleError("primary", Message("the secondary numbers are in different primary objects "
                                                   "({owners}); a merged premise's number is the next one in its "
                                                   "primary object", owners=", ".join(owners)), (25, 29))

        def work(step: _Step) -> None:
            locked = {str(number): _active(step.connection, str(number), "number", (18, 29))
                      for number in sorted(parsed, key=str)}  # rows locked in one order: no deadlock
            olds = [locked[str(number)] for number in parsed]
            for old in olds:
                self._end_with_secondaries(step, old, "merge", retire_secondaries)
            new_id = self._next_like(step, olds[0])
            for old in olds:
                step.link(old, new_id, "merge")

        return self._step(specialist, on, work)

    def make_permanent(self, temporary_number: str, land_plot: str, *, specialist: Specialist,
                       on: dt.date) -> Change:
        """The plot has its number now: the temporary primary number and its secondary numbers
        are annulled and replaced by permanent ones on `land_plot` (points 32, 33), linked."""
        parsed = _parse(temporary_number)
        if not parsed.temporary:
            raise RuleError("number", "is not a temporary number", (32, 33), temporary_number)
        if parsed.level != "primary":
            raise RuleError("number", "is a secondary number: replace its primary object's temporary number, and "
                            "its secondary numbers are replaced with it", (32, 33), temporary_number)
        land = _land_plot(land_plot, temporary=False)
        if land.quarter_code != parsed.land.quarter_code:
            raise RuleError("land plot", Message("is not in the accounting quarter {quarter} of the temporary number",
                                                 quarter=parsed.land.quarter_code), (10, 32), str(land))

        def work(step: _Step) -> None:
            old = _active(step.connection, str(parsed), "temporary number", (32, 33))
            children = step.connection.execute(select(numbers).where(numbers.c.primary_id == old.id,
                                                                    numbers.c.status == "active")
                                               .order_by(numbers.c.id)).all()
            step.end(old, "permanent")
            new_id = step.next_primary(str(land))
            step.link(old, new_id, "permanent")
            new_primary = step.connection.execute(select(numbers).where(numbers.c.id == new_id)).one()
            for child in children:
                step.end(child, "permanent")
                child_id = step.secondary(new_primary, child.code)
                step.link(child, child_id, "permanent")

        return self._step(specialist, on, work)

    def record(self, number: str, *, specialist: Specialist, on: dt.date) -> Change:
        """Enter a number assigned before the register was kept (from a paper sheet), so that
        it is never given again and the next numbers follow it. A secondary number needs its
        primary number in the register (point 24)."""
        parsed = _parse(number)
        if parsed.level == "land_plot":
            raise RuleError("number", "is a land-plot number; the register numbers buildings and premises", (3,), number)

        def work(step: _Step) -> None:
            if parsed.level == "primary":
                scope = _primary_scope(parsed.land_plot)
                last = _lock(step.connection, scope)[scope]
                if parsed.primary.isdigit():
                    _set_counter(step.connection, scope, max(last, int(parsed.primary)))
                if _row(step.connection, str(parsed)) is not None:
                    raise RuleError("number", "is already in the register; a number is never assigned twice", (5, 7),
                                    str(parsed))
                step.insert(parsed, None)
                return
            primary = _row(step.connection, str(parsed.primary_number))
            if primary is None:
                raise RuleError("primary", "is not in the register: record the primary number first", (24,),
                                str(parsed.primary_number))
            primary = _active(step.connection, str(parsed.primary_number), "primary", (24,))
            step.secondary(primary, parsed.secondary)

        return self._step(specialist, on, work)

    def retire(self, number: str, *, on: dt.date, specialist: Specialist) -> Change:
        """The object ceased to exist: its number ends and is never given to another (point 7)."""
        parsed = _parse(number)

        def work(step: _Step) -> None:
            old = _active(step.connection, str(parsed), "number", (7,))
            self._end_with_secondaries(step, old, "ceased", True)

        return self._step(specialist, on, work)

    @staticmethod
    def _end_with_secondaries(step: _Step, old: Row, reason: str, retire_secondaries: bool) -> None:
        if old.level == "primary":
            children = step.connection.execute(select(numbers).where(numbers.c.primary_id == old.id,
                                                                    numbers.c.status == "active")).all()
            if children and not retire_secondaries:
                raise RuleError("number", Message("has {count} secondary number(s) in use, which change with it; "
                                                  "confirm that they end too (--retire-secondaries) and assign the "
                                                  "new objects' secondary numbers afterwards", count=len(children)),
                                (28,), old.number)
            for child in children:
                step.end(child, reason if reason != "permanent" else "permanent")
        step.end(old, reason)

    @staticmethod
    def _next_like(step: _Step, old: Row) -> int:
        if old.level == "primary":
            return step.next_primary(old.land_plot)
        primary = step.connection.execute(select(numbers).where(numbers.c.id == old.primary_id)).one()
        if primary.status != "active":
            raise RuleError("primary", Message("was {status} on {on}", status=Message(primary.status),
                                               on=primary.ended_on), (24, 28), primary.number)
        return step.secondary(primary, None)

    # --- lookup ----------------------------------------------------------------------------

    def lookup(self, number: str) -> Entry | None:
        """The register's entry for a number (any status), or None."""
        parsed = _parse(number)

        def work(connection: Connection) -> Entry | None:
            row = _row(connection, str(parsed))
            return _entry(connection, row) if row is not None else None

        return self._run(work)

    def sheet(self, land_plot: str) -> list[Entry]:
        """The land plot's Учетный лист: every number assigned on it, by record number (point 35)."""
        land = _land_plot(land_plot, temporary=None)

        def work(connection: Connection) -> list[Entry]:
            rows = connection.execute(select(numbers).where(numbers.c.land_plot == str(land))
                                      .order_by(numbers.c.record_no)).all()
            return [_entry(connection, row) for row in rows]

        return self._run(work)

    def count(self) -> int:
        return self._run(lambda connection: connection.execute(select(func.count()).select_from(numbers)).scalar_one())


__all__ = ["Change", "Entry", "Register", "RuleError", "Specialist"]
