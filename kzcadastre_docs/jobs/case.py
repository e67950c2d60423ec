"""A case file: the documents of one case, with their data and dates, in bundle order.

A case file is JSON or YAML::

    case_number: "03-2026-001150"      # optional; names the bundle
    title: "..."                        # optional; the bundle's title (default: the case number)
    lang: kk                            # kk (default) or ru
    documents:
      - form: inventory-file            # a form slug or annex-N
        data: ../inventory-file/house-almaty-region.json   # a data file, relative to the case file
                                                            # and inside the case's root,
      - form: abris                                         # or the data itself, as a mapping
        data: {...}
        date: 2026-11-24                # optional: the date the bundle orders by
                                        # (default: the document's own document_date)

A data file must lie inside the case's root (the case file's folder, or the folder given as
`root`, `--root DIR` on the command line) once symlinks are resolved, be a regular file and
at most `files.MAX_DATA_BYTES` long; anything else is refused without being read.

Every document is validated before anything is rendered; every problem is reported with its
path in the case file (`documents[2].data.applicant.iin`).

The bundle order: the inventory file's register (Annex 8) first, then the other documents
by date; documents of the same date keep the order the case file lists them in.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .. import api
from ..errors import DataValidationError, KzcadastreError, Problem, error_problem, message_problem, shown_value
from ..files import load_data
from ..i18n.catalogue import N_
from ..forms import FormSpec, renderable_form
from ..models.base import DocumentModel

#: The form whose register opens a bundle.
REGISTER_FORM = "inventory-file"


class CaseDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    form: str = Field(description="The form, by slug or as annex-N.")
    data: str | dict[str, Any] = Field(description="The document's data, or a data file relative to the case file.")
    date: dt.date | None = Field(None, description="The date the bundle orders by (default: the document's date).")
    title: str | None = Field(None, description="The bookmark's text (default: the form's title and the date).")


class CaseFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    case_number: str | None = Field(None, description="The case's number.")
    title: str | None = Field(None, description="The bundle's title.")
    lang: Literal["kk", "ru"] = Field("kk", description="The language of the documents.")
    documents: list[CaseDocument] = Field(min_length=1, description="The case's documents, in any order.")


class CaseFileError(DataValidationError):
    """A case file, or the data of one of its documents, is invalid (every problem listed)."""

    def __init__(self, path: Path | str, problems: list[Problem]):
        self.path = str(path)
        super().__init__(f"case {Path(path).name}", problems)

    def describe(self, lang: str = "en") -> str:
        heading = {"en": f"invalid case file {self.path}:", "kk": f"іс файлы жарамсыз: {self.path}:",
                   "ru": f"недопустимый файл дела {self.path}:"}
        lines = "\n".join(f"  {problem.describe(lang)}" for problem in self.problems)
        return heading.get(lang, heading["en"]) + "\n" + lines


@dataclass(frozen=True)
class CaseEntry:
    """One validated document of a case."""

    index: int  # its place in the case file
    spec: FormSpec
    model: DocumentModel
    date: dt.date
    title: str | None

    @property
    def is_register(self) -> bool:
        return self.spec.slug == REGISTER_FORM


@dataclass(frozen=True)
class Case:
    path: Path
    case_number: str | None
    title: str | None
    lang: str
    entries: tuple[CaseEntry, ...]
    #: Values given in the other language only, printed in it (load_case(allow_fallback=True)),
    #: each a Problem of rule `language_fallback` whose field names the document.
    fallbacks: tuple[Problem, ...] = ()

    def ordered(self) -> list[CaseEntry]:
        """The documents in bundle order: the register first, then by date, then as listed."""
        return sorted(self.entries, key=lambda entry: (not entry.is_register, entry.date, entry.index))

    def bundle_title(self, lang: str) -> str:
        if self.title:
            return self.title
        if self.case_number:
            return {"kk": f"Іс № {self.case_number}", "ru": f"Дело № {self.case_number}"}[lang]
        return self.path.stem


def _as_fallback(problem: Problem) -> Problem:
    """A `missing_language` problem as the warning of a value printed in the other language."""
    from ..i18n.messages import render_message

    return Problem(problem.field, "language_fallback",
                   render_message("language_fallback", problem.context, "en", problem.message), None, problem.context)


def _prefixed(prefix: str, problem: Problem) -> Problem:
    field = f"{prefix}.{problem.field}" if problem.field else prefix
    return Problem(field, problem.rule, problem.message, problem.value, problem.context)


class CaseDataPathError(KzcadastreError):
    """A case's `data:` path that leaves the case's root (or is not relative)."""

    exit_code = 2
    code = "case_data_path"


def confined(folder: Path, name: str, root: Path) -> Path:
    """The data file `name` (relative to the case file's `folder`), symlinks resolved, if it
    lies inside `root`; CaseDataPathError otherwise. Nothing is opened.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> confined(root, "a.json", root) == root.resolve() / "a.json"
    True
    >>> confined(root, "../a.json", root)
    Traceback (most recent call last):
    ...
    kzcadastre_docs.jobs.case.CaseDataPathError: '../a.json' leads out of the case's root ...
    """
    if os.path.isabs(name) or name.startswith("~"):
        raise CaseDataPathError("{name!r} is not relative: a data file is named relative to the case file, inside "
                                "the case's root", name=shown_value(name))
    real_root = Path(os.path.realpath(root))
    target = Path(os.path.realpath(folder / name))
    if not target.is_relative_to(real_root):
        raise CaseDataPathError("{name!r} leads out of the case's root {root} (symlinks resolved); give a wider "
                                "root with --root DIR if the data lives elsewhere", name=shown_value(name),
                                root=real_root)
    return target


def load_case(path: str | Path, *, lang: str | None = None, root: str | Path | None = None,
              allow_fallback: bool = False) -> Case:
    """The case in `path`, every document validated (CaseFileError lists every problem).

    `lang` overrides the case file's language. A document's `data:` may name a data file
    relative to the case file; it must lie in `root` (default: the case file's folder) once
    symlinks are resolved, be a regular file and not larger than `files.MAX_DATA_BYTES`;
    any other is refused without being read. A value given in the other language only is a
    problem (rule `missing_language`) unless `allow_fallback`: then it is listed in the case's
    `fallbacks` and the bundle prints the other language's text.
    """
    path = Path(path)
    root_folder = Path(root) if root is not None else path.parent
    raw = load_data(path)
    try:
        case = CaseFile.model_validate(raw)
    except ValidationError as exc:
        raise CaseFileError(path, [api.problem_from_error(error) for error in exc.errors()]) from None
    lang = lang or case.lang
    problems: list[Problem] = []
    fallbacks: list[Problem] = []
    entries = []
    for index, document in enumerate(case.documents):
        where = f"documents[{index}]"
        try:
            spec = renderable_form(document.form)
        except KzcadastreError as exc:
            problems.append(error_problem(f"{where}.form", "form", exc, document.form))
            continue
        if lang not in spec.languages:
            problems.append(message_problem(f"{where}.form", "language", N_("form {slug} has no {lang} template"),
                                             spec.slug, slug=spec.slug, lang=lang))
            continue
        data: Any = document.data
        if isinstance(data, str):
            try:
                data = load_data(confined(path.parent, data, root_folder))
            except CaseDataPathError as exc:
                problems.append(error_problem(f"{where}.data", "data_path", exc, shown_value(document.data)))
                continue
            except KzcadastreError as exc:
                problems.append(error_problem(f"{where}.data", "data_path" if "regular file" in str(exc) else "data_file",
                                               exc, shown_value(document.data)))
                continue
        try:
            model = api.validate(spec.slug, data)
        except DataValidationError as exc:
            problems += [_prefixed(f"{where}.data", problem) for problem in exc.problems]
            continue
        missing = api.missing_languages(spec.slug, model, lang)
        if missing and allow_fallback:
            fallbacks += [_prefixed(f"{where}.data", _as_fallback(problem)) for problem in missing]
        elif missing:
            problems += [_prefixed(f"{where}.data", problem) for problem in missing]
            continue
        date = document.date or getattr(model, "document_date", None)
        if date is None:
            problems.append(message_problem(f"{where}.date", "required", N_(
                "a {slug} without document_date needs a date to be placed in the bundle"), None, slug=spec.slug))
            continue
        entries.append(CaseEntry(index, spec, model, date, document.title))
    if problems:
        raise CaseFileError(path, problems)
    return Case(path, case.case_number, case.title, lang, tuple(entries), tuple(fallbacks))
