"""Looking into a DOCX template without rendering it: its tags, and the data paths it reads.

This layer knows templates, not forms: it reports where a tag is split across runs, which
paragraphs hold two paragraph-level tags, whether the tags parse, and every data path the
template reads (`object.floors[].rooms[].area`), with loop variables resolved to the list
they iterate. `kzcadastre_docs.forms.template_check` checks those paths against a form's model.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from jinja2 import Environment, TemplateSyntaxError, nodes
from lxml import etree

from ..docx.package import Package
from .template import TEMPLATED_PART, _describe, preprocess

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
_OPEN = re.compile(r"\{[{%#]")
_PARAGRAPH_TAG = re.compile(r"\{%\s*(p|tr|tc|r)\s")

#: A path step that stands for "every item of a list".
ITEM = "[]"


@dataclass(frozen=True)
class Finding:
    """Something wrong in one part of a template, with where it is."""

    part: str
    location: str
    message: str


@dataclass(frozen=True)
class PathUse:
    """A data path a template reads, and the line of the pre-processed part it is on."""

    part: str
    path: tuple[str, ...]
    line: int
    text: str  # the paragraph's text around it, to find it in the document

    @property
    def dotted(self) -> str:
        """The path as written in data terms: object.floors[].rooms[].area."""
        out = ""
        for step in self.path:
            out += step if step == ITEM else (f".{step}" if out else step)
        return out


def _paragraph_runs(xml: bytes) -> Iterator[tuple[int, list[str]]]:
    root = etree.fromstring(xml)
    for number, paragraph in enumerate(root.iter(f"{{{W}}}p"), start=1):
        texts = [t.text or "" for t in paragraph.iter(f"{{{W}}}t")]
        if texts:
            yield number, texts


def tag_findings(part: str, xml: bytes) -> list[Finding]:
    """Tags split across runs, tags left open in their paragraph, two paragraph tags in one.

    >>> xml = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    ...        b'<w:p><w:r><w:t>{{ na</w:t></w:r><w:r><w:t>me }}</w:t></w:r></w:p></w:body></w:document>')
    >>> [f.message for f in tag_findings("word/document.xml", xml)]
    ["tag '{{ name }}' is split across 2 runs (Word formatting inside it); retype it in one go or clear its formatting"]
    """
    findings = []
    for number, texts in _paragraph_runs(xml):
        text = "".join(texts)
        if not _OPEN.search(text):
            continue
        where = f"paragraph {number}: {_excerpt(text)}"
        bounds, position = [], 0
        for piece in texts:
            position += len(piece)
            bounds.append(position)
        covered = []
        for match in _TAG.finditer(text):
            covered.append(match.span())
            runs = sum(1 for bound in bounds[:-1] if match.start() < bound < match.end()) + 1
            if runs > 1:
                findings.append(Finding(part, where, f"tag {match.group(0)!r} is split across {runs} runs (Word "
                                                     "formatting inside it); retype it in one go or clear its formatting"))
        for match in _OPEN.finditer(text):
            if not any(start <= match.start() < end for start, end in covered):
                findings.append(Finding(part, where, f"tag opened with {match.group(0)!r} is not closed in its paragraph"))
        paragraph_tags = _PARAGRAPH_TAG.findall(text)
        if len(paragraph_tags) > 1:
            findings.append(Finding(part, where, f"{len(paragraph_tags)} paragraph-level tags ({{%p/{{%tr/{{%tc/{{%r) in "
                                                 "one paragraph; each needs a paragraph of its own"))
    return findings


def _excerpt(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def templated_parts(package: Package) -> Iterator[tuple[str, bytes]]:
    for name, data in package.parts:
        if TEMPLATED_PART.match(name):
            yield name, data


def parse_part(env: Environment, part: str, xml: bytes) -> tuple[nodes.Template | None, str, Finding | None]:
    """The part's Jinja tree (after docxtpl's pre-processing), or the syntax error found."""
    source = preprocess(xml.decode("utf-8"))
    try:
        return env.parse(source), source, None
    except TemplateSyntaxError as exc:
        line = f"line {exc.lineno}" if exc.lineno else "?"
        return None, source, Finding(part, line, f"tags do not parse: {_describe(exc, source)}")


def path_uses(part: str, tree: nodes.Template, source: str) -> list[PathUse]:
    """Every data path the part reads, loop variables replaced by the list they iterate.

    >>> from jinja2 import Environment
    >>> env = Environment()
    >>> source = "{% for f in object.floors %}{% for r in f.rooms %}{{ r.area|number(2) }}{% endfor %}{% endfor %}"
    >>> sorted({use.dotted for use in path_uses("x", env.parse(source), source)})
    ['object', 'object.floors', 'object.floors[].rooms', 'object.floors[].rooms[].area']
    """
    lines = source.splitlines()
    uses: list[PathUse] = []

    def emit(path: tuple[str, ...], node: nodes.Node) -> None:
        line = getattr(node, "lineno", 0) or 0
        text = re.sub(r"<[^>]+>", "", lines[line - 1]).strip() if 0 < line <= len(lines) else ""
        uses.append(PathUse(part, path, line, _excerpt(text)))

    def expr(node: nodes.Node, scope: dict) -> tuple[str, ...] | None:
        """The path an expression denotes (None if it is not a plain data path); emits what it reads."""
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            path = (node.name,)
            emit(path, node)
            return path
        if isinstance(node, nodes.Getattr):
            base = expr(node.node, scope)
            if base is None:
                return None
            path = base + (node.attr,)
            emit(path, node)
            return path
        if isinstance(node, nodes.Getitem):
            base = expr(node.node, scope)
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                step = node.arg.value
            else:
                visit(node.arg, scope)
                step = ITEM
            if base is None:
                return None
            path = base + (step,)
            emit(path, node)
            return path
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr):
            expr(node.node.node, scope)  # a method call reads its object, not a field
            for child in (*node.args, *node.kwargs):
                visit(child, scope)
            return None
        visit(node, scope)
        return None

    def bind(target: nodes.Node, path: tuple[str, ...] | None, scope: dict) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = path
        else:
            for name in target.find_all(nodes.Name):
                scope[name.name] = None

    def visit(node: nodes.Node, scope: dict) -> None:
        if isinstance(node, (nodes.Name, nodes.Getattr, nodes.Getitem)):
            expr(node, scope)
            return
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr):
            expr(node, scope)
            return
        if isinstance(node, nodes.For):
            iterated = expr(node.iter, scope)
            inner = dict(scope)
            bind(node.target, None if iterated is None else iterated + (ITEM,), inner)
            inner["loop"] = None
            if node.test is not None:
                visit(node.test, inner)
            for child in node.body:
                visit(child, inner)
            for child in node.else_:
                visit(child, scope)
            return
        if isinstance(node, nodes.Assign):
            value = expr(node.node, scope)
            bind(node.target, value, scope)
            return
        if isinstance(node, (nodes.Macro, nodes.CallBlock)):
            inner = dict(scope)
            for argument in node.args:
                inner[argument.name] = None
            for child in node.body:
                visit(child, inner)
            return
        for child in node.iter_child_nodes():
            visit(child, scope)

    visit(tree, {})
    return uses
