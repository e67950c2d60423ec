"""Commands over cases and many records: bundle, draw, batch, inventory-add."""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from pathlib import Path

import click

from ..errors import (EXIT_FAILURE, DataFileError)

from .app import main
from ..i18n import catalogue
from ..i18n.catalogue import describe, gettext as _
from . import ui
from .common import OutputPath
from .common import (api, atomic_write, bundle_docx_zip, bundle_pdf, bundle_pdf_a_zip, load_case, load_data,
                     renderable_form)
from .common import (DATE, ConversionBar, _echo_warnings, allow_fallback_option, complete_form, document_lang_option,
                     is_folder, pdf_converter, pdf_options, templates_option, timeout_option)
from .ui import emit, fail, progress, say
from .signing import barcodes_signed_by, pdf_signer, signing_options


#: The samples folder that holds case files (for `bundle`), not a form's data.


@main.command()
@click.argument("case_file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("-o", "--output", type=OutputPath(dir_okay=False, path_type=Path), required=True,
              help="The bundle: a .pdf file, or a .zip file with --docx-zip or --pdf-a-zip.")
@document_lang_option(choices=("kk", "ru"), default=None,
                      help_text="Language of the documents: kk (or kz) or ru (default: the case file's lang, else kk).")
@click.option("--docx-zip", "docx_zip", is_flag=True, help="Write the DOCX files as a zip instead of a PDF.")
@click.option("--pdf-a-zip", "pdf_a_zip", is_flag=True,
              help="Write each document as a PDF/A-2b file, in a zip, for archiving (a merged PDF is not PDF/A).")
@click.option("--force", is_flag=True, help="Replace an existing file.")
@click.option("--root", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="The folder the case's data files must lie in (default: the case file's folder); "
                   "a data path leading elsewhere is refused.")
@allow_fallback_option
@timeout_option
@templates_option
@signing_options
def bundle(case_file, output, lang, docx_zip, pdf_a_zip, force, root, allow_fallback, timeout, templates_dir, sign_key,
           password_env, tsa_url):
    """Render a case's documents (CASE_FILE, JSON or YAML) into one PDF: the inventory
    register (Annex 8) first, then by date, one bookmark per document. With --sign the
    bundle PDF is signed as a whole (with --pdf-a-zip, each document)."""
    if docx_zip and pdf_a_zip:
        raise click.UsageError(_("--docx-zip and --pdf-a-zip exclude each other"))
    if docx_zip and sign_key:
        raise click.UsageError(_("--sign signs PDFs; a --docx-zip bundle has none"))
    suffix = output.suffix.lower()
    if suffix == ".zip" and not (docx_zip or pdf_a_zip):
        raise fail("-o {path}: a .zip bundle needs --docx-zip (the DOCX files) or --pdf-a-zip (PDF/A files); "
                   "without them the bundle is one .pdf file", code="output_suffix", field="-o", path=output)
    if suffix == ".pdf" and (docx_zip or pdf_a_zip):
        raise fail("-o {path}: with --docx-zip or --pdf-a-zip the bundle is a .zip file", code="output_suffix",
                   field="-o", path=output)
    wanted = ".zip" if (docx_zip or pdf_a_zip) else ".pdf"
    if suffix != wanted:
        raise fail("-o {path}: this bundle is a {wanted} file", code="output_suffix", field="-o", path=output,
                   wanted=wanted)
    if output.exists() and not force:
        raise fail("already exists (use --force to replace): {files}", code="output_exists", field="-o",
                   files=output)
    # every document validated before any work; with --allow-fallback a text in the other language only is listed
    case = load_case(case_file, lang=lang, root=root, allow_fallback=allow_fallback)
    sign = pdf_signer(sign_key, password_env, tsa_url, lang=case.lang)  # the key is checked before any rendering
    _echo_warnings(case.fallbacks)
    if docx_zip:
        content = bundle_docx_zip(case, templates_dir=templates_dir)
    else:
        with pdf_converter(timeout) as converter, barcodes_signed_by(sign), \
                ConversionBar(case_file.name, _("documents")) as bar:
            if pdf_a_zip:
                content = bundle_pdf_a_zip(case, converter=converter, templates_dir=templates_dir, progress=bar,
                                           sign=sign)
            else:
                content = bundle_pdf(case, converter=converter, templates_dir=templates_dir, progress=bar)
                if sign is not None:
                    content = sign(content, str(output))
    atomic_write(output, content, overwrite=force)
    say(_("wrote {path} ({count} documents)").format(path=output, count=len(case.entries))
        + (_(", signed") if sign else "")
        + (_("; {count} text(s) printed in the other language").format(count=len(case.fallbacks))
           if case.fallbacks else ""))
    emit({"output": str(output), "documents": len(case.entries), "lang": case.lang, "signed": sign is not None,
          "warnings": [problem.as_dict(catalogue.language()) for problem in case.fallbacks]})


def _safe_part(text: str) -> str:
    """A piece of a file name from data: letters and digits kept, anything else "_".

    >>> _safe_part("мансарда / 2")
    'мансарда_2'
    """
    return "_".join(part for part in "".join(c if c.isalnum() else " " for c in text).split()) or "_"


@main.command()
@click.argument("kind", type=click.Choice(["abris", "floor-plan"]))
@click.option("--data", "data_file", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="abris: abris data, passport-house data with site_plan, or a site plan; floor-plan: "
                   "passport data (rooms and plan), conclusion data, or one floor.")
@click.option("-o", "--output", type=OutputPath(dir_okay=False, path_type=Path), required=True,
              help="The .png file (several floors: <name>-<level>.png).")
@click.option("--floor", "level", help="floor-plan: only this floor (its level as in the data).")
@click.option("--force", is_flag=True, help="Replace existing files.")
def draw(kind, data_file, output, level, force):
    """Draw the abris or the floor plans of a data file as PNG (300 dpi, true scale) for a quick look."""
    from ..jobs.drawings import floor_drawings, site_drawing

    if output.suffix.lower() != ".png":
        raise fail("-o {path}: give a .png file", code="output_suffix", field="-o", path=output)
    data = load_data(data_file)
    if not isinstance(data, dict):
        raise DataFileError("{path}: the data must be an object", path=data_file, field="--data")
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
            raise fail("already exists (use --force to replace): {files}", code="output_exists", field="-o",
                       files=", ".join(existing))
    written = []
    for path, drawing in drawings:
        atomic_write(path, drawing.png, overwrite=force)
        written.append({"path": str(path), "width_cm": drawing.width_cm, "height_cm": drawing.height_cm,
                        "scale": drawing.scale})
        say(_("wrote {path} ({width} x {height} cm, 1:{scale})").format(
            path=path, width=catalogue.number(drawing.width_cm, places=None),
            height=catalogue.number(drawing.height_cm, places=None), scale=drawing.scale))
    emit({"files": written})


@main.command()
@click.option("--form", "form", required=True, shell_complete=complete_form,
              help="The form of every record (slug or annex-N).")
@click.option("--input", "input_file", type=click.Path(dir_okay=False, exists=True, path_type=Path), required=True,
              help="The records: .jsonl (a JSON object per line), .csv or .xlsx (a header row of field paths "
                   "such as applicant.iin or object.floors[0].level).")
@click.option("-o", "--output", type=OutputPath(file_okay=False, path_type=Path), required=True,
              help="The folder for the files and errors.jsonl.")
@document_lang_option()
@click.option("--jobs", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Render in this many processes.")
@click.option("--skip-existing", is_flag=True, help="Leave records whose files all exist (a re-run does no work twice).")
@click.option("--force", is_flag=True, help="Replace existing files.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine (--jobs processes); dask: a dask.distributed cluster (--scheduler).")
@click.option("--scheduler", help="The dask scheduler's address, e.g. tcp://10.0.0.5:8786.")
@allow_fallback_option
@pdf_options
@templates_option
@signing_options
def batch(form, input_file, output, lang, jobs, skip_existing, force, executor, scheduler, allow_fallback, pdf, pdf_a,
          timeout, templates_dir, sign_key, password_env, tsa_url):
    """Render every record of an input file. Each record ends as files (<record>_<key>.<lang>.docx)
    or as rows of OUTPUT/errors.jsonl; exit 1 if any record failed. With --sign each PDF is
    signed here, as it is written (the key never leaves this process)."""
    from ..jobs.batch import run_batch
    from ..jobs.records import count_records

    spec = renderable_form(form)
    sign = pdf_signer(sign_key, password_env, tsa_url)  # the key is checked before any work
    if sign is not None and (jobs > 1 or executor != "local"):
        raise click.UsageError(_("--sign works in this process (the key never leaves it, and barcodes are signed "
                                 "where documents are rendered): use it with --jobs 1 and --executor local"))
    pdf = pdf or sign is not None
    if skip_existing and force:
        raise click.UsageError(_("--skip-existing and --force exclude each other"))
    if executor == "dask" and not scheduler:
        raise click.UsageError(_("--executor dask needs --scheduler ADDRESS"))
    if scheduler and executor != "dask":
        raise click.UsageError(_("--scheduler is only for a dask cluster: add --executor dask (the local executor "
                                 "uses --jobs)"))
    if output.exists() and not output.is_dir():
        raise fail("-o {path}: is a file; batch writes into a folder", code="output_not_folder", field="-o",
                   path=output)
    if (pdf or pdf_a) and executor == "local":
        from ..pdf import find_office

        find_office()  # fail now, saying what to install, rather than on every record
    langs = tuple(spec.languages) if lang == "both" else (lang,)
    total = count_records(input_file)
    lang_ = catalogue.language()
    with _terminate_as_interrupt(), progress(total, spec.slug, _("records")) as advance, barcodes_signed_by(sign):
        summary = run_batch(spec.slug, input_file, output, langs=langs, pdf=pdf, pdf_a=pdf_a, jobs=jobs,
                            skip_existing=skip_existing, force=force, executor=executor, scheduler=scheduler,
                            templates_dir=templates_dir, timeout=timeout, progress=lambda result: advance(1),
                            lang=lang_, sign=sign, allow_fallback=allow_fallback)
    for number, name, problem in summary.fallbacks:
        ui.warn(_("record {number} ({name}): {problem}").format(number=number, name=name,
                                                                 problem=problem.describe(lang_)))
    line = _("{total} record(s): {written} written ({files} files), {skipped} skipped, {failed} failed").format(
        total=summary.total, written=summary.written, files=summary.files, skipped=summary.skipped,
        failed=summary.failed)
    if summary.failed or summary.stopped:
        line += _("; the problems are in {path}").format(path=summary.errors_file)
    say(line)
    if summary.stopped:
        ui.error_line(_("the batch stopped: {reason}; {count} record(s) not reached (listed in {path})").format(
            reason=describe(summary.stopped), count=summary.not_reached, path=summary.errors_file))
    emit({"form": spec.slug, "total": summary.total, "written": summary.written, "files": summary.files,
          "skipped": summary.skipped, "failed": summary.failed, "errors_file": str(summary.errors_file),
          "stopped": describe(summary.stopped) if summary.stopped else None, "not_reached": summary.not_reached,
          "warnings": [{"record": number, "name": name, **problem.as_dict(lang_)}
                       for number, name, problem in summary.fallbacks]})
    if summary.failed or summary.stopped:
        sys.exit(EXIT_FAILURE)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


@contextlib.contextmanager
def _terminate_as_interrupt():
    """SIGTERM ends a batch as Ctrl-C does: the report lists the records not reached."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@main.command("inventory-add")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--document", help="What is filed, as the register shows it (default for --abris: 'Абрис № N'); "
                                 "with --document-ru, the Kazakh title.")
@click.option("--document-ru", "document_ru", help="The Russian title, where it differs from --document.")
@click.option("--date", "on", type=DATE, required=True,
              help="Date of the document, DD.MM.YYYY or YYYY-MM-DD (not before the last entry).")
@click.option("--sheets", type=click.IntRange(1, 10000), required=True, help="Number of sheets.")
@click.option("--abris", is_flag=True, help="A new abris: the next sequence number; the current abris is superseded.")
@click.option("--form", type=click.Choice(["cadastral-passport", "conclusion", "application", "technical-main",
                                           "technical-service", "other"]), help="Kind of document.")
@click.option("--supersedes", type=int, help="Number of the entry this document supersedes (kept, marked).")
@click.option("--note", help="Note (with --note-ru, the Kazakh note).")
@click.option("--note-ru", "note_ru", help="The Russian note, where it differs from --note.")
@click.option("--document-date", "document_date", type=DATE,
              help="Also set the register's print date (document_date), DD.MM.YYYY or YYYY-MM-DD; without it the "
                   "date is kept (and an entry later than it is refused).")
@click.option("--lock-timeout", type=click.FloatRange(0, 3600), default=30, show_default=True,
              help="Seconds to wait while another process is editing the file.")
def inventory_add(file, document, document_ru, on, sheets, abris, form, supersedes, note, note_ru, document_date,
                  lock_timeout):
    """Add a document to an inventory file's register (Annex 8 data), in place and atomically.

    Entries are only ever appended; a superseded entry stays in its place, marked. Only the
    register changes: comments, key order and every other value of the file stay as they
    were. The file is locked while it is edited, so that additions made at the same time
    are all kept.
    """
    from functools import partial

    from ..jobs.inventory import add_abris, add_document, add_to_file

    if abris and (form or supersedes):
        raise click.UsageError(_("--abris decides the kind and what it supersedes; do not combine it with --form or "
                                 "--supersedes"))
    if not abris and not document:
        raise click.UsageError(_("--document is required (except with --abris)"))
    if document_ru and not document:
        raise click.UsageError(_("--document-ru needs --document (the Kazakh title)"))
    if note_ru and not note:
        raise click.UsageError(_("--note-ru needs --note (the Kazakh note)"))
    document = {"kk": document, "ru": document_ru} if document_ru else document
    note = {"kk": note, "ru": note_ru} if note_ru else note
    when = on
    printed = document_date
    if abris:
        add = partial(add_abris, date=when, sheets=sheets, document=document, note=note, document_date=printed)
    else:
        add = partial(add_document, document=document, date=when, sheets=sheets, form=form, note=note,
                      supersedes=supersedes, document_date=printed)
    updated = add_to_file(file, add, lock_timeout=lock_timeout)
    entry = updated.entries[-1]
    superseded = [str(e.number) for e in updated.entries if e.superseded_by == entry.number]
    say(_("{file}: entry {number} added ({document}, {date})").format(
        file=file, number=entry.number, document=entry.document.summary(), date=catalogue.shown(entry.date))
        + (_("; entry {numbers} marked superseded").format(numbers=", ".join(superseded)) if superseded else ""))
    emit({"file": str(file), "entry": entry.model_dump(mode="json", exclude_none=True),
          "superseded": [int(number) for number in superseded]})

