"""The two-stage fee: tariffs as data files, the tariff in force on a date, VAT included.

A tariff (YAML) has `id`, `official`, `title` {kk, ru}, `legal_basis`, `effective_from`,
optional `effective_to`, `currency`, `prices_include_vat` and `items`; the first item that
matches the service, object type, area and complexity category gives the price:
full price = fixed + per_m2 x area, rounded half-up to the tiyn. `base` is paid at
application and the rest (the surcharge) when the result is received; an item without
`base` is paid whole at application. A correction after a renaming is free (paragraph 7).

The official price list could not be obtained: the shipped tariff is an example, and every
answer computed from a tariff with `official: false` says so.

    >>> from datetime import date
    >>> fee = compute_fee("passport", "apartment", date(2026, 11, 24), area=Decimal("51.60"))
    >>> fee.total, fee.base, fee.surcharge, fee.vat_amount, fee.official
    (Decimal('18288.00'), Decimal('6900.00'), Decimal('11388.00'), Decimal('2522.48'), False)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import EXIT_INVALID, KzcadastreError
from ..i18n.catalogue import Message
from ..i18n.formatting import money_in_words
from ..models.parts import ObjectType
from .rules import Service, check_request

_TIYN = Decimal("0.01")
FREE_SERVICES = {"correction"}


class FeeError(KzcadastreError, ValueError):
    exit_code = EXIT_INVALID
    code = "fee"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TariffItem(_Strict):
    service: Service
    object_types: list[ObjectType] | None = None
    area_over: Decimal | None = Field(None, ge=0, description="Matches areas strictly greater than this.")
    area_up_to: Decimal | None = Field(None, ge=0, description="Matches areas up to and including this.")
    first_complexity_category: bool | None = None
    fixed: Decimal = Field(ge=0)
    per_m2: Decimal | None = Field(None, ge=0)
    base: Decimal | None = Field(None, ge=0)

    def matches(self, service: str, object_type: str, area: Decimal | None, first_category: bool) -> bool:
        if self.service != service:
            return False
        if self.object_types is not None and object_type not in self.object_types:
            return False
        if self.first_complexity_category is not None and self.first_complexity_category != first_category:
            return False
        if self.area_over is not None or self.area_up_to is not None:
            if area is None:
                raise FeeError("the area is needed to choose the {service} price for {object_type} (--area)",
                               service=service, object_type=object_type, field="--area")
            if self.area_over is not None and not area > self.area_over:
                return False
            if self.area_up_to is not None and not area <= self.area_up_to:
                return False
        return True


class Tariff(_Strict):
    id: str
    official: bool
    title: dict[Literal["kk", "ru"], str]
    legal_basis: str
    effective_from: date
    effective_to: date | None = None
    currency: Literal["KZT"]
    prices_include_vat: bool
    items: list[TariffItem] = Field(min_length=1)

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


class VatRate(_Strict):
    rate: Decimal
    from_: date = Field(alias="from")
    to: date | None = None
    source: str


@dataclass
class Fee:
    service: str
    tariff_id: str | None
    official: bool
    total: Decimal
    base: Decimal
    surcharge: Decimal
    vat_rate: Decimal
    vat_amount: Decimal
    currency: str = "KZT"
    tariff_title: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def in_words(self) -> dict[str, str]:
        return {lang: money_in_words(self.total, lang) for lang in ("kk", "ru")}

    def to_json(self) -> dict:
        return {
            "service": self.service,
            "tariff_id": self.tariff_id,
            "official": self.official,
            "total": f"{self.total:.2f}",
            "base": f"{self.base:.2f}",
            "surcharge": f"{self.surcharge:.2f}",
            "vat_rate": f"{self.vat_rate:.2f}",
            "vat_amount": f"{self.vat_amount:.2f}",
            "currency": self.currency,
            "in_words": self.in_words(),
            "warnings": list(self.warnings),
        }


def _round(value: Decimal) -> Decimal:
    return value.quantize(_TIYN, rounding=ROUND_HALF_UP)


def _read_yaml(path: Path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise FeeError("{path}: cannot be read: {detail}", path=path, detail=exc, field="--tariff") from exc


def load_tariff(path: str | Path) -> Tariff:
    path = Path(path)
    try:
        return Tariff.model_validate(_read_yaml(path))
    except ValidationError as exc:
        details = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise FeeError("{path}: not a valid tariff: {details}", path=path, details=details, field="--tariff") from None


def default_tariff_dir() -> Path:
    return Path(str(resources.files("kzcadastre_docs.data").joinpath("tariffs")))


def load_tariffs(source: str | Path | None = None) -> list[Tariff]:
    """The tariffs in a file or a directory of .yaml files (default: the shipped example)."""
    source = Path(source) if source else default_tariff_dir()
    if source.is_dir():
        paths = sorted(list(source.glob("*.yaml")) + list(source.glob("*.yml")))
        if not paths:
            raise FeeError("{source}: no tariff files (*.yaml)", source=source, field="--tariff")
        return [load_tariff(path) for path in paths]
    if not source.exists():
        raise FeeError("{source}: no such tariff file or directory", source=source, field="--tariff")
    return [load_tariff(source)]


def tariff_in_force(tariffs: list[Tariff], on: date) -> Tariff:
    """The tariff in force on `on`: the one whose period contains it (latest start wins)."""
    candidates = sorted((t for t in tariffs if t.in_force(on)), key=lambda t: t.effective_from, reverse=True)
    if not candidates:
        raise FeeError("no tariff is in force on {on} (known: {known})", on=on,
                       known=", ".join(f"{t.id} ({t.effective_from})" for t in tariffs), field="--on")
    if len(candidates) > 1 and candidates[0].effective_from == candidates[1].effective_from:
        raise FeeError("two tariffs start on {date}: {first}, {second}", date=candidates[0].effective_from,
                       first=candidates[0].id, second=candidates[1].id, field="--tariff")
    return candidates[0]


@cache
def vat_table() -> tuple[VatRate, ...]:
    data = yaml.safe_load(resources.files("kzcadastre_docs.data").joinpath("vat.yaml").read_text(encoding="utf-8"))
    return tuple(VatRate.model_validate(row) for row in data)


def vat_rate(on: date) -> Decimal:
    """The VAT rate in force on a date.

    >>> vat_rate(date(2025, 12, 31)), vat_rate(date(2026, 1, 1))
    (Decimal('12'), Decimal('16'))
    """
    for row in vat_table():
        if row.from_ <= on and (row.to is None or on <= row.to):
            return row.rate
    raise FeeError("no VAT rate is known for {on}", on=on, field="--on")


def vat_included(amount: Decimal, rate: Decimal) -> Decimal:
    """VAT contained in an amount that includes it, rounded half-up.

    >>> vat_included(Decimal("18288.00"), Decimal("16"))
    Decimal('2522.48')
    """
    return _round(amount * rate / (100 + rate))


def compute_fee(
    service: str,
    object_type: str,
    on: date,
    area: Decimal | None = None,
    first_category: bool = False,
    tariff: str | Path | Tariff | None = None,
) -> Fee:
    """The price of a service on a date, split into base and surcharge, with VAT."""
    check_request(service, object_type)
    if area is not None and area < 0:
        raise FeeError("the area cannot be negative", field="--area")
    rate = vat_rate(on)
    if service in FREE_SERVICES:
        zero = Decimal("0.00")
        return Fee(service, None, True, zero, zero, zero, rate, zero)
    chosen = tariff if isinstance(tariff, Tariff) else tariff_in_force(load_tariffs(tariff), on)
    if not chosen.in_force(on):
        raise FeeError("tariff {tariff} is not in force on {on}", tariff=chosen.id, on=on, field="--on")
    item = next((i for i in chosen.items if i.matches(service, object_type, area, first_category)), None)
    if item is None:
        raise FeeError(("tariff {tariff} has no price for service {service!r}, object type {object_type!r}, "
                        "first complexity category") if first_category else
                       "tariff {tariff} has no price for service {service!r}, object type {object_type!r}",
                       tariff=chosen.id, service=service, object_type=object_type)
    if item.per_m2 is not None and area is None:
        raise FeeError("the area is needed: the {service} price for {object_type} is per m² (--area)",
                       service=service, object_type=object_type, field="--area")
    price = _round(item.fixed + (item.per_m2 or 0) * (area or 0))
    base = _round(item.base) if item.base is not None else price
    if not chosen.prices_include_vat:
        price = _round(price * (100 + rate) / 100)
        base = _round(base * (100 + rate) / 100)
    if base > price:
        raise FeeError("tariff {tariff}: the base ({base}) is more than the full price ({price})", tariff=chosen.id,
                       base=base, price=price, field="--tariff")
    warnings = []
    if not chosen.official:
        warnings.append(Message("tariff {tariff} is NOT the official price list: the amounts are an example",
                                tariff=chosen.id))
    return Fee(service, chosen.id, chosen.official, price, base, price - base, rate, vat_included(price, rate),
               tariff_title=dict(chosen.title), warnings=warnings)
