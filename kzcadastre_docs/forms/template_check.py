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

import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..docx.package import Package
from ..errors import KzcadastreError
from ..i18n.catalogue import Message
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
    """One thing wrong with one template: the file, where in it, and what."""

    file: str
    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.location}: {self.message}" if self.location else f"{self.file}: {self.message}"

    def describe(self, lang: str | None = None) -> str:
        """The problem for a reader of `lang` (a message kept as a Message is translated)."""
        message = self.message.describe(lang) if isinstance(self.message, Message) else self.message
        return f"{self.file}: {self.location}: {message}" if self.location else f"{self.file}: {message}"

    def as_dict(self) -> dict[str, str]:
        return {"file": self.file, "location": self.location, "message": self.message}


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


def _type_name(annotation: Any) -> str:
    return getattr(annotation, "__name__", None) or str(annotation).replace("typing.", "")


def resolve(model: type[BaseModel], path: Sequence[str], extra_names: Iterable[str] = ()) -> str | None:
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
        return f"unknown variable '{root}': not a field of the form's data ({model.__name__}) nor a name the library computes"
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
                    reasons.append(f"{walked} is not a list, it cannot be looped over")
            elif isinstance(origin, type) and issubclass(origin, BaseModel):
                if step in origin.model_fields:
                    following.append(origin.model_fields[step].annotation)
                else:
                    reasons.append(f"'{step}' is not a field of {walked} ({origin.__name__}); "
                                   f"its fields: {', '.join(origin.model_fields)}")
            elif isinstance(origin, type) and issubclass(origin, Mapping):
                following.append(args[1] if len(args) == 2 else Any)
            else:
                reasons.append(f"{walked} is a value ({_type_name(annotation)}), it has no field '{step}'")
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
        reason = Message(exc.template, **exc.values) if isinstance(exc, KzcadastreError) else str(exc)
        return [TemplateProblem(label, "", Message("does not open as a DOCX file: {reason}", reason=reason))], set()
    env = make_environment()
    uses: list[PathUse] = []
    for part, xml in templated_parts(package):
        try:
            findings = tag_findings(part, xml)
        except Exception as exc:  # noqa: BLE001 - malformed XML
            problems.append(TemplateProblem(label, part, f"is not well-formed XML: {exc}"))
            continue
        problems.extend(TemplateProblem(label, f"{f.part}, {f.location}", f.message) for f in findings)
        tree, source, finding = parse_part(env, part, xml)
        if finding is not None:
            problems.append(TemplateProblem(label, f"{finding.part}, {finding.location}", finding.message))
            continue
        problems.extend(TemplateProblem(label, f"{f.part}, {f.location}", f.message)
                        for f in hazard_findings(part, tree, source))
        uses.extend(path_uses(part, tree, source))
    reported: set[str] = set()
    for use in uses:
        if use.dotted in reported:
            continue
        reason = resolve(form.model, use.path, form.computed_names)
        if reason is not None:
            reported.add(use.dotted)
            problems.append(TemplateProblem(label, f"{use.part}, near {use.text}", f"{{{{ {use.dotted} }}}}: {reason}"))
    return problems, {use.dotted for use in uses}


def check_templates(templates_dir: str | Path | None = None, *, forms: Iterable[str] | None = None) -> list[TemplateProblem]:
    """Every problem of every template in `templates_dir` (default: the shipped templates).

    The shipped directory must also hold both languages of every form that has a model; an
    operator's directory may hold only the templates it replaces.
    """
    shipped = templates_dir is None
    root = Path(templates_dir) if templates_dir is not None else default_templates_dir()
    if not root.is_dir():
        return [TemplateProblem(str(root), "", "is not a directory")]
    wanted = set(forms) if forms is not None else None
    problems: list[TemplateProblem] = []
    paths: dict[str, dict[str, set[str]]] = {}
    for entry in sorted(root.iterdir()):
        if entry.is_file() and entry.suffix.lower() == ".docx":
            problems.append(TemplateProblem(_file_label(entry, root), "", "templates go in kk/ or ru/, named <form>.docx"))
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
                problems.append(TemplateProblem(label, "", f"name the file {_annex_slug(slug)}.docx: templates are "
                                                           "named after the form's slug, not its annex number"))
                continue
            if form is None:
                problems.append(TemplateProblem(label, "", f"'{slug}' is not a form; name the file after one of: "
                                                           f"{', '.join(s for s, f in REGISTRY.items() if f.model)}"))
                continue
            if form.model is None:
                problems.append(TemplateProblem(label, "", f"'{slug}' is a reserved annex number with no data model; "
                                                           "it cannot have a template"))
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
                    problems.append(TemplateProblem(f"{lang}/{slug}.docx", "",
                                                    f"reads {', '.join(only)}, which {other}/{slug}.docx does not: "
                                                    "the kk and ru templates of a form must use the same data"))
    if shipped:
        for slug, form in REGISTRY.items():
            if form.model is None or (wanted is not None and slug not in wanted):
                continue
            for lang in LANGUAGES:
                if not (root / lang / f"{slug}.docx").is_file():
                    problems.append(TemplateProblem(f"{lang}/{slug}.docx", "", "missing"))
    return problems


@lru_cache(maxsize=256)
def _checked_once(path: str, mtime_ns: int, size: int, slug: str) -> tuple[TemplateProblem, ...]:
    problems, _ = check_template(path, REGISTRY[slug], label=path)
    return tuple(problems)


def check_operator_template(path: Path, slug: str) -> list[TemplateProblem]:
    """The check of one operator template, done once per file version (cached on mtime and size)."""
    stat = path.stat()
    return list(_checked_once(str(path), stat.st_mtime_ns, stat.st_size, slug))
