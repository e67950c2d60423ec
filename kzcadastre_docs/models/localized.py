"""Text in two languages, and the rule for a document in one of them.

A `LocalizedText` is given either as a plain string, the same in Kazakh and Russian (a
proper name written one way, a number, a code), or as ``{"kk": "...", "ru": "..."}``
with one or both languages. A document in language L prints the L text of every
localized value; a value that lacks it is an error naming the field and the missing
language, unless the caller allows a fallback, in which case the other language's text
is printed and the fallback is reported (`localize`).

>>> text = LocalizedText({"kk": "Есіл ауданы", "ru": "район Есиль"})
>>> text.text("ru"), LocalizedText("Астана").text("kk")
('район Есиль', 'Астана')
>>> localize({"street": text, "house": "55"}, "ru")
({'street': 'район Есиль', 'house': '55'}, [])
>>> resolved, missing = localize({"notes": [LocalizedText({"kk": "ескертпе"})]}, "ru")
>>> missing
[Fallback(path=('notes', 0), missing='ru', used='kk')]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pydantic_core import PydanticCustomError, core_schema

from .base import check_text

#: The languages a localized value may hold, in the order they are listed.
LANGUAGES = ("kk", "ru")


class Localizable:
    """A value printed differently in each language (a text, a vocabulary term)."""

    def text(self, lang: str) -> str | None:  # pragma: no cover - interface
        """The value's text in `lang`, or None when it has none."""
        raise NotImplementedError

    def __str__(self) -> str:
        # A localized value printed without choosing a language is a bug: say so loudly
        # rather than print one language in a document of the other.
        raise TypeError(f"{self!r} has no language: resolve it with text(lang) or localize()")


class LocalizedText(Localizable):
    """A text in Kazakh and/or Russian, or a plain text the same in both."""

    __slots__ = ("_plain", "_texts")

    def __init__(self, value: str | Mapping[str, str]):
        if isinstance(value, str):
            self._plain: str | None = value
            self._texts = {lang: value for lang in LANGUAGES}
        else:
            self._plain = None
            self._texts = {lang: value[lang] for lang in LANGUAGES if value.get(lang) is not None}

    @property
    def plain(self) -> str | None:
        """The text when it was given as one string for both languages."""
        return self._plain

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self._texts)

    def text(self, lang: str) -> str | None:
        return self._texts.get(lang)

    def to_data(self) -> str | dict[str, str]:
        """The value as it is written in data (JSON, YAML)."""
        return self._plain if self._plain is not None else dict(self._texts)

    def summary(self) -> str:
        """Both texts on one line, for messages (never for documents).

        >>> LocalizedText({"kk": "үй", "ru": "дом"}).summary()
        'kk: үй / ru: дом'
        """
        if self._plain is not None:
            return self._plain
        return " / ".join(f"{lang}: {text}" for lang, text in self._texts.items())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LocalizedText) and self.to_data() == other.to_data()

    def __hash__(self) -> int:
        data = self.to_data()
        return hash(data if isinstance(data, str) else tuple(sorted(data.items())))

    def __repr__(self) -> str:
        return f"LocalizedText({self.to_data()!r})"


def parse_localized(value: Any, max_length: int = 200, *, both: bool = False) -> LocalizedText:
    """A LocalizedText from data, each text checked like any text (NFC, XML, one script per word).

    >>> parse_localized({"kk": "үй", "ru": "дом"}).text("kk")
    'үй'
    >>> parse_localized({"en": "house"})
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.PydanticCustomError: unknown language key 'en': a localized text takes kk and/or ru
    >>> parse_localized({"kk": ""})
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.PydanticCustomError: the kk text is empty
    """
    if isinstance(value, LocalizedText):
        result = value
    elif isinstance(value, str):
        result = LocalizedText(_checked(value, max_length, None))
    elif isinstance(value, Mapping):
        if not value:
            raise PydanticCustomError("localized_empty", "a localized text needs a kk or a ru text (or is one string)")
        for key in value:
            if key not in LANGUAGES:
                raise PydanticCustomError("localized_language",
                                          "unknown language key '{key}': a localized text takes kk and/or ru",
                                          {"key": str(key)})
        result = LocalizedText({lang: _checked(value[lang], max_length, lang) for lang in LANGUAGES if lang in value})
    else:
        raise PydanticCustomError("localized_type",
                                  "must be text, or an object with kk and/or ru texts")
    if both:
        missing = [lang for lang in LANGUAGES if result.text(lang) is None]
        if missing:
            raise PydanticCustomError("localized_both", "free text here needs both languages; the {lang} text is missing",
                                      {"lang": missing[0]})
    return result


def _checked(value: Any, max_length: int, lang: str | None) -> str:
    where = f"the {lang} text" if lang else "the text"
    if not isinstance(value, str):
        raise PydanticCustomError("localized_type", "{where} must be a string", {"where": where})
    if not value:
        raise PydanticCustomError("localized_empty_text", "{where} is empty", {"where": where, "lang": lang or ""})
    if len(value) > max_length:
        raise PydanticCustomError("string_too_long", "{where} must have at most {max_length} characters",
                                  {"where": where, "max_length": max_length})
    return check_text(value)


def localized_schema(max_length: int, *, both: bool = False, description: str | None = None) -> dict:
    """The JSON Schema of a localized text: a string, or an object with kk and/or ru."""
    text = {"type": "string", "minLength": 1, "maxLength": max_length}
    languages = {"type": "object", "properties": {lang: dict(text) for lang in LANGUAGES},
                 "additionalProperties": False, "minProperties": 1,
                 "description": "The text in Kazakh (kk) and Russian (ru)."}
    if both:
        languages["required"] = list(LANGUAGES)
        return languages
    plain = dict(text, description="The same text in both languages (a proper name, a number).")
    result: dict = {"anyOf": [plain, languages]}
    if description:
        result["description"] = description
    return result


@dataclass(frozen=True)
class Localized:
    """Pydantic annotation of a LocalizedText field: ``Annotated[LocalizedText, Localized(200)]``."""

    max_length: int = 200

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            lambda value: parse_localized(value, self.max_length),
            serialization=core_schema.plain_serializer_function_ser_schema(_to_data, when_used="json"))

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict:
        return localized_schema(self.max_length)


def _to_data(value: Any) -> Any:
    return value.to_data() if hasattr(value, "to_data") else value


@dataclass(frozen=True)
class Fallback:
    """A localized value printed in `used` because it has no `missing` text."""

    path: tuple[str | int, ...]
    missing: str
    used: str


def other_language(lang: str) -> str:
    return "ru" if lang == "kk" else "kk"


def text_in(value: Any, lang: str) -> Any:
    """`value` in `lang` if it is localized (the other language's text if it lacks one).

    Formatting functions take values that may still be localized (a model's address);
    the rendering context has already applied the rule of `localize`.
    """
    if isinstance(value, Localizable):
        found = value.text(lang)
        return found if found is not None else value.text(other_language(lang))
    return value


def localize(value: Any, lang: str, path: tuple[str | int, ...] = ()) -> tuple[Any, list[Fallback]]:
    """`value` (a dumped model, a computed context) with every localized value in `lang`.

    Dicts, lists and tuples are walked; other values are kept. Returns the resolved value
    and the values that had no `lang` text (printed in the other language).
    """
    fallbacks: list[Fallback] = []
    return _walk(value, lang, path, fallbacks), fallbacks


def _walk(value: Any, lang: str, path: tuple, fallbacks: list[Fallback]) -> Any:
    if isinstance(value, Localizable):
        found = value.text(lang)
        if found is None:
            other = other_language(lang)
            fallbacks.append(Fallback(path, lang, other))
            found = value.text(other)
        return resolved(value, found)
    if isinstance(value, (str, bytes, int, float, Enum)) or value is None:
        return value
    if isinstance(value, Mapping):
        return {key: _walk(item, lang, (*path, key), fallbacks) for key, item in value.items()}
    if isinstance(value, list):
        return [_walk(item, lang, (*path, index), fallbacks) for index, item in enumerate(value)]
    if isinstance(value, tuple):
        return tuple(_walk(item, lang, (*path, index), fallbacks) for index, item in enumerate(value))
    return value


class ResolvedText(str):
    """A localized value's text in the document's language; `source` is the value itself
    (a vocabulary term keeps its code there, for the `label` filter)."""

    def __new__(cls, text: str, source: Localizable):
        instance = super().__new__(cls, text)
        instance.source = source
        return instance


def resolved(value: Localizable, text: str) -> str:
    return ResolvedText(text, value)
