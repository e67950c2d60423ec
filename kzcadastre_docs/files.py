"""Reading data files and writing outputs atomically (never a half-written file)."""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml

from .errors import DataFileError, OutputExistsError
from .i18n.catalogue import N_


class _TextYamlLoader(yaml.SafeLoader):
    """YAML where only true/false/null are typed: numbers, dates and "02:036:151:1053" stay text.

    YAML 1.1 would read "061211600012" as an octal integer and "20:32:04" as a sexagesimal
    one; identifiers must reach the model exactly as written, which then parses them.
    """


_TextYamlLoader.yaml_implicit_resolvers = {}
_TextYamlLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
_TextYamlLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:null|~|)$"), ["n", "~", ""])


def load_data(path: str | Path) -> Any:
    """The data in a .json, .yaml or .yml file.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "d.yaml"
    >>> _ = p.write_text("iin: 061211600012\\nn: 02:036:151:1053\\nok: true\\n", encoding="utf-8")
    >>> load_data(p)
    {'iin': '061211600012', 'n': '02:036:151:1053', 'ok': True}
    """
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError("{path}: no such file", path=path, field=str(path)) from None
    except IsADirectoryError:
        raise DataFileError("{path}: is a folder, not a data file", path=path, field=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError("{path}: cannot be read as UTF-8 text: {detail}", path=path, detail=exc,
                            field=str(path)) from exc
    try:
        if suffix == ".json":
            return json.loads(text)
        if suffix in (".yaml", ".yml"):
            return yaml.load(text, Loader=_TextYamlLoader)  # noqa: S506 - a SafeLoader subclass
    except json.JSONDecodeError as exc:
        raise DataFileError("{path}: invalid JSON at line {line}, column {column}: {detail}", path=path,
                            line=exc.lineno, column=exc.colno, detail=json_reason(exc.msg), field=str(path)) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            raise DataFileError("{path}: invalid YAML at line {line}, column {column}: {detail}", path=path,
                                line=mark.line + 1, column=mark.column + 1, detail=getattr(exc, "problem", "") or "",
                                field=str(path)) from exc
        raise DataFileError("{path}: invalid YAML: {detail}", path=path, detail=exc, field=str(path)) from exc
    raise DataFileError("{path}: unsupported data file type {suffix}; use .json, .yaml or .yml", path=path,
                        suffix=suffix or "-", field=str(path))


class _Reason(str):
    """A parser's English reason, translated when a message is shown in another language."""

    def __format__(self, spec: str) -> str:
        from .i18n.catalogue import gettext

        return format(gettext(str(self)), spec)


#: The json module's reasons, as catalogue ids.
JSON_REASONS = (N_("Expecting value"), N_("Expecting ',' delimiter"), N_("Expecting ':' delimiter"),
                N_("Expecting property name enclosed in double quotes"), N_("Extra data"),
                N_("Unterminated string starting at"), N_("Invalid control character at"), N_("Invalid \\escape"))


def json_reason(message: str) -> str:
    """The json module's reason ("Expecting value"), shown in the message language.

    >>> str(json_reason("Expecting value"))
    'Expecting value'
    """
    return _Reason(message)


def atomic_write(path: str | Path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write `data` to `path` so that readers see the old file, or the whole new one.

    The bytes go to a temporary file in the same folder, are flushed to disk, then moved
    into place. Without `overwrite`, an existing file is an error and is left untouched.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not overwrite and path.exists():
        raise OutputExistsError("{path} already exists (use --force to replace it)", path=path, field=str(path))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(tmp_name, path)
        else:
            # link() fails if the target appeared meanwhile: no file is ever clobbered.
            try:
                os.link(tmp_name, path)
            except FileExistsError:
                raise OutputExistsError("{path} already exists (use --force to replace it)", path=path,
                                        field=str(path)) from None
            os.unlink(tmp_name)
    except BaseException:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise
    return path
