"""A library error is raised with an English template and its values, never with text already
filled in (an f-string, ``%`` or ``.format``): filled-in text is not a catalogue id, so a clerk
working in Kazakh or Russian would read it in English (issue 19)."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import kzcadastre_docs
from kzcadastre_docs.errors import KzcadastreError

PACKAGE = Path(kzcadastre_docs.__file__).parent
#: A separate program (LibreOffice's Python runs it), not part of the library's messages.
SKIPPED = {"pdf/uno_worker.py"}


def error_class_names() -> set[str]:
    for module in pkgutil.walk_packages(kzcadastre_docs.__path__, "kzcadastre_docs."):
        if module.name.endswith(("uno_worker", "__main__")) or ".migrations" in module.name:
            continue
        importlib.import_module(module.name)
    names, todo = set(), [KzcadastreError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo += cls.__subclasses__()
    return names


def _called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _filled_in(node: ast.AST) -> str | None:
    """How `node` fills its text in before the error sees it, or None for a plain template."""
    if isinstance(node, ast.JoinedStr):
        return "f-string"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return "% formatting"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _filled_in(node.left) or _filled_in(node.right)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format"):
        return ".format()"
    return None


def filled_in_errors(source: str, names: set[str]) -> list[tuple[int, str, str]]:
    """(line, class, how) of every call of an error class in `names` whose message is filled in.

    >>> filled_in_errors('raise XError(f"a {b}")\\nraise XError("a {b}", b=1)', {"XError"})
    [(1, 'XError', 'f-string')]
    """
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and _called_name(node) in names:
            message = node.args[0] if node.args else next(
                (kw.value for kw in node.keywords if kw.arg == "message"), None)
            how = _filled_in(message) if message is not None else None
            if how:
                found.append((node.lineno, _called_name(node), how))
    return found


def test_the_check_finds_each_way_of_filling_in():
    names = {"SomeError"}
    assert [how for _, _, how in filled_in_errors(
        'SomeError(f"x {y}")\nSomeError("x %s" % y)\nSomeError("x {}".format(y))\n'
        'SomeError("a " + f"{b}")\nSomeError("x {y}", y=1)\nValueError(f"{z}")', names)] == [
        "f-string", "% formatting", ".format()", "f-string"]


def test_no_library_error_is_raised_with_filled_in_text():
    names = error_class_names()
    assert {"KzcadastreError", "PdfCheckError", "SigningError"} <= names
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative in SKIPPED:
            continue
        for line, name, how in filled_in_errors(path.read_text(encoding="utf-8"), names):
            offenders.append(f"kzcadastre_docs/{relative}:{line}: {name} with {how}")
    assert not offenders, "errors must take a template and values:\n" + "\n".join(offenders)
