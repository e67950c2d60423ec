"""`verify-barcode`: read a passport's QR code back and check it against the data."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import EXIT_FAILURE
from ..i18n.catalogue import describe, gettext as _
from .app import main
from .common import load_data
from .ui import emit


@main.command("verify-barcode")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--data", "data_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The passport's data (.json, .yaml, .yml): compare the barcode with it.")
def verify_barcode_command(file, data_file):
    """Read the QR code of a passport (FILE: PDF or PNG) and check it; with --data, against
    the data. Exit 0 if it reads and matches, 1 if there is no readable code or it does not
    match, 2 if the data file is invalid."""
    from ..jobs.verify import verify_barcode

    data = load_data(data_file) if data_file is not None else None
    report = verify_barcode(file, data)

    def text():
        payload = report.payload
        click.echo(_("{file}: form {form}, cadastral number {number}, order {order}, issued {issued}").format(
            file=file, form=payload.form, number=payload.cadastral_number, order=payload.order_number,
            issued=payload.issued_on))
        for check in report.checks:
            click.echo(f"  {_('ok') if check.ok else _('MISMATCH')}  {_(check.what)}: {describe(str(check.detail)) if not hasattr(check.detail, 'describe') else check.detail.describe()}")
        if data is None:
            click.echo(_("  (no --data: the payload was read but not compared with any data)"))

    data_json = report.as_dict()
    data_json["checks"] = [{**item, "detail": check.detail.describe() if hasattr(check.detail, "describe")
                            else item["detail"]} for item, check in zip(data_json["checks"], report.checks)]
    emit(data_json, text)
    if not report.ok:
        sys.exit(EXIT_FAILURE)
