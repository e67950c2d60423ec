"""Editing a shared file in place: locked, re-read under the lock, replaced atomically.

An inventory register lives on a shared folder and two clerks may add to it at once.
`edit_locked(path, change)`:

- follows symlinks to the real file, so that a register linked from elsewhere is the one
  changed (never replaced by a private copy beside the link);
- takes an exclusive lock (`flock`) on the real file, waiting up to `timeout` seconds, and
  fails loudly (`FileLockError`, nothing changed) if it cannot get one;
- checks, once locked, that the path still names the file it locked (another process may
  have replaced it meanwhile: then it locks again), and reads the text under the lock, so
  that `change` always sees every earlier addition;
- writes the new text to a temporary file beside the real file, with the real file's mode
  and (where allowed) owner and group, flushes it, and moves it into place before letting
  the lock go.

>>> import pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "n.txt"
>>> _ = p.write_text("1", encoding="utf-8")
>>> edit_locked(p, lambda text: (str(int(text) + 1), None))
>>> p.read_text(encoding="utf-8")
'2'
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from . import files
from .errors import DataFileError, KzcadastreError
from .files import atomic_write
from .i18n.parsers import utf8_reason
from .i18n.system import os_reason

T = TypeVar("T")

#: How long to wait for another process's lock before giving up (seconds).
DEFAULT_LOCK_TIMEOUT = 30.0


class FileLockError(KzcadastreError):
    """The file could not be locked for editing (nothing was changed)."""

    code = "file_lock"


def _lock(fd: int, path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    delay = 0.01
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise FileLockError("{path}: another process is editing it (still locked after {seconds} s); "
                                    "nothing was changed, try again", path=path, seconds=f"{timeout:g}") from None
            time.sleep(delay)
            delay = min(delay * 2, 0.2)
        except OSError as exc:
            if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.EINVAL, errno.ENOSYS):
                raise FileLockError("{path}: the file system does not support locking ({detail}); "
                                    "nothing was changed: edit a copy on a local disk", path=path,
                                    detail=os_reason(exc)) from None
            raise


def edit_locked(path: str | Path, change: Callable[[str], tuple[str, T]], *,
                timeout: float = DEFAULT_LOCK_TIMEOUT) -> T:
    """Replace the text of `path` with `change(text)[0]` under an exclusive lock; return `change(text)[1]`.

    `change` runs with the lock held, on the text as it is then; if it raises, the file is
    left as it was.
    """
    real = Path(os.path.realpath(path))
    while True:
        try:
            fd = os.open(real, os.O_RDWR | os.O_CLOEXEC | os.O_NONBLOCK)
        except FileNotFoundError:
            raise DataFileError("{path}: no such file", path=path, field=str(path)) from None
        except IsADirectoryError:
            raise DataFileError("{path}: is a folder, not a data file", path=path, field=str(path)) from None
        except PermissionError:
            raise DataFileError("{path}: no permission to change it", path=path, field=str(path)) from None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise DataFileError("{path}: not a regular file (a device, pipe or socket); nothing was read", path=path,
                                    field=str(path))
            if info.st_size > files.MAX_DATA_BYTES:
                raise DataFileError("{path}: {size} bytes, larger than the limit of {limit} bytes for a data file; "
                                    "nothing was changed", path=path, size=info.st_size, limit=files.MAX_DATA_BYTES,
                                    field=str(path))
            _lock(fd, Path(path), timeout)
            before = os.fstat(fd)
            try:
                now = os.stat(real)
            except FileNotFoundError:
                now = None
            if now is None or (now.st_dev, now.st_ino) != (before.st_dev, before.st_ino):
                continue  # replaced while we waited: lock the file that is there now
            with os.fdopen(os.dup(fd), "rb") as handle:
                raw = handle.read()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise DataFileError("{path}: cannot be read as UTF-8 text: {detail}", path=path, detail=utf8_reason(exc),
                                    field=str(path)) from None
            new_text, result = change(text)
            atomic_write(real, new_text.encode("utf-8"), overwrite=True, like=before)
            _sync_folder(real.parent)
            return result
        finally:
            os.close(fd)  # releases the lock, after the new file is in place


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (best effort: some file systems cannot sync a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
