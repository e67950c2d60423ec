"""The `kzcadastre-docs` command: a thin adapter over the library.

Exit statuses: 0 success; 2 invalid data or usage (nothing is written, the message names
the field); 1 any other failure.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

import click

from . import api, fees, rules
from .bundle import bundle_docx_zip, bundle_pdf, bundle_pdf_a_zip
from .case import load_case
from .errors import (EXIT_FAILURE, EXIT_INVALID, DataFileError, DataValidationError, KzcadastreError,
                     OutputExistsError)
from .messages import MESSAGE_LANGUAGES, message_language
from .files import atomic_write, load_data
from .forms import FormSpec, get_form, modelled_form, renderable_form

LANG_CHOICE = click.Choice(["kk", "ru", "both"])


class _Group(click.Group):
    """Maps library errors to the documented exit statuses, with a one-line reason."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KzcadastreError as exc:
            click.echo(f"error: {exc.describe(message_language())}", err=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(EXIT_FAILURE)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kzcadastre-docs")
def main():
    """Documents of Kazakhstan's technical inspection and cadastral-passport services
    (Order No. 65 of 22 January 2026), in Kazakh and Russian.

    Forms are addressed by slug or as annex-N. Exit status: 0 ok, 2 invalid data or usage
    (nothing written), 1 other failure.
    """


@main.command("forms")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def forms_command(fmt):
    """List the registered forms: slug, annex, provenance, languages."""
    forms = api.forms()
    if fmt == "json":
        click.echo(json.dumps([form.summary() for form in forms], ensure_ascii=False, indent=2))
        return
    rows = [("SLUG", "ANNEX", "PROVENANCE", "LANGUAGES")]
    for form in forms:
        rows.append((form.slug, str(form.annex or "-"), form.provenance.value, ",".join(form.languages) or "-"))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        click.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())


@main.command()
@click.argument("form")
def describe(form):
    """Describe a form: titles, provenance, notes and its data fields."""
    spec = get_form(form)
    click.echo(f"{spec.slug}" + (f"  (Annex {spec.annex})" if spec.annex else ""))
    click.echo(f"  kk: {spec.title['kk']}")
    click.echo(f"  ru: {spec.title['ru']}")
    click.echo(f"  provenance: {spec.provenance.value}")
    for lang, value in spec.text_provenance.items():
        click.echo(f"  {lang} text: {value.value}")
    click.echo(f"  {spec.description}")
    for note in spec.notes:
        click.echo(f"  note: {note}")
    if spec.model is None:
        click.echo("  (no data model: cannot be validated or rendered)")
        return
    if not spec.renderable:
        click.echo("  (validates; no template in this version)")
    schema = api.schema(spec.slug)
    required = set(schema.get("required", []))
    click.echo("  fields:")
    for name, prop in schema.get("properties", {}).items():
        kind = prop.get("format") or prop.get("type") or _any_of(prop)
        flag = "required" if name in required else "optional"
        click.echo(f"    {name:<24} {kind:<10} {flag:<8} {prop.get('description', '')}")


def _any_of(prop: dict) -> str:
    kinds = [option.get("format") or option.get("type", "?") for option in prop.get("anyOf", [])]
    return "|".join(kinds) or "object"


@main.command()
@click.argument("form")
def schema(form):
    """Print the JSON Schema of a form's data."""
    click.echo(json.dumps(api.schema(form), ensure_ascii=False, indent=2))


@main.command("validate")
@click.argument("form")
@click.option("--data", "data_file", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The document's data: a .json, .yaml or .yml file.")
@click.option("--lang", type=click.Choice(MESSAGE_LANGUAGES), default=None,
              help="Language of the messages (default: KZCADASTRE_LANG, then the locale, then en).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def validate_command(form, data_file, lang, fmt):
    """Check a data file against FORM's model; exit 0 if valid, 2 if not."""
    spec = modelled_form(form)
    lang = message_language(lang)
    data = load_data(data_file)
    try:
        api.validate(spec.slug, data)
    except DataValidationError as exc:
        if fmt == "json":
            click.echo(json.dumps({"form": spec.slug, "valid": False,
                                   "problems": [p.as_dict(lang) for p in exc.problems]}, ensure_ascii=False, indent=2))
        else:
            click.echo(exc.describe(lang), err=True)
        sys.exit(EXIT_INVALID)
    found = api.warnings(spec.slug, data)
    if fmt == "json":
        click.echo(json.dumps({"form": spec.slug, "valid": True, "problems": [],
                               "warnings": [w.as_dict(lang) for w in found]}, ensure_ascii=False, indent=2))
        return
    _echo_warnings(found, lang)
    click.echo({"en": f"{data_file}: valid {spec.slug} data",
                "kk": f"{data_file}: {spec.slug} деректері жарамды",
                "ru": f"{data_file}: данные {spec.slug} корректны"}[lang])


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


@main.command()
@click.argument("form")
@click.option("--data", "data_file", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The document's data: a .json, .yaml or .yml file.")
@click.option("--lang", type=LANG_CHOICE, default="both", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="A .docx file (one language; with --pdf also a .pdf name) or a folder "
                   "(files named <form>.<lang>.docx and .pdf).")
@click.option("--force", is_flag=True, help="Replace existing files.")
@pdf_options
@templates_option
def render(form, data_file, lang, output, force, pdf, pdf_a, timeout, templates_dir):
    """Render FORM from a data file into DOCX (and PDF with --pdf or --pdf-a)."""
    spec = renderable_form(form)
    pdf = pdf or pdf_a
    langs = list(spec.languages) if lang == "both" else [lang]
    targets = _outputs(spec, langs, output, pdf)
    model = api.validate(spec.slug, load_data(data_file))
    # Everything is rendered in memory before anything is written.
    documents = {lang_: api.render_document(spec.slug, model, lang_, templates_dir=templates_dir) for lang_ in langs}
    _echo_warnings(api.warnings(spec.slug, model), message_language())
    pdf_targets = {lang_: path.with_suffix(".pdf") for lang_, path in targets.items()} if pdf else {}
    if not force:
        existing = [str(path) for path in [*targets.values(), *pdf_targets.values()] if path.exists()]
        if existing:
            raise click.UsageError(f"already exists (use --force to replace): {', '.join(existing)}")
    for lang_, path in targets.items():
        atomic_write(path, documents[lang_].docx, overwrite=force)
        click.echo(f"wrote {path}")
    if pdf:
        with pdf_converter(timeout) as converter:
            for lang_, path in pdf_targets.items():
                atomic_write(path, api.to_pdf(documents[lang_], pdf_a=pdf_a, converter=converter), overwrite=force)
                click.echo(f"wrote {path}" + (" (PDF/A-2b)" if pdf_a else ""))


def pdf_converter(timeout: float):
    """A converter for one command; OfficeNotFoundError (what to install) where LibreOffice is missing."""
    from .pdf import Converter

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


SERVICE_CHOICE = click.Choice(rules.SERVICES)
OBJECT_TYPE_CHOICE = click.Choice(rules.OBJECT_TYPES)


@main.command()
@click.option("--service", type=SERVICE_CHOICE, required=True)
@click.option("--object-type", type=OBJECT_TYPE_CHOICE, required=True)
@click.option("--area", help="Total area in m² (needed for objects of type other).")
@click.option("--first-category", is_flag=True, help="The object is of the first complexity category.")
@click.option("--submitted", required=True, help="When the application was submitted: YYYY-MM-DDTHH:MM (UTC+5).")
@click.option("--objection-received", help="Date an objection to a preliminary refusal was received.")
@click.option("--lang", type=click.Choice(MESSAGE_LANGUAGES), default=None, help="Language of the explanation.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def deadline(service, object_type, area, first_category, submitted, objection_received, lang, fmt):
    """The dates the Rules fix for an application: acceptance, due date, refusal, extension."""
    result = rules.schedule(
        service, object_type, _parse_datetime(submitted), area=_parse_area(area), first_category=first_category,
        objection_received=_parse_date(objection_received) if objection_received else None,
    )
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return
    for line in rules.explain(result, message_language(lang)):
        click.echo(line)
    for warning in result.warnings:
        click.echo(f"warning: {warning}")


_FEE_TEXT = {
    "en": {"tariff": "Tariff", "total": "Full price", "base": "Base, paid at application", "surcharge": "Surcharge, paid at the result",
           "vat": "VAT included ({rate}%)", "words": "In words", "free": "Free of charge (paragraph 7 of the Rules).",
           "unofficial": "NOT OFFICIAL: this tariff is an example, not the official price list."},
    "kk": {"tariff": "Тариф", "total": "Толық құны", "base": "Базалық құны (өтініш бергенде)", "surcharge": "Қосымша ақы (нәтиже алғанда)",
           "vat": "ҚҚС қоса алғанда ({rate}%)", "words": "Жазбаша", "free": "Өтеусіз (Қағидалардың 7-тармағы).",
           "unofficial": "РЕСМИ ЕМЕС: бұл тариф мысал ғана, ресми баға тізбесі емес."},
    "ru": {"tariff": "Тариф", "total": "Полная стоимость", "base": "Базовая стоимость (при подаче)", "surcharge": "Доплата (при получении результата)",
           "vat": "В том числе НДС ({rate}%)", "words": "Прописью", "free": "Бесплатно (пункт 7 Правил).",
           "unofficial": "НЕ ОФИЦИАЛЬНО: этот тариф является примером, а не официальным прейскурантом."},
}


@main.command()
@click.option("--service", type=SERVICE_CHOICE, required=True)
@click.option("--object-type", type=OBJECT_TYPE_CHOICE, required=True)
@click.option("--area", help="Total area in m².")
@click.option("--first-category", is_flag=True, help="The object is of the first complexity category.")
@click.option("--on", "on", required=True, help="Date of the application (chooses the tariff and the VAT rate).")
@click.option("--tariff", type=click.Path(exists=True, path_type=Path), default=None,
              help="A tariff file or a folder of them (default: the shipped example, which is not official).")
@click.option("--lang", type=click.Choice(MESSAGE_LANGUAGES), default=None, help="Language of the text output.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def fee(service, object_type, area, first_category, on, tariff, lang, fmt):
    """The fee for a service: full price, base and surcharge, VAT, amount in words."""
    result = fees.compute_fee(service, object_type, _parse_date(on), area=_parse_area(area),
                              first_category=first_category, tariff=tariff)
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return
    lang = message_language(lang)
    text = _FEE_TEXT[lang]
    if result.service in fees.FREE_SERVICES:
        click.echo(text["free"])
        return
    if not result.official:
        click.echo(text["unofficial"])
    doc_lang = "ru" if lang == "en" else lang
    click.echo(f"{text['tariff']}: {result.tariff_id} ({result.tariff_title.get(doc_lang, '')})")
    click.echo(f"{text['total']}: {result.total:.2f} KZT")
    click.echo(f"{text['base']}: {result.base:.2f} KZT")
    click.echo(f"{text['surcharge']}: {result.surcharge:.2f} KZT")
    click.echo(f"{text['vat'].format(rate=f'{result.vat_rate:g}')}: {result.vat_amount:.2f} KZT")
    click.echo(f"{text['words']}: {result.in_words()[doc_lang]}")


@main.command()
@click.option("--samples", type=click.Path(file_okay=False, path_type=Path), default=Path("samples"),
              show_default=True, help="Folder of samples/<form>/<case>.json files and samples/cases/<case>.yaml.")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True)
@click.option("--force", is_flag=True, help="Replace existing files.")
@pdf_options
@templates_option
def demo(samples, output, force, pdf, pdf_a, timeout, templates_dir):
    """Render every sample case in every language of its form into OUTPUT, and bundle the
    sample cases (samples/cases/): a zip of DOCX files, or with --pdf a bookmarked PDF."""
    if not samples.is_dir():
        raise click.UsageError(f"no samples folder at {samples}")
    cases = [path for path in sorted(samples.glob("*/*.json")) + sorted(samples.glob("*/*.yaml"))
             if path.parent.name != CASES_FOLDER]
    bundles = sorted((samples / CASES_FOLDER).glob("*.json")) + sorted((samples / CASES_FOLDER).glob("*.yaml"))
    if not cases and not bundles:
        raise click.UsageError(f"no sample cases (<form>/<case>.json) under {samples}")
    pdf = pdf or pdf_a
    converter = pdf_converter(timeout) if pdf else None
    failures = 0
    written = 0
    try:
        for case in cases:
            spec = modelled_form(case.parent.name)
            try:
                data = load_data(case)
                if not spec.renderable:
                    api.validate(spec.slug, data)
                    click.echo(f"valid {case} (no template for {spec.slug} yet)")
                    continue
                for lang in spec.languages:
                    document = api.render_document(spec.slug, data, lang, templates_dir=templates_dir)
                    target = output / spec.slug / f"{case.stem}.{lang}.docx"
                    atomic_write(target, document.docx, overwrite=force)
                    click.echo(f"wrote {target}")
                    written += 1
                    if converter is not None:
                        target = target.with_suffix(".pdf")
                        atomic_write(target, api.to_pdf(document, pdf_a=pdf_a, converter=converter), overwrite=force)
                        click.echo(f"wrote {target}")
            except KzcadastreError as exc:
                failures += 1
                click.echo(f"error: {case}: {exc.describe(message_language())}", err=True)
        for case_file in bundles:
            try:
                target = output / CASES_FOLDER / (f"{case_file.stem}.pdf" if pdf else f"{case_file.stem}.zip")
                if target.exists() and not force:
                    raise OutputExistsError(f"{target} exists; pass --force to replace it")
                case = load_case(case_file)
                content = (bundle_pdf(case, converter=converter, templates_dir=templates_dir) if pdf
                           else bundle_docx_zip(case, templates_dir=templates_dir))
                atomic_write(target, content, overwrite=force)
                click.echo(f"wrote {target} (case of {len(case.entries)} documents)")
            except KzcadastreError as exc:
                failures += 1
                click.echo(f"error: {case_file}: {exc.describe(message_language())}", err=True)
    finally:
        if converter is not None:
            converter.close()
    click.echo(f"{written} document(s) written to {output}" + (f"; {failures} case(s) failed" if failures else ""))
    if failures:
        sys.exit(EXIT_FAILURE)


#: The samples folder that holds case files (for `bundle`), not a form's data.
CASES_FOLDER = "cases"


@main.command()
@click.argument("case_file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The bundle: a .pdf file, or a .zip file with --docx-zip or --pdf-a-zip.")
@click.option("--lang", type=click.Choice(["kk", "ru"]), default=None,
              help="The documents' language (default: the case file's lang, else kk).")
@click.option("--docx-zip", "docx_zip", is_flag=True, help="Write the DOCX files as a zip instead of a PDF.")
@click.option("--pdf-a-zip", "pdf_a_zip", is_flag=True,
              help="Write each document as a PDF/A-2b file, in a zip, for archiving (a merged PDF is not PDF/A).")
@click.option("--force", is_flag=True, help="Replace an existing file.")
@timeout_option
@templates_option
def bundle(case_file, output, lang, docx_zip, pdf_a_zip, force, timeout, templates_dir):
    """Render a case's documents (CASE_FILE, JSON or YAML) into one PDF: the inventory
    register (Annex 8) first, then by date, one bookmark per document."""
    if docx_zip and pdf_a_zip:
        raise click.UsageError("--docx-zip and --pdf-a-zip exclude each other")
    wanted = ".zip" if (docx_zip or pdf_a_zip) else ".pdf"
    if output.suffix.lower() != wanted:
        raise click.UsageError(f"-o {output}: this bundle is a {wanted} file")
    if output.exists() and not force:
        raise click.UsageError(f"already exists (use --force to replace): {output}")
    case = load_case(case_file, lang=lang)  # every document validated before any work
    if docx_zip:
        content = bundle_docx_zip(case, templates_dir=templates_dir)
    else:
        with pdf_converter(timeout) as converter:
            make = bundle_pdf_a_zip if pdf_a_zip else bundle_pdf
            content = make(case, converter=converter, templates_dir=templates_dir, progress=_progress)
    atomic_write(output, content, overwrite=force)
    click.echo(f"wrote {output} ({len(case.entries)} documents)")


def _echo_warnings(found, lang: str) -> None:
    """Warnings go to standard error and do not change the exit status."""
    for warning in found:
        click.echo(f"warning: {warning.describe(lang)}", err=True)


def _safe_part(text: str) -> str:
    """A piece of a file name from data: letters and digits kept, anything else "_".

    >>> _safe_part("мансарда / 2")
    'мансарда_2'
    """
    return "_".join(part for part in "".join(c if c.isalnum() else " " for c in text).split()) or "_"


@main.command()
@click.argument("kind", type=click.Choice(["abris", "floor-plan"]))
@click.option("--data", "data_file", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="abris: abris data, cadastral-passport data with site_plan, or a site plan; floor-plan: "
                   "cadastral-passport or conclusion data, or one floor.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The .png file (several floors: <name>-<level>.png).")
@click.option("--floor", "level", help="floor-plan: only this floor (its level as in the data).")
@click.option("--force", is_flag=True, help="Replace existing files.")
def draw(kind, data_file, output, level, force):
    """Draw the abris or the floor plans of a data file as PNG (300 dpi, true scale) for a quick look."""
    from .drawing.from_data import floor_drawings, site_drawing

    if output.suffix.lower() != ".png":
        raise click.UsageError(f"-o {output}: give a .png file")
    data = load_data(data_file)
    if not isinstance(data, dict):
        raise DataFileError(f"{data_file}: the data must be an object")
    if kind == "abris":
        drawings = [(output, site_drawing(data))]
    else:
        floors = floor_drawings(data, level)
        drawings = ([(output, floors[0][1])] if len(floors) == 1 else
                    [(output.with_name(f"{output.stem}-{_safe_part(name)}{output.suffix}"), drawing)
                     for name, drawing in floors])
    if not force:
        existing = [str(path) for path, _ in drawings if path.exists()]
        if existing:
            raise click.UsageError(f"already exists (use --force to replace): {', '.join(existing)}")
    for path, drawing in drawings:
        atomic_write(path, drawing.png, overwrite=force)
        click.echo(f"wrote {path} ({drawing.width_cm:g} x {drawing.height_cm:g} cm, 1:{drawing.scale})")


@main.command()
@click.option("--form", "form", required=True, help="The form of every record (slug or annex-N).")
@click.option("--input", "input_file", type=click.Path(dir_okay=False, exists=True, path_type=Path), required=True,
              help="The records: .jsonl (a JSON object per line), .csv or .xlsx (a header row of field paths "
                   "such as applicant.iin or object.floors[0].level).")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="The folder for the files and errors.jsonl.")
@click.option("--lang", type=LANG_CHOICE, default="both", show_default=True)
@click.option("--jobs", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Render in this many processes.")
@click.option("--skip-existing", is_flag=True, help="Leave records whose files all exist (a re-run does no work twice).")
@click.option("--force", is_flag=True, help="Replace existing files.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine (--jobs processes); dask: a dask.distributed cluster (--scheduler).")
@click.option("--scheduler", help="The dask scheduler's address, e.g. tcp://10.0.0.5:8786.")
@pdf_options
@templates_option
def batch(form, input_file, output, lang, jobs, skip_existing, force, executor, scheduler, pdf, pdf_a, timeout,
          templates_dir):
    """Render every record of an input file. Each record ends as files (<record>_<key>.<lang>.docx)
    or as rows of OUTPUT/errors.jsonl; exit 1 if any record failed."""
    from .batch import run_batch
    from .records import count_records

    spec = renderable_form(form)
    if skip_existing and force:
        raise click.UsageError("--skip-existing and --force exclude each other")
    if executor == "dask" and not scheduler:
        raise click.UsageError("--executor dask needs --scheduler ADDRESS")
    if (pdf or pdf_a) and executor == "local":
        from .pdf import find_office

        find_office()  # fail now, saying what to install, rather than on every record
    langs = tuple(spec.languages) if lang == "both" else (lang,)
    total = count_records(input_file)
    with click.progressbar(length=total, label=f"{spec.slug}", file=sys.stderr, show_pos=True,
                           show_eta=True) as bar:
        summary = run_batch(spec.slug, input_file, output, langs=langs, pdf=pdf, pdf_a=pdf_a, jobs=jobs,
                            skip_existing=skip_existing, force=force, executor=executor, scheduler=scheduler,
                            templates_dir=templates_dir, timeout=timeout, progress=lambda result: bar.update(1))
    click.echo(f"{summary.total} record(s): {summary.written} written ({summary.files} files), "
               f"{summary.skipped} skipped, {summary.failed} failed; problems in {summary.errors_file}")
    if summary.failed:
        sys.exit(EXIT_FAILURE)


@main.command("inventory-add")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--document", help="What is filed, as the register shows it (default for --abris: 'Абрис № N').")
@click.option("--date", "on", required=True, help="Date of the document, YYYY-MM-DD (not before the last entry).")
@click.option("--sheets", type=click.IntRange(1, 10000), required=True, help="Number of sheets.")
@click.option("--abris", is_flag=True, help="A new abris: the next sequence number; the current abris is superseded.")
@click.option("--form", type=click.Choice(["cadastral-passport", "conclusion", "application", "technical-main",
                                           "technical-service", "other"]), help="Kind of document.")
@click.option("--supersedes", type=int, help="Number of the entry this document supersedes (kept, marked).")
@click.option("--note", help="Note.")
def inventory_add(file, document, on, sheets, abris, form, supersedes, note):
    """Add a document to an inventory file's register (Annex 8 data), in place and atomically.

    Entries are only ever appended; a superseded entry stays in its place, marked.
    """
    import yaml

    from .inventory import add_abris, add_document

    if abris and (form or supersedes):
        raise click.UsageError("--abris decides the kind and what it supersedes; do not combine it with --form or --supersedes")
    if not abris and not document:
        raise click.UsageError("--document is required (except with --abris)")
    when = _parse_date(on)
    current = api.validate("inventory-file", load_data(file))
    if abris:
        updated = add_abris(current, date=when, sheets=sheets, document=document, note=note)
    else:
        updated = add_document(current, document=document, date=when, sheets=sheets, form=form, note=note,
                               supersedes=supersedes)
    data = updated.model_dump(mode="json", exclude_none=True)
    if file.suffix.lower() in (".yaml", ".yml"):
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    else:
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    atomic_write(file, text.encode("utf-8"), overwrite=True)
    entry = updated.entries[-1]
    superseded = [str(e.number) for e in updated.entries if e.superseded_by == entry.number]
    click.echo(f"{file}: entry {entry.number} added ({entry.document}, {entry.date.isoformat()})"
               + (f"; entry {', '.join(superseded)} marked superseded" if superseded else ""))


@main.command("check-templates")
@click.option("--templates", "templates_dir", type=click.Path(file_okay=False, path_type=Path), envvar=TEMPLATES_ENV,
              show_envvar=True, help="The folder to check (kk/<form>.docx, ru/<form>.docx); default: the shipped templates.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def check_templates_command(templates_dir, output_format):
    """Check templates against the forms' data models; exit 0 if clean, 1 with the problems."""
    from .template_check import check_templates

    problems = check_templates(templates_dir)
    where = templates_dir or "the shipped templates"
    if output_format == "json":
        click.echo(json.dumps({"templates": str(where), "problems": [p.as_dict() for p in problems]},
                              ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            click.echo(str(problem))
        click.echo(f"{where}: {len(problems)} problem(s)" if problems else f"{where}: all templates fit their forms")
    if problems:
        sys.exit(EXIT_FAILURE)


if __name__ == "__main__":  # pragma: no cover
    main()
