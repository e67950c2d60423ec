"""The preview command: a document as text in the terminal, or as PNG pages (with LibreOffice)."""

from __future__ import annotations

from pathlib import Path

import click

from ..i18n.catalogue import gettext as _
from .app import main
from .common import OutputPath, api, atomic_write, load_data, renderable_form
from .common import complete_form, document_lang_option, is_folder, templates_option, timeout_option
from .ui import emit, fail, is_json, note


@main.command()
@click.argument("form", shell_complete=complete_form)
@click.option("--data", "data_file", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The document's data: a .json, .yaml or .yml file.")
@document_lang_option(choices=("kk", "ru"), default="kk", help_text="Language of the document: kk (or kz) or ru.")
@click.option("--page", type=click.IntRange(1), default=None, help="Only this page (from 1).")
@click.option("-o", "--output", type=OutputPath(file_okay=False), default=None,
              help='A folder for the pages as PNG (needs LibreOffice): <form>.<key>.<lang>-<page>.png.')
@click.option("--force", is_flag=True, help="Replace existing files.")
@timeout_option
@templates_option
def preview(form, data_file, lang, page, output, force, timeout, templates_dir):
    """Show a document before it is issued: its text page by page in the terminal, and with -o
    its pages as PNG pictures. With LibreOffice the pages are the printed ones; without it the
    text is read from the DOCX and split only where the document itself breaks the page."""
    from ..jobs.batch import case_key
    from ..jobs.preview import docx_pages, pdf_pages, png_pages
    from ..pdf import office_available
    from .common import pdf_converter

    spec = renderable_form(form)
    data = load_data(data_file)
    document = api.render_document(spec.slug, data, lang, templates_dir=templates_dir)
    key = (case_key(data) if isinstance(data, dict) else "") or case_key({"number": Path(data_file).stem})
    if output is not None and not is_folder(output) and Path(output).suffix:
        raise fail('-o {path}: preview writes PNG pages into a folder; end it with "/"', code="output_not_folder",
                   field="-o", path=output)
    images: list[str] = []
    if output is not None or office_available():
        with pdf_converter(timeout) as converter:  # -o without LibreOffice: the error says what to install
            pdf = api.to_pdf(document, converter=converter)
        pages = pdf_pages(pdf)
        pictures = png_pages(pdf) if output is not None else []
    else:
        pages, pictures = docx_pages(document.docx), []
        note(_("LibreOffice is not installed: the text comes from the DOCX, split only at the document's own "
               "page breaks"))
    chosen = range(1, len(pages) + 1)
    if page is not None:
        if page > len(pages):
            raise fail("--page {page}: the document has {count} page(s)", code="page_out_of_range", field="--page",
                       page=page, count=len(pages))
        chosen = [page]
    if pictures:
        targets = {number: Path(output) / f"{spec.slug}.{key}.{lang}-{number}.png" for number in chosen}
        existing = [str(path) for path in targets.values() if path.exists()]
        if existing and not force:
            raise fail("already exists (use --force to replace): {files}", code="output_exists", field="-o",
                       files=", ".join(existing))
        for number, path in targets.items():
            atomic_write(path, pictures[number - 1], overwrite=force)
            images.append(str(path))
    if is_json():
        emit({"form": spec.slug, "lang": lang, "pages": len(pages), "text": [pages[n - 1] for n in chosen],
              "images": images})
        return
    for number in chosen:
        click.echo(_("── page {page} of {count} ──").format(page=number, count=len(pages)))
        click.echo(pages[number - 1])
    for path in images:
        click.echo(_("wrote {path}").format(path=path))
