"""The template check: does a DOCX template fit its form's data model?

For every template in a templates directory (`<dir>/kk/<slug>.docx`, `<dir>/ru/<slug>.docx`):
the file opens as a DOCX; it is named after a registered form that has a data model; its
tags are whole (not split across runs, closed in their paragraph, one paragraph-level tag
per paragraph) and parse and balance; every data path it reads exists in the form's model
(or is a name the library computes for it); and the kk and ru templates of a form read the
same paths. This is what lets an operator drop in an official form: the check says whether
it fits, and where it does not.

>>> check_templates() == []   # the shipped templates are clean
True
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree
from pydantic import BaseModel

from ..docx.package import Package
from ..errors import KzcadastreError
from ..i18n.catalogue import Message, N_
from ..i18n.foreign import ForeignMessage, foreign_details
from . import REGISTRY, FormSpec
from .spec import RESERVED_CONTEXT_NAMES
from ..rendering.engine import default_templates_dir
from ..rendering.environment import make_environment
from ..rendering.inspect import ITEM, PathUse, hazard_findings, parse_part, path_uses, tag_findings, templated_parts

LANGUAGES = ("kk", "ru")
#: Jinja's own globals, usable in any template.
JINJA_GLOBALS = frozenset({"range", "dict", "cycler", "joiner", "namespace", "loop"})


@dataclass(frozen=True)
class TemplateProblem:
    """One thing wrong with one template: the file, where in it, what (`location` and
    `message` are catalogue messages, shown in the reader's language by `describe`), and a
    stable machine `code` of the kind of problem, for programs (see PROBLEM_CODES)."""

    file: str
    location: str
    message: str
    code: str = "template"

    def __str__(self) -> str:
        return f"{self.file}: {self.location}: {self.message}" if self.location else f"{self.file}: {self.message}"

    def describe(self, lang: str | None = None) -> str:
        """The problem for a reader of `lang` (a message kept as a Message is translated)."""
        return self.as_message().describe(lang)

    def as_message(self) -> Message:
        """The whole problem as one message (file, location, what)."""
        if self.location:
            return Message("{file}: {location}: {message}", file=self.file, location=self.location,
                           message=self.message)
        return Message("{file}: {message}", file=self.file, message=self.message)

    def as_dict(self, lang: str = "en") -> dict[str, str]:
        """The problem for a program: its code, file, location and message in `lang`; `detail`
        holds the original text of a foreign library's reason (lxml's, Jinja's), if any."""
        found = {"code": self.code, "file": self.file, "location": _said(self.location, lang),
                 "message": _said(self.message, lang)}
        details = foreign_details(self.message)
        if details:
            found["detail"] = "; ".join(details)
        return found


#: The kinds of problem, by their stable code (the `code` of a TemplateProblem).
PROBLEM_CODES = {
    "not_a_directory": "the templates folder is not a folder",
    "misplaced_file": "a .docx outside kk/ and ru/",
    "annex_number_name": "a template named after an annex number instead of the form's slug",
    "unknown_form": "a template named after no form",
    "reserved_form": "a template of a reserved annex number (no data model)",
    "not_docx": "a file that does not open as a DOCX",
    "not_regular_file": "a template path that is a folder, device or pipe",
    "xml_not_well_formed": "a part that is not well-formed XML",
    "not_utf8": "a part that is not UTF-8 text",
    "tag_split": "a tag split across runs",
    "tag_not_closed": "a tag not closed in its paragraph",
    "paragraph_tags": "two paragraph-level tags in one paragraph",
    "syntax": "tags that do not parse",
    "not_allowed": "something a template may not do (include, Python internals, ...)",
    "over_limit": "a constant, range or width beyond the limits",
    "unknown_variable": "a variable that is not in the form's data",
    "unknown_field": "a field that its object does not have",
    "not_a_list": "a loop over a value that is not a list",
    "not_an_object": "a field read from a plain value",
    "languages_differ": "kk and ru templates that read different data",
    "missing": "a shipped template that is missing",
}


def _said(text: str, lang: str | None) -> str:
    return text.describe(lang) if isinstance(text, Message) else text


def _reserved_names() -> frozenset[str]:
    return RESERVED_CONTEXT_NAMES


def _candidates(annotation: Any) -> list[Any]:
    """The concrete types an annotation may hold (Optional, unions and Annotated unwrapped)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _candidates(typing.get_args(annotation)[0])
    if origin is typing.Union or origin is types.UnionType:
        return [t for arg in typing.get_args(annotation) for t in _candidates(arg) if t is not type(None)]
    return [annotation]


#: What a plain value is, in words (a model's own type names are the programmer's, not the clerk's).
_KINDS = {str: N_("text"), int: N_("whole number"), float: N_("decimal number"), Decimal: N_("decimal number"),
          dt.date: N_("date"), dt.datetime: N_("date and time"), bool: N_("true or false")}


def _kind(annotation: Any) -> Message:
    """The kind of a plain value, as a message.

    >>> _kind(Decimal).describe("ru"), _kind(typing.Literal["a"]).describe("en")
    ('число', 'code')
    """
    if annotation in _KINDS:
        return Message(_KINDS[annotation])
    if typing.get_origin(annotation) is typing.Literal or (
            isinstance(annotation, type) and issubclass(annotation, enum.Enum)):
        return Message("code")
    name = getattr(annotation, "__name__", "")
    if name == "LocalizedText":
        return Message("text")
    if name == "Term":
        return Message("code")
    return Message("value")


#: The code of each reason `resolve` gives.
_RESOLVE_CODES = {
    "unknown variable '{name}': not a field of the form's data ({model}) nor a name the library computes":
        "unknown_variable",
    "{path} is not a list, it cannot be looped over": "not_a_list",
    "'{name}' is not a field of {path} ({model}); its fields: {fields}": "unknown_field",
    "{path} is a value ({kind}), it has no field '{name}'": "not_an_object",
}


def resolve(model: type[BaseModel], path: Sequence[str], extra_names: Iterable[str] = ()) -> Message | None:
    """None if `path` exists in `model` (or starts with a name in `extra_names`), else why not.

    >>> from kzcadastre_docs.forms.annexes.conclusion import ConclusionData as Conclusion
    >>> resolve(Conclusion, ["object", "floors", "[]", "rooms", "[]", "area"]) is None
    True
    >>> resolve(Conclusion, ["object", "floor"])
    "'floor' is not a field of object (RealEstateObject); its fields: object_type, purpose, total_area, living_area, useful_area, floors_above_ground, floors_below_ground, rooms, year_built, first_complexity_category, floors"
    """
    root, *rest = path
    if root in model.model_fields:
        current = [model.model_fields[root].annotation]
    elif root in set(extra_names) | _reserved_names() | JINJA_GLOBALS:
        return None
    else:
        return Message("unknown variable '{name}': not a field of the form's data ({model}) nor a name the library "
                       "computes", name=root, model=model.__name__)
    walked = root
    for step in rest:
        following, reasons = [], []
        for annotation in (t for c in current for t in _candidates(c)):
            if annotation is Any or annotation is object:
                return None
            origin = typing.get_origin(annotation) or annotation
            args = typing.get_args(annotation)
            if step == ITEM:
                if isinstance(origin, type) and issubclass(origin, (list, tuple, set, frozenset)):
                    following.append(args[0] if args else Any)
                else:
                    reasons.append(Message("{path} is not a list, it cannot be looped over", path=walked))
            elif isinstance(origin, type) and issubclass(origin, BaseModel):
                if step in origin.model_fields:
                    following.append(origin.model_fields[step].annotation)
                else:
                    reasons.append(Message("'{name}' is not a field of {path} ({model}); its fields: {fields}",
                                           name=step, path=walked, model=origin.__name__,
                                           fields=", ".join(origin.model_fields)))
            elif isinstance(origin, type) and issubclass(origin, Mapping):
                following.append(args[1] if len(args) == 2 else Any)
            else:
                reasons.append(Message("{path} is a value ({kind}), it has no field '{name}'", path=walked,
                                       kind=_kind(annotation), name=step))
        if not following:
            return reasons[0]
        current = following
        walked += step if step == ITEM else f".{step}"
    return None


def _annex_slug(name: str) -> str | None:
    from . import get_form

    try:
        return get_form(name).slug if name.startswith("annex-") else None
    except Exception:  # noqa: BLE001 - not an annex name either
        return None


def _file_label(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def check_template(path: str | Path, form: FormSpec, *, label: str | None = None) -> tuple[list[TemplateProblem], set[str]]:
    """The problems of one template for `form`, and the data paths it reads."""
    path = Path(path)
    label = label or str(path)
    problems: list[TemplateProblem] = []
    try:
        package = Package.read(path)
        package.get("word/document.xml")
    except Exception as exc:  # noqa: BLE001 - any failure to open is the finding
        reason = (Message(exc.template, **exc.values) if isinstance(exc, KzcadastreError)
                  else ForeignMessage("it cannot be read", detail=str(exc), english=True))
        return [TemplateProblem(label, "", Message("does not open as a DOCX file: {reason}", reason=reason),
                                "not_docx")], set()
    env = make_environment()
    uses: list[PathUse] = []
    for part, xml in templated_parts(package):
        try:
            xml.decode("utf-8")
        except UnicodeDecodeError as exc:  # Word writes UTF-8; the tags are read as UTF-8 text
            problems.append(TemplateProblem(label, part, Message("is not UTF-8 text (byte {position})",
                                                                 position=exc.start), "not_utf8"))
            continue
        try:
            findings = tag_findings(part, xml)
        except etree.XMLSyntaxError as exc:
            problems.append(TemplateProblem(label, part, _not_well_formed(exc), "xml_not_well_formed"))
            continue
        problems.extend(_from_finding(label, f) for f in findings)
        tree, source, finding = parse_part(env, part, xml)
        if finding is not None:
            problems.append(_from_finding(label, finding))
            continue
        problems.extend(_from_finding(label, f) for f in hazard_findings(part, tree, source))
        uses.extend(path_uses(part, tree, source))
    reported: set[str] = set()
    for use in uses:
        if use.dotted in reported:
            continue
        reason = resolve(form.model, use.path, form.computed_names)
        if reason is not None:
            reported.add(use.dotted)
            where = Message("line {line}: {text}", line=use.line, text=use.text)
            problems.append(TemplateProblem(label, Message("{part}, {where}", part=use.part, where=where),
                                            Message("{tag}: {reason}", tag=f"{{{{ {use.dotted} }}}}", reason=reason),
                                            _RESOLVE_CODES.get(reason.template, "template")))
    return problems, {use.dotted for use in uses}


def _from_finding(label: str, finding) -> TemplateProblem:
    return TemplateProblem(label, Message("{part}, {where}", part=finding.part, where=finding.location),
                           finding.message, finding.code)


def _not_well_formed(exc: etree.XMLSyntaxError) -> Message:
    """lxml's parse error as a catalogue message with its line and column (lxml's English
    text is the message's `detail`: shown to an English reader and to programs only)."""
    line, column = exc.position if exc.position else (exc.lineno, 0)
    return ForeignMessage("is not well-formed XML (line {line}, column {column})", line=line, column=column,
                          detail=getattr(exc, "msg", "") or str(exc), english=True)


def check_templates(templates_dir: str | Path | None = None, *, forms: Iterable[str] | None = None) -> list[TemplateProblem]:
    """Every problem of every template in `templates_dir` (default: the shipped templates).

    The shipped directory must also hold both languages of every form that has a model; an
    operator's directory may hold only the templates it replaces.
    """
    shipped = templates_dir is None
    root = Path(templates_dir) if templates_dir is not None else default_templates_dir()
    if not root.is_dir():
        return [TemplateProblem(str(root), "", Message("is not a directory"), "not_a_directory")]
    wanted = set(forms) if forms is not None else None
    problems: list[TemplateProblem] = []
    paths: dict[str, dict[str, set[str]]] = {}
    for entry in sorted(root.iterdir()):
        if entry.is_file() and entry.suffix.lower() == ".docx":
            problems.append(TemplateProblem(_file_label(entry, root), "",
                                            Message("templates go in kk/ or ru/, named <form>.docx"), "misplaced_file"))
    for lang in LANGUAGES:
        folder = root / lang
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            label = _file_label(path, root)
            if path.suffix.lower() != ".docx" or path.name.startswith((".", "~$")):
                continue
            slug = path.stem
            if wanted is not None and slug not in wanted:
                continue
            form = REGISTRY.get(slug)
            if form is None and _annex_slug(slug):
                problems.append(TemplateProblem(label, "", Message(
                    "name the file {file}: templates are named after the form's slug, not its annex number",
                    file=f"{_annex_slug(slug)}.docx"), "annex_number_name"))
                continue
            if form is None:
                problems.append(TemplateProblem(label, "", Message(
                    "'{slug}' is not a form; name the file after one of: {forms}", slug=slug,
                    forms=", ".join(s for s, f in REGISTRY.items() if f.model)), "unknown_form"))
                continue
            if form.model is None:
                problems.append(TemplateProblem(label, "", Message(
                    "'{slug}' is a reserved annex number with no data model; it cannot have a template", slug=slug),
                    "reserved_form"))
                continue
            found, used = check_template(path, form, label=label)
            problems.extend(found)
            if not found:
                paths.setdefault(slug, {})[lang] = used
    for slug, by_lang in paths.items():
        if len(by_lang) == 2 and by_lang["kk"] != by_lang["ru"]:
            for lang, other in (("kk", "ru"), ("ru", "kk")):
                only = sorted(by_lang[lang] - by_lang[other])
                if only:
                    problems.append(TemplateProblem(f"{lang}/{slug}.docx", "", Message(
                        "reads {paths}, which {other} does not: the kk and ru templates of a form must use the same "
                        "data", paths=", ".join(only), other=f"{other}/{slug}.docx"), "languages_differ"))
    if shipped:
        for slug, form in REGISTRY.items():
            if form.model is None or (wanted is not None and slug not in wanted):
                continue
            for lang in LANGUAGES:
                if not (root / lang / f"{slug}.docx").is_file():
                    problems.append(TemplateProblem(f"{lang}/{slug}.docx", "", Message("missing"), "missing"))
    return problems


@lru_cache(maxsize=256)
def _checked_once(path: str, mtime_ns: int, size: int, slug: str) -> tuple[TemplateProblem, ...]:
    problems, _ = check_template(path, REGISTRY[slug], label=path)
    return tuple(problems)


def check_operator_template(path: Path, slug: str) -> list[TemplateProblem]:
    """The check of one operator template, done once per file version (cached on mtime and size)."""
    stat = path.stat()
    return list(_checked_once(str(path), stat.st_mtime_ns, stat.st_size, slug))
