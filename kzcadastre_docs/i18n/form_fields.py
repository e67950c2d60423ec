"""How values fill the blanks of the official forms: a dash for missing data, the parts of
a date line («__» ________ 20__ год), the numbered address items 1-6.

>>> from datetime import date
>>> date_parts(date(2026, 11, 3), "ru")
('03', 'ноября', '26')
>>> date_parts(date(2026, 11, 3), "kk")
('03', 'қараша', '26')
>>> dash(None), dash(""), dash(0)
('—', '—', '0')
>>> address_item({"region": "Астана қаласы", "street": "Мәңгілік Ел даңғылы", "house": "55", "apartment": "45"},
...              "street_address", "ru")
'Мәңгілік Ел даңғылы, дом 55, кв. 45'
>>> address_item({"region": "Астана қаласы"}, "city_district", "ru")
>>> in_figures_and_words(12, "ru"), in_figures_and_words(3, "kk")
('12 (двенадцать)', '3 (үш)')
"""

from __future__ import annotations

from datetime import date
from typing import Any

from babel.dates import format_date
from num2words import num2words

from .formatting import BABEL_LOCALES, NUM2WORDS_LANG, check_lang

#: What the official forms print where a datum is missing ("в случае отсутствия данных
#: ставится прочерк", note to Annex 3).
DASH = "—"

_HOUSE_WORDS = {
    "kk": {"house": "{} үй", "building": "{} ғимарат", "apartment": "{} пәтер"},
    "ru": {"house": "дом {}", "building": "корпус {}", "apartment": "кв. {}"},
}


def dash(value: Any) -> str:
    """The value as text, or a dash where it is missing."""
    if value is None or value == "":
        return DASH
    return str(value)


def date_parts(value: date, lang: str) -> tuple[str, str, str]:
    """Day (two digits), month as written after the day, and the year's last two digits:
    what fills «__» ________ 20__."""
    check_lang(lang)
    month = format_date(value, "MMMM", locale=BABEL_LOCALES[lang])
    return f"{value.day:02d}", month, f"{value.year % 100:02d}"


def _get(value: Any, name: str) -> Any:
    if isinstance(value, dict):
        return value.get(name)
    return getattr(value, name, None)


def address_item(value: Any, item: str, lang: str) -> str | None:
    """One numbered item of an address as the forms ask for it: region, district,
    settlement, city_district, street_address (street, house, building, apartment)."""
    check_lang(lang)
    if value is None:
        return None
    if item != "street_address":
        return _get(value, item)
    words = _HOUSE_WORDS[lang]
    parts = [_get(value, "street")]
    parts += [words[name].format(_get(value, name)) if _get(value, name) else None
              for name in ("house", "building", "apartment")]
    return ", ".join(part for part in parts if part) or None


def in_figures_and_words(value: int, lang: str) -> str:
    """A count "in figures and in words", as the inventory's totals ask for it."""
    check_lang(lang)
    return f"{value} ({num2words(value, lang=NUM2WORDS_LANG[lang])})"
