"""`verify-barcode`: read a passport's QR code back and check it against the data."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import EXIT_FAILURE
from ..files import load_data
from ..jobs.verify import verify_barcode
from .app import main


@main.command("verify-barcode")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--data", "data_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The passport's data (.json, .yaml, .yml): compare the barcode with it.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def verify_barcode_command(file, data_file, fmt):
    """Read the QR code of a passport (FILE: PDF or PNG) and check it; with --data, against
    the data. Exit 0 if it reads and matches, 1 if there is no readable code or it does not
    match, 2 if the data file is invalid."""
    data = load_data(data_file) if data_file is not None else None
    report = verify_barcode(file, data)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        payload = report.payload
        click.echo(f"{file}: form {payload.form}, cadastral number {payload.cadastral_number}, "
                   f"order {payload.order_number}, issued {payload.issued_on}")
        for check in report.checks:
            click.echo(f"  {'ok' if check.ok else 'MISMATCH'}  {check.what}: {check.detail}")
        if data is None:
            click.echo("  (no --data: the payload was read but not compared with any data)")
    if not report.ok:
        sys.exit(EXIT_FAILURE)
