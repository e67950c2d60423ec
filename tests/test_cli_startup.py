"""Start-up: `--help` and `forms` do not load the library's heavy parts (pydantic, the models,
the rendering engine); the forms index they read equals the registry. The time itself is
measured in benchmarks/startup.py, not here."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import kzcadastre_docs as kz
from kzcadastre_docs.cli.common import forms_index

HEAVY = ("pydantic", "kzcadastre_docs.models", "kzcadastre_docs.rendering", "kzcadastre_docs.api", "shapely", "babel",
         "docxtpl", "lxml")

PROBE = """
import sys
from kzcadastre_docs.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = [name for name in {heavy!r} if name in sys.modules]
print("HEAVY=" + ",".join(heavy), file=sys.stderr)
"""


@pytest.mark.parametrize("args", [["--help"], ["forms"], ["forms", "--format", "json"], ["render", "--help"],
                                  ["--message-lang", "kk", "--help"]])
def test_help_and_forms_do_not_load_the_library(args):
    result = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY), *args], capture_output=True, text=True,
                            check=False)
    assert "HEAVY=\n" in result.stderr or result.stderr.rstrip().endswith("HEAVY="), result.stderr
    assert result.stdout


def _command_paths(command=None, path=()):
    from kzcadastre_docs.cli import main

    command = main if command is None else command
    yield path
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from _command_paths(sub, (*path, name))


def _probe(args):
    return subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY), *args], capture_output=True, text=True,
                          check=False)


@pytest.mark.parametrize("path", [path for path in _command_paths() if path], ids=" ".join)
def test_every_commands_help_is_lazy(path):
    """`deadline --help`, `fee --help`, ... list their options (choices included) without the library."""
    result = _probe([*path, "--help", "--message-lang", "ru"])
    assert result.stderr.rstrip().endswith("HEAVY="), result.stderr
    assert "--message-lang" in result.stdout


def test_the_law_codes_of_the_help_are_the_libraries():
    """If this fails, law/codes.py lags behind law.rules or models.parts.ObjectType."""
    from kzcadastre_docs.law import codes, rules
    from kzcadastre_docs.models.parts import ObjectType

    assert codes.SERVICES == rules.SERVICES
    assert codes.OBJECT_TYPES == tuple(kind.value for kind in ObjectType)


def test_the_forms_index_is_the_registry():
    """If this fails, run python tools/forms_index.py (a form was added or changed)."""
    assert forms_index() == json.loads(json.dumps([form.summary() for form in kz.forms()], ensure_ascii=False))
