"""Catalogue messages standing in for a foreign library's English text (Jinja, lxml).

A reason that comes from below the library (a Jinja syntax error, an lxml parse error) is
English and cannot be translated as it stands. It is mapped to a catalogue message, and the
original text is kept as the message's `detail`: programs find it in the JSON output
(`foreign_details`), an English reader may see it after the message (`english=True`, for a
generic message that says less than the original), a Kazakh or Russian reader never does.

>>> m = ForeignMessage("is not well-formed XML (line {line}, column {column})", line=2, column=7,
...                    detail="Opening and ending tag mismatch: p line 2 and body", english=True)
>>> m
'is not well-formed XML (line 2, column 7): Opening and ending tag mismatch: p line 2 and body'
>>> m.describe("ru")
'не является правильным XML (строка 2, столбец 7)'
>>> foreign_details(Message("{file}: {reason}", file="x.docx", reason=m))
['Opening and ending tag mismatch: p line 2 and body']
"""

from __future__ import annotations

from .catalogue import Message, language


class ForeignMessage(Message):
    """A catalogue message with the foreign text it replaces (`detail`)."""

    def __new__(cls, template: str, *, detail: str = "", english: bool = False, **values):
        self = super().__new__(cls, template, **values)
        if english and detail:
            self = str.__new__(cls, f"{str.__str__(self)}: {detail}")
            self.template, self.values = template, values
        self.detail, self.english = detail, english
        return self

    def describe(self, lang: str | None = None) -> str:
        text = super().describe(lang)
        if self.english and self.detail and (lang or language()) == "en":
            return f"{text}: {self.detail}"
        return text

    def __reduce__(self):
        return (_foreign, (self.template, self.values, self.detail, self.english))


def _foreign(template: str, values: dict, detail: str, english: bool) -> ForeignMessage:
    return ForeignMessage(template, detail=detail, english=english, **values)


def foreign_details(message) -> list[str]:
    """The foreign texts a message (or the messages among its values) stands in for."""
    found: list[str] = []
    if isinstance(message, ForeignMessage) and message.detail:
        found.append(message.detail)
    for value in getattr(message, "values", {}).values() if isinstance(message, Message) else ():
        found += foreign_details(value)
    return found


def joined_details(values) -> str:
    """The foreign texts among an error's values, joined: what programs get as its "detail"."""
    return "; ".join(detail for value in values.values() for detail in foreign_details(value))
