"""Commands about forms and documents: forms, describe, schema, validate, render, demo, check-templates."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import (EXIT_FAILURE, EXIT_INVALID, DataValidationError, KzcadastreError,
                     OutputExistsError)
from ..i18n import catalogue
from ..i18n.catalogue import N_, gettext as _

from .app import main
from . import ui
from .common import OutputPath
from .common import (api, atomic_write, bundle_docx_zip, bundle_pdf, get_form, load_case, load_data,
                     modelled_form, renderable_form)
from .common import forms_index
from .common import (CASES_FOLDER, TEMPLATES_ENV, _echo_warnings, _outputs, allow_fallback_option, complete_form,
                     document_lang_option, pdf_converter, pdf_options, templates_option)
from .reader_texts import act_name, form_schema, form_summary, reader_lang
from .ui import emit, fail, is_json, progress, say, warn
from ..i18n.catalogue import describe as describe_text


PROVENANCE_WORDS = {"official-text": N_("official text"), "reconstructed": N_("reconstructed"),
                    "reserved": N_("reserved"), "official": N_("official"), "translation": N_("translation"),
                    "operator": N_("operator's template"), "prescribed-content": N_("content prescribed by the Rules")}


def provenance_word(value: str) -> str:
    """A provenance code in words, in the message language."""
    return _(PROVENANCE_WORDS[value]) if value in PROVENANCE_WORDS else value


def _title_lang() -> str:
    """Titles are in kk and ru; an English run shows the Russian one."""
    lang = catalogue.language()
    return lang if lang in ("kk", "ru") else "ru"
from .signing import barcodes_signed_by, pdf_signer, signing_options


@main.command("forms")
def forms_command():
    """List the registered forms: slug, annex, provenance, languages, title."""
    forms = forms_index()

    def text():
        lang = _title_lang()
        rows = [(_("SLUG"), _("ANNEX"), _("PROVENANCE"), _("LANGUAGES"), _("EDITIONS"), _("TITLE"))]
        for form in forms:
            editions = ",".join(edition["edition"] for edition in form.get("editions") or []) or "-"
            rows.append((form["slug"], str(form["annex"] or "-"), provenance_word(form["provenance"]),
                         ",".join(form["languages"]) or "-", editions, form["title"].get(lang, "")))
        widths = [max(len(row[i]) for row in rows) for i in range(5)]
        for row in rows:
            click.echo("  ".join([*(cell.ljust(width) for cell, width in zip(row, widths)), row[5]]).rstrip())

    if is_json():  # the reader texts (and the act's names) only where they are printed
        emit([form_summary(form, reader_lang()) for form in forms])
    else:
        text()


@main.command()
@click.argument("form", shell_complete=complete_form)
def describe(form):
    """Describe a form: titles, provenance, notes and its data fields."""
    spec = get_form(form)
    schema = api.schema(spec.slug) if spec.model is not None else None
    lang = reader_lang()
    if is_json():
        emit({**form_summary(spec.summary(), lang), "description": _(spec.description), "renderable": spec.renderable,
              "modelled": spec.model is not None,
              "schema": form_schema(schema, spec.title, lang) if schema is not None else None})
        return
    click.echo(f"{spec.slug}" + (_("  (Annex {annex})").format(annex=spec.annex) if spec.annex else ""))
    click.echo(f"  kk: {spec.title['kk']}")
    click.echo(f"  ru: {spec.title['ru']}")
    click.echo(_("  provenance: {value}").format(value=provenance_word(spec.provenance.value)))
    for text_lang, value in spec.text_provenance.items():
        click.echo(_("  {lang} text: {value}").format(lang=text_lang, value=provenance_word(value.value)))
    for edition in spec.edition_summaries():
        amended = edition["amended_by"]
        click.echo(_("  edition {edition}: in force from {start}; {act}, as amended by Order No. {number}; source: "
                     "{kk} (kk), {ru} (ru)").format(edition=edition["edition"], start=edition["in_force_from"],
                                                   act=act_name(str(edition.get("act", "")), lang),
                                                   number=amended["number"],
                                                   kk=edition["source"]["kk"], ru=edition["source"]["ru"]))
    if spec.editions:
        click.echo(_("  a document uses the edition in force on its date (render --edition picks one)"))
    if spec.prescribed_by:
        click.echo(_("  no approved form: the content is prescribed by {what}").format(what=_(spec.prescribed_by)))
    click.echo(f"  {_(spec.description)}")
    for note_text in spec.notes:
        click.echo(_("  note: {note}").format(note=_(note_text)))
    if schema is None:
        click.echo(_("  (no data model: cannot be validated or rendered)"))
        return
    if not spec.renderable:
        click.echo(_("  (validates; no template in this version)"))
    required = set(schema.get("required", []))
    click.echo(_("  fields:"))
    rows = []
    for name, prop in schema.get("properties", {}).items():
        kind = "|".join(dict.fromkeys(_(KIND_WORDS.get(part, part)) for part in
                                      _kind(prop, schema.get("$defs", {})).split("|")))
        rows.append((name, kind, _("required") if name in required else _("optional"), _(prop.get("description", ""))))
    widths = [max(len(row[column]) for row in rows) for column in range(3)] if rows else [0, 0, 0]
    for name, kind, flag, description in rows:
        click.echo(f"    {name:<{widths[0]}}  {kind:<{widths[1]}}  {flag:<{widths[2]}}  {description}")


#: JSON Schema types and formats in words.
KIND_WORDS = {"string": N_("text"), "integer": N_("integer"), "number": N_("decimal"), "boolean": N_("yes/no"),
              "array": N_("list"), "object": N_("object"), "null": N_("none"), "date": N_("date"),
              "date-time": N_("date and time"), "?": "?"}


def _kind(prop: dict, defs: dict, depth: int = 0) -> str:
    """The kinds of value a schema property takes ("string|null"), references followed.

    >>> _kind({"anyOf": [{"$ref": "#/$defs/A"}, {"type": "null"}]}, {"A": {"type": "object"}})
    'object|null'
    """
    if prop.get("format") or prop.get("type"):
        return prop.get("format") or prop["type"]
    if "$ref" in prop and depth < 5:
        return _kind(defs.get(prop["$ref"].rsplit("/", 1)[-1], {}), defs, depth + 1)
    options = prop.get("anyOf") or prop.get("oneOf") or []
    return "|".join(_kind(option, defs, depth + 1) for option in options) or "object"


@main.command()
@click.argument("form", shell_complete=complete_form)
def schema(form):
    """Print the JSON Schema of a form's data (JSON in either --format); its descriptions in the
    message language."""
    spec = get_form(form)
    click.echo(json.dumps(form_schema(api.schema(form), spec.title, reader_lang()), ensure_ascii=False, indent=2))


@main.command("validate")
@click.argument("form", shell_complete=complete_form)
@click.option("--data", "data_file", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The document's data: a .json, .yaml or .yml file.")
def validate_command(form, data_file):
    """Check a data file against FORM's model; exit 0 if valid, 2 if not."""
    spec = modelled_form(form)
    lang = catalogue.language()
    data = load_data(data_file)
    try:
        api.validate(spec.slug, data)
    except DataValidationError as exc:
        if is_json():
            emit({"form": spec.slug, "valid": False, "problems": [p.as_dict(lang) for p in exc.problems],
                  "warnings": []})
        else:
            click.echo(_("Error: {message}").format(message=exc.describe(lang)), err=True)
        sys.exit(EXIT_INVALID)
    found = api.warnings(spec.slug, data)
    if is_json():
        emit({"form": spec.slug, "valid": True, "problems": [], "warnings": [w.as_dict(lang) for w in found]})
        return
    _echo_warnings(found, lang)
    click.echo(_("{file}: valid {form} data").format(file=data_file, form=spec.slug))


@main.command()
@click.argument("form", shell_complete=complete_form)
@click.option("--data", "data_file", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The document's data: a .json, .yaml or .yml file.")
@document_lang_option()
@click.option("-o", "--output", type=OutputPath(), required=True,
              help='A .docx file (one language; with --pdf also a .pdf name), or a folder: one that exists or a '
                   'name ending with "/" (files named <form>.<key>.<lang>.docx and .pdf, the key as in batch).')
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
    from ..forms.editions import get_edition
    from ..forms.passport import passport_form_for
    from ..jobs.batch import case_key

    data = load_data(data_file)
    if form == "passport":
        form = passport_form_for(data)
    spec = renderable_form(form)
    if edition:
        get_edition(edition)
    sign = pdf_signer(sign_key, password_env, tsa_url)  # the key is checked before any work
    pdf = pdf or pdf_a or sign is not None
    langs = list(spec.languages) if lang == "both" else [lang]
    key = (case_key(data) if isinstance(data, dict) else "") or case_key({"number": Path(data_file).stem})
    targets = _outputs(spec, langs, output, pdf, key)
    model = api.validate(spec.slug, data)
    # Everything is rendered in memory before anything is written.
    with barcodes_signed_by(sign):  # with --sign, a QR payload is signed by the same key
        documents = {lang_: api.render_document(spec.slug, model, lang_, templates_dir=templates_dir,
                                                allow_fallback=allow_fallback, edition=edition) for lang_ in langs}
    found = api.warnings(spec.slug, model)
    _echo_warnings(found)
    for message in dict.fromkeys(message for document in documents.values() for message in document.warnings):
        warn(describe_text(message))
    for lang_, document in documents.items():
        _echo_warnings(document.fallbacks, prefix=_("{lang} document: ").format(lang=lang_))
    pdf_targets = {lang_: path.with_suffix(".pdf") for lang_, path in targets.items()} if pdf else {}
    if not force:
        existing = [str(path) for path in [*targets.values(), *pdf_targets.values()] if path.exists()]
        if existing:
            raise fail("already exists (use --force to replace): {files}", code="output_exists", field="-o",
                       files=", ".join(existing))
    written = []
    for lang_, path in targets.items():
        atomic_write(path, documents[lang_].docx, overwrite=force)
        written.append({"lang": lang_, "kind": "docx", "path": str(path)})
        say(_("wrote {path}").format(path=path))
    if pdf:
        with pdf_converter(timeout) as converter:
            for lang_, path in pdf_targets.items():
                content = api.to_pdf(documents[lang_], pdf_a=pdf_a, converter=converter)
                if sign is not None:
                    content = sign(content, str(path))
                atomic_write(path, content, overwrite=force)
                written.append({"lang": lang_, "kind": "pdf-a" if pdf_a else "pdf", "path": str(path),
                                "signed": sign is not None})
                say(_("wrote {path}").format(path=path) + (" (PDF/A-2b)" if pdf_a else "")
                    + (_(", signed") if sign else ""))
    emit({"form": spec.slug, "files": written, "warnings": [w.as_dict(catalogue.language()) for w in found] + [
        {**w.as_dict(catalogue.language()), "lang": lang_} for lang_, document in documents.items()
        for w in document.fallbacks]})


@main.command()
@click.option("--samples", type=click.Path(file_okay=False, path_type=Path), default=Path("samples"),
              show_default=True, help="Folder of samples/<form>/<case>.json files and samples/cases/<case>.yaml.")
@click.option("-o", "--output", type=OutputPath(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True)
@click.option("--force", is_flag=True, help="Replace existing files.")
@allow_fallback_option
@pdf_options
@templates_option
def demo(samples, output, force, allow_fallback, pdf, pdf_a, timeout, templates_dir):
    """Render every sample case in every language of its form into OUTPUT, and bundle the
    sample cases (samples/cases/): a zip of DOCX files, or with --pdf a bookmarked PDF."""
    if not samples.is_dir():
        raise fail("no samples folder at {path}", code="no_samples", field="--samples", path=samples)
    cases = [path for path in sorted(samples.glob("*/*.json")) + sorted(samples.glob("*/*.yaml"))
             if path.parent.name != CASES_FOLDER]
    bundles = sorted((samples / CASES_FOLDER).glob("*.json")) + sorted((samples / CASES_FOLDER).glob("*.yaml"))
    if not cases and not bundles:
        raise fail("no sample cases (<form>/<case>.json) under {path}", code="no_samples", field="--samples",
                   path=samples)
    pdf = pdf or pdf_a
    lang_ = catalogue.language()
    converter = pdf_converter(timeout) if pdf else None
    failures, written, skipped, fallbacks = [], [], [], []

    def failed(path: Path, exc: KzcadastreError) -> None:
        failures.append({"input": str(path), **ui.error_payload(exc)[0]["error"]})
        message = exc.describe(lang_)
        ui.error_line(message if str(path) in message else f"{path}: {message}")  # the path said once

    def fell_back(path: Path, lang: str, found) -> None:
        for problem in found:
            fallbacks.append({"input": str(path), "lang": lang, **problem.as_dict(lang_)})
            warn(_("{path}, {lang} document: {problem}").format(path=path, lang=lang, problem=problem.describe(lang_)))

    try:
        # The bar starts with the work (after LibreOffice's start): its rate and time left are the work's.
        with progress(len(cases) + len(bundles), "demo", _("samples")) as advance:
            for case in cases:
                spec = modelled_form(case.parent.name)
                try:
                    data = load_data(case)
                    if not spec.renderable:
                        api.validate(spec.slug, data)
                        skipped.append(str(case))
                        say(_("valid {path} (no template for {form} yet)").format(path=case, form=spec.slug))
                        continue
                    for lang in spec.languages:
                        document = api.render_document(spec.slug, data, lang, templates_dir=templates_dir,
                                                       allow_fallback=allow_fallback)
                        target = output / spec.slug / f"{case.stem}.{lang}.docx"
                        atomic_write(target, document.docx, overwrite=force)
                        say(_("wrote {path}").format(path=target))
                        written.append(str(target))
                        fell_back(case, lang, document.fallbacks)
                        if converter is not None:
                            target = target.with_suffix(".pdf")
                            atomic_write(target, api.to_pdf(document, pdf_a=pdf_a, converter=converter),
                                         overwrite=force)
                            say(_("wrote {path}").format(path=target))
                            written.append(str(target))
                except KzcadastreError as exc:
                    failed(case, exc)
                finally:
                    advance(1)
            for case_file in bundles:
                try:
                    target = output / CASES_FOLDER / (f"{case_file.stem}.pdf" if pdf else f"{case_file.stem}.zip")
                    if target.exists() and not force:
                        raise OutputExistsError("{path} already exists (use --force to replace it)", path=target)
                    # the sample cases use the samples' data
                    case = load_case(case_file, root=samples, allow_fallback=allow_fallback)
                    fell_back(case_file, case.lang, case.fallbacks)
                    content = (bundle_pdf(case, converter=converter, templates_dir=templates_dir) if pdf
                               else bundle_docx_zip(case, templates_dir=templates_dir))
                    atomic_write(target, content, overwrite=force)
                    say(_("wrote {path} (case of {count} documents)").format(path=target, count=len(case.entries)))
                    written.append(str(target))
                except KzcadastreError as exc:
                    failed(case_file, exc)
                finally:
                    advance(1)
    finally:
        if converter is not None:
            converter.close()
    documents = sum(1 for path in written if path.endswith(".docx"))
    cases_bundled = sum(1 for path in written if Path(path).parent.name == CASES_FOLDER)
    say(_("{count} document(s) written to {path}, {bundles} case bundle(s); {skipped} sample(s) only validated (no "
          "template); {failed} failed; {fallbacks} text(s) printed in the other language").format(
        count=documents, path=output, bundles=cases_bundled, skipped=len(skipped), failed=len(failures),
        fallbacks=len(fallbacks)))
    emit({"output": str(output), "written": written, "failed": failures, "skipped": skipped,
          "documents": documents, "bundles": cases_bundled, "warnings": fallbacks})
    if failures:
        sys.exit(EXIT_FAILURE)


@main.command("check-templates")
@click.option("--templates", "templates_dir", type=click.Path(file_okay=False, path_type=Path), envvar=TEMPLATES_ENV,
              show_envvar=True, help="The folder to check (kk/<form>.docx, ru/<form>.docx); default: the shipped templates.")
def check_templates_command(templates_dir):
    """Check templates against the forms' data models; exit 0 if clean, 1 with the problems."""
    from ..forms.template_check import check_templates

    problems = check_templates(templates_dir)
    where = templates_dir or _("the shipped templates")
    lang = catalogue.language()
    if is_json():
        emit({"templates": str(templates_dir or "shipped"), "problems": [p.as_dict(lang) for p in problems]})
    else:
        for problem in problems:
            click.echo(problem.describe(lang))
        click.echo(_("{where}: {count} problem(s)").format(where=where, count=len(problems)) if problems
                   else _("{where}: all templates fit their forms").format(where=where))
    if problems:
        sys.exit(EXIT_FAILURE)

