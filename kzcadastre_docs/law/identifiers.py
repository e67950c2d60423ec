"""IIN and BIN: Kazakhstan's 12-digit individual and business identification numbers.

IIN: YYMMDD (birth date), a century/sex digit (1/2 = 1800s, 3/4 = 1900s, 5/6 = 2000s;
odd = male), a 4-digit serial, a check digit. BIN: YYMM of registration, a type digit
(4 resident legal entity, 5 non-resident, 6 joint individual entrepreneurship), an attribute
digit (0 head office, 1 branch, 2 representative office, 3 peasant farm), a 5-digit serial,
a check digit.

Check digit: weights 1..11 over the first 11 digits, mod 11; if that gives 10, weights
3,4,5,6,7,8,9,10,11,1,2, mod 11; if 10 again the number is never issued.

    >>> validate_bin("940140000385")
    '940140000385'
    >>> is_valid_iin("061211600012")
    True
    >>> parse_iin("061211600012")
    IinInfo(birth_date=datetime.date(2006, 12, 11), sex='female')
    >>> parse_bin("940140000385")
    BinInfo(registered_year=1994, registered_month=1, entity_type='resident_legal_entity', attribute='head_office')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_WEIGHTS_1 = tuple(range(1, 12))
_WEIGHTS_2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
_SEPARATORS = re.compile(r"[\s\-.]")

CENTURY = {"1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000}
ENTITY_TYPE = {"4": "resident_legal_entity", "5": "non_resident_legal_entity", "6": "joint_individual_entrepreneurship"}
ATTRIBUTE = {"0": "head_office", "1": "branch", "2": "representative_office", "3": "peasant_farm"}


class InvalidIdentifier(ValueError):
    """The number is not a valid IIN or BIN; `code` says which rule it breaks."""

    def __init__(self, code: str, message: str, **details):
        self.code = code
        self.details = details  # the digits the message quotes, for messages in other languages
        super().__init__(message)


@dataclass(frozen=True)
class IinInfo:
    birth_date: date
    sex: str  # "male" or "female"


@dataclass(frozen=True)
class BinInfo:
    registered_year: int
    registered_month: int
    entity_type: str
    attribute: str


def compact(number: str) -> str:
    """The number without spaces, hyphens or dots.

    >>> compact(" 9401 4000-0385 ")
    '940140000385'
    """
    return _SEPARATORS.sub("", number)


def format(number: str) -> str:  # noqa: A001 - the conventional name in identifier libraries
    """The number as printed on documents: 12 digits, no separators.

    >>> format("940 140 000 385")
    '940140000385'
    """
    return compact(number)


def check_digit(digits11: str) -> int | None:
    """The check digit of the first 11 digits, or None where none exists (never issued).

    >>> check_digit("94014000038")
    5
    """
    values = [int(d) for d in digits11]
    for weights in (_WEIGHTS_1, _WEIGHTS_2):
        remainder = sum(w * v for w, v in zip(weights, values)) % 11
        if remainder != 10:
            return remainder
    return None


def _common(number: str, kind: str) -> str:
    number = compact(number)
    if not number.isascii() or not number.isdigit():
        raise InvalidIdentifier("digits", f"an {kind} has only digits")
    if len(number) != 12:
        raise InvalidIdentifier("length", f"an {kind} has 12 digits, not {len(number)}", count=len(number))
    expected = check_digit(number[:11])
    if expected is None:
        raise InvalidIdentifier("never_issued", f"no check digit exists for this {kind}; such numbers are never issued")
    if int(number[11]) != expected:
        raise InvalidIdentifier("check_digit", f"the {kind}'s check digit is {number[11]}, expected {expected}",
                                found=number[11], expected=expected)
    return number


def validate_iin(number: str) -> str:
    """The compact IIN, or InvalidIdentifier naming the rule it breaks.

    >>> validate_iin("061211600013")
    Traceback (most recent call last):
    ...
    kzcadastre_docs.law.identifiers.InvalidIdentifier: the IIN's check digit is 3, expected 2
    """
    number = compact(number)
    if len(number) == 12 and number.isdigit():
        parse_iin(number)  # structure first: it says more than a wrong check digit
    return _common(number, "IIN")


def validate_bin(number: str) -> str:
    """The compact BIN, or InvalidIdentifier naming the rule it breaks.

    >>> validate_bin("940190000385")
    Traceback (most recent call last):
    ...
    kzcadastre_docs.law.identifiers.InvalidIdentifier: the BIN's type digit (5th) is 9; it must be 4, 5 or 6
    """
    number = compact(number)
    if len(number) == 12 and number.isdigit():
        parse_bin(number)
    return _common(number, "BIN")


def _passes(validator, number: str) -> bool:
    try:
        validator(number)
    except InvalidIdentifier:
        return False
    return True


def is_valid_iin(number: str) -> bool:
    return _passes(validate_iin, number)


def is_valid_bin(number: str) -> bool:
    return _passes(validate_bin, number)


def parse_iin(number: str) -> IinInfo:
    """Birth date and sex from an IIN's structure (the check digit is not verified here)."""
    number = compact(number)
    century = CENTURY.get(number[6:7])
    if century is None:
        raise InvalidIdentifier("century_digit", f"the IIN's 7th digit is {number[6:7]!r}; it must be 1 to 6",
                                found=number[6:7])
    try:
        birth = date(century + int(number[0:2]), int(number[2:4]), int(number[4:6]))
    except ValueError:
        raise InvalidIdentifier("birth_date", f"the IIN's first six digits {number[:6]} are not a date (YYMMDD)",
                                found=number[:6]) from None
    return IinInfo(birth_date=birth, sex="male" if int(number[6]) % 2 else "female")


def parse_bin(number: str) -> BinInfo:
    """Registration month, entity type and attribute from a BIN's structure."""
    number = compact(number)
    month = int(number[2:4])
    if not 1 <= month <= 12:
        raise InvalidIdentifier("registration_month", f"the BIN's month (digits 3-4) is {number[2:4]}; it must be 01 to 12",
                                found=number[2:4])
    entity = ENTITY_TYPE.get(number[4])
    if entity is None:
        raise InvalidIdentifier("entity_type", f"the BIN's type digit (5th) is {number[4]}; it must be 4, 5 or 6",
                                found=number[4])
    attribute = ATTRIBUTE.get(number[5])
    if attribute is None:
        raise InvalidIdentifier("attribute", f"the BIN's attribute digit (6th) is {number[5]}; it must be 0 to 3",
                                found=number[5])
    year = int(number[:2])
    # Registration years: BINs exist since the 1990s; "94" is 1994, "26" is 2026.
    year += 1900 if year >= 90 else 2000
    return BinInfo(registered_year=year, registered_month=month, entity_type=entity, attribute=attribute)
