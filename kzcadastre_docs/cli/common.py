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


def _parse_datetime(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date and time (YYYY-MM-DDTHH:MM)") from None


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _parse_area(value: str | None) -> Decimal | None:
    if value is None:
        return None
    try:
        area = Decimal(value.replace(",", "."))
    except InvalidOperation:
        raise click.BadParameter(f"{value!r} is not a number of square metres") from None
    if not area.is_finite() or area < 0:
        raise click.BadParameter(f"{value!r} is not a non-negative area")
    return area


def _echo_warnings(found, lang: str, prefix: str = "") -> None:
    """Warnings go to standard error and do not change the exit status."""
    for warning in found:
        click.echo(f"warning: {prefix}{warning.describe(lang)}", err=True)

