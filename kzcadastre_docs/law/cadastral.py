"""Cadastral numbers as the Rules for assigning cadastral numbers print them (Order No. 156,
the third set of Rules, points 13-31).

Structure (point 13): ``AA:BBB:CCC:D…D:I…I:K…K``. ``AA:BBB:CCC:D…D`` is the land plot
(region or city of republican significance, district, accounting quarter, plot); a primary
object (building, structure) adds ``I…I``, its number on the plot (point 14); a secondary
object (apartment, premise, room) adds ``K…K``, its number in the primary object (point 25).
Without a land-plot number (points 8, 30-31) the plot part is ``000`` and the object's part
is a number unique in the accounting quarter, or the composite ``(street code:house:inventory
number)``; that is a temporary number.

The groups are strings: leading zeros are part of the number. The Rules print numbers with
and without a space after the colons (points 15, 19, 20); land-plot numbers are also seen
with hyphens. Every form is read; a number is always printed one way, with colons and no
spaces (`str`), or spaced as in points 15, 19 and 20 (`Number.spaced`).

    >>> n = parse("21:320:135:0722:1:106")
    >>> n.kind, n.land_plot, n.primary, n.secondary
    ('secondary', '21:320:135:0722', '1', '106')
    >>> str(parse("20: 015: 004: 165: 1"))
    '20:015:004:165:1'
    >>> parse("20:015:004:000:(123:12А:4/53687):37").kind
    'temporary_secondary'
    >>> parse("20-322-041-039")
    Number(land=LandNumber(region='20', district='322', quarter='041', plot='039'), primary=None, secondary=None)
    >>> parse("21:320:135:0722:1:0")
    Traceback (most recent call last):
    ...
    kzcadastre_docs.law.cadastral.InvalidCadastralNumber: '21:320:135:0722:1:0': secondary number (K…K): '0': the numbers of secondary objects run from one upwards (point 27 of the Rules for assigning cadastral numbers)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import EXIT_INVALID, KzcadastreError
from ..i18n.catalogue import Message, N_, describe as _describe, gettext as _gettext

#: The Rules these points belong to, as errors cite them.
RULES = N_("the Rules for assigning cadastral numbers")

#: Names of the parts, as errors name them (the letters are the Rules', point 13).
PARTS = {
    "number": N_("cadastral number"),
    "separator": N_("separator"),
    "region": N_("region code (AA)"),
    "district": N_("district code (BBB)"),
    "quarter": N_("accounting quarter code (CCC)"),
    "plot": N_("land-plot number (D…D)"),
    "primary": N_("primary object number (I…I)"),
    "secondary": N_("secondary number (K…K)"),
    "temporary": N_("temporary number of the building"),
    "street": N_("street (micro-district) code"),
    "house": N_("building number by postal address"),
    "inventory": N_("inventory number"),
}

#: The plot part of a temporary number: three zeros (point 31).
NO_PLOT = "000"

#: Kinds of number, as `parse --format json` reports them.
KINDS = ("land_plot", "primary", "secondary", "temporary_primary", "temporary_secondary")

#: The land-plot number for JSON Schema (no backreference: either separator, used consistently).
LAND_PATTERN = r"^\s*(\d{2}:\d{3}:\d{3}:\d{3,4}|\d{2}-\d{3}-\d{3}-\d{3,4})\s*$"
#: Any number for JSON Schema: a first filter only; the parser is the rule.
NUMBER_PATTERN = r"^\s*\d{2}\s*[:\-]\s*\d{3}\s*[:\-]\s*\d{3}\s*[:\-]\s*\d{3,4}(\s*[:\-]?\s*(\d{1,10}|\([^()]+\))(\s*[:\-]\s*\d{1,10})?)?\s*$"

_DIGITS = re.compile(r"\d+")
_HOUSE = re.compile(r"\d+[А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі]*(?:[/\-]\d+[А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі]*)*")
_INVENTORY = re.compile(r"\d+(?:[/\-]\d+)*")
_SEPARATOR = re.compile(r"\s*([:\-])\s*")


class InvalidCadastralNumber(KzcadastreError, ValueError):
    """A number that does not follow the Rules: which part is wrong, and the point that says so."""

    exit_code = EXIT_INVALID
    code = "cadastral_number"

    def __init__(self, text: str, part: str, reason: str, point: int | str, value: str | None = None):
        self.text, self.part, self.reason, self.point, self.value = text, part, reason, point, value
        shown = f" {value!r}:" if value is not None else ""
        super().__init__(f"{text!r}: {PARTS.get(part, part)}:{shown} {reason} (point {point} of {RULES})")

    def describe(self, lang: str = "en") -> str:
        """The message in kk, ru or en: the part, the reason and the point, each translated."""
        template = (N_("{number!r}: {part}: {value!r}: {reason} (point {point} of {rules})") if self.value is not None
                    else N_("{number!r}: {part}: {reason} (point {point} of {rules})"))
        return _gettext(template, lang).format(number=self.text, part=_gettext(PARTS.get(self.part, self.part), lang),
                                               value=self.value, reason=_describe(self.reason, lang),
                                               point=self.point, rules=_gettext(RULES, lang))

    def as_message(self) -> Message:
        """The same message as a catalogue Message, for a problem that shows it in another language."""
        reason = self.reason if isinstance(self.reason, Message) else Message(self.reason)
        if self.value is not None:
            return Message(N_("{number!r}: {part}: {value!r}: {reason} (point {point} of {rules})"), number=self.text,
                           part=Message(PARTS.get(self.part, self.part)), value=self.value, reason=reason,
                           point=self.point, rules=Message(RULES))
        return Message(N_("{number!r}: {part}: {reason} (point {point} of {rules})"), number=self.text,
                       part=Message(PARTS.get(self.part, self.part)), reason=reason, point=self.point,
                       rules=Message(RULES))

    def as_dict(self, lang: str = "en") -> dict:
        return {"number": self.text, "part": self.part, "value": self.value, "point": self.point,
                "rule": _gettext(RULES, lang), "message": self.describe(lang)}


@dataclass(frozen=True)
class LandNumber:
    """A land-plot number (AA:BBB:CCC:D…D); plot ``000`` marks a temporary number's missing plot."""

    region: str
    district: str
    quarter: str
    plot: str

    def __str__(self) -> str:
        return ":".join((self.region, self.district, self.quarter, self.plot))

    @property
    def temporary(self) -> bool:
        return self.plot == NO_PLOT

    @property
    def quarter_code(self) -> str:
        """AA:BBB:CCC, the accounting quarter (a temporary number is unique in it, point 8)."""
        return ":".join((self.region, self.district, self.quarter))


@dataclass(frozen=True)
class Number:
    """A parsed cadastral number: the land plot, and the primary and secondary parts if any.

    `primary` is the object's number on the plot (digits), or for a temporary number either a
    number unique in the quarter or the composite ``(street:house:inventory)`` with its brackets.
    """

    land: LandNumber
    primary: str | None = None
    secondary: str | None = None

    def __str__(self) -> str:
        return ":".join(part for part in (str(self.land), self.primary, self.secondary) if part is not None)

    @property
    def spaced(self) -> str:
        """The number as points 15, 19 and 20 print it, a space after each colon.

        >>> parse("20:015:004:165:2").spaced
        '20: 015: 004: 165: 2'
        """
        land = self.land
        parts = (land.region, land.district, land.quarter, land.plot, self.primary, self.secondary)
        return ": ".join(part for part in parts if part is not None)

    @property
    def temporary(self) -> bool:
        return self.land.temporary

    @property
    def composite(self) -> bool:
        """A temporary building number made of street code, house and inventory number (point 31)."""
        return self.primary is not None and self.primary.startswith("(")

    @property
    def level(self) -> str:
        """land_plot, primary or secondary."""
        return "secondary" if self.secondary is not None else "primary" if self.primary is not None else "land_plot"

    @property
    def kind(self) -> str:
        level = self.level
        return f"temporary_{level}" if self.temporary and level != "land_plot" else level

    @property
    def land_plot(self) -> str:
        return str(self.land)

    @property
    def primary_number(self) -> Number:
        """The primary object's number (a secondary number without its last part)."""
        if self.primary is None:
            raise ValueError(f"{self} is a land-plot number; it has no primary object")
        return Number(self.land, self.primary)

    def to_json(self) -> dict:
        data = {
            "number": str(self),
            "kind": self.kind,
            "level": self.level,
            "temporary": self.temporary,
            "land_plot": self.land_plot,
            "parts": {"region": self.land.region, "district": self.land.district, "quarter": self.land.quarter,
                      "plot": self.land.plot, "primary": self.primary, "secondary": self.secondary},
        }
        if self.composite:
            street, house, inventory = _split_composite(self.primary[1:-1])
            data["parts"]["temporary"] = {"street": street, "house": house, "inventory": inventory}
        return data


def _not_digits(text: str, part: str, value: str, point: int | str, what: str) -> InvalidCadastralNumber:
    if re.search("[OoОо]", value):
        return InvalidCadastralNumber(text, part, Message("{what} (the letter O is not a zero)", what=Message(what)),
                                      point, value)
    return InvalidCadastralNumber(text, part, what, point, value)


def _check_group(text: str, part: str, value: str, sizes: tuple[int, int], point: int | str) -> None:
    if not value:
        raise InvalidCadastralNumber(text, part, "missing", point)
    if not _DIGITS.fullmatch(value):
        raise _not_digits(text, part, value, point, "must be digits")
    low, high = sizes
    if not low <= len(value) <= high:
        size = f"{low}" if low == high else f"{low}-{high}"
        raise InvalidCadastralNumber(text, part, Message("must be {size} digits, it has {count}", size=size,
                                                                count=len(value)), point, value)


def _land(text: str, groups: list[str]) -> LandNumber:
    names = ("region", "district", "quarter", "plot")
    for name, value, sizes in zip(names, groups, ((2, 2), (3, 3), (3, 3), (3, 4))):
        _check_group(text, name, value, sizes, 13)
    if len(groups) < 4:
        raise InvalidCadastralNumber(text, names[len(groups)], "missing: a land-plot number has four parts, "
                                     "AA:BBB:CCC:D…D", 13)
    return LandNumber(*groups[:4])


def _split_composite(inner: str) -> list[str]:
    return [part.strip() for part in inner.split(":")]


def _composite(text: str, inner: str) -> str:
    """The (street:house:inventory) part of a temporary number, canonical (point 31)."""
    parts = _split_composite(inner)
    if len(parts) != 3:
        raise InvalidCadastralNumber(text, "temporary", Message("must be (street code:house number:inventory number), "
                                                             "three parts, it has {count}", count=len(parts)),
                                     31, f"({inner})")
    street, house, inventory = parts
    for name, value, pattern, what in (("street", street, _DIGITS, N_("must be digits")),
                                       ("house", house, _HOUSE, N_("must be a house number such as 12 or 12А")),
                                       ("inventory", inventory, _INVENTORY, N_("must be digits, such as 4/53687"))):
        if not value:
            raise InvalidCadastralNumber(text, name, "missing", 31)
        if re.search("[A-Za-z]", value):
            raise InvalidCadastralNumber(text, name, "has a Latin letter; the Rules write Cyrillic (12А)", 31, value)
        if not pattern.fullmatch(value):
            raise InvalidCadastralNumber(text, name, what, 31, value)
    return f"({street}:{house}:{inventory})"


def _object_part(text: str, part: str, value: str) -> str:
    point = 14 if part == "primary" else 25
    _check_group(text, part, value, (1, 10), point)
    if part == "secondary" and not value.strip("0"):
        raise InvalidCadastralNumber(text, part, "the numbers of secondary objects run from one upwards", 27, value)
    return value


def _split(text: str, body: str) -> list[str]:
    """The groups of a number without brackets; one separator in the land part (':' or '-')."""
    tokens = _SEPARATOR.split(body)
    groups, separators = tokens[0::2], tokens[1::2]
    land_separators = set(separators[:3])
    if len(land_separators) > 1:
        raise InvalidCadastralNumber(text, "separator", "the land-plot number uses ':' or '-' throughout, "
                                     "not both", 13, body)
    allowed = {":"} | land_separators
    if any(separator not in allowed for separator in separators[3:]):
        raise InvalidCadastralNumber(text, "separator", "the object's parts follow the land-plot number after ':'",
                                     13, body)
    for group in groups:
        if re.search(r"\s", group):
            raise InvalidCadastralNumber(text, "separator", "parts are separated by ':' (a space may follow it)",
                                         13, group)
    return groups


def parse(text: str) -> Number:
    """Any cadastral number of point 13 or 31: land plot, primary, secondary, temporary.

    >>> parse("20:015:004:000:(123:12А:4/53687)").primary
    '(123:12А:4/53687)'
    >>> parse("02:036-151:1053")
    Traceback (most recent call last):
    ...
    kzcadastre_docs.law.cadastral.InvalidCadastralNumber: '02:036-151:1053': separator: '02:036-151:1053': the land-plot number uses ':' or '-' throughout, not both (point 13 of the Rules for assigning cadastral numbers)
    """
    if not isinstance(text, str):
        raise InvalidCadastralNumber(str(text), "number", "must be text (leading zeros are part of the number)", 13)
    body = text.strip()
    if not body:
        raise InvalidCadastralNumber(text, "number", "empty", 13)
    if "(" in body or ")" in body:
        return _parse_temporary(text, body)
    groups = _split(text, body)
    if len(groups) > 6:
        raise InvalidCadastralNumber(text, "number", Message("has {count} parts; the structure is "
                                                          "AA:BBB:CCC:D…D:I…I:K…K, at most six", count=len(groups)), 13)
    land = _land(text, groups)
    primary = _object_part(text, "primary", groups[4]) if len(groups) > 4 else None
    secondary = _object_part(text, "secondary", groups[5]) if len(groups) > 5 else None
    _check_plot(text, land, primary)
    return Number(land, primary, secondary)


def _check_plot(text: str, land: LandNumber, primary: str | None) -> None:
    if land.plot.strip("0") == "" and land.plot != NO_PLOT:
        raise InvalidCadastralNumber(text, "plot", "a missing plot number is written as three zeros, 000", 31,
                                     land.plot)
    if land.temporary and primary is None:
        raise InvalidCadastralNumber(text, "plot", "000 stands for a missing land-plot number only in the "
                                     "temporary number of a primary or secondary object", 31, land.plot)


def _parse_temporary(text: str, body: str) -> Number:
    match = re.fullmatch(r"(?P<land>[^()]*?)\s*(?::\s*|\s+)\((?P<inner>[^()]*)\)(?P<rest>.*)", body)
    if not match:
        raise InvalidCadastralNumber(text, "temporary", "the building's temporary number is one bracketed part "
                                     "after the land-plot number, e.g. 20:015:004:000:(123:12А:4/53687)", 31, body)
    land = _land(text, _split(text, match["land"]))
    if not land.temporary:
        raise InvalidCadastralNumber(text, "plot", "a temporary number has 000 in place of the land-plot number", 31,
                                     land.plot)
    primary = _composite(text, match["inner"])
    rest = match["rest"].strip()
    secondary = None
    if rest:
        tail = re.fullmatch(r":\s*(\S*)", rest)
        if not tail:
            raise InvalidCadastralNumber(text, "secondary", "follows the bracketed part after ':', e.g. "
                                         "…:(123:12А:4/53687):37", 31, rest)
        secondary = _object_part(text, "secondary", tail.group(1))
    return Number(land, primary, secondary)


def parse_land_number(text: str, *, missing_plot: bool = False) -> LandNumber:
    """A land-plot number alone (colon or hyphen form, one separator throughout); with
    `missing_plot`, also ``AA:BBB:CCC:000``, the land part of temporary numbers (point 31).

    >>> parse_land_number("02:036:151:1053").plot
    '1053'
    >>> str(parse_land_number("20-015-004-000", missing_plot=True))
    '20:015:004:000'
    >>> parse_land_number("02:036:151:1053:1")
    Traceback (most recent call last):
    ...
    kzcadastre_docs.law.cadastral.InvalidCadastralNumber: '02:036:151:1053:1': cadastral number: is the number of a primary object, not of a land plot (point 13 of the Rules for assigning cadastral numbers)
    """
    if not missing_plot:
        number = parse(text)
        if number.level != "land_plot":
            raise InvalidCadastralNumber(text, "number", Message("is the number of a {level} object, not of a land "
                                                              "plot", level=number.level), 13)
        return number.land
    if not isinstance(text, str) or not text.strip():
        raise InvalidCadastralNumber(str(text), "number", "the land-plot number is missing", 13)
    groups = _split(text, text.strip())
    land = _land(text, groups)
    if len(groups) > 4:
        raise InvalidCadastralNumber(text, "number", "must be the land-plot number alone", 13)
    if land.plot.strip("0") == "" and land.plot != NO_PLOT:
        raise InvalidCadastralNumber(text, "plot", "a missing plot number is written as three zeros, 000", 31,
                                     land.plot)
    return land


def from_parts(land: str, primary: str | None = None, secondary: str | None = None) -> Number:
    """A number from its parts as data keeps them (land, building, premise), checked as a whole.

    >>> str(from_parts("03-047-158-219", "1"))
    '03:047:158:219:1'
    >>> from_parts("03-047-158-219", None, "45")
    Traceback (most recent call last):
    ...
    kzcadastre_docs.law.cadastral.InvalidCadastralNumber: '03:047:158:219::45': primary object number (I…I): a secondary number needs the primary object's number (point 24 of the Rules for assigning cadastral numbers)
    """
    land_number = parse_land_number(land, missing_plot=True)
    text = ":".join((str(land_number), primary or "", secondary or "")).rstrip(":")
    if secondary is not None and primary is None:
        raise InvalidCadastralNumber(text, "primary", "a secondary number needs the primary object's number", 24)
    if primary is not None:
        primary = primary.strip()
        if primary.startswith("(") and primary.endswith(")"):
            if not land_number.temporary:
                raise InvalidCadastralNumber(text, "plot", "a temporary number has 000 in place of the land-plot "
                                             "number", 31, land_number.plot)
            primary = _composite(text, primary[1:-1])
        else:
            primary = _object_part(text, "primary", primary)
    if secondary is not None:
        secondary = _object_part(text, "secondary", secondary.strip())
    _check_plot(text, land_number, primary)
    return Number(land_number, primary, secondary)


def primary_number(land: LandNumber | str, primary: str) -> Number:
    """The number of primary object `primary` on plot `land` (point 14)."""
    return parse(f"{land}:{primary}")


def secondary_number(primary: Number, secondary: str) -> Number:
    """The number of secondary object `secondary` in `primary` (point 25)."""
    return parse(f"{primary}:{secondary}")
