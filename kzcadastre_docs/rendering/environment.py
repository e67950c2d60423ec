"""The one Jinja environment every template runs in.

Sandboxed (templates cannot reach Python internals), bounded (`limits`: no huge ranges,
repetitions, powers or paddings), autoescaped (a value is always text, never markup), and
strict (a missing variable is an error, not an empty string).
Formatting filters take the document language from the rendering context, which the
engine always sets as `lang`; like plain output, they print an absent (None) value as
nothing, so that an optional field needs no `if` around it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from jinja2 import StrictUndefined, pass_context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..i18n import form_fields, formatting
from . import limits


def _finalize(value: Any) -> Any:
    # An absent optional value prints as nothing; a missing variable is still an error.
    return "" if value is None else value


def _lang(context) -> str:
    return formatting.check_lang(context["lang"])


@pass_context
def _official_date(context, value: date, locative: bool = False) -> str:
    if value is None:
        return ""
    return formatting.official_date(value, _lang(context), locative=locative)


@pass_context
def _short_date(context, value: date) -> str:
    if value is None:
        return ""
    return formatting.short_date(value, _lang(context))


@pass_context
def _number(context, value: Decimal | int, places: int | None = None) -> str:
    if value is None:
        return ""
    return formatting.number(value, _lang(context), places=places)


@pass_context
def _area(context, value: Decimal) -> str:
    if value is None:
        return ""
    return formatting.area(value, _lang(context))


@pass_context
def _money(context, value: Decimal) -> str:
    if value is None:
        return ""
    return formatting.money(value, _lang(context))


@pass_context
def _money_in_words(context, value: Decimal) -> str:
    if value is None:
        return ""
    return formatting.money_in_words(value, _lang(context))


@pass_context
def _label(context, value: Any, section: str | None = None) -> str:
    from ..models.labels import label

    return label(value, _lang(context), section)


@pass_context
def _address(context, value: Any) -> str:
    return formatting.address(value, _lang(context))


def _cadastral(value: Any) -> str:
    """A cadastral number (the model's fields, or the land number as text) as printed."""
    from ..models.parts import CadastralNumber

    return str(value if isinstance(value, CadastralNumber) else CadastralNumber.model_validate(value))


@pass_context
def _identifier(context, value: Any) -> str:
    return formatting.identifier(value, _lang(context))


@pass_context
def _address_item(context, value: Any, item: str) -> str | None:
    return form_fields.address_item(value, item, _lang(context))


@pass_context
def _date_part(context, value: date | None, part: str) -> str:
    """"day", "month" or "yy" of a date line of an official form; "" if there is no date."""
    if value is None:
        return ""
    return form_fields.date_parts(value, _lang(context))[("day", "month", "yy").index(part)]


FILTERS = {
    "label": _label,
    "dash": form_fields.dash,
    "address_item": _address_item,
    "date_part": _date_part,
    "address": _address,
    "cadastral": _cadastral,
    "full_name": formatting.full_name,
    "identifier": _identifier,
    "official_date": _official_date,
    "short_date": _short_date,
    "number": _number,
    "area": _area,
    "money": _money,
    "money_in_words": _money_in_words,
}


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The sandbox with bounds on what a template may build (see `limits`): `range`, `*`,
    `+` and `**`, the padding filters, and no `lipsum`."""

    intercepted_binops = frozenset({"*", "+", "**"})

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        limits.checked_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)


def make_environment() -> ImmutableSandboxedEnvironment:
    """A new environment with our filters; the engine makes one and shares it."""
    env = BoundedSandbox(
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.globals["range"] = limits.bounded_range
    env.globals.pop("lipsum", None)
    env.filters.update(limits.bounded_filters(env.filters))
    env.filters.update(FILTERS)
    return env
