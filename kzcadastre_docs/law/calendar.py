"""Kazakhstan's working-day calendar (five-day week) on `holidays.KZ`, with our overrides.

`data/calendar.yaml` adds what the package may lack (future transfers of days off,
confirmed Kurban Ait dates, Russian names), each row with its source. Dates in years
whose transfers are not yet known, and estimated Kurban Ait dates, carry a warning.

    >>> from datetime import date
    >>> is_working_day(date(2026, 3, 25))      # Nauryz observed (chain 23-25 March 2026)
    False
    >>> add_working_days(date(2026, 3, 20), 1)  # Friday -> Thursday 26 March
    datetime.date(2026, 3, 26)
    >>> working_days_between(date(2026, 3, 20), date(2026, 3, 26))
    1
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

import holidays
import yaml

from ..i18n.catalogue import Message

_DATA = "calendar.yaml"
_LANG_CODES = {"kk": "kk", "en": "en_US"}


@dataclass(frozen=True)
class Override:
    day: date
    kind: str  # "day_off" or "working_day"
    names: dict[str, str]
    source: str


class WorkingCalendar:
    """Working days of Kazakhstan: Monday-Friday, less holidays and days off, plus
    transferred working days."""

    def __init__(self, data: dict | None = None):
        data = data if data is not None else _load_data()
        self.confirmed_through: int = int(data["confirmed_through"])
        self.overrides = {
            row["date"]: Override(row["date"], row["kind"], dict(row.get("name") or {}), row["source"])
            for row in data.get("overrides", [])
        }
        self.kurban_ait_confirmed = set(data.get("kurban_ait_confirmed", []))
        self.names_ru: dict[str, str] = dict(data.get("names_ru", {}))
        self._lock = threading.Lock()
        self._by_lang = {lang: holidays.KZ(language=code) for lang, code in _LANG_CODES.items()}

    def _holiday(self, day: date, lang: str = "en") -> str | None:
        with self._lock:  # holidays objects populate years lazily; not thread-safe
            return self._by_lang[lang].get(day)

    def is_working_day(self, day: date) -> bool:
        override = self.overrides.get(day)
        if override:
            return override.kind == "working_day"
        with self._lock:
            return self._by_lang["en"].is_working_day(day)

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        day += timedelta(days=1)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, day: date, count: int) -> date:
        """The `count`-th working day after `day` (`day` itself is not counted)."""
        if count < 0:
            return self.subtract_working_days(day, -count)
        for _ in range(count):
            day = self.next_working_day(day)
        return day

    def subtract_working_days(self, day: date, count: int) -> date:
        """The `count`-th working day before `day`."""
        for _ in range(count):
            day -= timedelta(days=1)
            while not self.is_working_day(day):
                day -= timedelta(days=1)
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (negative if end < start)."""
        if end < start:
            return -self.working_days_between(end, start)
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self.is_working_day(day)
        return count

    def holiday_name(self, day: date, lang: str = "en") -> str | None:
        """The name of the holiday or day off on `day` in kk, ru or en, if there is one."""
        override = self.overrides.get(day)
        if override and override.kind == "day_off":
            return override.names.get(lang) or override.names.get("en")
        english = self._holiday(day, "en")
        if english is None:
            return None
        if lang == "ru":
            base, _, rest = english.partition(" (")
            name = self.names_ru.get(base, english)
            return f"{name} ({_RU_SUFFIX.get(rest.rstrip(')'), rest.rstrip(')'))})" if rest else name
        return self._holiday(day, lang)

    def unconfirmed_years(self, *days: date | None) -> list[int]:
        """The years among these dates whose transfers of days off are not known yet."""
        return sorted({day.year for day in days if day is not None and day.year > self.confirmed_through})

    def warnings(self, *days: date) -> list[str]:
        """Why answers about these dates may change: unknown transfers, estimated feasts."""
        messages = []
        unconfirmed = self.unconfirmed_years(*days)
        for year in sorted({day.year for day in days if day is not None}):
            if year in unconfirmed:
                messages.append(
                    Message("the Government's transfers of days off for {year} are not known yet (calendar confirmed "
                            "through {confirmed}); dates in {year} may change", year=year,
                            confirmed=self.confirmed_through)
                )
            with self._lock:
                feasts = [d for d, name in self._by_lang["en"].items() if d.year == year and "Eid al-Adha" in name]
            for feast in feasts:
                if feast not in self.kurban_ait_confirmed and feast not in self.overrides:
                    messages.append(Message("Kurban Ait {year} is estimated as {date}; the official date may differ",
                                            year=year, date=feast))
        return messages


_RU_SUFFIX = {"observed": "перенесенный выходной", "estimated": "предположительно"}


@cache
def _load_data() -> dict:
    text = resources.files("kzcadastre_docs.data").joinpath(_DATA).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def default_calendar() -> WorkingCalendar:
    return WorkingCalendar()


def is_working_day(day: date) -> bool:
    return default_calendar().is_working_day(day)


def add_working_days(day: date, count: int) -> date:
    return default_calendar().add_working_days(day, count)


def working_days_between(start: date, end: date) -> int:
    return default_calendar().working_days_between(start, end)
