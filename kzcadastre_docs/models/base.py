"""The base of every data model: text is NFC-normalised and must be valid in XML.

A value that cannot be stored in a DOCX part (control characters) is refused with the
field named. Two normalisations change no visible character and are applied: Unicode NFC,
and line endings (CRLF or a lone CR become LF, which the documents print as a line break;
XML itself would otherwise turn a lone CR into LF when the document is read).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator
from pydantic_core import PydanticCustomError

# Characters that XML 1.0 does not allow (tab, line feed and carriage return are allowed),
# plus the surrogates and the two non-characters U+FFFE and U+FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def check_text(value: str) -> str:
    """NFC-normalise `value`, refusing characters that XML cannot carry.

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
    return unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return check_text(value)
    if isinstance(value, list):
        return [_clean(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_clean(item) for item in value)
    return value


class DocumentModel(BaseModel):
    """Base of all document data: unknown fields are errors, every text is checked."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)

    @field_validator("*", mode="before")
    @classmethod
    def _check_texts(cls, value: Any) -> Any:
        return _clean(value)
