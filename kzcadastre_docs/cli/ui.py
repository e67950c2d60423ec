"""What every command shares with the clerk: the message language, --format json, help in the
clerk's language, errors (one prefix; JSON on stdout under --format json), warnings, progress.

Every command registered on the `kzcadastre-docs` group (or a sub-group of it) gets the two
common options `--message-lang` and `--format`, and its help is translated when shown.
"""

from __future__ import annotations

import contextlib
import json
import sys
from typing import Any, Callable, Iterator

import click

from ..i18n import catalogue
from ..i18n.catalogue import N_, gettext as _

FORMATS = ("text", "json")
# The words click shows in usage lines and option lists, translated where shown.
CLICK_WORDS = (N_("[OPTIONS]"), N_("COMMAND [ARGS]..."), N_("TEXT"), N_("PATH"), N_("FILE"), N_("DIRECTORY"),
               N_("INTEGER"), N_("FLOAT"), N_("INTEGER RANGE"), N_("FLOAT RANGE"), N_("FORM"), N_("CASE_FILE"),
               N_("KIND"), N_("NUMBER"),
               N_("TEMPORARY_NUMBER"))
_FORMAT_META = "kzcadastre.format"
_state = {"format": "text"}

# click's own words ("Usage:", "Missing option", ...) come from the same catalogue.
for _module_name in ("core", "exceptions", "formatting", "types", "decorators", "parser", "termui", "utils",
                     "shell_completion", "_termui_impl"):
    _module = sys.modules.get(f"click.{_module_name}")
    if _module is None:
        try:
            _module = __import__(f"click.{_module_name}", fromlist=["_"])
        except ImportError:  # pragma: no cover - click's layout moved
            continue
    if hasattr(_module, "_"):
        _module._ = catalogue.gettext
    if hasattr(_module, "ngettext"):
        _module.ngettext = catalogue.ngettext


class _TranslatedName:
    """click.Path says "{name} '...' is a directory" with the word it translated when the option was
    declared, at import, before the message language is known: keep the English word and translate
    it where it is shown."""

    def __set_name__(self, owner, name):
        self.attribute = f"_kzcadastre_{name}"

    def __get__(self, instance, owner=None):
        return self if instance is None else catalogue.gettext(getattr(instance, self.attribute))

    def __set__(self, instance, value):
        setattr(instance, self.attribute, value)


click.Path.name = _TranslatedName()
click.Path.name.__set_name__(click.Path, "name")
CLICK_PATH_WORDS = (N_("file"), N_("directory"), N_("path"))


def output_format() -> str:
    """text or json: what this run prints."""
    return _state["format"]


def is_json() -> bool:
    return _state["format"] == "json"


def _set_message_lang(ctx, param, value):
    if value:
        try:
            catalogue.set_language(value)
        except Exception as exc:  # noqa: BLE001 - reported as a bad parameter, in the current language
            raise click.BadParameter(_("{value!r} is not a message language (kk, ru, en; kz means kk)").format(value=value),
                                     ctx=ctx, param=param) from exc
    return value


def _set_format(ctx, param, value):
    if value:
        _state["format"] = value
    return value


MESSAGE_LANG_HELP = N_("Language of messages and help: kk (or kz), ru or en. Default: KZCADASTRE_LANG, then the "
                       "locale (LC_ALL, LC_MESSAGES, LANG), then en.")
FORMAT_HELP = N_("text for people, json for programs (errors too come as JSON on standard output).")


def common_params() -> list[click.Option]:
    return [
        click.Option(["--message-lang"], metavar="kk|ru|en", expose_value=False, is_eager=True,
                     callback=_set_message_lang, help=MESSAGE_LANG_HELP),
        click.Option(["--format", "output_format"], type=click.Choice(FORMATS), expose_value=False,
                     is_eager=True, callback=_set_format, help=FORMAT_HELP),
    ]


def add_common_params(command: click.Command) -> None:
    names = {opt for param in command.params for opt in getattr(param, "opts", [])}
    for param in common_params():
        if param.opts[0] not in names:
            command.params.append(param)


# -- Help in the clerk's language.

@contextlib.contextmanager
def _translated(command: click.Command, ctx: click.Context | None = None) -> Iterator[None]:
    if hasattr(command, "_help_option"):
        command._help_option = None  # click makes it once, in the language of that moment
    saved = (command.help, command.short_help, command.epilog, command.options_metavar,
             [(param, param.help if hasattr(param, "help") else None, param.metavar) for param in command.params])
    command.help = _(command.help) if command.help else command.help
    command.short_help = _(command.short_help) if command.short_help else command.short_help
    command.epilog = _(command.epilog) if command.epilog else command.epilog
    command.options_metavar = _(command.options_metavar) if command.options_metavar else command.options_metavar
    if isinstance(command, click.Group):
        saved = (*saved, command.subcommand_metavar)
        command.subcommand_metavar = _(command.subcommand_metavar)
    for param in command.params:
        if getattr(param, "help", None):
            param.help = _(param.help)
        if ctx is not None and not getattr(param, "hidden", False):
            metavar = param.metavar or _default_metavar(param, ctx)
            if metavar:
                param.metavar = _(metavar)
    try:
        yield
    finally:
        command.help, command.short_help, command.epilog, command.options_metavar, params = saved[:5]
        if len(saved) > 5:
            command.subcommand_metavar = saved[5]
        for param, help_text, metavar in params:
            if help_text is not None:
                param.help = help_text
            param.metavar = metavar


def _default_metavar(param: click.Parameter, ctx: click.Context) -> str | None:
    if isinstance(param, click.Argument):
        if isinstance(param.type, click.Choice):
            return None
        return (param.name or "").upper() + ("..." if param.nargs != 1 else "")
    if getattr(param, "is_flag", False):
        return None
    try:
        return param.type.get_metavar(param, ctx) or param.type.name.upper()
    except TypeError:  # click < 8.2: get_metavar(param)
        return param.type.get_metavar(param) or param.type.name.upper()


class TranslatedCommand(click.Command):
    """A command whose help shows in the message language."""

    def get_help(self, ctx):
        with _translated(self, ctx):
            return super().get_help(ctx)

    def get_usage(self, ctx):
        with _translated(self, ctx):
            return super().get_usage(ctx)

    def get_short_help_str(self, limit: int = 45) -> str:
        with _translated(self):
            return super().get_short_help_str(limit)

    def shell_complete(self, ctx, incomplete):
        items = super().shell_complete(ctx, incomplete)
        for item in items:
            if item.help:
                item.help = _(item.help)
        return items


class TranslatedGroup(TranslatedCommand, click.Group):
    """A group whose commands (and sub-groups) get the common options and translated help."""

    command_class = TranslatedCommand

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        if type(cmd) is click.Command:
            cmd.__class__ = TranslatedCommand
        elif type(cmd) is click.Group:
            cmd.__class__ = TranslatedGroup
        add_common_params(cmd)
        if isinstance(cmd, click.Group):
            for sub in list(cmd.commands.values()):
                cmd.add_command(sub) if isinstance(cmd, TranslatedGroup) else add_common_params(sub)
        super().add_command(cmd, name)


TranslatedGroup.group_class = type


# -- What a command prints.

def emit(data: Any, text: Callable[[], None] | None = None) -> None:
    """Print `data` as JSON under --format json, else run `text` (which echoes for people)."""
    if is_json():
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    elif text is not None:
        text()


def _echo(message: str, err: bool = False) -> None:
    """Print a line; while a progress bar is shown, the bar steps aside and comes back under it."""
    bar = _state.get("bar")
    if bar is None:
        click.echo(message, err=err)
        return
    with bar.external_write_mode(file=sys.stderr if err else sys.stdout):
        click.echo(message, err=err)


def say(message: str) -> None:
    """A line for people (not printed under --format json, where the JSON says it)."""
    if not is_json():
        _echo(message)


def warn(message: str) -> None:
    """A warning: standard error, one prefix, the exit status unchanged."""
    _echo(_("Warning: {message}").format(message=message), err=True)


def note(message: str) -> None:
    """Progress chatter for people, on standard error."""
    if not is_json():
        _echo(message, err=True)


class CliError(Exception):
    """A failure the command reports as-is (already in the message language)."""

    def __init__(self, message: str, *, code: str, exit_code: int = 2, field: str | None = None, **extra):
        super().__init__(message)
        self.message, self.code, self.exit_code, self.field, self.extra = message, code, exit_code, field, extra


def fail(message: str, *, code: str, field: str | None = None, exit_code: int = 2, **values) -> CliError:
    """A CliError with `message` (an English message id) translated and filled in."""
    return CliError(_(message).format(**values), code=code, field=field, exit_code=exit_code)


def error_payload(exc: BaseException) -> tuple[dict, int]:
    """The {"error": {...}} object and exit status of an exception a command raised."""
    from ..errors import EXIT_FAILURE, DataValidationError, KzcadastreError

    lang = catalogue.language()
    if isinstance(exc, CliError):
        body = {"code": exc.code, "message": exc.message, "field": exc.field, **exc.extra}
        return {"error": body}, exc.exit_code
    if isinstance(exc, click.ClickException):
        field = None
        param = getattr(exc, "param", None)
        if param is not None:
            field = (param.opts[0] if getattr(param, "opts", None) else param.name)
        code = "usage" if isinstance(exc, click.UsageError) else "error"
        if isinstance(exc, click.MissingParameter):
            code = "missing_parameter"
        elif isinstance(exc, click.BadParameter):
            code = "bad_parameter"
        elif isinstance(exc, click.NoSuchOption):
            code = "no_such_option"
        return {"error": {"code": code, "message": exc.format_message(), "field": field}}, exc.exit_code
    if isinstance(exc, DataValidationError):
        body = {"code": exc.code, "message": exc.describe(lang).splitlines()[0].rstrip(":"), "field":
                exc.problems[0].field if len(exc.problems) == 1 else None,
                "problems": [problem.as_dict(lang) for problem in exc.problems]}
        return {"error": body}, exc.exit_code
    if isinstance(exc, KzcadastreError):
        extra = {}
        if hasattr(exc, "as_dict"):  # the error's own details (a cadastral number's part and point, ...)
            try:
                extra = exc.as_dict(lang)
            except TypeError:
                extra = exc.as_dict()
        if "detail" not in extra:  # a foreign library's own words among the values, for programs
            from ..i18n.foreign import joined_details

            details = joined_details(exc.values)
            extra = {**extra, "detail": details} if details else extra
        body = {**extra, "code": exc.code, "message": exc.describe(lang), "field": exc.field}
        return {"error": body}, exc.exit_code
    if isinstance(exc, catalogue.LanguageError):
        return {"error": {"code": exc.code, "message": exc.describe(catalogue.language()), "field": exc.source}}, \
            exc.exit_code
    if isinstance(exc, OSError):
        return {"error": {"code": "os_error", "message": os_message(exc), "field": None}}, EXIT_FAILURE
    return {"error": {"code": "internal", "message": _("unexpected failure: {detail}").format(detail=exc),
                      "field": None}}, EXIT_FAILURE


def os_message(exc: OSError) -> str:
    """An operating-system failure in the message language ("no such file", "permission denied")."""
    import errno
    import os

    from ..i18n.system import os_reason

    where = exc.filename or ""
    if exc.errno == errno.ENOSPC:
        text = _(N_("{path}: no space left on the disk; nothing half-written was left behind")).format(path=where)
    elif exc.errno == errno.EEXIST and where and os.path.lexists(where) and not os.path.isdir(where):
        text = _(N_("{path}: is a file, not a folder")).format(path=where)  # a folder was to be made there
    else:
        text = _(N_("{path}: {reason}")).format(path=where, reason=os_reason(exc).describe(catalogue.language()))
    return text[2:] if not where and text.startswith(": ") else text


def _about_a_file(exc: click.UsageError) -> bool:
    """click.Path's refusals (no such file, a folder, not readable) are about the file named, not
    about how the command was typed: they get no usage banner."""
    return isinstance(exc, click.BadParameter) and isinstance(getattr(exc.param, "type", None), click.Path)


def report(exc: BaseException) -> int:
    """Say what went wrong (JSON on stdout under --format json, else one line on stderr); the exit status."""
    payload, status = error_payload(exc)
    if is_json():
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
        return status
    if isinstance(exc, click.UsageError) and not isinstance(exc, CliError) and not _about_a_file(exc):
        exc.show()  # a wrong usage: click's usage line and "Try --help", in the message language
        return status
    from ..errors import KzcadastreError

    message = exc.describe(catalogue.language()) if isinstance(exc, KzcadastreError) else payload["error"]["message"]
    click.echo(_("Error: {message}").format(message=message), err=True)
    return status


def prescan(args: list[str]) -> None:
    """Read --message-lang and --format from the command line before click parses it, so that
    help and the errors of parsing itself come in the right language and format."""
    _state["format"] = "text"
    catalogue.set_language(None)
    for index, arg in enumerate(args):
        if arg == "--":
            break
        for option, setter in (("--message-lang", catalogue.set_language), ("--format", _prescan_format)):
            value = None
            if arg == option and index + 1 < len(args):
                value = args[index + 1]
            elif arg.startswith(option + "="):
                value = arg.split("=", 1)[1]
            if value is not None:
                try:
                    setter(value)
                except Exception:  # noqa: BLE001 - click reports the bad value when it parses
                    pass


def _prescan_format(value: str) -> None:
    if value in FORMATS:
        _state["format"] = value


# -- Progress.

@contextlib.contextmanager
def progress(total: int, label: str, unit: str) -> Iterator[Callable[[int], None]]:
    """A progress bar on a terminal (standard error), with the real rate and time left; nothing
    when standard error is not a terminal or under --format json. Yields `advance(n=1)`."""
    stream = sys.stderr
    if is_json() or not stream.isatty() or total <= 0:
        yield lambda n=1: None
        return
    from tqdm import tqdm

    bar_format = "{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}, {rate_fmt}]"
    with tqdm(total=total, desc=label, unit=" " + unit, file=stream, bar_format=bar_format, leave=True,
              dynamic_ncols=True, smoothing=0.1) as bar:
        _state["bar"] = bar  # say/warn/note/error_line print above the bar while it is shown
        try:
            yield bar.update
        finally:
            _state.pop("bar", None)


def error_line(message: str) -> None:
    """An error about one item of many (the command goes on): standard error, the one prefix."""
    _echo(_("Error: {message}").format(message=message), err=True)
