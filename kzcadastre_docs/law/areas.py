"""The law of areas: Instruction No. 367 on the state technical inspection, as arithmetic.

The factors, categories, room kinds and rounding places are data
(`kzcadastre_docs/data/instruction_367_areas.yaml`), each with the point of the Instruction
it comes from; this module applies them.

- p. 77: room areas are measured in square metres to one decimal place;
- p. 83: living area = the sum of the living rooms (with built-in wardrobes);
- p. 84: non-living area = the sum of kitchens, bathrooms, WCs, halls, corridors, storerooms;
- p. 85: useful area = living + non-living;
- p. 86: total area = useful area + balconies and terraces x 0.3, loggias x 0.5, combined
  loggia-balconies x 0.4, verandas x 0.8 (the Russian text; the Kazakh text says
  "дәліздер" (corridors) where the Russian says verandas, see the data file);
- p. 89: in private houses, cold extensions are not part of the total area;
- p. 74: a land plot's total area is rounded to a whole number, areas of buildings and
  structures to one decimal place; p. 102: volumes to whole cubic metres;
- p. 94: a building's purpose is the purpose with the predominant area;
- p. 99: totals by apartment, by floor and for the building;
- p. 101: volume = area of the horizontal section x the full height;
- p. 14 sub-points 5-10: literas (see `parse_litera`).

Rounding is half up (the Instruction says "округляются", and half up is the schoolbook
rounding of Kazakhstan's measuring practice): 0.3 x 4.5 = 1.35 -> 1.4.

    >>> t = totals([("living_room", "18.2"), ("kitchen", "9.1"), ("loggia", "4.5"), ("balcony", "3.0")])
    >>> t.living, t.non_living, t.useful, t.total
    (Decimal('18.2'), Decimal('9.1'), Decimal('27.3'), Decimal('30.5'))
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..errors import EXIT_INVALID, KzcadastreError
from ..i18n.catalogue import N_, Message

#: Where the figures come from (printed in `describe` notes and error messages).
INSTRUCTION = "Instruction No. 367 of 09.06.2023"
SHORT = "Instruction No. 367"

#: The categories whose areas make the useful area (p. 85).
USEFUL = ("living", "non_living")
#: The summer rooms whose areas enter the total with a reduction factor (p. 86).
SUMMER = ("balcony", "terrace", "loggia", "loggia_balcony", "veranda")


@lru_cache(maxsize=1)
def rules_data() -> dict[str, Any]:
    """The data file, parsed once."""
    text = resources.files("kzcadastre_docs.data").joinpath("instruction_367_areas.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


class UnknownRoomKind(ValueError):
    """A room kind that the Instruction's classification does not know."""


def room_kinds() -> dict[str, str]:
    """Room purpose code (vocabulary room_purpose) -> its category under p. 83-89."""
    return rules_data()["room_kinds"]


#: The categories a room may state for itself (a purpose the list does not classify).
CATEGORIES = ("living", "non_living", "balcony", "terrace", "loggia", "loggia_balcony", "veranda", "cold_extension")


def category(kind: str) -> str:
    """The category of a room purpose (p. 83-89).

    >>> category("bedroom"), category("corridor"), category("vestibule")
    ('living', 'non_living', 'cold_extension')
    >>> category("garage")
    Traceback (most recent call last):
    ...
    kzcadastre_docs.law.areas.UnknownRoomKind: unknown room kind 'garage'
    """
    try:
        return room_kinds()[kind]
    except KeyError:
        raise UnknownRoomKind(f"unknown room kind {kind!r}") from None


def factor(category_name: str) -> Decimal | None:
    """The reduction factor of p. 86 (1 for living and non-living rooms; None: outside the total).

    >>> factor("balcony"), factor("terrace"), factor("loggia"), factor("loggia_balcony"), factor("veranda")
    (Decimal('0.3'), Decimal('0.3'), Decimal('0.5'), Decimal('0.4'), Decimal('0.8'))
    >>> factor("cold_extension") is None
    True
    """
    value = rules_data()["categories"][category_name]["factor"]
    return None if value is None else Decimal(value)


def point(category_name: str) -> str:
    """The point of the Instruction that gives a category its place in the areas.

    >>> point("loggia")
    '86.2'
    """
    return rules_data()["categories"][category_name]["point"]


def _round(value: Decimal | str | int | float, what: str) -> Decimal:
    places = rules_data()["rounding"][what]["places"]
    quantum = Decimal(1).scaleb(-places)
    return Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)


def round_area(value: Decimal | str | float) -> Decimal:
    """An area of a room, building or structure, to one decimal place (p. 74.2, 77).

    >>> round_area("1.35"), round_area("1.349"), round_area(Decimal("2.25"))
    (Decimal('1.4'), Decimal('1.3'), Decimal('2.3'))
    """
    return _round(value, "building_area")


def round_land_area(value: Decimal | str | float) -> Decimal:
    """A land plot's total area, to a whole number (p. 74.1).

    >>> round_land_area("612.5"), round_land_area("612.49")
    (Decimal('613'), Decimal('612'))
    """
    return _round(value, "land_area")


def round_volume(value: Decimal | str | float) -> Decimal:
    """A volume, to whole cubic metres (p. 102).

    >>> round_volume("412.5")
    Decimal('413')
    """
    return _round(value, "volume")


def reduced(category_name: str, area: Decimal | str) -> Decimal:
    """The part of a room's area that enters the total area (p. 86), rounded (p. 74.2).

    >>> reduced("loggia", "4.5"), reduced("balcony", "4.5"), reduced("loggia_balcony", "5.0"), reduced("veranda", "7.2")
    (Decimal('2.3'), Decimal('1.4'), Decimal('2.0'), Decimal('5.8'))
    >>> reduced("non_living", "9.1"), reduced("cold_extension", "6.0")
    (Decimal('9.1'), Decimal('0.0'))
    """
    value = factor(category_name)
    if value is None:
        return Decimal("0.0")
    return round_area(Decimal(str(area)) * value)


def is_one_decimal(area: Decimal) -> bool:
    """Whether a measured area has at most one decimal place (p. 77).

    >>> is_one_decimal(Decimal("12.3")), is_one_decimal(Decimal("12.30")), is_one_decimal(Decimal("12.34"))
    (True, True, False)
    """
    return area == area.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class AreaTotals:
    """The areas of a set of rooms (an apartment, a floor, a building), by category.

    `summer` holds the measured areas of balconies, terraces, loggias, loggia-balconies and
    verandas by category; `total` adds each with its factor (p. 86). `excluded` is the area
    of cold extensions, outside the total (p. 89).
    """

    living: Decimal = Decimal("0.0")
    non_living: Decimal = Decimal("0.0")
    summer: dict[str, Decimal] = field(default_factory=lambda: {name: Decimal("0.0") for name in SUMMER})
    summer_reduced: dict[str, Decimal] = field(default_factory=lambda: {name: Decimal("0.0") for name in SUMMER})
    excluded: Decimal = Decimal("0.0")

    @property
    def useful(self) -> Decimal:
        """p. 85: living + non-living."""
        return self.living + self.non_living

    @property
    def total(self) -> Decimal:
        """p. 86: useful + the summer rooms with their factors."""
        return self.useful + sum(self.summer_reduced.values(), Decimal("0.0"))

    @property
    def loggias(self) -> Decimal:
        """Measured area of loggias and combined loggia-balconies (the explication's loggia column)."""
        return self.summer["loggia"] + self.summer["loggia_balcony"]

    @property
    def balconies(self) -> Decimal:
        """Measured area of balconies and terraces (the explication's balcony column)."""
        return self.summer["balcony"] + self.summer["terrace"]

    def add(self, category_name: str, area: Decimal | str) -> None:
        area = Decimal(str(area))
        counts = rules_data()["categories"][category_name]["counts"]
        if counts == "living":
            self.living += area
        elif counts == "non_living":
            self.non_living += area
        elif counts == "summer":
            self.summer[category_name] += area
            self.summer_reduced[category_name] += reduced(category_name, area)
        else:
            self.excluded += area

    def __add__(self, other: AreaTotals) -> AreaTotals:
        result = AreaTotals(self.living + other.living, self.non_living + other.non_living,
                            excluded=self.excluded + other.excluded)
        for name in SUMMER:
            result.summer[name] = self.summer[name] + other.summer[name]
            result.summer_reduced[name] = self.summer_reduced[name] + other.summer_reduced[name]
        return result


def totals(rooms: Iterable[tuple[str, Decimal | str]], *, by_category: bool = False) -> AreaTotals:
    """The areas of rooms given as (kind, area), or (category, area) with `by_category`.

    Each summer room is reduced and rounded on its own (p. 86, 74.2), so that the total is
    the sum of the figures printed in the explication.

    >>> t = totals([("bedroom", "12.4"), ("wc", "1.2"), ("loggia_balcony", "5.0"), ("veranda", "7.2")])
    >>> t.useful, t.total, t.loggias
    (Decimal('13.6'), Decimal('21.4'), Decimal('5.0'))
    """
    result = AreaTotals()
    for kind, area in rooms:
        result.add(kind if by_category else category(kind), area)
    return result


def sum_totals(parts: Iterable[AreaTotals]) -> AreaTotals:
    """Totals of totals: apartments into a floor, floors into a building (p. 99)."""
    result = AreaTotals()
    for part in parts:
        result = result + part
    return result


def predominant_purpose(areas: Mapping[str, Decimal | str]) -> str:
    """A building's purpose: the one with the predominant area (p. 94).

    A tie has no predominant purpose and is an error: the Instruction gives no rule for it.

    >>> predominant_purpose({"residential": "812.4", "trade": "230.0", "office": "96.1"})
    'residential'
    >>> predominant_purpose({"trade": "100", "office": "100.0"})
    Traceback (most recent call last):
    ...
    kzcadastre_docs.law.areas.NoPredominantPurpose: no predominant area: office, trade have 100.0 m² each
    """
    if not areas:
        raise ValueError(Message("no areas to compare"))
    ranked = sorted(((Decimal(str(area)), purpose) for purpose, area in areas.items()), reverse=True)
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        raise NoPredominantPurpose(sorted(purpose for area, purpose in ranked if area == ranked[0][0]),
                                   max(ranked)[0].quantize(Decimal("0.1")))
    return ranked[0][1]


class NoPredominantPurpose(ValueError):
    """Two or more purposes share the largest area (p. 94 gives no rule for a tie): `tied` are their
    codes, `area` the area each has."""

    TEMPLATE = N_("no predominant area: {purposes} have {area} m² each")

    def __init__(self, tied: list[str], area: Decimal):
        self.tied, self.area = tied, area
        super().__init__(Message(self.TEMPLATE, purposes=", ".join(tied), area=area))


def volume(section_area: Decimal | str, full_height: Decimal | str) -> Decimal:
    """Volume = area of the horizontal section x full height (p. 101), whole m³ (p. 102).

    >>> volume("84.6", "3.2")
    Decimal('271')
    """
    return round_volume(Decimal(str(section_area)) * Decimal(str(full_height)))


# ---------------------------------------------------------------------------- literas (p. 14)

#: Capital letters of the Russian alphabet (p. 14.6: "заглавными буквами русского языка").
RUSSIAN_CAPITALS = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_ROMAN_NUMERAL = re.compile(rf"^{_ROMAN}$")
_MAIN = re.compile(rf"^([{RUSSIAN_CAPITALS}])({_ROMAN})$")
_EXTENSION = re.compile(rf"^([{RUSSIAN_CAPITALS}])({_ROMAN})([1-9][0-9]*)$")
_COLD = re.compile(rf"^([{RUSSIAN_CAPITALS.lower()}])({_ROMAN})([1-9][0-9]*)$")
#: Latin letters that look like Cyrillic ones (a litera typed on a Latin keyboard).
_LOOKALIKES = set("ABCEHKMOPTaceopxy")  # not I, V, X: Roman numerals are Latin


class InvalidLitera(KzcadastreError, ValueError):
    """A litera outside the scheme of p. 14 of the Instruction."""

    exit_code = EXIT_INVALID
    code = "litera_scheme"


@dataclass(frozen=True)
class Litera:
    """A parsed litera: its kind (p. 14.6-14.10), its main building's letter, its number."""

    text: str
    kind: str  # main | extension | cold_extension | service | structure
    main: str | None = None  # the main building's litera (А, БII) for extensions
    number: int | None = None


def parse_litera(text: str) -> Litera:
    """A litera as p. 14 of the Instruction assigns them.

    - main buildings: capital Russian letters А, Б, В...; past the alphabet, with a Roman
      numeral beside the letter: АI, БII (p. 14.6);
    - living and non-living extensions: the main building's letter and a number: А1, А2 (p. 14.7);
    - cold extensions (terraces, verandas, vestibules): the small letter and a number: а1 (p. 14.8);
    - service buildings: Г and a number: Г1, Г2 (p. 14.9). Г with a number is therefore
      always a service building, and Г alone is not given to a main building;
    - structures (paving, fences, gates, wells, sheds): Roman numerals I, II, III, IV (p. 14.10).

    >>> [parse_litera(t).kind for t in ("А", "БII", "А1", "а2", "Г3", "IV")]
    ['main', 'main', 'extension', 'cold_extension', 'service', 'structure']
    >>> parse_litera("а2").main
    'А'
    >>> parse_litera("A1")
    Traceback (most recent call last):
    ...
    kzcadastre_docs.law.areas.InvalidLitera: litera 'A1' has Latin letters (A); literas are Russian letters (Instruction No. 367, p. 14.6)
    >>> parse_litera("Г")
    Traceback (most recent call last):
    ...
    kzcadastre_docs.law.areas.InvalidLitera: litera 'Г' is not in the scheme: Г is given only with a number, to service buildings (Instruction No. 367, p. 14.9)
    """
    latin = sorted({char for char in text if char in _LOOKALIKES})
    if latin:
        raise InvalidLitera("litera {text!r} has Latin letters ({latin}); literas are Russian letters "
                            "(Instruction No. 367, p. 14.6)", text=text, latin="".join(latin))
    if text and _ROMAN_NUMERAL.match(text):
        return Litera(text, "structure")
    if re.fullmatch(r"Г[1-9][0-9]*", text):
        return Litera(text, "service", number=int(text[1:]))
    if text == "Г":
        raise InvalidLitera("litera {text!r} is not in the scheme: Г is given only with a number, to service "
                            "buildings (Instruction No. 367, p. 14.9)", text=text)
    match = _MAIN.match(text)
    if match:
        return Litera(text, "main")
    match = _EXTENSION.match(text)
    if match:
        return Litera(text, "extension", main=match.group(1) + match.group(2), number=int(match.group(3)))
    match = _COLD.match(text)
    if match:
        return Litera(text, "cold_extension", main=match.group(1).upper() + match.group(2), number=int(match.group(3)))
    raise InvalidLitera("litera {text!r} is not in the scheme of Instruction No. 367, p. 14: А, Б... (АI past the "
                        "alphabet), А1 for extensions, а1 for cold extensions, Г1 for service buildings, I, II for "
                        "structures", text=text)


def litera_scheme_problems(literas: Iterable[str]) -> list[tuple[int, str]]:
    """Problems of a set of literas as (index, message): each must parse, none repeat, and
    every extension or cold extension belongs to a main building of the set.

    >>> litera_scheme_problems(["А", "А1", "а1", "Г1", "I"])
    []
    >>> litera_scheme_problems(["А", "Б1", "А"])
    [(1, "extension 'Б1' has no main building 'Б' (Instruction No. 367, p. 14.7)"), (2, "litera 'А' is repeated")]
    """
    problems: list[tuple[int, str]] = []
    parsed: list[Litera | None] = []
    seen: set[str] = set()
    for index, text in enumerate(literas):
        try:
            parsed.append(parse_litera(text))
        except InvalidLitera as exc:
            parsed.append(None)
            problems.append((index, Message(exc.template, **exc.values)))
            continue
        if text in seen:
            problems.append((index, Message("litera {text!r} is repeated", text=text)))
        seen.add(text)
    mains = {item.text for item in parsed if item and item.kind == "main"}
    for index, item in enumerate(parsed):
        if item and item.kind in ("extension", "cold_extension") and item.main not in mains:
            template = (N_("extension {text!r} has no main building {main!r} (Instruction No. 367, p. 14.7)")
                        if item.kind == "extension" else
                        N_("cold extension {text!r} has no main building {main!r} (Instruction No. 367, p. 14.8)"))
            problems.append((index, Message(template, text=item.text, main=item.main)))
    return sorted(problems)
