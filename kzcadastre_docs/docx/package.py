"""A DOCX file as an ordered set of zip parts, written deterministically.

Word and python-docx stamp zip entries with the current time; we fix every entry's
timestamp, attributes and order so that the same parts always give the same bytes.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import EXIT_FAILURE, KzcadastreError
from ..i18n.catalogue import N_, Message
from ..i18n.system import library_reason, os_reason

CONTENT_TYPES = "[Content_Types].xml"
#: The earliest time a zip entry can carry; used for every entry.
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class PackageError(KzcadastreError, ValueError):
    """The file is not a readable DOCX (zip) package."""

    exit_code = EXIT_FAILURE
    code = "template_package"


#: Limits on a DOCX read: the file, one part and all parts uncompressed, and a part's
#: compression ratio (Word's XML compresses about 10:1; a picture barely at all).
MAX_FILE = 100 * 1024 * 1024
MAX_PART = 100 * 1024 * 1024
MAX_TOTAL = 300 * 1024 * 1024
MAX_RATIO = 100
_RATIO_FROM = 1024 * 1024  # parts smaller than this may compress as they like


def _check_sizes(infos, origin: str) -> None:
    total = 0
    for info in infos:
        if info.file_size > MAX_PART:
            raise PackageError("{origin}: part {part} unpacks to {size} bytes, more than the {limit} a part may "
                               "have", origin=origin, part=info.filename, size=info.file_size, limit=MAX_PART)
        if info.file_size > _RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise PackageError("{origin}: part {part} unpacks {ratio} times larger than it is stored (at most "
                               "{limit}); refused as a zip bomb", origin=origin, part=info.filename,
                               ratio=info.file_size // max(info.compress_size, 1), limit=MAX_RATIO)
        total += info.file_size
    if total > MAX_TOTAL:
        raise PackageError("{origin}: the parts unpack to {size} bytes, more than the {limit} allowed", origin=origin,
                           size=total, limit=MAX_TOTAL)


def _read_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, origin: str) -> bytes:
    """A part's bytes, never more than its declared size (a zip may lie about it)."""
    with zf.open(info) as handle:
        data = handle.read(info.file_size + 1)
    if len(data) > info.file_size:
        raise PackageError("{origin}: part {part} is larger than its declared size", origin=origin,
                           part=info.filename)
    return data


def _zip_reason(exc: BaseException) -> Message:
    """Why zipfile could not read a package, as a catalogue message."""
    if isinstance(exc, zipfile.BadZipFile) and "not a zip file" in str(exc):
        return Message(N_("it is not a zip archive"))
    if isinstance(exc, NotImplementedError):
        return library_reason(exc, N_("it is packed with a compression method this program cannot unpack"))
    return library_reason(exc, N_("the zip archive is damaged or incomplete"))


@dataclass(frozen=True)
class Package:
    """The parts of a DOCX zip package, in their stored order.

    >>> p = Package((("[Content_Types].xml", b"<a/>"), ("word/document.xml", b"<b/>")))
    >>> Package.from_bytes(p.to_bytes()).get("word/document.xml")
    b'<b/>'
    >>> p.to_bytes() == p.to_bytes()
    True
    """

    parts: tuple[tuple[str, bytes], ...]

    @classmethod
    def read(cls, path: str | Path) -> Package:
        """The package in the file `path`: a regular file of at most MAX_FILE bytes (a device,
        a pipe or a larger file is refused before anything is read)."""
        path = Path(path)
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError as exc:
            raise PackageError("{path}: cannot be opened: {reason}", path=str(path), reason=os_reason(exc)) from None
        if stat.S_ISDIR(os.fstat(fd).st_mode):  # a folder opens read-only, but os.fdopen refuses it
            os.close(fd)
            raise PackageError("{path}: cannot be opened: {reason}", path=str(path),
                               reason=os_reason(IsADirectoryError(errno.EISDIR, "")))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise PackageError("{path}: not a regular file (a device, pipe or socket); nothing was read",
                                   path=str(path))
            if info.st_size > MAX_FILE:
                raise PackageError("{path}: {size} bytes, more than the {limit} a template may have", path=str(path),
                                   size=info.st_size, limit=MAX_FILE)
            data = handle.read(MAX_FILE + 1)
        return cls.from_bytes(data, origin=str(path))

    @classmethod
    def from_bytes(cls, data: bytes, origin: str = "<bytes>") -> Package:
        """The package in `data`; parts are read within the limits on their uncompressed size
        (MAX_PART, MAX_TOTAL) and compression ratio (MAX_RATIO), so that a small zip that
        unpacks to gigabytes is refused rather than unpacked."""
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                infos = [info for info in zf.infolist() if not info.is_dir()]
                _check_sizes(infos, origin)
                parts = tuple((info.filename, _read_part(zf, info, origin)) for info in infos)
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError) as exc:
            raise PackageError("{origin}: not a DOCX (zip) file: {reason}", origin=origin,
                               reason=_zip_reason(exc)) from exc
        names = [name for name, _ in parts]
        if CONTENT_TYPES not in names or "word/document.xml" not in names:
            raise PackageError("{origin}: not a DOCX file (no {name} or word/document.xml)", origin=origin,
                               name=CONTENT_TYPES)
        return cls(parts)

    def names(self) -> list[str]:
        return [name for name, _ in self.parts]

    def get(self, name: str) -> bytes:
        for part_name, data in self.parts:
            if part_name == name:
                return data
        raise KeyError(name)

    def replaced(self, new_parts: dict[str, bytes]) -> Package:
        """A copy with some parts replaced; names not yet present are appended."""
        seen = set()
        parts = []
        for name, data in self.parts:
            if name in new_parts:
                data = new_parts[name]
                seen.add(name)
            parts.append((name, data))
        parts.extend((name, data) for name, data in new_parts.items() if name not in seen)
        return Package(tuple(parts))

    def to_bytes(self) -> bytes:
        """The zip file: content types first, then the stored order, fixed metadata."""
        return PackageWriter(self).write({})


@dataclass(frozen=True)
class _Entry:
    name: bytes
    crc: int
    size: int
    compressed: bytes


def _entry(name: str, data: bytes) -> _Entry:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return _Entry(name.encode("utf-8"), zlib.crc32(data), len(data), compressor.compress(data) + compressor.flush())


# The zip format's fixed fields, as Python's zipfile writes them for our entries: version
# 2.0, no flags, deflate, 1980-01-01 00:00 (DOS time 0, date 0x21), no extra fields, mode 0600.
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_DOS_TIME, _DOS_DATE = 0, (1980 - 1980) << 9 | 1 << 5 | 1
_ATTRIBUTES = 0o600 << 16  # what zipfile.writestr gives an entry without attributes


class PackageWriter:
    """Writes a package many times with some parts replaced, compressing the unchanged
    parts once: a template's styles, fonts and theme are deflated when the writer is made,
    and each write deflates only the parts it is given. Same parts, same bytes, and the
    same bytes as `zipfile` would write for them.

    >>> p = Package((("word/document.xml", b"<a/>"), ("[Content_Types].xml", b"<t/>")))
    >>> writer = PackageWriter(p)
    >>> out = writer.write({"word/document.xml": b"<b/>"})
    >>> Package.from_bytes(out).get("word/document.xml"), Package.from_bytes(out).names()
    (b'<b/>', ['[Content_Types].xml', 'word/document.xml'])
    """

    def __init__(self, package: Package):
        self._order = [name for name, _ in sorted(package.parts, key=lambda part: part[0] != CONTENT_TYPES)]
        self._entries = {name: _entry(name, data) for name, data in package.parts}

    def write(self, new_parts: dict[str, bytes]) -> bytes:
        order = self._order + [name for name in new_parts if name not in self._entries]
        if CONTENT_TYPES in new_parts and CONTENT_TYPES not in self._entries:
            order.sort(key=lambda name: name != CONTENT_TYPES)
        chunks: list[bytes] = []
        central: list[bytes] = []
        offset = 0
        for name in order:
            entry = _entry(name, new_parts[name]) if name in new_parts else self._entries[name]
            header = _LOCAL.pack(b"PK\x03\x04", 20, 0, 0, 8, _DOS_TIME, _DOS_DATE, entry.crc,
                                 len(entry.compressed), entry.size, len(entry.name), 0)
            chunks += [header, entry.name, entry.compressed]
            central.append(_CENTRAL.pack(b"PK\x01\x02", 20, 0, 20, 0, 0, 8, _DOS_TIME, _DOS_DATE, entry.crc,
                                         len(entry.compressed), entry.size, len(entry.name), 0, 0, 0, 0, _ATTRIBUTES, offset)
                           + entry.name)
            offset += len(header) + len(entry.name) + len(entry.compressed)
        directory = b"".join(central)
        end = _END.pack(b"PK\x05\x06", 0, 0, len(order), len(order), len(directory), offset, 0)
        return b"".join(chunks) + directory + end
