"""The message catalogue's tooling (Babel): extract, update, compile, check.

    python tools/messages.py            extract + update the kk and ru .po files + compile the .mo files
    python tools/messages.py --check    exit 1 if a message is untranslated or a .mo is stale

Message ids come from three places:
- the package's source: calls of _(), N_(), gettext(), tr(), fail(), Message() and of every
  KzcadastreError subclass (their first argument is an English template);
- the command line itself: every command's and option's help text, walked through click;
- click's own source (its "Usage:", "Missing option", ... are gettext ids too).
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PACKAGE = ROOT / "kzcadastre_docs"
LOCALE_DIR = PACKAGE / "i18n" / "locale"
DOMAIN = "kzcadastre"
LANGUAGES = ("kk", "ru")
POT = LOCALE_DIR / f"{DOMAIN}.pot"
#: The catalogues name their files without line numbers and carry a fixed creation date, so that
#: running this tool changes them only where a message changed (and parallel branches merge).
STABLE_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)


def _error_classes() -> set[str]:
    import importlib
    import pkgutil

    import kzcadastre_docs
    from kzcadastre_docs.errors import KzcadastreError

    for module in pkgutil.walk_packages(kzcadastre_docs.__path__, "kzcadastre_docs."):
        if module.name.endswith(("uno_worker", "__main__")) or ".migrations" in module.name:
            continue
        importlib.import_module(module.name)  # every module that may define an error

    names, todo = set(), [KzcadastreError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo += cls.__subclasses__()
    return names


def _keywords() -> dict:
    keywords = {name: None for name in ("_", "N_", "gettext", "tr", "fail", "Message", "ForeignMessage", "json_reason")}
    keywords.update({name: None for name in _error_classes()})
    keywords["ngettext"] = (1, 2)
    keywords["RuleError"] = (2,)  # (part, reason, points): the part names are listed in register.numbers.WORDS
    keywords["InvalidCadastralNumber"] = (3,)  # (number, part, reason, point)
    keywords["_problem"] = (2,)
    keywords["message_problem"] = (3,)  # (field, rule, template, ...)
    keywords["TemplateLimitError"] = None  # (template, **values), a Jinja SecurityError
    return keywords


def _cli_messages() -> list[tuple[str, str]]:
    """(message, where) for every help text of the command line."""
    import click

    from kzcadastre_docs.cli import main

    found = []

    def walk(command: click.Command, path: str) -> None:
        for text in (command.help, command.short_help, command.epilog):
            if text:
                found.append((text, path))
        for param in command.params:
            if getattr(param, "help", None):
                found.append((param.help, f"{path} {param.opts[0] if param.opts else param.name}"))
            if isinstance(param.metavar, str) and param.metavar:
                found.append((param.metavar, f"{path} {param.name} metavar"))
        if isinstance(command, click.Group):
            for name, sub in sorted(command.commands.items()):
                walk(sub, f"{path} {name}")

    walk(main, "kzcadastre-docs")
    return found + _form_messages()


def _form_messages() -> list[tuple[str, str]]:
    """(message, where) for what `describe` prints of each form: description, notes, fields."""
    import kzcadastre_docs as kz
    from kzcadastre_docs.cli.reader_texts import schema_texts

    found = []
    for form in kz.forms():
        found += [(text, f"forms {form.slug}") for text in (form.description, *form.notes, form.prescribed_by) if text]
        if form.model is not None:
            schema = kz.schema(form.slug)
            for name, prop in schema.get("properties", {}).items():
                if prop.get("description"):
                    found.append((prop["description"], f"forms {form.slug} {name}"))
            # what `schema` and `describe --format json` print in the message language: the
            # schema's description, its fields' and definitions' descriptions and given titles
            found += [(text, f"forms {form.slug} schema") for text in schema_texts(schema)]
    return found


def _is_message(message) -> bool:
    """Words to translate, not a bare placeholder ("{detail}") or a format letter ("d")."""
    text = message if isinstance(message, str) else message[0]
    return len(re.sub(r"[^\w]|_", "", re.sub(r"\{[^}]*\}", "", text))) >= 2


def build_template() -> Catalog:
    import click

    template = Catalog(project="kzcadastre-docs", domain=DOMAIN, fuzzy=False, creation_date=STABLE_DATE)
    keywords = _keywords()
    for filename, lineno, message, comments, context in extract_from_dir(
            str(PACKAGE), keywords=keywords, comment_tags=("TRANSLATORS:",)):
        if isinstance(message, tuple) and not all(message):
            continue
        if not _is_message(message):
            continue
        template.add(message, locations=[(f"kzcadastre_docs/{filename}", lineno)], auto_comments=comments)
    for message, where in _cli_messages():
        template.add(message, locations=[(where.replace(" ", "/"), 0)])
    click_dir = Path(click.__file__).parent
    for filename, lineno, message, comments, context in extract_from_dir(
            str(click_dir), keywords={"_": None, "ngettext": (1, 2)}):
        if not _is_message(message):
            continue
        template.add(message, locations=[(f"click/{filename}", lineno)])
    return template


def _write(path: Path, catalog: Catalog) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=True, no_location=False, include_lineno=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def _mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(lang: str) -> Catalog:
    with open(po_path(lang), "rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def untranslated(catalog: Catalog, template: Catalog) -> list[str]:
    """Message ids of `template` that `catalog` lacks or leaves empty or fuzzy."""
    missing = []
    for message in template:
        if not message.id:
            continue
        have = catalog.get(message.id)
        strings = have.string if have is not None else None
        if isinstance(strings, tuple):
            empty = not all(strings)
        else:
            empty = not strings
        if have is None or empty or have.fuzzy:
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def update() -> None:
    template = build_template()
    _write(POT, template)
    for lang in LANGUAGES:
        path = po_path(lang)
        if path.exists():
            catalog = read_catalog(lang)
        else:
            catalog = Catalog(locale=lang, domain=DOMAIN, project="kzcadastre-docs")
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        _write(path, catalog)
        path.with_suffix(".mo").write_bytes(_mo_bytes(catalog))
        missing = untranslated(catalog, template)
        print(f"{lang}: {len(catalog)} messages, {len(missing)} untranslated")


def check() -> int:
    template = build_template()
    status = 0
    for lang in LANGUAGES:
        catalog = read_catalog(lang)
        missing = untranslated(catalog, template)
        for message in missing:
            print(f"{lang}: untranslated: {message!r}")
        mo = po_path(lang).with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != _mo_bytes(catalog):
            print(f"{lang}: {mo} is stale: run python tools/messages.py")
            status = 1
        status = status or (1 if missing else 0)
    return status


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true")
    arguments = parser.parse_args()
    sys.exit(check() if arguments.check else update())
