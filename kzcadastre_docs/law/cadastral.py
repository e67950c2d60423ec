"""Cadastral numbers of land plots, with the building and premise parts kept apart.

A land-plot number is region (2 digits) - district (3) - quarter (3) - plot (3 or 4), seen
written with colons ("02:036:151:1053") and with hyphens ("20-322-041-039"). The groups are
strings: leading zeros are part of the number.

How the numbers of buildings and premises extend the land number is UNCONFIRMED (the order
does not give the rules of Annex "cadastral-number assignment"). They are kept as separate
fields, and `format_full` is the one place that joins them; change it there when the rule
is known.

    >>> n = parse_land_number("20-322-041-039")
    >>> n
    LandNumber(region='20', district='322', quarter='041', plot='039')
    >>> str(n)
    '20:322:041:039'
    >>> format_full(n, building="2", premise="45")
    '20:322:041:039:2:45'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LAND = re.compile(r"^(\d{2})([:\-])(\d{3})\2(\d{3})\2(\d{3,4})$")
#: The same rule for JSON Schema (no backreference: either separator, used consistently).
LAND_PATTERN = r"^\s*(\d{2}:\d{3}:\d{3}:\d{3,4}|\d{2}-\d{3}-\d{3}-\d{3,4})\s*$"
#: Separator of the groups when a number is printed.
DISPLAY_SEPARATOR = ":"
#: Whether `format_full` follows a confirmed rule. It does not.
FULL_NUMBER_RULE_CONFIRMED = False


class InvalidCadastralNumber(ValueError):
    pass


@dataclass(frozen=True)
class LandNumber:
    region: str
    district: str
    quarter: str
    plot: str

    def __str__(self) -> str:
        return DISPLAY_SEPARATOR.join((self.region, self.district, self.quarter, self.plot))


def parse_land_number(text: str) -> LandNumber:
    """A land-plot number in the colon or hyphen form (one separator throughout).

    >>> parse_land_number("02:036:151:1053").plot
    '1053'
    >>> parse_land_number("02:036-151:1053")
    Traceback (most recent call last):
    ...
    kzcadastre_docs.law.cadastral.InvalidCadastralNumber: '02:036-151:1053' is not a land-plot cadastral number: expected RR:DDD:QQQ:PPP(P) with ':' or '-' throughout, e.g. 02:036:151:1053
    """
    match = _LAND.match(text.strip())
    if not match:
        raise InvalidCadastralNumber(
            f"{text!r} is not a land-plot cadastral number: expected RR:DDD:QQQ:PPP(P) with ':' or '-' "
            "throughout, e.g. 02:036:151:1053"
        )
    region, _, district, quarter, plot = match.groups()
    return LandNumber(region, district, quarter, plot)


def format_full(land: LandNumber, building: str | None = None, premise: str | None = None) -> str:
    """The printed number of a land plot, building or premise. UNCONFIRMED convention:
    the land number, then the building and the premise parts, each after a colon."""
    parts = [str(land)]
    if building:
        parts.append(building)
    if premise:
        if not building:
            raise InvalidCadastralNumber("a premise part needs a building part")
        parts.append(premise)
    return DISPLAY_SEPARATOR.join(parts)
