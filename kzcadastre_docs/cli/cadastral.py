"""The `cadastral` commands: read a number, assign, split, merge, replace, retire and look up
numbers in the register, and print a land plot's Учетный лист.

A step that breaks a rule of the Rules for assigning cadastral numbers exits 2 naming the
part and the point, and leaves the register unchanged; a register that cannot be opened or
used exits 1.
"""

from __future__ import annotations

import click

from ..errors import EXIT_INVALID
from ..i18n import catalogue
from ..i18n.catalogue import N_, gettext as _
from ..register.location import REGISTER_ENV, default_location

from .app import main
from .common import OutputPath
from .common import (DATE, _LazyModule, _outputs, api, atomic_write, document_lang_option, get_form, pdf_converter,
                     pdf_options)
from .ui import emit, fail, is_json, say

numbers = _LazyModule("kzcadastre_docs.law.cadastral")
#: The words of `cadastral show` and of a step's report.
WORDS = (N_("land_plot"), N_("primary"), N_("secondary"), N_("temporary_primary"), N_("temporary_secondary"),
         N_("active"), N_("retired"), N_("annulled"), N_("split"), N_("merge"), N_("permanent"), N_("retire"))

SHEET_FORM = "cadastral-register-sheet"


@main.group()
def cadastral():
    """Cadastral numbers by the Rules for assigning cadastral numbers (Order No. 156): parse
    them, assign them in the register, split, merge, and print a land plot's Учетный лист.

    The register is a SQLite file (default: register.sqlite in your data folder) or a
    PostgreSQL database (--register postgresql://user@host/db). Exit status 2: a number or
    step the Rules do not allow (the part and the point are named; nothing changed)."""


def _register_option(function):
    return click.option("--register", "location", envvar=REGISTER_ENV, show_envvar=True, metavar="PATH|URL",
                        help="The register: a SQLite file, or postgresql://... (default: register.sqlite in your "
                             "data folder).", show_default=str(default_location()))(function)


def _format_option(function):
    """--format is every command's common option (text or json); kept so the decorators read as before."""
    return function


def _step_options(function):
    """Who assigns and when: the sheet's columns 5 and 6."""
    for option in reversed([
        click.option("--specialist", required=True, help="Full name of the specialist who assigns (sheet column 6)."),
        click.option("--position", help="The specialist's position: a code of the position vocabulary "
                                        "(e.g. chief_inspection_specialist)."),
        click.option("--position-kk", help="The position in Kazakh (with --position-ru, instead of --position)."),
        click.option("--position-ru", help="The position in Russian."),
        click.option("--date", "on", type=DATE, required=True,
                     help="Date of assignment, DD.MM.YYYY or YYYY-MM-DD (sheet column 5)."),
    ]):
        function = option(function)
    return function


def _open(location: str | None):
    """The register (SQLAlchemy is loaded only by the commands that use it)."""
    from ..register import Register

    return Register(location)


def _specialist(specialist: str, position: str | None, position_kk: str | None, position_ru: str | None):
    from ..register import Specialist

    if position is not None and (position_kk or position_ru):
        raise click.UsageError(_("give --position (a code) or --position-kk and --position-ru, not both"))
    if position is None and not (position_kk or position_ru):
        raise click.UsageError(_("give the specialist's position: --position CODE, or --position-kk and --position-ru"))
    return Specialist.of(specialist, position if position is not None else {"kk": position_kk, "ru": position_ru})


def _report(change) -> None:
    def text():
        for entry in change.ended:
            say(_("ended    {number} ({status}, {by}, {on})").format(
                number=entry.number, status=_(entry.status), by=_(entry.ended_by) if entry.ended_by else "", on=catalogue.shown(entry.ended_on)))
        for entry in change.assigned:
            replaces = (_("; replaces {numbers}").format(numbers=", ".join(entry.replaces)) if entry.replaces else "")
            say(_("assigned {number} (record {record} of the sheet of {land_plot}{replaces})").format(
                number=entry.number, record=entry.record, land_plot=entry.land_plot, replaces=replaces))

    emit(change.to_json(), text)


@cadastral.command("parse")
@click.argument("number")
@_format_option
def parse_command(number):
    """Read NUMBER: its kind (land_plot, primary, secondary, temporary_primary,
    temporary_secondary) and parts; exit 2 naming the wrong part and the point."""
    parsed = numbers.parse(number)  # an invalid number: exit 2, or {"error": {...}} under --format json
    data = parsed.to_json()
    if is_json():
        emit({"valid": True, **data})
        return
    click.echo(f"{data['number']}  {_(data['kind'])}")
    for name, value in data["parts"].items():
        if value is not None and name != "temporary":
            click.echo(f"  {_(numbers.PARTS[name])}: {value}")
    for name, value in data["parts"].get("temporary", {}).items():
        click.echo(f"  {_(numbers.PARTS[name])}: {value}")


@cadastral.command()
@click.option("--land-plot", required=True, help="The land plot's number; with --temporary, its quarter AA:BBB:CCC.")
@click.option("--primary", help="Assign a secondary number in this primary object (its number on the plot, "
                                "or the whole number); it must be in the register (point 24).")
@click.option("--secondary", is_flag=True, help="Assign a secondary number; without --primary, a new primary number "
                                               "and its first secondary number in one step (point 24).")
@click.option("--premise", help="Use the premise's postal number as the secondary number, when it is unique in the "
                                "primary object (point 26).")
@click.option("--temporary", is_flag=True, help="The plot has no number: a temporary number unique in the quarter "
                                               "(points 8, 30, 31).")
@click.option("--temporary-code", help="A temporary number made of street code:house:inventory number, e.g. "
                                       "123:12А:4/53687 (point 31).")
@_step_options
@_register_option
@_format_option
def assign(land_plot, primary, secondary, premise, temporary, temporary_code, specialist, position, position_kk,
           position_ru, on, location):
    """Assign the next number on a land plot or in a primary object, and record it on the
    land plot's Учетный лист."""
    clerk = _specialist(specialist, position, position_kk, position_ru)
    with _open(location) as register:
        change = register.assign(land_plot, primary=primary, secondary=secondary, premise=premise,
                                 temporary=temporary, temporary_code=temporary_code, specialist=clerk,
                                 on=on)
    _report(change)


@cadastral.command()
@click.argument("number")
@click.option("--into", "parts", type=click.IntRange(2, 1000), required=True, help="How many objects the split makes.")
@click.option("--retire-secondaries", is_flag=True, help="A primary object's secondary numbers end with it (point 28).")
@_step_options
@_register_option
@_format_option
def split(number, parts, retire_secondaries, specialist, position, position_kk, position_ru, on, location):
    """Split an object: NUMBER ends, the new objects get the next numbers (points 6, 18, 19, 29)."""
    clerk = _specialist(specialist, position, position_kk, position_ru)
    with _open(location) as register:
        change = register.split(number, parts, specialist=clerk, on=on,
                                retire_secondaries=retire_secondaries)
    _report(change)


@cadastral.command()
@click.argument("numbers_", metavar="NUMBER NUMBER...", nargs=-1, required=True)
@click.option("--retire-secondaries", is_flag=True, help="Merged primary objects' secondary numbers end too (point 28).")
@_step_options
@_register_option
@_format_option
def merge(numbers_, retire_secondaries, specialist, position, position_kk, position_ru, on, location):
    """Merge objects of one land plot (or one primary object): their numbers end, the new
    object gets the next number (points 6, 18, 20, 29)."""
    clerk = _specialist(specialist, position, position_kk, position_ru)
    with _open(location) as register:
        change = register.merge(list(numbers_), specialist=clerk, on=on,
                                retire_secondaries=retire_secondaries)
    _report(change)


@cadastral.command()
@click.argument("temporary_number")
@click.option("--land-plot", required=True, help="The number the land plot now has.")
@_step_options
@_register_option
@_format_option
def permanent(temporary_number, land_plot, specialist, position, position_kk, position_ru, on, location):
    """The land plot got its number: replace a temporary primary number (and its secondary
    numbers) by permanent ones; the temporary ones are annulled and linked (points 32, 33)."""
    clerk = _specialist(specialist, position, position_kk, position_ru)
    with _open(location) as register:
        change = register.make_permanent(temporary_number, land_plot, specialist=clerk, on=on)
    _report(change)


@cadastral.command()
@click.argument("number")
@_step_options
@_register_option
@_format_option
def record(number, specialist, position, position_kk, position_ru, on, location):
    """Enter a number assigned before the register was kept (from a paper sheet): it is never
    given again, and the next numbers follow it (a secondary number needs its primary one)."""
    clerk = _specialist(specialist, position, position_kk, position_ru)
    with _open(location) as register:
        change = register.record(number, specialist=clerk, on=on)
    _report(change)


@cadastral.command()
@click.argument("number")
@_step_options
@_register_option
@_format_option
def retire(number, specialist, position, position_kk, position_ru, on, location):
    """The object ceased to exist: its number ends and is never given to another (point 7)."""
    clerk = _specialist(specialist, position, position_kk, position_ru)
    with _open(location) as register:
        change = register.retire(number, specialist=clerk, on=on)
    _report(change)


@cadastral.command()
@click.argument("number")
@_register_option
@_format_option
def show(number, location):
    """Look a number up in the register: its status, record, dates and links; exit 2 if it
    is not there."""
    with _open(location) as register:
        entry = register.lookup(number)
    if entry is None:
        raise fail("{number} is not in the register", code="not_in_register", field="NUMBER",
                   exit_code=EXIT_INVALID, number=numbers.parse(number))
    if is_json():
        emit(entry.to_json())
        return
    click.echo(f"{entry.number}  {_(entry.kind)}  {_(entry.status)}")
    click.echo(_("  record {record} of the sheet of {land_plot}, assigned {on} by {name}").format(
        record=entry.record, land_plot=entry.land_plot, on=catalogue.shown(entry.assigned_on), name=entry.specialist.name))
    if entry.ended_on:
        click.echo(_("  ended {on} ({by})").format(on=catalogue.shown(entry.ended_on), by=_(entry.ended_by) if entry.ended_by else ""))
    for label, linked in ((N_("  replaces: {numbers}"), entry.replaces), (N_("  replaced by: {numbers}"),
                                                                          entry.replaced_by)):
        if linked:
            click.echo(_(label).format(numbers=", ".join(linked)))


@cadastral.command("register")
@click.option("--land-plot", required=True, help="The land plot whose sheet to print.")
@document_lang_option()
@click.option("-o", "--output", type=OutputPath(),
              help='A .docx file (one language), or a folder: one that exists or a name ending with "/" '
                   "(cadastral-register-sheet.<lang>.docx).")
@click.option("--force", is_flag=True, help="Replace existing files.")
@pdf_options
@_register_option
def register_command(land_plot, lang, output, force, pdf, pdf_a, timeout, location):
    """The Учетный лист присвоения кадастровых номеров of one land plot, from the register:
    DOCX (and PDF with --pdf), or with --format json and no -o its data (points 34, 35)."""
    from ..register import sheet_data

    with _open(location) as register:
        data = sheet_data(register, land_plot)
    if is_json() and output is None:
        emit(data)
        return
    if output is None:
        raise click.UsageError(_("give -o PATH for the documents, or --format json"))
    spec = get_form(SHEET_FORM)
    langs = list(spec.languages) if lang == "both" else [lang]
    pdf = pdf or pdf_a
    targets = _outputs(spec, langs, output, pdf)
    paths = [*targets.values(), *([path.with_suffix(".pdf") for path in targets.values()] if pdf else [])]
    existing = [str(path) for path in paths if path.exists()]
    if existing and not force:
        raise fail("already exists (use --force to replace): {files}", code="output_exists", field="-o",
                   files=", ".join(existing))
    # Everything is made in memory before anything is written.
    documents = {lang_: api.render_document(SHEET_FORM, data, lang_) for lang_ in langs}
    files = {path: documents[lang_].docx for lang_, path in targets.items()}
    if pdf:
        with pdf_converter(timeout) as converter:
            files.update({path.with_suffix(".pdf"): api.to_pdf(documents[lang_], pdf_a=pdf_a, converter=converter)
                          for lang_, path in targets.items()})
    for path, content in files.items():
        atomic_write(path, content, overwrite=force)
        say(_("wrote {path}").format(path=path))
    emit({"form": SHEET_FORM, "files": [{"lang": lang_, "kind": "docx", "path": str(path)}
                                        for lang_, path in targets.items()]
          + ([{"lang": lang_, "kind": "pdf-a" if pdf_a else "pdf", "path": str(path.with_suffix(".pdf"))}
              for lang_, path in targets.items()] if pdf else []), "warnings": []})
