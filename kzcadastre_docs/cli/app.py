"""The `kzcadastre-docs` command group: library errors become the documented exit statuses."""

from __future__ import annotations


import click

from ..errors import (EXIT_FAILURE, KzcadastreError)
from ..i18n.messages import message_language



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

