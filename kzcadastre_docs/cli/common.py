"""Options and helpers shared by the commands."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

import click

from ..forms import FormSpec



LANG_CHOICE = click.Choice(["kk", "ru", "both"])
#: The samples folder's sub-folder of case files.
CASES_FOLDER = "cases"


def _outputs(spec: FormSpec, langs: list[str], output: Path, pdf: bool = False) -> dict[str, Path]:
    """Where each language's DOCX goes (a PDF goes next to it, with the suffix .pdf)."""
    suffix = output.suffix.lower()
    if len(langs) == 1 and (suffix == ".docx" or (pdf and suffix == ".pdf")):
        return {langs[0]: output.with_suffix(".docx")}
    if output.suffix and not output.is_dir():
        raise click.UsageError(f"-o {output}: with --lang both, give a folder (the files are named <form>.<lang>.docx)")
    return {lang: output / f"{spec.slug}.{lang}.docx" for lang in langs}


TEMPLATES_ENV = "KZCADASTRE_TEMPLATES"


def templates_option(function):
    """--templates DIR (or $KZCADASTRE_TEMPLATES): an operator's own templates, checked before use."""
    return click.option(
        "--templates", "templates_dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
        envvar=TEMPLATES_ENV, show_envvar=True,
        help="A folder of your own templates (kk/<form>.docx, ru/<form>.docx) used instead of the shipped ones, "
             "after the template check; forms it lacks use the shipped templates.")(function)


def timeout_option(function):
    """--timeout: how long one PDF conversion may take."""
    return click.option("--timeout", type=click.FloatRange(1, 3600), default=60, show_default=True,
                        help="Seconds one PDF conversion may take before LibreOffice is restarted.")(function)


def pdf_options(function):
    """--pdf, --pdf-a and --timeout: PDF output through LibreOffice."""
    function = timeout_option(function)
    function = click.option("--pdf-a", "pdf_a", is_flag=True,
                            help="Also write a PDF/A-2b file for archiving (implies --pdf).")(function)
    return click.option("--pdf", is_flag=True,
                        help="Also write a PDF next to each DOCX (needs LibreOffice; the DOCX is written "
                             "even where it is missing).")(function)


def _progress(done: int, total: int, what: str) -> None:
    if what:
        click.echo(f"converting {done + 1}/{total}: {what}", err=True)


def pdf_converter(timeout: float):
    """A converter for one command; OfficeNotFoundError (what to install) where LibreOffice is missing."""
    from ..pdf import Converter

    converter = Converter(timeout=timeout)
    converter.start()
    return converter


#: Years a date option accepts (the Rules' arithmetic refuses others, see law.rules).
_YEARS = (1991, 2200)
#: The largest area an option accepts, as the models' areas (12 digits, 2 decimal places).
_MAX_AREA = Decimal("9999999999.99")


def _in_years(value, text: str, hint: str, what: str):
    if not _YEARS[0] <= value.year <= _YEARS[1]:
        raise click.BadParameter(f"{_shown(text)}: the year must be between {_YEARS[0]} and {_YEARS[1]}",
                                 param_hint=hint)
    return value


def _shown(text: str, limit: int = 40) -> str:
    """A value quoted for a message, cut to `limit` characters.

    >>> _shown("x" * 100, 5)
    "'xxxx…'"
    """
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _parse_datetime(value: str, hint: str = "--submitted") -> datetime:
    """A date and time: local time as written, or with an offset (Z, +HH:MM) converted later."""
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"{_shown(value)} is not a date and time (YYYY-MM-DDTHH:MM, optionally with Z "
                                 "or +HH:MM)", param_hint=hint) from None
    return _in_years(parsed, value, hint, "date and time")


def _parse_date(value: str, hint: str = "--date") -> date:
    try:
        parsed = date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"{_shown(value)} is not a date (YYYY-MM-DD)", param_hint=hint) from None
    return _in_years(parsed, value, hint, "date")


def _parse_area(value: str | None, hint: str = "--area") -> Decimal | None:
    if value is None:
        return None
    try:
        area = Decimal(value.strip().replace(",", "."))
    except InvalidOperation:
        raise click.BadParameter(f"{_shown(value)} is not a number of square metres", param_hint=hint) from None
    if not area.is_finite() or area < 0:
        raise click.BadParameter(f"{_shown(value)} is not a non-negative area", param_hint=hint)
    if area > _MAX_AREA or (area and area.as_tuple().exponent < -2):
        raise click.BadParameter(f"{_shown(value)}: an area has at most 10 digits before the decimal point and 2 "
                                 "after it", param_hint=hint)
    return area


def _echo_warnings(found, lang: str, prefix: str = "") -> None:
    """Warnings go to standard error and do not change the exit status."""
    for warning in found:
        click.echo(f"warning: {prefix}{warning.describe(lang)}", err=True)

