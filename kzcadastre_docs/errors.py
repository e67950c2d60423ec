"""The errors of the library, each with the CLI exit status it maps to.

Exit statuses are part of the CLI's contract: 0 success, 2 invalid data or usage
(nothing written), 1 any other failure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_INVALID = 2


class KzcadastreError(Exception):
    """Base class; `exit_code` is what the CLI exits with."""

    exit_code = EXIT_FAILURE


class UnknownFormError(KzcadastreError, LookupError):
    exit_code = EXIT_INVALID


class FormNotAvailableError(KzcadastreError):
    """The form is registered but cannot be rendered (reserved, or no template yet)."""

    exit_code = EXIT_INVALID


class UnsupportedLanguageError(KzcadastreError, ValueError):
    exit_code = EXIT_INVALID


class OutputExistsError(KzcadastreError, FileExistsError):
    exit_code = EXIT_INVALID


class DataFileError(KzcadastreError):
    """The data file cannot be read or parsed."""

    exit_code = EXIT_INVALID


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where (a field path), which rule, what value."""

    field: str
    rule: str
    message: str
    value: Any = None

    def __str__(self) -> str:
        shown = "" if self.value is None else f" (value: {self.value!r})"
        return f"{self.field or '<data>'}: {self.message} [{self.rule}]{shown}"


class DataValidationError(KzcadastreError, ValueError):
    """The data does not satisfy the form's model."""

    exit_code = EXIT_INVALID

    def __init__(self, form: str, problems: list[Problem]):
        self.form = form
        self.problems = problems
        lines = "\n".join(f"  {problem}" for problem in problems)
        super().__init__(f"invalid data for form {form!r}:\n{lines}")


class TemplateError(KzcadastreError):
    """A template cannot be parsed or rendered (syntax, missing variable, sandbox)."""

    exit_code = EXIT_FAILURE

    def __init__(self, template: str, part: str, message: str):
        self.template = template
        self.part = part
        self.detail = message
        super().__init__(f"template {template} ({part}): {message}")
