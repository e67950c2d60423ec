"""Jinja's own errors about a template, said as catalogue messages (kk, ru, en).

Jinja reports a broken or failing template in English ("Encountered unknown tag 'endif'.",
"'dict object' has no attribute 'y'", "access to attribute '__class__' of 'str' object is
unsafe."). `explain` maps such an error, by its class and a small set of patterns for Jinja's
common texts, to a catalogue message holding the facts (the tag, the name, the token) and the
template line it is on; what no pattern knows gets a generic message of its class. Jinja's
own text stays in the message's `detail` (see `i18n.foreign`): for programs, never in kk or ru.

>>> from jinja2 import Environment
>>> def said(source, lang):
...     try:
...         Environment().parse(source)
...     except Exception as exc:
...         return explain(exc, source).reason.describe(lang)
>>> said("{% if a %}\\n{% endfor %}", "en")
"the tag 'endfor' is out of place: the open tag 'if' needs elif, else, endif first"
>>> said("{{ a b }}", "en")
"'}}' was expected, not 'b'"
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import TracebackType

from jinja2.exceptions import (SecurityError, TemplateAssertionError, TemplateError, TemplateSyntaxError,
                               UndefinedError)

from ..i18n.catalogue import Message, N_
from ..i18n.foreign import ForeignMessage

#: Jinja's names of the tokens, written as a template writes them (or in words).
_TOKENS = {
    "end of print statement": "}}", "begin of print statement": "{{",
    "end of statement block": "%}", "begin of statement block": "{%",
    "end of comment": "#}", "begin of comment": "{#",
}
_TOKEN_WORDS = {
    "end of template": N_("the end of the template"),
    "name": N_("a name"),
    "string": N_("a text in quotes"),
    "integer": N_("a number"),
    "float": N_("a number"),
    "template data / text": N_("text"),
}


def _token(text: str) -> str | Message:
    """A token as Jinja describes it, as the reader should see it.

    >>> _token("end of print statement"), _token("endfor"), _token("name")
    ("'}}'", "'endfor'", 'a name')
    """
    if text in _TOKENS:
        return repr(_TOKENS[text])
    if text in _TOKEN_WORDS:
        return Message(_TOKEN_WORDS[text])
    return repr(text)


def _tags(listing: str) -> str:
    """"'elif' or 'else' or 'endif'" -> "elif, else, endif" (tag names are template words)."""
    names = re.findall(r"'([^']*)'", listing)
    return ", ".join(names) if names else listing


_LOOKING = re.compile(r"Jinja (?:was looking for the following tags|is expecting this tag, but currently looking "
                      r"for): (?P<expected>.*?)\.(?: |$)")
_INNERMOST = re.compile(r"The innermost block that needs to be closed is '(?P<block>[^']*)'")

_SYNTAX: list[tuple[re.Pattern[str], object]] = []


def _syntax(pattern: str):
    def register(build):
        _SYNTAX.append((re.compile(pattern, re.S), build))
        return build
    return register


def _block_needs(text: str) -> tuple[str | None, str | None]:
    looking, innermost = _LOOKING.search(text), _INNERMOST.search(text)
    return (innermost.group("block") if innermost else None,
            _tags(looking.group("expected")) if looking else None)


@_syntax(r"^Unexpected end of template\.")
def _end_in_block(match, text):
    block, expected = _block_needs(text)
    if block and expected:
        return (N_("the template ends while the tag '{block}' is open: it needs {expected}"),
                {"block": block, "expected": expected})
    return (N_("the template ends while a tag is open"), {})


@_syntax(r"^Encountered unknown tag '(?P<tag>[^']*)'\.")
def _unknown_tag(match, text):
    block, expected = _block_needs(text)
    if block and expected:
        return (N_("the tag '{tag}' is out of place: the open tag '{block}' needs {expected} first"),
                {"tag": match["tag"], "block": block, "expected": expected})
    return (N_("unknown tag '{tag}'"), {"tag": match["tag"]})


@_syntax(r"^unexpected end of template, expected '(?P<expected>.*)'\.$")
def _end_expecting(match, text):
    return (N_("the template ends where {expected} was expected"), {"expected": _token(match["expected"])})


@_syntax(r"^unexpected char (?P<char>'.'|\".\") at \d+$")
def _unexpected_char(match, text):
    char = match["char"][1:-1]
    if char in "'\"":
        return (N_("a text in quotes is not closed in its tag ({char})"), {"char": char})
    return (N_("the character {char!r} cannot be used in a tag"), {"char": char})


@_syntax(r"^expected token '(?P<expected>.*)', got '(?P<got>.*)'$")
def _expected_token(match, text):
    return (N_("{expected} was expected, not {got}"),
            {"expected": _token(match["expected"]), "got": _token(match["got"])})


@_syntax(r"^unexpected '(?P<got>.*?)'(?:, expected '(?P<expected>.*)')?$")
def _unexpected(match, text):
    if match["expected"]:
        return (N_("{got} is out of place: {expected} was expected"),
                {"got": _token(match["got"]), "expected": _token(match["expected"])})
    return (N_("{got} is out of place"), {"got": _token(match["got"])})


@_syntax(r"^Expected an expression, got '(?P<got>.*)'$")
def _expression(match, text):
    return (N_("a value was expected, not {got}"), {"got": _token(match["got"])})


#: Jinja's syntax errors that carry no name or token: said by a fixed message each.
for _pattern, _template in (
        (r"^Missing end of comment tag$", N_("a comment opened with {# is not closed with #}")),
        (r"^Missing end of raw directive$", N_("{% raw %} is not closed with {% endraw %}")),
        (r"^can't assign to '.*'$", N_("{% set %} can assign only to a name")),
        (r"^tag name expected$", N_("a tag name was expected after {%")),
        (r"^invalid syntax for function call expression$", N_("the arguments of a call are not written correctly")),
        (r"^Invalid character in identifier$", N_("a name holds a character a name cannot have"))):
    _syntax(_pattern)(lambda match, text, template=_template: (template, {}))


_UNDEFINED: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^'(?P<name>[^']*)' is undefined$"),
     N_("'{name}' is undefined: the data has no such value")),
    (re.compile(r"^'None' has no attribute '(?P<name>[^']*)'$"),
     N_("'{name}' is read from an empty value (the data does not give the value it belongs to)")),
    (re.compile(r"^'[^']*' has no attribute '(?P<name>[^']*)'$"),
     N_("the value has no field '{name}'")),
    (re.compile(r"^.* has no element (?P<name>.*)$"),
     N_("the list has no item {name}")),
    (re.compile(r"^parameter '(?P<name>[^']*)' was not provided$"),
     N_("the macro's parameter '{name}' was not given")),
]
_SECURITY: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^access to attribute '(?P<name>[^']*)' of '[^']*' object is unsafe\.$"),
     N_("the attribute '{name}' is not allowed in a template (Python internals)")),
    (re.compile(r"^.* is not safely callable$"),
     N_("the template calls something it may not call")),
]
_ASSERTION: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^No filter named '(?P<name>[^']*)'"), N_("there is no filter '{name}'")),
    (re.compile(r"^No test named '(?P<name>[^']*)'"), N_("there is no test '{name}'")),
]
#: What is said when no pattern knows Jinja's text (and, to an English reader, Jinja's text after it).
_GENERIC = (
    (TemplateSyntaxError, N_("a tag is not written correctly")),
    (TemplateAssertionError, N_("the tags are not valid")),
    (UndefinedError, N_("a value the template reads is undefined")),
    (SecurityError, N_("the template does something the sandbox does not allow")),
    (TemplateError, N_("the template cannot be rendered")),
)
#: Python's own errors raised by a template's expressions (`{{ number + 1 }}` on a text,
#: `{{ x / 0 }}`): the template's fault, said so; Python's text is the detail.
VALUE_ERRORS = (TypeError, ValueError, ArithmeticError, LookupError)


@dataclass(frozen=True)
class Explained:
    """A Jinja error as the library says it: the reason (a catalogue message whose `detail` is
    Jinja's text), the template line (None if unknown) and that line's text."""

    reason: Message
    line: int | None
    text: str
    raw: str | None  # None when the error's message is the library's own

    def message(self, with_line: bool = True) -> Message:
        """The reason with its line and the text near it, as one message."""
        near = repr(self.text[:120]) if self.text else ""
        if with_line and self.line:
            if near:
                return Message("line {line}: {reason} (near: {text})", line=self.line, reason=self.reason, text=near)
            return Message("line {line}: {reason}", line=self.line, reason=self.reason)
        if near:
            return Message("{reason} (near: {text})", reason=self.reason, text=near)
        return self.reason


def raised_in(exc: BaseException, filename: str) -> bool:
    """Whether `exc` was raised while running the template compiled as `filename`."""
    return _line_in_traceback(exc.__traceback__, filename) is not None


def _line_in_traceback(tb: TracebackType | None, filename: str | None) -> int | None:
    """The template line of the innermost frame of `filename` (Jinja rewrites its frames so)."""
    line = None
    while tb is not None and filename:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def source_line(source: str | None, line: int | None) -> str:
    """The text of a line of the pre-processed XML, without its markup."""
    if not source or not line:
        return ""
    lines = source.splitlines()
    return re.sub(r"<[^>]+>", "", lines[line - 1]).strip() if 0 < line <= len(lines) else ""


def reason(exc: Exception) -> Message:
    """Jinja's error as a catalogue message (`detail`: Jinja's text).

    >>> from jinja2.exceptions import UndefinedError, SecurityError
    >>> reason(UndefinedError("'dict object' has no attribute 'y'")).describe("kk")
    "мәнде 'y' өрісі жоқ"
    >>> reason(SecurityError("access to attribute '__class__' of 'str' object is unsafe.")).describe("ru")
    "атрибут '__class__' в шаблоне не допускается (внутреннее устройство Python)"
    >>> reason(UndefinedError("something new")).describe("en")
    'a value the template reads is undefined: something new'
    """
    message = getattr(exc, "message", None)
    if isinstance(message, Message):  # ours already (the limits of `limits`)
        return message
    if not isinstance(exc, TemplateError):
        detail = f"{type(exc).__name__}: {exc}"
        if isinstance(exc, ZeroDivisionError):
            return ForeignMessage(N_("the template divides by zero"), detail=detail)
        return ForeignMessage(N_("an expression of the template does not work on its values"), detail=detail,
                              english=True)
    text = message if isinstance(message, str) else str(exc)
    if isinstance(exc, TemplateSyntaxError) and not isinstance(exc, TemplateAssertionError):
        for pattern, build in _SYNTAX:
            match = pattern.search(text)
            if match:
                template, values = build(match, text)
                return ForeignMessage(template, detail=text, **values)
    for kind, table in ((UndefinedError, _UNDEFINED), (SecurityError, _SECURITY),
                        (TemplateAssertionError, _ASSERTION)):
        if isinstance(exc, kind):
            for pattern, template in table:
                match = pattern.search(text)
                if match:
                    return ForeignMessage(template, detail=text, **match.groupdict())
    generic = next(template for kind, template in _GENERIC if isinstance(exc, kind))
    return ForeignMessage(generic, detail=text, english=True)


def explain(exc: Exception, source: str | None = None, filename: str | None = None) -> Explained:
    """The reason, line and line text of a Jinja error about `source` (compiled as `filename`)."""
    line = getattr(exc, "lineno", None) or _line_in_traceback(exc.__traceback__, filename)
    message = getattr(exc, "message", None)
    raw = (None if isinstance(message, Message) else str(message) if message is not None
           else str(exc) if isinstance(exc, TemplateError) else f"{type(exc).__name__}: {exc}")
    return Explained(reason(exc), line, source_line(source, line), raw)
