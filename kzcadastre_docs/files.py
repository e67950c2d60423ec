"""Reading data files and writing outputs atomically (never a half-written file)."""

from __future__ import annotations

import json
import os
import re
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from .errors import DataFileError, OutputExistsError
from .i18n.catalogue import N_
from .i18n.parsers import json_reason, utf8_reason, yaml_reason
from .i18n.system import library_reason, os_reason

#: The reason shown for a failure of the library below (its own words go to the log).
UNCONVERTIBLE = N_("a value cannot be converted")


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
    return parse_data(read_text(path), path.suffix, str(path))


#: The largest data file read (bytes): a document's data is a few kilobytes.
MAX_DATA_BYTES = 20 * 1024 * 1024


def read_text(path: str | Path, limit: int | None = None) -> str:
    """The UTF-8 text of a regular file of at most `limit` bytes (default MAX_DATA_BYTES).

    Anything else (a device such as /dev/zero, a pipe, a folder, a larger file) is refused
    before a byte is read; the file is opened without blocking and checked once open.
    """
    path = Path(path)
    limit = MAX_DATA_BYTES if limit is None else limit
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise DataFileError("{path}: no such file", path=path, field=str(path)) from None
    except IsADirectoryError:
        raise DataFileError("{path}: is a folder, not a regular file", path=path, field=str(path)) from None
    except OSError as exc:
        raise DataFileError("{path}: cannot be opened: {detail}", path=path, detail=os_reason(exc),
                            field=str(path)) from None
    if stat.S_ISDIR(os.fstat(fd).st_mode):  # a folder opens read-only, but os.fdopen refuses it
        os.close(fd)
        raise DataFileError("{path}: is a folder, not a regular file", path=path, field=str(path))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise DataFileError("{path}: not a regular file (a device, pipe or socket); nothing was read", path=path,
                                field=str(path))
        if info.st_size > limit:
            raise DataFileError("{path}: {size} bytes, larger than the limit of {limit} bytes for a data "
                                "file; nothing was read", path=path, size=info.st_size, limit=limit, field=str(path))
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise DataFileError("{path}: larger than the limit of {limit} bytes for a data file", path=path, limit=limit,
                            field=str(path))
    try:
        return data.decode("utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError("{path}: cannot be read as UTF-8 text: {detail}", path=path, detail=utf8_reason(exc),
                            field=str(path)) from None


def parse_data(text: str, suffix: str, origin: str = "<data>") -> Any:
    """The data in `text`, read as the file type `suffix` (.json, .yaml, .yml) would be.

    >>> parse_data('{"a": 1}', ".json")
    {'a': 1}
    """
    suffix = suffix.lower()
    try:
        if suffix == ".json":
            return json.loads(text)
        if suffix in (".yaml", ".yml"):
            return yaml.load(text, Loader=_TextYamlLoader)  # noqa: S506 - a SafeLoader subclass
    except json.JSONDecodeError as exc:
        raise DataFileError("{path}: invalid JSON at line {line}, column {column}: {detail}", path=origin,
                            line=exc.lineno, column=exc.colno, detail=json_reason(exc.msg), field=origin) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            raise DataFileError("{path}: invalid YAML at line {line}, column {column}: {detail}", path=origin,
                                line=mark.line + 1, column=mark.column + 1, detail=yaml_reason(getattr(exc, "problem", "")),
                                field=origin) from exc
        raise DataFileError("{path}: invalid YAML: {detail}", path=origin, detail=yaml_reason(getattr(exc, "problem", "")),
                            field=origin) from exc
    except RecursionError:
        raise DataFileError("{path}: the data is nested too deeply", path=origin, field=origin) from None
    except ValueError as exc:  # an integer of more digits than Python converts
        if "digits" in str(exc):
            raise DataFileError("{path}: a number has more than {count} digits", path=origin,
                                count=sys.get_int_max_str_digits(), field=origin) from None
        raise DataFileError("{path}: unreadable value: {detail}", path=origin,
                            detail=library_reason(exc, UNCONVERTIBLE),
                            field=origin) from None
    raise DataFileError("{path}: unsupported data file type {suffix}; use .json, .yaml or .yml", path=origin,
                        suffix=suffix or "-", field=origin)


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows (Linux).

    >>> 0 <= current_umask() <= 0o777
    True
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: set and restore (not thread-safe, but harmless)
    os.umask(mask)
    return mask


def default_file_mode() -> int:
    """The mode a new regular file gets from the user's umask (0644 under umask 022)."""
    return 0o666 & ~current_umask()


def keep_owner_and_mode(fd: int, like: os.stat_result) -> None:
    """Give the open file `fd` the mode, and where allowed the owner and group, of `like`.

    A file replaced in place stays readable by whoever could read it before. The owner can
    only be kept by root or when it is already ours; the group where we belong to it.
    """
    os.fchmod(fd, stat.S_IMODE(like.st_mode))
    for uid, gid in ((like.st_uid, like.st_gid), (-1, like.st_gid)):
        try:
            os.fchown(fd, uid, gid)
            return
        except PermissionError:
            continue


def atomic_write(path: str | Path, data: bytes, *, overwrite: bool = False, like: os.stat_result | None = None
                 ) -> Path:
    """Write `data` to `path` so that readers see the old file, or the whole new one.

    The bytes go to a temporary file in the same folder, are flushed to disk, then moved
    into place. Without `overwrite`, an existing file is an error and is left untouched.
    A new file gets the mode the umask gives (0644 under umask 022), a replaced file keeps
    its mode and, where allowed, its owner (`like`: the stat of the file replaced, if known).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not overwrite and path.exists():
        raise OutputExistsError("{path} already exists (use --force to replace it)", path=path, field=str(path))
    if like is None and overwrite:
        try:
            like = os.stat(path)
        except FileNotFoundError:
            like = None
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            if like is not None and stat.S_ISREG(like.st_mode):
                keep_owner_and_mode(handle.fileno(), like)
            else:
                os.fchmod(handle.fileno(), default_file_mode())
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
