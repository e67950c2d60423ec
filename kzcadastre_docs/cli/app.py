"""The `kzcadastre-docs` command group: every failure becomes a documented exit status.

0 success; 2 invalid data or usage (the message names the field or option); 1 any other
failure. Library errors carry their status; an operating-system error (a full disk, a
missing permission) is 1 with its reason; anything unexpected is caught by the last-resort
handler, which prints one line saying what happened and where the details (the traceback)
were logged, and exits 1: no traceback ever reaches the user.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import tempfile
import traceback
from pathlib import Path

import click

from ..errors import EXIT_FAILURE, EXIT_INVALID, KzcadastreError, shown_value
from ..i18n import catalogue
from . import ui

#: Where the last-resort handler writes details (default: $XDG_STATE_HOME/kzcadastre-docs).
LOG_DIR_ENV = "KZCADASTRE_LOG_DIR"


def log_folder() -> Path:
    """$KZCADASTRE_LOG_DIR, else $XDG_STATE_HOME/kzcadastre-docs, else ~/.local/state/kzcadastre-docs."""
    named = os.environ.get(LOG_DIR_ENV)
    if named:
        return Path(named)
    state = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(state) / "kzcadastre-docs"


def write_details(exc: BaseException) -> Path | None:
    """The traceback of `exc` in a new log file; None if no folder would take it."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    text = "".join(traceback.format_exception(exc))
    for folder in (log_folder(), Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        for attempt in range(100):  # two failures in the same second of one process get two files
            suffix = f"-{attempt}" if attempt else ""
            path = folder / f"kzcadastre-docs-error-{stamp}-{os.getpid()}{suffix}.log"
            try:
                with open(path, "x", encoding="utf-8", errors="backslashreplace") as handle:
                    handle.write(text)
                return path
            except FileExistsError:
                continue
            except OSError:
                break
    return None


def _unexpected(exc: BaseException) -> ui.CliError:
    """The last resort: one line saying what happened and where the details were logged."""
    logged = write_details(exc)
    where = (ui._("details in {path}").format(path=logged) if logged
             else ui._("details could not be logged"))
    if catalogue.language() != "en":  # the exception's own words are English: they stay in the log
        return ui.CliError(ui._("unexpected failure; {where}").format(where=where), code="internal",
                           exit_code=EXIT_FAILURE)
    return ui.CliError(ui._("unexpected failure ({kind}: {detail}); {where}").format(
        kind=type(exc).__name__, detail=shown_value(str(exc), 120), where=where), code="internal",
        exit_code=EXIT_FAILURE)


def _say(message: str) -> None:
    """Print one error line to stderr, whatever the characters in it."""
    try:
        click.echo(message, err=True)
    except UnicodeEncodeError:
        click.echo(message.encode("ascii", "backslashreplace").decode("ascii"), err=True)

def _quiet_libraries() -> None:
    """The libraries' own log records (pypdf's "EOF marker not found", in English) do not reach the
    clerk's terminal: what matters comes back as the command's error, in the clerk's language."""
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.NullHandler())


class _Group(ui.TranslatedGroup):
    """Maps library errors to the documented exit statuses, with a one-line reason (or, under
    --format json, an {"error": ...} object on standard output)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        args = list(sys.argv[1:] if args is None else args)
        ui.prescan(args)
        _quiet_libraries()
        try:
            catalogue.language()
        except catalogue.LanguageError as exc:  # KZCADASTRE_LANG=xx: said in the locale's language, else English
            catalogue.set_language(catalogue.locale_language())
            sys.exit(ui.report(exc) or EXIT_INVALID)
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            status = result if isinstance(result, int) else 0
        except click.exceptions.Abort:
            click.echo(ui._("Aborted!"), err=True)
            status = 1
        except (click.ClickException, KzcadastreError, OSError, ui.CliError, catalogue.LanguageError) as exc:
            status = ui.report(exc)
        except (Exception, RecursionError, MemoryError) as exc:  # noqa: BLE001 - the last resort
            status = ui.report(_unexpected(exc))
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
