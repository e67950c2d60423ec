"""Round-trip editing of a data file's text: change some values, keep everything else.

A clerk's register file has comments, its own key order, quoting and layout; an edit that
adds an entry must leave all of that as it was. YAML goes through ruamel.yaml's round-trip
mode with every scalar kept as the text it was written as (so `02:036:151:1053` or
`061211600012` come back byte for byte), quotes preserved and the indentation guessed from
the file. JSON keeps its key order and its indentation; values it never touched are
written as json writes them (a JSON file has no comments to lose).

>>> doc = DataText("# register\\nn: 061211600012   # IIN\\nitems:\\n  - a: 1\\n", ".yaml")
>>> doc.tree["items"].append(doc.mapping({"a": "2", "b": "true"}))
>>> print(doc.dump(), end="")
# register
n: 061211600012   # IIN
items:
  - a: 1
  - a: 2
    b: "true"
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from .errors import DataFileError
from .i18n.parsers import yaml_reason

#: Plain scalars that the library's data loader does not read as text (files._TextYamlLoader).
_TYPED_PLAIN = re.compile(r"^(?:true|false|null|~|)$")


class _TextResolver(VersionedResolver):
    """Every plain scalar is text: nothing is turned into a number, date or boolean and back."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)


def _guess_yaml_indent(text: str) -> tuple[int, int]:
    """(mapping indent, dash offset) as the file writes block sequences; (2, 0) if it has none.

    >>> _guess_yaml_indent("a:\\n  - b: 1\\n    c: 2\\n")
    (2, 2)
    >>> _guess_yaml_indent("a:\\n- b: 1\\n  c: 2\\n")
    (2, 0)
    """
    mapping, offset = None, None
    previous_indent, previous_key = 0, False
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(stripped)
        if stripped.startswith("- ") and previous_key and offset is None:
            offset = indent - previous_indent
        elif previous_key and indent > previous_indent and mapping is None and not stripped.startswith("- "):
            mapping = indent - previous_indent
        previous_indent, previous_key = indent, stripped.rstrip().endswith(":")
    return mapping or 2, max(offset or 0, 0)


class DataText:
    """A data file's text as an editable tree (`tree`), written back by `dump()`."""

    def __init__(self, text: str, suffix: str, origin: str = "<data>"):
        self.suffix = suffix.lower()
        self.origin = origin
        self._final_newline = text.endswith("\n")
        if self.suffix == ".json":
            self.tree = json.loads(text)
            self._indent = _json_indent(text)
            return
        if self.suffix not in (".yaml", ".yml"):
            raise DataFileError("{path}: unsupported data file type {suffix}; use .json, .yaml or .yml", path=origin,
                                suffix=suffix or "-")
        self._yaml = YAML(typ="rt")
        self._yaml.Resolver = _TextResolver
        self._yaml.preserve_quotes = True
        self._yaml.width = 4096  # never fold a long line that the file did not fold
        mapping, offset = _guess_yaml_indent(text)
        self._yaml.indent(mapping=mapping, sequence=mapping + offset, offset=offset)
        try:
            self.tree = self._yaml.load(text)
        except YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            if mark is not None:
                raise DataFileError("{path}: invalid YAML at line {line}, column {column}: {detail}", path=origin,
                                    line=mark.line + 1, column=mark.column + 1,
                                    detail=yaml_reason(getattr(exc, "problem", ""))) from None
            raise DataFileError("{path}: invalid YAML: {detail}", path=origin,
                                detail=yaml_reason(getattr(exc, "problem", ""))) from None

    def scalar(self, value: Any) -> Any:
        """A new value as the file should hold it (text the library's loader reads back as text)."""
        if self.suffix == ".json" or value is None or isinstance(value, bool):
            return value
        text = value if isinstance(value, str) else str(value)
        return DoubleQuotedScalarString(text) if _TYPED_PLAIN.match(text) else text

    def mapping(self, values: dict[str, Any]) -> Any:
        """A new mapping of values (see `scalar`), in the given key order."""
        if self.suffix == ".json":
            return dict(values)
        result = CommentedMap()
        for key, value in values.items():
            result[key] = self.mapping(value) if isinstance(value, dict) else self.scalar(value)
        return result

    def dump(self) -> str:
        if self.suffix == ".json":
            text = json.dumps(self.tree, ensure_ascii=False, indent=self._indent)
            return text + ("\n" if self._final_newline else "")
        out = io.StringIO()
        self._yaml.dump(self.tree, out)
        return out.getvalue()


def _json_indent(text: str) -> int | None:
    """The indentation of a JSON text's first nested line (None: all on one line).

    >>> _json_indent('{\\n    "a": 1\\n}'), _json_indent('{"a": 1}')
    (4, None)
    """
    match = re.search(r"\n( +)\S", text)
    return len(match.group(1)) if match else None
