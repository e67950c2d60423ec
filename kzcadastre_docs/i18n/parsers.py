"""The reasons of the JSON and YAML parsers as catalogue messages.

The json module and PyYAML (and ruamel.yaml, which shares its texts) say what is wrong in
English; the line and column are given by the message around the reason, the reason itself
comes from here, in kk, ru or en. A parser text not known here gives a general reason in
the clerk's language (the parser's own words go to the log).

>>> yaml_reason("could not find expected ':'").describe("ru")
'после ключа нет «:»'
>>> yaml_reason("something PyYAML may say one day").describe("kk")
'мәтін осы жерде YAML ережелеріне сәйкес келмейді'
>>> json_reason("Expecting value").describe("kk")
'мән күтілген'
"""

from __future__ import annotations

import logging
import re

from .catalogue import N_, Message

#: The json module's reasons (JSONDecodeError.msg), as catalogue ids.
JSON_REASONS = (N_("Expecting value"), N_("Expecting ',' delimiter"), N_("Expecting ':' delimiter"),
                N_("Expecting property name enclosed in double quotes"), N_("Extra data"),
                N_("Unterminated string starting at"), N_("Invalid control character at"), N_("Invalid \\escape"))
JSON_OTHER = N_("the text does not follow JSON's rules here")

#: PyYAML's problems (a pattern matched at the start of MarkedYAMLError.problem) -> a reason.
YAML_REASONS: tuple[tuple[str, str], ...] = (
    (r"expected ',' or '\]'", N_("a list in [ ] is not closed, or its items are not separated by commas")),
    (r"expected ',' or '\}'", N_("an object in { } is not closed, or its items are not separated by commas")),
    (r"could not find expected ':'", N_("a key is not followed by ':'")),
    (r"mapping values are not allowed here|found unexpected ':'",
     N_("':' is not allowed here: quote a value that holds ': ', or check the indentation")),
    (r"found character '\\t'|found a tab character", N_("a tab character: indent with spaces")),
    (r"found character .* that cannot start any token",
     N_("a value cannot start with this character: put the value in quotes")),
    (r"found unexpected end of stream", N_("the file ends inside quoted text: a closing quote is missing")),
    (r"expected <block end>|did not find expected key", N_("the indentation is wrong")),
    (r"did not find expected '-' indicator", N_("a list item does not start with '-', or the indentation is wrong")),
    (r"did not find expected node content|expected the node content", N_("a value is missing")),
    (r"found undefined alias", N_("an alias (*name) refers to no anchor (&name)")),
    (r"found duplicate anchor", N_("an anchor (&name) is defined twice")),
    (r"found unknown escape character", N_("an unknown escape sequence after \\ in quoted text")),
    (r"expected a comment or a line break", N_("extra text after a value on the same line")),
    (r"found unhashable key", N_("a key must be a single value")),
    (r"expected a single document", N_("the file holds more than one YAML document (a second ---)")),
    (r"found duplicate key", N_("a key is repeated")),
    (r"could not determine a constructor for the tag", N_("a YAML tag (!!...) is not allowed in a data file")),
)
YAML_OTHER = N_("the text does not follow YAML's rules here")


def json_reason(message: str) -> Message:
    """The json module's reason ("Expecting value") as a catalogue message."""
    if message in JSON_REASONS:
        return Message(message)
    return _other(JSON_OTHER, message)


def yaml_reason(problem: str | None) -> Message:
    """A YAML parser's problem text as a catalogue message."""
    text = problem or ""
    for pattern, reason in YAML_REASONS:
        if re.match(pattern, text):
            return Message(reason)
    return _other(YAML_OTHER, text)


def _other(template: str, words: str) -> Message:
    """A general reason, with the parser's own words as its detail (shown in English only)."""
    from .foreign import ForeignMessage

    logging.getLogger("kzcadastre_docs").info("%s", words)
    return ForeignMessage(template, detail=words, english=True)


def utf8_reason(exc: UnicodeDecodeError) -> Message:
    """Where a text stops being UTF-8: the position (in bytes) of the first byte that does not decode.

    >>> try:
    ...     b"ab\\xff".decode("utf-8")
    ... except UnicodeDecodeError as exc:
    ...     print(utf8_reason(exc).describe("en"))
    the byte at position 2 is not UTF-8 text (save the file as UTF-8)
    """
    return Message(N_("the byte at position {position} is not UTF-8 text (save the file as UTF-8)"), position=exc.start)
