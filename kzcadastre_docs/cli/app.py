"""The `kzcadastre-docs` command group: library errors become the documented exit statuses."""

from __future__ import annotations

import sys

import click

from ..errors import EXIT_INVALID, KzcadastreError
from ..i18n import catalogue
from . import ui


class _Group(ui.TranslatedGroup):
    """Maps library errors to the documented exit statuses, with a one-line reason (or, under
    --format json, an {"error": ...} object on standard output)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        args = list(sys.argv[1:] if args is None else args)
        ui.prescan(args)
        try:
            catalogue.language()
        except catalogue.LanguageError as exc:  # KZCADASTRE_LANG=xx: said in English, the only language left
            catalogue.set_language("en")
            sys.exit(ui.report(exc) or EXIT_INVALID)
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            status = result if isinstance(result, int) else 0
        except click.exceptions.Abort:
            click.echo(ui._("Aborted!"), err=True)
            status = 1
        except (click.ClickException, KzcadastreError, OSError, ui.CliError, catalogue.LanguageError) as exc:
            status = ui.report(exc)
        finally:
            catalogue.set_language(None)
        if standalone_mode:
            sys.exit(status)
        return status


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kzcadastre-docs")
def main():
    """Documents of Kazakhstan's technical inspection and cadastral-passport services
    (Order No. 65 of 22 January 2026), in Kazakh and Russian.

    Forms are addressed by slug or as annex-N. Exit status: 0 ok, 2 invalid data or usage
    (nothing written), 1 other failure.
    """


ui.add_common_params(main)
