"""The errors of the library, each with the CLI exit status it maps to.

Exit statuses are part of the CLI's contract: 0 success, 2 invalid data or usage
(nothing written), 1 any other failure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .i18n.catalogue import N_

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_INVALID = 2


class KzcadastreError(Exception):
    """Base class; `exit_code` is what the CLI exits with, `code` a stable machine name.

    Raised as ``SomeError("template with {name}", name=value)``, the error keeps its English
    template (a message id of the catalogue) and its values, so `describe(lang)` gives the
    message in kk, ru or en; `field` names the input the message is about, where there is one.
    """

    exit_code = EXIT_FAILURE
    code = "error"

    def __init__(self, message: str = "", *args, field: str | None = None, code: str | None = None, **values):
        self.template = message
        self.values = values
        self.field = field
        if code:
            self.code = code
        super().__init__(_fill(message, values) if values else message, *args)

    def describe(self, lang: str = "en") -> str:
        """The message for a reader of `lang`."""
        from .i18n.catalogue import gettext, shown

        if not isinstance(self.template, str) or not self.template:
            return str(self)
        translated = gettext(self.template, lang)
        values = {key: shown(value, lang) for key, value in self.values.items()}
        return _fill(translated, values) if values else translated


def _fill(template: str, values: dict) -> str:
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


class UnknownFormError(KzcadastreError, LookupError):
    exit_code = EXIT_INVALID
    code = "unknown_form"


class FormNotAvailableError(KzcadastreError):
    """The form is registered but cannot be rendered (reserved, or no template yet)."""

    exit_code = EXIT_INVALID
    code = "form_not_available"


class UnsupportedLanguageError(KzcadastreError, ValueError):
    exit_code = EXIT_INVALID
    code = "unsupported_language"


class OutputExistsError(KzcadastreError, FileExistsError):
    exit_code = EXIT_INVALID
    code = "output_exists"


class DataFileError(KzcadastreError):
    """The data file cannot be read or parsed."""

    exit_code = EXIT_INVALID
    code = "data_file"


#: How much of a value an error message quotes, and of a field's path (a key may be any text).
VALUE_LIMIT = 60
FIELD_LIMIT = 200


def shown_value(value: Any, limit: int = VALUE_LIMIT) -> Any:
    """A value as an error may show it: text cut to `limit` characters (with "…" and the full
    length in brackets, words in no language, as the message around it may be in any), characters
    that cannot be printed (lone surrogates) escaped; other scalars as they are.

    >>> shown_value("x" * 100, 10)
    'xxxxxxxxx…(100)'
    >>> shown_value(10 ** 70, 10)
    '100000000…(71)'
    >>> shown_value("a" + chr(0xD800) + "b")
    'a\\\\ud800b'
    >>> shown_value(3)
    3
    """
    if value is None or isinstance(value, (bool, int, float)):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10 ** limit:
            digits = str(value)
            return f"{digits[: limit - 1]}…({len(digits.lstrip('-'))})"
        return value
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit:
        text = f"{text[: limit - 1]}…({len(text)})"
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


#: Where a problem is when it is about the data as a whole (its field path is empty).
WHOLE_DATA = N_("<data>")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where (a field path), which rule, what value.

    `message` is English; `describe(lang)` gives the message in kk, ru or en.
    """

    field: str
    rule: str
    message: str
    value: Any = None
    context: dict = field(default_factory=dict, compare=False)

    def text(self, lang: str = "en") -> str:
        from .i18n.messages import render_message

        return render_message(self.rule, self.context, lang, self.message)

    def describe(self, lang: str = "en") -> str:
        from .i18n.messages import VALUE_WORD

        from .i18n.catalogue import gettext

        shown = "" if self.value is None else f" ({gettext(VALUE_WORD, lang)}: {shown_value(self.value)!r})"
        where = shown_value(self.field, FIELD_LIMIT) or gettext(WHOLE_DATA, lang)
        return f"{where}: {self.text(lang)} [{self.rule}]{shown}"

    def as_dict(self, lang: str = "en") -> dict:
        row = {"field": shown_value(self.field, FIELD_LIMIT), "rule": self.rule,
               "message": shown_value(self.text(lang), 2000),
               "value": shown_value(self.value)}
        if "_detail" in self.context:  # a library's own (English) words, for programs, whatever the language
            row["detail"] = shown_value(str(self.context["_detail"]), 2000)
        return row

    def __str__(self) -> str:
        return self.describe("en")


def message_problem(field: str, rule: str, template: str, value: Any = None, **values) -> Problem:
    """A problem whose message is a catalogue template, translated where it is shown.

    >>> message_problem("", "record", "the row is empty").text("ru")
    'строка пуста'
    """
    return Problem(field, rule, template.format(**values), value, context={"_template": template, **values})


def error_problem(field: str, rule: str, exc: KzcadastreError, value: Any = None) -> Problem:
    """A library error as a problem whose message is translated where it is shown (its template
    and values travel in the context: texts, catalogue messages, numbers and dates as they are, so
    they are said as the reader's language says them; other objects as their text)."""
    from datetime import date
    from decimal import Decimal

    if not exc.template:
        return Problem(field, rule, exc.describe(), value)
    values = {key: item if isinstance(item, (str, int, float, Decimal, date)) else str(item)
              for key, item in exc.values.items()}
    return Problem(field, rule, exc.describe(), value, {"_template": exc.template, **values})


_HEADING = N_("invalid data for form {form!r}:")


class DataValidationError(KzcadastreError, ValueError):
    """The data does not satisfy the form's model."""

    exit_code = EXIT_INVALID
    code = "invalid_data"

    def __init__(self, form: str, problems: list[Problem]):
        self.form = form
        self.problems = problems
        Exception.__init__(self, self.describe("en"))
        self.template, self.values, self.field = "", {}, None

    def describe(self, lang: str = "en") -> str:
        lines = "\n".join(f"  {problem.describe(lang)}" for problem in self.problems)
        from .i18n.catalogue import gettext

        return gettext(_HEADING, lang).format(form=self.form) + "\n" + lines


class TemplateCheckError(KzcadastreError):
    """An operator's template does not fit its form (see kzcadastre_docs.forms.template_check).

    Rendering with such a template is invalid input (exit 2), like invalid data; the
    `check-templates` command itself reports problems with exit 1, as a checker does."""

    exit_code = EXIT_INVALID
    code = "template_check"

    def __init__(self, problems: list):
        from .i18n.catalogue import Message

        self.problems = list(problems)
        # One message of the problems' messages, so that they are said in the reader's language
        # wherever the error's template and values travel (a batch's errors.jsonl).
        said = {f"p{index}": problem.as_message() if hasattr(problem, "as_message") else str(problem)
                for index, problem in enumerate(self.problems)}
        lines = Message("\n".join(f"  {{{name}}}" for name in said), **said)
        super().__init__(N_("the template check found {count} problem(s); nothing was rendered:\n{lines}"),
                         count=len(self.problems), lines=lines)

    def as_dict(self, lang: str = "en") -> dict:
        """Each problem with its stable code, for programs (`template_problems` in the JSON error)."""
        return {"template_problems": [problem.as_dict(lang) if hasattr(problem, "as_dict")
                                      else {"message": str(problem)} for problem in self.problems]}


class TemplateError(KzcadastreError):
    """A template cannot be parsed or rendered (syntax, missing variable, sandbox).

    `message` is a catalogue message (see `rendering.jinja_messages`); `line` is the line of
    the part's pre-processed text, `detail` the original text of the failure (Jinja's English),
    which only programs see (`as_dict`)."""

    exit_code = EXIT_FAILURE
    code = "template_error"

    def __init__(self, template: str, part: str, message: str, *, line: int | None = None, detail: str | None = None):
        super().__init__(N_("template {template} ({part}): {detail}"), template=template, part=part, detail=message)
        self.template_name = template
        self.part = part
        self.line = line
        self.detail = detail

    def as_dict(self, lang: str = "en") -> dict:
        """What a program may want beyond the message: the template, part, line and original text."""
        found = {"template": self.template_name, "part": self.part, "line": self.line, "detail": self.detail}
        return {key: value for key, value in found.items() if value is not None}


class UnknownEditionError(KzcadastreError, LookupError):
    """An edition that the library does not ship (`render --edition`)."""

    exit_code = EXIT_INVALID
    code = "unknown_edition"
