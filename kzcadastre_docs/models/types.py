"""Constrained value types shared by the models: text lengths, areas, money, identifiers."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

from ..law import identifiers
from ..law.timezone import to_local
from .localized import Localized, LocalizedText

_CENT = Decimal("0.01")


def _two_places(value: Decimal) -> Decimal:
    return value.quantize(_CENT)


#: A name or short label (a person's name, a street, a material).
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=200)]
#: A sentence or a paragraph (reasons, descriptions).
LongText = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
#: A name or short label in Kazakh and Russian, or one string the same in both.
LocalizedShort = Annotated[LocalizedText, Localized(200)]
#: A sentence or a paragraph in Kazakh and Russian, or one string the same in both.
LocalizedLong = Annotated[LocalizedText, Localized(2000)]
#: A number as written on a document (file number, act number).
DocNumber = Annotated[str, StringConstraints(min_length=1, max_length=50)]
#: A litera: the letter (and index) of a building on the plot plan, e.g. "А", "Г1".
Litera = Annotated[str, StringConstraints(min_length=1, max_length=10, pattern=r"^[^\s]+$")]

#: Square metres, non-negative, at most two decimal places (never rounded silently).
Area = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2), AfterValidator(_two_places)]
#: Tenge, non-negative, at most two decimal places.
Money = Annotated[Decimal, Field(ge=0, max_digits=15, decimal_places=2), AfterValidator(_two_places)]
#: Metres (heights), positive.
Metres = Annotated[Decimal, Field(gt=0, le=1000, max_digits=8, decimal_places=2)]
#: Cubic metres, non-negative.
Volume = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2)]
Year = Annotated[int, Field(ge=1800, le=2100)]


def _iin(value: str) -> str:
    try:
        return identifiers.validate_iin(value)
    except identifiers.InvalidIdentifier as exc:
        raise PydanticCustomError("iin_invalid", "not a valid IIN: {reason}", {"reason": str(exc), "code": exc.code, **exc.details}) from None


def _bin(value: str) -> str:
    try:
        return identifiers.validate_bin(value)
    except identifiers.InvalidIdentifier as exc:
        raise PydanticCustomError("bin_invalid", "not a valid BIN: {reason}", {"reason": str(exc), "code": exc.code, **exc.details}) from None


IIN = Annotated[str, Field(min_length=12, max_length=20, description="Individual identification number, 12 digits."),
                AfterValidator(_iin)]
BIN = Annotated[str, Field(min_length=12, max_length=20, description="Business identification number, 12 digits."),
                AfterValidator(_bin)]
Phone = Annotated[str, StringConstraints(pattern=r"^\+7[\s\-()]*(\d[\s\-()]*){10}$")]
Email = Annotated[str, StringConstraints(max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
PostalCode = Annotated[str, StringConstraints(pattern=r"^\d{6}$")]


def _local_time(value: datetime) -> datetime:
    return to_local(value)[0]


#: A moment in Kazakhstan local time: naive as written, or with an offset (Z, +05:00)
#: converted to Kazakhstan time (law.timezone), so that dates and times print as local.
LocalDateTime = Annotated[datetime, AfterValidator(_local_time)]
