"""The base of every data model: text is NFC-normalised, valid in XML, and in one script per word.

A value that cannot be stored in a DOCX part (control characters) is refused with the
field named. Two normalisations change no visible character and are applied: Unicode NFC,
and line endings (CRLF or a lone CR become LF, which the documents print as a line break;
XML itself would otherwise turn a lone CR into LF when the document is read).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator
from pydantic_core import PydanticCustomError

# Characters that XML 1.0 does not allow (tab, line feed and carriage return are allowed),
# plus the surrogates and the two non-characters U+FFFE and U+FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


_WORD = re.compile(r"[^\W\d_]+")


def _script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    if name.startswith("LATIN"):
        return "latin"
    return None


def mixed_script_word(value: str) -> tuple[int, str] | None:
    """The first word that mixes Cyrillic and Latin letters, as (1-based position, word).

    A Latin "ə" (U+0259) or "i" inside a Kazakh word looks right and is wrong: it breaks
    search, sorting and registry matching.

    >>> mixed_script_word("Әлихан Бөкейхан")
    >>> mixed_script_word("Сəтбаев көшесі")
    (1, 'Сəтбаев')
    """
    for match in _WORD.finditer(value):
        scripts = {_script(char) for char in match.group()} - {None}
        if len(scripts) > 1:
            return match.start() + 1, match.group()
    return None


def invisible_character(value: str) -> tuple[int, str] | None:
    """The first invisible format character (Unicode category Cf) as (1-based position, char).

    Zero-width spaces and joiners, the word joiner, the byte-order mark, the soft hyphen and
    the bidirectional controls print nothing (or reorder what follows) and would split a
    word for the mixed-script check, so that "С\u200bə\u200bтбаев" passed it. They are
    refused, never dropped silently: the clerk removes them where the text came from.

    >>> invisible_character("Сәтбаев")
    >>> invisible_character("С\u200bəтбаев")
    (2, '\u200b')
    """
    for position, char in enumerate(value, start=1):
        if unicodedata.category(char) == "Cf":
            return position, char
    return None


def check_text(value: str) -> str:
    """NFC-normalise `value`, refusing characters that XML cannot carry, invisible format
    characters (before the mixed-script check, which they would defeat) and mixed-script words.

    >>> check_text("Ә") == "\\u04d8"
    True
    >>> check_text("a\\r\\nb\\rc")
    'a\\nb\\nc'
    >>> check_text("a\\x07b")
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.PydanticCustomError: character U+0007 at position 2 is not allowed in a document
    """
    match = _XML_ILLEGAL.search(value)
    if match:
        raise PydanticCustomError(
            "xml_illegal_character",
            "character U+{code} at position {position} is not allowed in a document",
            {"code": f"{ord(match.group()):04X}", "position": match.start() + 1},
        )
    invisible = invisible_character(value)
    if invisible:
        raise PydanticCustomError(
            "invisible_character",
            "invisible character U+{code} at position {position} is not allowed: it hides how the text reads "
            "(zero-width and direction controls); remove it",
            {"code": f"{ord(invisible[1]):04X}", "position": invisible[0]},
        )
    mixed = mixed_script_word(value)
    if mixed:
        raise PydanticCustomError(
            "mixed_script",
            "the word {word!r} at position {position} mixes Cyrillic and Latin letters",
            {"word": mixed[1], "position": mixed[0]},
        )
    return unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))


def _clean(value: Any) -> Any:
    if isinstance(value, Enum):  # str-based enums are already validated choices
        return value
    if isinstance(value, str):
        return check_text(value)
    if isinstance(value, list):
        return [_clean(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_clean(item) for item in value)
    return value


#: One broken cross-field rule: (location relative to the model, rule type, message context).
RuleViolation = tuple[tuple[str | int, ...], str, dict[str, Any]]


class DocumentModel(BaseModel):
    """Base of all document data: unknown fields are errors, every text is checked.

    Rules that relate several fields (totals, date order) are not pydantic validators: a
    model lists them in `rules()`, and `violations()` collects them from the whole tree
    with each one's full location, so that an error names `object.floors[0].rooms[3].area`
    rather than the model that holds it.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)

    @field_validator("*", mode="after")
    @classmethod
    def _check_texts(cls, value: Any) -> Any:
        return _clean(value)

    def rules(self) -> Iterator[RuleViolation]:
        """The model's own cross-field rules; override to add some."""
        return iter(())

    def advice(self) -> Iterator[RuleViolation]:
        """The model's own warnings: findings that do not stop a document (a building
        standing beyond the plot, a plan area off the declared one); override to add some."""
        return iter(())

    def violations(self) -> Iterator[RuleViolation]:
        """Every broken rule of this model and the models it holds, with full locations."""
        return self._collect("rules")

    def warnings(self) -> Iterator[RuleViolation]:
        """Every warning of this model and the models it holds, with full locations."""
        return self._collect("advice")

    def _collect(self, method: str) -> Iterator[RuleViolation]:
        yield from getattr(self, method)()
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, DocumentModel):
                for loc, rule, ctx in value._collect(method):
                    yield (name, *loc), rule, ctx
            elif isinstance(value, (list, tuple)):
                for index, item in enumerate(value):
                    if isinstance(item, DocumentModel):
                        for loc, rule, ctx in item._collect(method):
                            yield (name, index, *loc), rule, ctx
