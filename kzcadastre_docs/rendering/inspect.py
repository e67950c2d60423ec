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
from ..i18n.catalogue import Message, N_
from .jinja_messages import explain
from .template import TEMPLATED_PART, preprocess

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
_OPEN = re.compile(r"\{[{%#]")
_PARAGRAPH_TAG = re.compile(r"\{%\s*(p|tr|tc|r)\s")

#: A path step that stands for "every item of a list".
ITEM = "[]"


@dataclass(frozen=True)
class Finding:
    """Something wrong in one part of a template, with where it is (`location` and `message`
    are catalogue messages) and a stable machine `code` of the kind of problem."""

    part: str
    location: str
    message: str
    code: str = "template"


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
        where = Message("paragraph {number}: {text}", number=number, text=_excerpt(text))
        bounds, position = [], 0
        for piece in texts:
            position += len(piece)
            bounds.append(position)
        covered = []
        for match in _TAG.finditer(text):
            covered.append(match.span())
            runs = sum(1 for bound in bounds[:-1] if match.start() < bound < match.end()) + 1
            if runs > 1:
                findings.append(Finding(part, where, Message(
                    "tag {tag!r} is split across {runs} runs (Word formatting inside it); retype it in one go or "
                    "clear its formatting", tag=match.group(0), runs=runs), "tag_split"))
        for match in _OPEN.finditer(text):
            if not any(start <= match.start() < end for start, end in covered):
                findings.append(Finding(part, where, Message("tag opened with {tag!r} is not closed in its paragraph",
                                                             tag=match.group(0)), "tag_not_closed"))
        paragraph_tags = _PARAGRAPH_TAG.findall(text)
        if len(paragraph_tags) > 1:
            findings.append(Finding(part, where, Message(
                "{count} paragraph-level tags ({tags}) in one paragraph; each needs a paragraph of its own",
                count=len(paragraph_tags), tags="{%p/{%tr/{%tc/{%r"), "paragraph_tags"))
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
        explained = explain(exc, source)
        line = Message("line {line}", line=explained.line) if explained.line else "?"
        return None, source, Finding(part, line, Message("tags do not parse: {reason}",
                                                         reason=explained.message(with_line=False)), "syntax")


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


#: Attributes a template may not read: Python internals, and the string formatting methods
#: through which a format string reaches an object's attributes.
UNSAFE_ATTRIBUTES = frozenset({"format", "format_map", "mro", "func_globals", "func_code", "gi_frame", "gi_code",
                               "cr_frame", "cr_code", "ag_frame", "ag_code", "f_globals", "f_locals", "f_back",
                               "tb_frame", "tb_next"})
_WIDTH_FILTERS = frozenset({"center", "indent", "wordwrap", "truncate"})
_UNAVAILABLE = frozenset({"lipsum"})
#: Filters that read an attribute named by a string.
_ATTRIBUTE_FILTERS = frozenset({"attr", "map", "selectattr", "rejectattr", "sort", "groupby", "sum", "unique", "min",
                                "max"})


def _const_number(node: nodes.Node) -> int | float | None:
    if isinstance(node, nodes.Const) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, nodes.Neg):
        value = _const_number(node.node)
        return -value if value is not None else None
    return None


def _range_length(node: nodes.Node) -> int | None:
    """The number of items of `range(<constants>)`, if the node is one."""
    if (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name == "range"
            and not node.kwargs and node.args):
        values = [_const_number(arg) for arg in node.args]
        if all(isinstance(value, int) for value in values) and len(values) <= 3:
            try:
                return len(range(*values))
            except (ValueError, OverflowError):
                return None
    return None


def hazard_findings(part: str, tree: nodes.Template, source: str) -> list[Finding]:
    """What a template may not do, found in its text: include/import/extends, unsafe
    attributes, unavailable globals, constants and constant expressions that build huge
    values, wide paddings, ranges and nested constant loops beyond the limits.

    >>> from jinja2 import Environment
    >>> def found(text):
    ...     return [f.message for f in hazard_findings("x", Environment().parse(text), text)]
    >>> found("{{ a.b }}{% for i in range(10) %}{{ i }}{% endfor %}")
    []
    >>> found("{% include 'x.xml' %}")
    ['{% include %} is not allowed: a template is one self-contained DOCX']
    >>> found("{{ x.__class__ }}")
    ["the attribute '__class__' is not allowed in a template (Python internals)"]
    >>> found("{{ x|attr('__class__') }}{{ xs|map(attribute='a.__dict__')|list }}")
    ["the attribute '__class__' is not allowed in a template (Python internals)", "the attribute 'a.__dict__' is not allowed in a template (Python internals)"]
    >>> found("{{ 9 ** (9 ** 9) }}")[0]
    "'**' with an exponent that is not a small constant is not allowed in a template"
    """
    from .limits import MAX_CONSTANT, MAX_EXPONENT, MAX_RANGE, MAX_VALUE_LENGTH, MAX_WIDTH

    lines = source.splitlines()
    findings: list[Finding] = []

    def add(node: nodes.Node, code: str, template: str, **values) -> None:
        line = getattr(node, "lineno", 0) or 0
        text = re.sub(r"<[^>]+>", "", lines[line - 1]).strip() if 0 < line <= len(lines) else ""
        findings.append(Finding(part, Message("line {line}: {text}", line=line, text=_excerpt(text)),
                                Message(template, **values), code))

    for kind, tag in ((nodes.Include, "include"), (nodes.Import, "import"), (nodes.FromImport, "from ... import"),
                      (nodes.Extends, "extends")):
        for node in tree.find_all(kind):
            add(node, "not_allowed", N_("{tag} is not allowed: a template is one self-contained DOCX"),
                tag=f"{{% {tag} %}}")
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        name = node.attr if isinstance(node, nodes.Getattr) else (
            node.arg.value if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str) else None)
        if name is not None and (name.startswith("_") or name in UNSAFE_ATTRIBUTES):
            add(node, "not_allowed", N_("the attribute '{name}' is not allowed in a template (Python internals)"),
                name=name)
    for node in tree.find_all(nodes.Filter):
        if node.name in _ATTRIBUTE_FILTERS:
            for argument in [*node.args, *(keyword.value for keyword in node.kwargs)]:
                if isinstance(argument, nodes.Const) and isinstance(argument.value, str) and any(
                        step.startswith("_") or step in UNSAFE_ATTRIBUTES for step in argument.value.split(".")):
                    add(node, "not_allowed",
                        N_("the attribute '{name}' is not allowed in a template (Python internals)"),
                        name=argument.value)
    for node in tree.find_all(nodes.Name):
        if node.name in _UNAVAILABLE:
            add(node, "not_allowed", N_("'{name}' is not available in a template"), name=node.name)
    for node in tree.find_all(nodes.Const):
        value = _const_number(node)
        if value is not None and abs(value) > MAX_CONSTANT:
            add(node, "over_limit", N_("the constant {value} is larger than {limit}, the largest a template may write"),
                value=value if isinstance(value, int) else f"{value:g}", limit=MAX_CONSTANT)
        if isinstance(node.value, str) and len(node.value) > MAX_VALUE_LENGTH:
            add(node, "over_limit", N_("a text constant of {length} characters is longer than the limit ({limit})"),
                length=len(node.value), limit=MAX_VALUE_LENGTH)
    for node in tree.find_all(nodes.Pow):
        exponent = _const_number(node.right)
        if not isinstance(exponent, int) or abs(exponent) > MAX_EXPONENT:
            add(node, "over_limit",
                N_("'**' with an exponent that is not a small constant is not allowed in a template"))
            continue
        base = _const_number(node.left)
        if isinstance(base, (int, float)) and exponent > 0 and abs(base) > 1 and abs(base) ** exponent > MAX_CONSTANT:
            add(node, "over_limit", N_("'{power}' is larger than {limit}, the largest a template may build"),
                power=f"{base:g} ** {exponent}", limit=MAX_CONSTANT)
    for node in tree.find_all(nodes.Mul):
        for sequence, count in ((node.left, node.right), (node.right, node.left)):
            times = _const_number(count)
            if (isinstance(sequence, (nodes.Const, nodes.List, nodes.Tuple)) and isinstance(times, int)):
                size = len(sequence.value) if isinstance(sequence, nodes.Const) and isinstance(sequence.value, str) else (
                    len(sequence.items) if isinstance(sequence, (nodes.List, nodes.Tuple)) else None)
                if size is not None and size * times > MAX_VALUE_LENGTH:
                    add(node, "over_limit", N_("'*' builds a value of {size} items; the limit is {limit}"),
                        size=size * times, limit=MAX_VALUE_LENGTH)
    for node in tree.find_all(nodes.Filter):
        if node.name in _WIDTH_FILTERS:
            for argument in [*node.args, *(keyword.value for keyword in node.kwargs)]:
                value = _const_number(argument)
                if value is not None and abs(value) > MAX_WIDTH:
                    add(node, "over_limit", N_("the filter '{name}' with a width of {width:g} is not allowed (at most "
                        "{limit})"), name=node.name, width=value, limit=MAX_WIDTH)
    for node in tree.find_all(nodes.Call):
        length = _range_length(node)
        if length is not None and length > MAX_RANGE:
            add(node, "over_limit", N_("range() of {length} items is more than the {limit} a template may loop over"),
                length=length, limit=MAX_RANGE)

    def loops(node: nodes.Node, product: int) -> None:
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.For):
                length = _range_length(child.iter) or 1
                inner = product * length
                if length > 1 and inner > MAX_RANGE:
                    add(child, "over_limit",
                        N_("nested loops over range() of {count} iterations in all; at most {limit}"),
                        count=inner, limit=MAX_RANGE)
                    continue
                loops(child, inner)
            else:
                loops(child, product)

    loops(tree, 1)
    return findings
