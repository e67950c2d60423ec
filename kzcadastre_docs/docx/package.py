"""A DOCX file as an ordered set of zip parts, written deterministically.

Word and python-docx stamp zip entries with the current time; we fix every entry's
timestamp, attributes and order so that the same parts always give the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

CONTENT_TYPES = "[Content_Types].xml"
#: The earliest time a zip entry can carry; used for every entry.
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class PackageError(ValueError):
    """The file is not a readable DOCX (zip) package."""


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
        return cls.from_bytes(Path(path).read_bytes(), origin=str(path))

    @classmethod
    def from_bytes(cls, data: bytes, origin: str = "<bytes>") -> Package:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                parts = tuple((info.filename, zf.read(info)) for info in zf.infolist() if not info.is_dir())
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise PackageError(f"{origin}: not a DOCX (zip) file: {exc}") from exc
        names = [name for name, _ in parts]
        if CONTENT_TYPES not in names or "word/document.xml" not in names:
            raise PackageError(f"{origin}: not a DOCX file (no {CONTENT_TYPES} or word/document.xml)")
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
        ordered = sorted(self.parts, key=lambda part: part[0] != CONTENT_TYPES)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as zf:
            for name, data in ordered:
                info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 0
                info.external_attr = 0
                zf.writestr(info, data, compresslevel=6)
        return buffer.getvalue()
