"""Coded vocabularies: data gives a code, a document prints the label of its language.

Each vocabulary is a data file, `data/vocabularies/<name>.yaml` (the branches of the State
Corporation: `data/branches.yaml`, which an operator's file named by KZCADASTRE_BRANCHES
extends or overrides), listing for every code its kk and ru label and, where the wording
comes from an official text, its source. A field of a coded vocabulary accepts a code, or
free text in both languages (``{"kk": ..., "ru": ...}``) for what no list foresees; any
other value is an error naming the nearest codes. A model's field takes one of the types at
the end of this module (`RoomPurpose`, `Material`, `Branch`...), or `coded(name)` for a new
vocabulary file.

>>> term = Term("technical_condition", "good")
>>> term.text("kk"), term.text("ru")
('жақсы', 'хорошее')
>>> parse_coded("goood", "technical_condition")
Traceback (most recent call last):
...
pydantic_core._pydantic_core.PydanticCustomError: 'goood' is not a code of the technical_condition vocabulary; nearest codes: good; or give free text in both languages (kk and ru)
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic_core import PydanticCustomError, core_schema

from ..errors import EXIT_INVALID, KzcadastreError
from ..i18n.catalogue import N_, Message
from .localized import LANGUAGES, Localizable, LocalizedText, localized_schema, parse_localized

#: The environment variable naming an operator's branches file.
BRANCHES_ENV = "KZCADASTRE_BRANCHES"
#: The vocabulary of issuing branches (data/branches.yaml and the operator's file).
BRANCH = "branch"


class VocabularyNotFound(KzcadastreError, LookupError):
    """A vocabulary that is not shipped (exit 2: a name given that no file holds)."""

    exit_code = EXIT_INVALID
    code = "unknown_vocabulary"


@dataclass(frozen=True)
class Entry:
    """One code of a vocabulary: its labels and where their wording comes from."""

    code: str
    labels: dict[str, str]
    source: str | None = None


@dataclass(frozen=True)
class Vocabulary:
    name: str
    description: str
    entries: dict[str, Entry]

    def nearest(self, value: str, count: int = 3) -> list[str]:
        """The codes closest to `value`, comparing it with codes and labels.

        >>> vocabulary("room_purpose").nearest("kitchn")
        ['kitchen']
        >>> vocabulary("room_purpose").nearest("кухня")
        ['kitchen']
        >>> vocabulary("branch").nearest("Астана")
        ['astana']
        """
        names: dict[str, str] = {}
        for entry in self.entries.values():
            names.setdefault(entry.code.casefold(), entry.code)
            for text in entry.labels.values():
                names.setdefault(text.casefold(), entry.code)
        wanted = value.casefold().strip()
        found = [name for name in names if wanted and (wanted in name or name in wanted)]
        found += difflib.get_close_matches(wanted, list(names), n=count * 3, cutoff=0.6)
        if not found:
            scored = sorted(names, key=lambda name: -difflib.SequenceMatcher(None, value.casefold(), name).ratio())
            found = scored[:count * 3]
        return list(dict.fromkeys(names[name] for name in found))[:count]


def _entries(data: Mapping, where: str) -> dict[str, Entry]:
    terms = data.get("terms") if isinstance(data, Mapping) else None
    if not isinstance(terms, Mapping):
        raise ValueError(Message("{where}: a vocabulary file needs a 'terms' mapping", where=where))
    entries = {}
    for code, term in terms.items():
        if not isinstance(term, Mapping) or any(not isinstance(term.get(lang), str) or not term[lang].strip()
                                                for lang in LANGUAGES):
            raise ValueError(Message("{where}: term {code!r} needs a kk and a ru label", where=where, code=code))
        entries[str(code)] = Entry(str(code), {lang: term[lang] for lang in LANGUAGES}, term.get("source"))
    return entries


@lru_cache(maxsize=None)
def _shipped(name: str) -> Vocabulary:
    data_dir = resources.files("kzcadastre_docs.data")
    file = data_dir.joinpath("branches.yaml") if name == BRANCH else data_dir.joinpath("vocabularies", f"{name}.yaml")
    if not isinstance(name, str) or name not in vocabulary_names() or not file.is_file():
        raise VocabularyNotFound("no vocabulary {name!r}; the vocabularies are: {known}", name=name,
                                 known=", ".join(vocabulary_names()))
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    return Vocabulary(name, data.get("description", name), _entries(data, file.name))


@lru_cache(maxsize=8)
def _operator_branches(path: str, mtime: float) -> dict[str, Entry]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return _entries(data, path)


def vocabulary(name: str) -> Vocabulary:
    """The vocabulary `name`; the branches include the operator's file (KZCADASTRE_BRANCHES).

    >>> sorted(vocabulary("technical_condition").entries)[:3]
    ['dilapidated', 'emergency', 'good']
    """
    shipped = _shipped(name)
    if name != BRANCH or not os.environ.get(BRANCHES_ENV):
        return shipped
    path = Path(os.environ[BRANCHES_ENV])
    try:
        extra = _operator_branches(str(path.resolve()), path.stat().st_mtime)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        template = N_("the branches file {path} ({env}) cannot be used: {reason}")
        raise PydanticCustomError("branches_file", template, {"_template": template, "path": str(path),
                                                               "env": BRANCHES_ENV, "reason": _reason(exc)}) from None
    return Vocabulary(name, shipped.description, {**shipped.entries, **extra})


def _reason(exc: Exception) -> str:
    """Why the operator's branches file cannot be used, as a translatable Message where it can be."""
    if exc.args and isinstance(exc.args[0], Message):
        return exc.args[0]
    if isinstance(exc, FileNotFoundError):
        return Message("there is no such file")
    if isinstance(exc, yaml.YAMLError):
        mark = getattr(exc, "problem_mark", None)
        return Message("it is not valid YAML (line {line})", line=mark.line + 1) if mark is not None else \
            Message("it is not valid YAML")
    if isinstance(exc, UnicodeDecodeError):
        return Message("it is not UTF-8 text")
    from ..i18n.system import library_reason, os_reason

    if isinstance(exc, OSError):
        return os_reason(exc)
    return library_reason(exc, N_("its content cannot be read"))


def vocabulary_names() -> list[str]:
    """Every shipped vocabulary (the branches included)."""
    folder = resources.files("kzcadastre_docs.data").joinpath("vocabularies")
    names = sorted(item.name[:-5] for item in folder.iterdir() if item.name.endswith(".yaml"))
    return [*names, BRANCH]


class Term(Localizable):
    """A code of a vocabulary; it prints as the label of the document's language."""

    __slots__ = ("vocabulary", "code")

    def __init__(self, vocabulary_name: str, code: str):
        self.vocabulary = vocabulary_name
        self.code = code

    @property
    def entry(self) -> Entry:
        return vocabulary(self.vocabulary).entries[self.code]

    def text(self, lang: str) -> str | None:
        return self.entry.labels.get(lang)

    def to_data(self) -> str:
        return self.code

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Term) and (self.vocabulary, self.code) == (other.vocabulary, other.code)

    def __hash__(self) -> int:
        return hash((self.vocabulary, self.code))

    def __repr__(self) -> str:
        return f"Term({self.vocabulary!r}, {self.code!r})"


def parse_coded(value: Any, vocabulary_name: str, max_length: int = 200) -> Term | LocalizedText:
    """A Term for a code of the vocabulary, a LocalizedText for free text in both languages."""
    if isinstance(value, Term) and value.vocabulary == vocabulary_name:
        return value
    if isinstance(value, (Mapping, LocalizedText)):
        return parse_localized(value, max_length, both=True)
    if not isinstance(value, str):
        raise PydanticCustomError("localized_type", "must be a code, or an object with kk and ru texts")
    found = vocabulary(vocabulary_name)
    if value in found.entries:
        return Term(vocabulary_name, value)
    raise PydanticCustomError(
        "vocabulary",
        "'{value}' is not a code of the {vocabulary} vocabulary; nearest codes: {nearest}; "
        "or give free text in both languages (kk and ru)",
        {"value": value, "vocabulary": vocabulary_name, "nearest": ", ".join(found.nearest(value))})


@dataclass(frozen=True)
class Coded:
    """Pydantic annotation of a coded field: ``Annotated[Term | LocalizedText, Coded("material")]``."""

    vocabulary: str
    max_length: int = 200

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            lambda value: parse_coded(value, self.vocabulary, self.max_length),
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda value: value.to_data(), when_used="json"))

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict:
        codes = list(_shipped(self.vocabulary).entries)
        if self.vocabulary == BRANCH:  # an operator's file may add codes
            code = {"type": "string", "examples": codes,
                    "description": "A branch code of data/branches.yaml or of the operator's file (KZCADASTRE_BRANCHES)."}
        else:
            code = {"type": "string", "enum": codes,
                    "description": f"A code of the {self.vocabulary} vocabulary (data/vocabularies/{self.vocabulary}.yaml)."}
        return {"anyOf": [code, localized_schema(self.max_length, both=True)]}


def coded(name: str, max_length: int = 200) -> Any:
    """The type of a field of vocabulary `name`: a code, or free text in both languages."""
    return Annotated[Term | LocalizedText, Coded(name, max_length)]


#: The coded fields' types, one per vocabulary (a code, or free text in both languages).
Branch = coded(BRANCH, 300)
ObjectPurpose = coded("object_purpose")
RoomPurpose = coded("room_purpose")
BuildingKind = coded("building_kind")
Material = coded("material")
TechnicalCondition = coded("technical_condition")
Heating = coded("heating")
Position = coded("position")
DocumentKind = coded("document_kind")
