"""Commands about forms and documents: forms, describe, schema, validate, render, demo, check-templates."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .. import api
from ..jobs.bundle import bundle_docx_zip, bundle_pdf
from ..jobs.case import load_case
from ..errors import (EXIT_FAILURE, EXIT_INVALID, DataValidationError, KzcadastreError,
                     OutputExistsError)
from ..i18n.messages import MESSAGE_LANGUAGES, message_language
from ..files import atomic_write, load_data
from ..forms.passport import passport_form_for
from ..forms import get_form, modelled_form, renderable_form
from ..forms.editions import get_edition

from .app import main
from .common import (CASES_FOLDER, LANG_CHOICE, TEMPLATES_ENV, _echo_warnings, _outputs, pdf_converter, pdf_options, templates_option)
from .signing import barcodes_signed_by, pdf_signer, signing_options


@main.command("forms")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def forms_command(fmt):
    """List the registered forms: slug, annex, provenance, languages."""
    forms = api.forms()
    if fmt == "json":
        click.echo(json.dumps([form.summary() for form in forms], ensure_ascii=False, indent=2))
        return
    rows = [("SLUG", "ANNEX", "PROVENANCE", "LANGUAGES", "EDITIONS")]
    for form in forms:
        rows.append((form.slug, str(form.annex or "-"), form.provenance.value, ",".join(form.languages) or "-",
                     ",".join(form.editions) or "-"))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
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
    for edition in spec.edition_summaries():
        amended = edition["amended_by"]
        click.echo(f"  edition {edition['edition']}: in force from {edition['in_force_from']}; {edition['act']}, "
                   f"as amended by Order No. {amended['number']}; source: {edition['source']['kk']} (kk), "
                   f"{edition['source']['ru']} (ru)")
    if spec.editions:
        click.echo("  a document uses the edition in force on its date (render --edition picks one)")
    if spec.prescribed_by:
        click.echo(f"  no approved form: the content is prescribed by {spec.prescribed_by}")
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


@main.command()
@click.argument("form")
@click.option("--data", "data_file", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The document's data: a .json, .yaml or .yml file.")
@click.option("--lang", type=LANG_CHOICE, default="both", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="A .docx file (one language; with --pdf also a .pdf name) or a folder "
                   "(files named <form>.<lang>.docx and .pdf).")
@click.option("--force", is_flag=True, help="Replace existing files.")
@click.option("--allow-fallback", is_flag=True,
              help="Print a text given in the other language only, with a warning for each (default: exit 2).")
@click.option("--edition", metavar="YYYY-MM-DD", default=None,
              help="The edition of Order No. 156 to use (see `describe`); default: the one in force on the "
                   "document's date.")
@pdf_options
@templates_option
@signing_options
def render(form, data_file, lang, output, force, allow_fallback, edition, pdf, pdf_a, timeout, templates_dir, sign_key,
           password_env, tsa_url):
    """Render FORM from a data file into DOCX (and PDF with --pdf or --pdf-a; signed with --sign).
    FORM `passport` takes the passport form of the data's object_type.

    Every localized value is printed in the document's language; a value given in the
    other language only is an error (exit 2, nothing written) unless --allow-fallback."""
    data = load_data(data_file)
    if form == "passport":
        form = passport_form_for(data)
    spec = renderable_form(form)
    if edition:
        get_edition(edition)
    sign = pdf_signer(sign_key, password_env, tsa_url)  # the key is checked before any work
    pdf = pdf or pdf_a or sign is not None
    langs = list(spec.languages) if lang == "both" else [lang]
    targets = _outputs(spec, langs, output, pdf)
    model = api.validate(spec.slug, data)
    # Everything is rendered in memory before anything is written.
    with barcodes_signed_by(sign):  # with --sign, a QR payload is signed by the same key
        documents = {lang_: api.render_document(spec.slug, model, lang_, templates_dir=templates_dir,
                                                allow_fallback=allow_fallback, edition=edition) for lang_ in langs}
    _echo_warnings(api.warnings(spec.slug, model), message_language())
    for message in dict.fromkeys(message for document in documents.values() for message in document.warnings):
        click.echo(f"warning: {message}", err=True)
    for lang_, document in documents.items():
        _echo_warnings(document.fallbacks, message_language(), f"{lang_} document: ")
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
                content = api.to_pdf(documents[lang_], pdf_a=pdf_a, converter=converter)
                if sign is not None:
                    content = sign(content, str(path))
                atomic_write(path, content, overwrite=force)
                click.echo(f"wrote {path}" + (" (PDF/A-2b)" if pdf_a else "") + (", signed" if sign else ""))


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
                case = load_case(case_file, root=samples)  # the sample cases use the samples' data
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


@main.command("check-templates")
@click.option("--templates", "templates_dir", type=click.Path(file_okay=False, path_type=Path), envvar=TEMPLATES_ENV,
              show_envvar=True, help="The folder to check (kk/<form>.docx, ru/<form>.docx); default: the shipped templates.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def check_templates_command(templates_dir, output_format):
    """Check templates against the forms' data models; exit 0 if clean, 1 with the problems."""
    from ..forms.template_check import check_templates

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

