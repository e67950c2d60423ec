"""The operating system's reasons (an OSError's errno) as catalogue messages.

The C library's ``strerror`` text ("No such file or directory") is English whatever the
clerk's language; every message that gives an operating-system reason takes it from here
instead, so it is shown in kk, ru or en. An errno not listed says "system error N" (the number
is what an administrator looks up), never the English text.

>>> import errno
>>> os_reason(FileNotFoundError(errno.ENOENT, "No such file or directory", "d.json"))
'no such file or folder'
>>> os_reason(PermissionError(errno.EACCES, "Permission denied")).describe("ru")
'нет прав доступа'
>>> os_reason(OSError(errno.ENOTSUP, "Operation not supported")).describe("kk")
'жүйелік қате 95'
>>> os_reason(OSError("no errno at all")).describe("en")
'a system error'
"""

from __future__ import annotations

import errno
import logging

from .catalogue import N_, Message

#: errno -> the reason in English (a catalogue message id).
REASONS: dict[int, str] = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("operation not permitted"),
    errno.EISDIR: N_("is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.ENOSPC: N_("no space left on the disk"),
    errno.EDQUOT: N_("the disk quota is exceeded"),
    errno.EROFS: N_("read-only file system"),
    errno.EEXIST: N_("already exists"),
    errno.ELOOP: N_("too many symbolic links in the path"),
    errno.ENAMETOOLONG: N_("the file name is too long"),
    errno.EMFILE: N_("too many open files"),
    errno.ENFILE: N_("too many open files in the system"),
    errno.EBUSY: N_("the device or file is busy"),
    errno.EXDEV: N_("cannot move a file between different disks"),
    errno.ENOTEMPTY: N_("the folder is not empty"),
    errno.EIO: N_("input/output error (the disk or the network share failed)"),
    errno.EFBIG: N_("the file is too large"),
    errno.ETXTBSY: N_("the file is in use by a running program"),
    errno.ENXIO: N_("no such device"),
    errno.ENODEV: N_("no such device"),
    errno.ENOMEM: N_("not enough memory"),
    errno.EAGAIN: N_("the resource is temporarily unavailable; try again"),
    errno.ENOLCK: N_("no locks available"),
    errno.EPIPE: N_("the other side of the pipe has closed"),
    errno.ESTALE: N_("the network file is no longer available (stale file handle)"),
    errno.ECONNREFUSED: N_("the connection was refused"),
    errno.ETIMEDOUT: N_("the connection timed out"),
    errno.EINVAL: N_("an invalid argument for the system"),
}
SYSTEM_ERROR = N_("system error {number}")
#: The reason for a file a library could not read (its own words go to the log).
DAMAGED_FILE = N_("the file is damaged or incomplete")
UNNUMBERED = N_("a system error")


def os_reason(exc: BaseException) -> Message:
    """The reason of an operating-system failure, a message in the catalogue (no path)."""
    number = getattr(exc, "errno", None)
    if number in REASONS:
        return Message(REASONS[number])
    if isinstance(number, int):
        return Message(SYSTEM_ERROR, number=number)
    return Message(UNNUMBERED)


def library_reason(exc: BaseException, template: str, **values) -> Message:
    """A library's failure (Pillow, pypdf, zip, a database driver) as the catalogue message
    `template`; the library's own English text is the message's detail (i18n.foreign): after the
    message in English, for programs in JSON, never in kk or ru; and it goes to the log.

    >>> reason = library_reason(ValueError("Truncated File Read"), "the picture is damaged or incomplete")
    >>> reason.describe("ru"), reason.describe("en")
    ('изображение повреждено или неполное', 'the picture is damaged or incomplete: ValueError: Truncated File Read')
    """
    from .foreign import ForeignMessage

    words = str(exc).strip()
    logging.getLogger("kzcadastre_docs").info("%s: %s", type(exc).__name__, words)
    detail = f"{type(exc).__name__}: {words.splitlines()[0][:300]}" if words else type(exc).__name__
    return ForeignMessage(template, detail=detail, english=True, **values)


#: Why a server (a timestamp authority, a dask scheduler) could not be reached.
UNKNOWN_HOST = N_("the server's name is not known (check the address and the network)")
HTTP_STATUS = N_("the server answered with HTTP status {status}")
UNREACHABLE = N_("the server cannot be reached")


def network_reason(exc: BaseException) -> Message:
    """Why a request to a server failed, as a catalogue message (urllib's words go to the log).

    >>> import socket
    >>> import urllib.error
    >>> network_reason(urllib.error.URLError(socket.gaierror(-2, "Name or service not known"))).describe("ru")
    'имя сервера неизвестно (проверьте адрес и сеть)'
    >>> network_reason(urllib.error.URLError(ConnectionRefusedError(111, "Connection refused"))).describe("en")
    'the connection was refused'
    >>> network_reason(TimeoutError("timed out")).describe("en")
    'the connection timed out'
    """
    import socket
    import urllib.error

    if isinstance(exc, urllib.error.HTTPError):
        return Message(HTTP_STATUS, status=exc.code)
    reason = getattr(exc, "reason", exc) if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, socket.gaierror):
        return library_reason(reason, UNKNOWN_HOST)
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return Message(REASONS[errno.ETIMEDOUT])
    if isinstance(reason, OSError) and isinstance(reason.errno, int) and reason.errno > 0:
        return os_reason(reason)
    return library_reason(exc, UNREACHABLE)
