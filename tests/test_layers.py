"""The package's layers: each imports only the layers below it, and no two modules import each other.

Imports are read from the source (ast), including those inside functions, so that an import
moved into a function to dodge a circle still counts. The layers, lowest first, are the
README's ("Layout"); the law's rules and fees sit above the models because they take the
object type (`models.parts.ObjectType`), while identifiers, cadastral numbers and the
calendar sit below them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kzcadastre_docs"
ROOT = "kzcadastre_docs"

#: Module prefixes by layer, lowest first; a module belongs to its longest matching prefix.
LAYERS = [
    ["errors", "i18n.messages", "i18n.catalogue", "data"],
    ["files", "inplace", "roundtrip", "i18n", "docx", "pdf", "barcode"],
    ["law.identifiers", "law.cadastral", "law.calendar", "law.timezone", "law.areas"],
    ["models"],
    ["law.rules", "law.fees", "law"],
    ["rendering"],
    ["drawing"],
    ["forms"],
    ["api"],
    ["jobs", "register", "signing"],
    ["cli", "__main__", ""],
]
# A package not listed falls into the top layer (""): place a new package here, lowest first,
# so that the check covers what it may import.


def layer_of(module: str) -> int:
    """The layer of a dotted module name (without the package name).

    >>> layer_of("law.rules"), layer_of("law.cadastral"), layer_of("models.parts"), layer_of("")
    (4, 2, 3, 10)
    """
    best, rank = -1, None
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".") or prefix == "") and len(prefix) > best:
                best, rank = len(prefix), index
    assert rank is not None, module
    return rank


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _is_module(name: str) -> bool:
    base = PACKAGE.joinpath(*name.split(".")) if name else PACKAGE
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def imports_of(path: Path) -> set[str]:
    """The package's modules that the file at `path` imports, anywhere in it."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".") if package else []
                base = base[:len(base) - (node.level - 1)] if node.level > 1 else base
                module = ".".join([*base, *([node.module] if node.module else [])])
                module = f"{ROOT}.{module}" if module else ROOT
            else:
                module = node.module or ""
            targets = [f"{module}.{alias.name}" for alias in node.names] + [module]
        else:
            continue
        for target in targets:
            if target != ROOT and not target.startswith(ROOT + "."):
                continue
            inner = target[len(ROOT) + 1:] if target != ROOT else ""
            if _is_module(inner):
                found.add(inner)
    # "from . import x" names the package and the module x; keep the package only when no
    # module of it was named.
    return found - {name}


def _graph() -> dict[str, set[str]]:
    return {_module_name(path): imports_of(path) for path in PACKAGE.rglob("*.py")}


def _drop_package_of_submodule(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """`from .pkg import mod` imports `pkg` too; count it only where nothing of pkg was named."""
    result = {}
    for module, targets in graph.items():
        kept = set(targets)
        for target in targets:
            if any(other.startswith(target + ".") for other in targets) or (target == "" and len(targets) > 1):
                kept.discard(target)
        result[module] = kept
    return result


GRAPH = _drop_package_of_submodule(_graph())


def test_no_lower_layer_imports_a_higher_one():
    upward = sorted((module, target) for module, targets in GRAPH.items() for target in targets
                    if layer_of(target) > layer_of(module))
    assert not upward, f"imports from a lower layer into a higher one: {upward}"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_two_modules_import_each_other():
    # Package __init__ files re-export their modules; a module importing a sibling through
    # its package is still a real import of that package.
    assert _cycles(GRAPH) == []


@pytest.mark.parametrize(("first", "second"), [("api", "forms.template_check"), ("drawing", "forms.annexes.abris")])
def test_the_two_broken_circles_stay_broken(first, second):
    assert not (second in _reach(first) and first in _reach(second))


def _reach(start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for target in GRAPH.get(todo.pop(), ()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def test_the_check_sees_an_import_inside_a_function():
    # errors.py imports the messages only inside Problem.text(); it still counts.
    assert "i18n.messages" in imports_of(PACKAGE / "errors.py")
    assert "models.labels" in imports_of(PACKAGE / "rendering" / "environment.py")


def test_a_cycle_is_found():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
