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
        raise DataFileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot be read as UTF-8 text: {exc}") from exc
    try:
        if suffix == ".json":
            return json.loads(text)
        if suffix in (".yaml", ".yml"):
            return yaml.load(text, Loader=_TextYamlLoader)  # noqa: S506 - a SafeLoader subclass
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{path}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: invalid YAML: {exc}") from exc
    raise DataFileError(f"{path}: unsupported data file type {suffix or '(none)'}; use .json, .yaml or .yml")


def atomic_write(path: str | Path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write `data` to `path` so that readers see the old file, or the whole new one.

    The bytes go to a temporary file in the same folder, are flushed to disk, then moved
    into place. Without `overwrite`, an existing file is an error and is left untouched.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not overwrite and path.exists():
        raise OutputExistsError(f"{path} exists; pass --force (overwrite=True) to replace it")
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
                raise OutputExistsError(f"{path} exists; pass --force (overwrite=True) to replace it") from None
            os.unlink(tmp_name)
    except BaseException:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise
    return path
