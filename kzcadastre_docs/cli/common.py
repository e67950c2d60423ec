"""Options and helpers shared by the commands."""

from __future__ import annotations

import contextlib
import importlib
import os
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import click

from ..i18n import catalogue
from ..i18n.catalogue import N_, gettext as _
from .ui import fail, progress, warn


class _LazyModule:
    """A module imported on first use: the commands' modules load the library only when a
    command runs, so `--help` and `forms` start fast (benchmarks/startup.py)."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attribute: str):
        return getattr(importlib.import_module(self._name), attribute)


def lazy(module: str, name: str):
    """A function of `module`, imported when first called."""

    def call(*args, **kwargs):
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = name
    return call


api = _LazyModule("kzcadastre_docs.api")
load_data = lazy("kzcadastre_docs.files", "load_data")
atomic_write = lazy("kzcadastre_docs.files", "atomic_write")
get_form = lazy("kzcadastre_docs.forms", "get_form")
modelled_form = lazy("kzcadastre_docs.forms", "modelled_form")
renderable_form = lazy("kzcadastre_docs.forms", "renderable_form")
load_case = lazy("kzcadastre_docs.jobs.case", "load_case")
bundle_docx_zip = lazy("kzcadastre_docs.jobs.bundle", "bundle_docx_zip")
bundle_pdf = lazy("kzcadastre_docs.jobs.bundle", "bundle_pdf")
bundle_pdf_a_zip = lazy("kzcadastre_docs.jobs.bundle", "bundle_pdf_a_zip")



class DocumentLanguage(click.Choice):
    """The document language: kk or ru (or both where several documents are made); kz is kk."""

    def convert(self, value, param, ctx):
        if isinstance(value, str) and value.strip().lower() == "kz":
            value = "kk"
        return super().convert(value, param, ctx)


LANG_CHOICE = DocumentLanguage(["kk", "ru", "both"])
DOCUMENT_LANG_HELP = N_("Language of the document: kk (or kz), ru, or both (one document in each).")
#: The samples folder's sub-folder of case files.
CASES_FOLDER = "cases"


def document_lang_option(choices=("kk", "ru", "both"), default="both", help_text=DOCUMENT_LANG_HELP):
    """--lang: the language of the document(s) made, never of the messages (that is --message-lang)."""
    return click.option("--lang", type=DocumentLanguage(list(choices)), default=default,
                        show_default=default is not None, help=help_text)


def is_folder(output: str) -> bool:
    """-o names a folder when it ends with "/" or already is one."""
    return output.endswith(("/", os.sep)) or Path(output).is_dir()


def _file_in_the_way(output: str, folder: bool = False) -> Path | None:
    """The nearest existing ancestor of the output `-o` names (or the output itself, when it is to be
    a folder) if that is not a folder: the outputs could not be created under it.

    >>> _file_in_the_way("/etc/hostname/out.docx"), _file_in_the_way("/etc/hostname/")
    (PosixPath('/etc/hostname'), PosixPath('/etc/hostname'))
    >>> _file_in_the_way("/tmp/new-folder/out.docx") is None, _file_in_the_way("/etc/hostname") is None
    (True, True)
    """
    path = Path(output)
    for candidate in (path, *path.parents):
        if candidate.exists():
            if candidate == path and not folder and not output.endswith(("/", os.sep)):
                return None  # an existing output file: --force decides
            return None if candidate.is_dir() else candidate
    return None


class OutputPath(click.Path):
    """-o: a path whose existing part must not run through a file (``-o notes.txt/out.docx``); the
    error names the file in the way instead of the system's "already exists" at writing time."""

    def convert(self, value, param, ctx):
        converted = super().convert(value, param, ctx)
        blocking = _file_in_the_way(os.fspath(value), folder=not self.file_okay)
        if blocking is not None:
            raise fail("-o {path}: {file} is a file, not a folder; name another folder", code="output_not_folder",
                       field="-o", path=os.fspath(value), file=str(blocking))
        return converted


def _outputs(spec, langs: list[str], output: str, pdf: bool = False, key: str = "") -> dict[str, Path]:
    """Where each language's DOCX goes (a PDF goes next to it, with the suffix .pdf).

    A folder gets <form>.<key>.<lang>.docx (the key as in batch names: the cadastral number, else
    the document's or the application's number), so several cases fit in one folder.
    """
    output = str(output) + ("/" if isinstance(output, Path) and output.is_dir() else "")
    if is_folder(output):
        stem = f"{spec.slug}.{key}" if key else spec.slug
        return {lang: Path(output) / f"{stem}.{lang}.docx" for lang in langs}
    path = Path(output)
    suffix = path.suffix.lower()
    if len(langs) > 1:
        raise fail('-o {path}: --lang both makes two documents ({langs}), so -o must be a folder: end it with "/" '
                   '({path}/), or choose one language with --lang kk or --lang ru', code="output_needs_folder",
                   field="-o", path=output, langs=", ".join(langs))
    if not suffix:
        raise fail('-o {path}: neither a file nor a folder: name a file ({path}.docx), or end a folder with "/" '
                   '({path}/)', code="output_ambiguous", field="-o", path=output)
    if suffix == ".pdf" and not pdf:
        raise fail("-o {path}: a .pdf file needs --pdf (or --pdf-a); without them the document is a .docx file",
                   code="output_suffix", field="-o", path=output)
    if suffix not in (".docx", ".pdf"):
        raise fail('-o {path}: the document is a .docx file (with --pdf also .pdf), not {suffix}; or end a folder '
                   'with "/"', code="output_suffix", field="-o", path=output, suffix=suffix)
    return {langs[0]: path.with_suffix(".docx")}


TEMPLATES_ENV = "KZCADASTRE_TEMPLATES"


def templates_option(function):
    """--templates DIR (or $KZCADASTRE_TEMPLATES): an operator's own templates, checked before use."""
    return click.option(
        "--templates", "templates_dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
        envvar=TEMPLATES_ENV, show_envvar=True,
        help="A folder of your own templates (kk/<form>.docx, ru/<form>.docx) used instead of the shipped ones, "
             "after the template check; forms it lacks use the shipped templates.")(function)


def allow_fallback_option(function):
    """--allow-fallback: as render's, for the commands that make many documents."""
    return click.option("--allow-fallback", is_flag=True,
                        help="Print a text given in the other language only, with a warning for each field "
                             "(default: such a document is refused).")(function)


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


class ConversionBar:
    """A bundle's `progress(done, total, what)` shown as the progress bar of `ui.progress`.

    The bar opens at the first document converted, so that its rate and time left are
    measured from the start of the work, not from LibreOffice's start or the rendering
    before it; nothing is shown off a terminal or under --format json. Use as a context
    manager (the bar closes with it)."""

    def __init__(self, label: str, unit: str):
        self._label, self._unit = label, unit
        self._stack = contextlib.ExitStack()
        self._advance = None
        self._done = 0

    def __call__(self, done: int, total: int, what: str) -> None:
        if self._advance is None:
            self._advance = self._stack.enter_context(progress(total, self._label, self._unit))
        if done > self._done:
            self._advance(done - self._done)
            self._done = done

    def __enter__(self) -> "ConversionBar":
        return self

    def __exit__(self, *exc) -> None:
        self._stack.close()


def pdf_converter(timeout: float):
    """A converter for one command; OfficeNotFoundError (what to install) where LibreOffice is missing."""
    from ..pdf import Converter

    converter = Converter(timeout=timeout)
    converter.start()
    return converter


_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")
_DATETIME_FORMATS = ("%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S",
                     "%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S")


def parse_date(value: str) -> date:
    """A date as DD.MM.YYYY or YYYY-MM-DD.

    >>> parse_date("24.11.2026"), parse_date("2026-11-24")
    (datetime.date(2026, 11, 24), datetime.date(2026, 11, 24))
    """
    text = value.strip()
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(value)


def parse_datetime(value: str) -> datetime:
    """A date with a time: DD.MM.YYYY HH:MM or YYYY-MM-DDTHH:MM (or with a space); a date alone is
    an error (NoTimeError), since the time decides the day of acceptance.

    >>> parse_datetime("24.11.2026 10:00")
    datetime.datetime(2026, 11, 24, 10, 0)
    >>> parse_datetime("2026-11-24T18:45")
    datetime.datetime(2026, 11, 24, 18, 45)
    """
    text = " ".join(value.split())
    for pattern in _DATETIME_FORMATS:
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    try:
        parse_date(text)
    except ValueError:
        pass
    else:
        raise NoTimeError(value)
    try:  # ISO 8601 with seconds or an offset (Z, +HH:MM): converted to Kazakhstan time later
        return datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(value) from None


#: Years a date option accepts (the Rules' arithmetic refuses others, see law.rules).
YEARS = (1991, 2200)
#: The largest area an option accepts, as the models' areas (12 digits, 2 decimal places).
MAX_AREA = Decimal("9999999999.99")


class AreaTooLarge(ValueError):
    """An area with more digits than the models keep."""


def _shown(text: str, limit: int = 40) -> str:
    """A value quoted for a message, cut to `limit` characters.

    >>> _shown("x" * 100, 5)
    "'xxxx…'"
    """
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _in_years(value, text: str, param, ctx):
    if not YEARS[0] <= value.year <= YEARS[1]:
        raise click.BadParameter(_("{value}: the year must be between {first} and {last}").format(
            value=_shown(text), first=YEARS[0], last=YEARS[1]), ctx=ctx, param=param)
    return value


class NoTimeError(ValueError):
    """A date was given where a date and time are needed."""


def parse_area(value: str) -> Decimal:
    """An area in m² as a clerk writes it: "1 500", "1 500,5" (spaces or no-break spaces group
    the thousands, the comma or the point marks the decimals).

    >>> parse_area("1 500"), parse_area("1\u00a0500,50"), parse_area("20.5")
    (Decimal('1500'), Decimal('1500.50'), Decimal('20.5'))
    """
    text = value.strip()
    for space in (" ", "\u00a0", "\u202f", "\u2009"):
        text = text.replace(space, "")
    if "," in text and "." in text:
        raise ValueError(value)
    area = Decimal(text.replace(",", "."))
    if not area.is_finite() or area < 0:
        raise ValueError(value)
    if area > MAX_AREA or (area and area.as_tuple().exponent < -2):
        raise AreaTooLarge(value)
    return area


class DateType(click.ParamType):
    name = "date"

    def get_metavar(self, param, ctx=None):
        return N_("DD.MM.YYYY")

    def convert(self, value, param, ctx):
        if isinstance(value, date):
            return value
        try:
            return _in_years(parse_date(value), value, param, ctx)
        except ValueError:
            self.fail(_("{value} is not a date: write DD.MM.YYYY (24.11.2026) or YYYY-MM-DD").format(
                value=_shown(value)), param, ctx)


class DateTimeType(click.ParamType):
    name = "datetime"

    def get_metavar(self, param, ctx=None):
        return N_("DD.MM.YYYY HH:MM")

    def convert(self, value, param, ctx):
        if isinstance(value, datetime):
            return value
        try:
            return _in_years(parse_datetime(value), value, param, ctx)
        except NoTimeError:
            self.fail(_("{value} has no time, and the time decides the day of acceptance: write "
                        "DD.MM.YYYY HH:MM (24.11.2026 10:00) or YYYY-MM-DDTHH:MM").format(value=_shown(value)),
                      param, ctx)
        except ValueError:
            self.fail(_("{value} is not a date and time: write DD.MM.YYYY HH:MM (24.11.2026 10:00) or "
                        "YYYY-MM-DDTHH:MM (with Z or +HH:MM for another time zone)").format(value=_shown(value)),
                      param, ctx)


class AreaType(click.ParamType):
    name = "area"

    def get_metavar(self, param, ctx=None):
        return N_("M2")

    def convert(self, value, param, ctx):
        if isinstance(value, Decimal):
            return value
        try:
            return parse_area(value)
        except AreaTooLarge:
            self.fail(_("{value}: an area has at most 10 digits before the decimal point and 2 after it").format(
                value=_shown(value)), param, ctx)
        except (ValueError, ArithmeticError):
            self.fail(_("{value} is not an area in square metres: write 1500, 1 500 or 1 500,50").format(
                value=_shown(value)), param, ctx)


DATE = DateType()
DATETIME = DateTimeType()
AREA = AreaType()


def _echo_warnings(found, lang: str | None = None, prefix: str = "") -> None:
    """Warnings go to standard error and do not change the exit status."""
    for warning in found:
        text = warning.describe(lang or catalogue.language()) if hasattr(warning, "describe") else catalogue.describe(warning)
        warn(prefix + text)


def forms_index() -> list[dict]:
    """Every registered form's summary, read from data/forms_index.json (written by
    tools/forms_index.py from the registry; a test keeps the two equal), so that `forms` and
    completion do not import the models."""
    import json
    from importlib import resources

    return json.loads((resources.files("kzcadastre_docs") / "data" / "forms_index.json").read_text(encoding="utf-8"))


def complete_form(ctx, param, incomplete: str):
    """Shell completion of FORM: the slugs (and annex-N), with their titles in the message language."""
    from click.shell_completion import CompletionItem

    lang = catalogue.language() if catalogue.language() in ("kk", "ru") else "ru"
    items = []
    for form in forms_index():
        names = [form["slug"]] + ([f"annex-{form['annex']}"] if form["annex"] else [])
        items += [CompletionItem(name, help=form["title"].get(lang)) for name in names if name.startswith(incomplete)]
    return items


def _parse_date(value: str, hint: str = "--date") -> date:
    """A date option's value (DD.MM.YYYY or YYYY-MM-DD), or a usage error naming the option."""
    try:
        return DATE.convert(value, None, None)
    except click.BadParameter as exc:
        exc.param_hint = hint
        raise
