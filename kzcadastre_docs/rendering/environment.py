"""The one Jinja environment every template runs in.

Sandboxed (templates cannot reach Python internals), autoescaped (a value is always text,
never markup), and strict (a missing variable is an error, not an empty string).
Formatting filters take the document language from the rendering context, which the
engine always sets as `lang`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from jinja2 import StrictUndefined, pass_context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .. import formatting


def _finalize(value: Any) -> Any:
    # An absent optional value prints as nothing; a missing variable is still an error.
    return "" if value is None else value


def _lang(context) -> str:
    return formatting.check_lang(context["lang"])


@pass_context
def _official_date(context, value: date, locative: bool = False) -> str:
    return formatting.official_date(value, _lang(context), locative=locative)


@pass_context
def _short_date(context, value: date) -> str:
    return formatting.short_date(value, _lang(context))


@pass_context
def _number(context, value: Decimal | int, places: int | None = None) -> str:
    return formatting.number(value, _lang(context), places=places)


@pass_context
def _area(context, value: Decimal) -> str:
    return formatting.area(value, _lang(context))


@pass_context
def _money(context, value: Decimal) -> str:
    return formatting.money(value, _lang(context))


@pass_context
def _money_in_words(context, value: Decimal) -> str:
    return formatting.money_in_words(value, _lang(context))


FILTERS = {
    "official_date": _official_date,
    "short_date": _short_date,
    "number": _number,
    "area": _area,
    "money": _money,
    "money_in_words": _money_in_words,
}


def make_environment() -> ImmutableSandboxedEnvironment:
    """A new environment with our filters; the engine makes one and shares it."""
    env = ImmutableSandboxedEnvironment(
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    return env
