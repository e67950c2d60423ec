"""Bounds on what a template may cost: an operator's template must not hang or eat memory.

The sandbox keeps a template from reaching Python internals; these limits keep it from
running for ever or building a huge value, whether written by hand or by accident:

- `range` gives at most MAX_RANGE items (Jinja's own sandbox allows 100,000);
- `*` and `+` refuse to build a string or list longer than MAX_VALUE_LENGTH, and `**`
  refuses an exponent above MAX_EXPONENT or a result of more than MAX_POWER_DIGITS digits;
- the filters that pad or wrap (`center`, `indent`, `wordwrap`, `truncate`, `format`) take
  widths of at most MAX_WIDTH; `lipsum` is not available;
- `~` (joining text) refuses a result longer than MAX_VALUE_LENGTH;
- a part's rendering stops after RENDER_SECONDS of time or MAX_PART_OUTPUT characters.

The template check (`forms.template_check`) refuses the same things where it can see them
in the template's text, so that an operator hears of them before any rendering.

>>> bounded_range(3)
range(0, 3)
>>> bounded_range(MAX_RANGE + 1)
Traceback (most recent call last):
...
kzcadastre_docs.rendering.limits.TemplateLimitError: range() of more than 10000 items is not allowed in a template
"""

from __future__ import annotations

import re
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from jinja2 import runtime
from jinja2.exceptions import SecurityError

from ..i18n.catalogue import Message

MAX_RANGE = 10_000
MAX_VALUE_LENGTH = 1_000_000
MAX_EXPONENT = 64
MAX_POWER_DIGITS = 100
MAX_WIDTH = 1_000
#: The largest number a template may write as a constant.
MAX_CONSTANT = 1_000_000
RENDER_SECONDS = 30.0
MAX_PART_OUTPUT = 50_000_000  # characters of one part's XML


class TemplateLimitError(SecurityError):
    """A template went beyond one of the limits (the message says which); the message is a
    Message, so that it can be shown in kk or ru."""

    def __init__(self, template: str, **values):
        super().__init__(Message(template, **values))


def bounded_range(*args: int) -> range:
    """`range`, refusing more than MAX_RANGE items."""
    values = range(*args)
    if values.stop - values.start > MAX_RANGE * abs(values.step) or len(values) > MAX_RANGE:
        raise TemplateLimitError("range() of more than {limit} items is not allowed in a template", limit=MAX_RANGE)
    return values


def _length(value: Any) -> int | None:
    return len(value) if isinstance(value, (str, list, tuple)) else None


def checked_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse `left operator right` if it would build a huge value.

    >>> checked_binop("*", "ab", 3)
    >>> checked_binop("*", "a", 10**9)
    Traceback (most recent call last):
    ...
    kzcadastre_docs.rendering.limits.TemplateLimitError: '*' would build a value of 1000000000 items; the limit in a template is 1000000
    >>> checked_binop("**", 10, 10**6)
    Traceback (most recent call last):
    ...
    kzcadastre_docs.rendering.limits.TemplateLimitError: '**' with an exponent above 64 is not allowed in a template
    """
    if operator == "*":
        for sequence, count in ((left, right), (right, left)):
            size = _length(sequence)
            if size is not None and isinstance(count, int) and size * count > MAX_VALUE_LENGTH:
                raise TemplateLimitError("'*' would build a value of {size} items; the limit in a template is {limit}",
                                         size=size * count, limit=MAX_VALUE_LENGTH)
    elif operator == "+":
        sizes = (_length(left), _length(right))
        if None not in sizes and sum(sizes) > MAX_VALUE_LENGTH:
            raise TemplateLimitError("'+' would build a value of {size} items; the limit in a template is {limit}",
                                     size=sum(sizes), limit=MAX_VALUE_LENGTH)
    elif operator == "**":
        if isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
            raise TemplateLimitError("'**' with an exponent above {limit} is not allowed in a template",
                                         limit=MAX_EXPONENT)
        if isinstance(left, int) and isinstance(right, int) and right > 0 and left not in (0, 1, -1):
            digits = right * len(str(abs(left)))
            if digits > MAX_POWER_DIGITS * 4:
                raise TemplateLimitError("'**' would build a number of about {digits} digits; the limit in a "
                                         "template is {limit}", digits=digits, limit=MAX_POWER_DIGITS)


def _width(name: str, value: Any) -> None:
    if isinstance(value, (int, float)) and abs(value) > MAX_WIDTH:
        raise TemplateLimitError("the filter '{name}' with a width of {width:g} is not allowed in a template "
                                 "(at most {limit})", name=name, width=value, limit=MAX_WIDTH)


_FORMAT_WIDTH = re.compile(r"%[-+ #0]*(\d+)?(?:\.(\d+))?|\{[^{}]*?:[^{}]*?(\d+)[^{}]*\}")


def bounded_filters(filters: dict[str, Callable]) -> dict[str, Callable]:
    """The padding and wrapping filters, with their widths bounded."""
    center, indent, wordwrap, truncate, do_format = (filters[name] for name in
                                                    ("center", "indent", "wordwrap", "truncate", "format"))

    def bounded_center(value, width=80):
        _width("center", width)
        return center(value, width)

    def bounded_indent(value, width=4, *args, **kwargs):
        _width("indent", width if isinstance(width, (int, float)) else len(str(width)))
        return indent(value, width, *args, **kwargs)

    def bounded_truncate(env, value, length=255, *args, **kwargs):
        _width("truncate", length)
        return truncate(env, value, length, *args, **kwargs)

    def bounded_wordwrap(env, value, width=79, *args, **kwargs):
        _width("wordwrap", width)
        return wordwrap(env, value, width, *args, **kwargs)

    def bounded_format(value, *args, **kwargs):
        for match in _FORMAT_WIDTH.finditer(str(value)):
            for number in match.groups():
                if number and (len(number) > 4 or int(number) > MAX_WIDTH):
                    raise TemplateLimitError("the filter 'format' with a width of {width} is not allowed in a "
                                             "template (at most {limit})", width=number, limit=MAX_WIDTH)
        return do_format(value, *args, **kwargs)

    from jinja2.utils import pass_environment

    return {"center": bounded_center, "indent": bounded_indent, "format": bounded_format,
            "truncate": pass_environment(bounded_truncate), "wordwrap": pass_environment(bounded_wordwrap)}


_JOINS = {runtime.markup_join.__code__, runtime.str_join.__code__}
_local = threading.local()


def _tracer(deadline: float, previous):
    """A trace function that stops the render at `deadline` and refuses huge `~` joins."""
    calls = 0

    def trace(frame, event, arg):
        nonlocal calls
        if event == "call":
            calls += 1
            if calls % 64 == 0 and time.monotonic() > deadline:
                raise TemplateLimitError("rendering took longer than {seconds:g} s; stopped", seconds=_local.seconds)
            if frame.f_code in _JOINS:
                parts = frame.f_locals.get("seq") or ()
                size = sum(len(part) for part in parts if isinstance(part, str))
                if size > MAX_VALUE_LENGTH:
                    raise TemplateLimitError("'~' would build a text of {size} characters; the limit in a template "
                                             "is {limit}", size=size, limit=MAX_VALUE_LENGTH)
        return previous(frame, event, arg) if previous is not None else None

    return trace


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Stop a render running in this thread after `seconds` (TemplateLimitError).

    Works through a trace function on Python calls, so that a loop that prints nothing, a
    macro that calls itself and a filter loop are all stopped; any tracer already installed
    (a coverage tool) keeps running.
    """
    previous = sys.gettrace()
    _local.seconds = seconds
    sys.settrace(_tracer(time.monotonic() + seconds, previous))
    try:
        yield
    finally:
        sys.settrace(previous)


def bounded_output(chunks: Iterator[str], limit: int = MAX_PART_OUTPUT) -> str:
    """The chunks of a render joined, refusing more than `limit` characters.

    >>> bounded_output(iter(["a", "b"]))
    'ab'
    """
    out: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > limit:
            raise TemplateLimitError("the rendered part is longer than {limit} characters; stopped", limit=limit)
        out.append(chunk)
    return "".join(out)
