"""Finding LibreOffice and a Python interpreter that has its UNO bridge.

The converter needs two programs: `soffice` and a Python that can `import uno` (on Debian,
`/usr/bin/python3` with the `python3-uno` package; LibreOffice's own builds ship
`program/python`). The library's Python need not be that one: the UNO side runs as a
separate process (`uno_worker.py`). Both can be named by environment variables.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import KzcadastreError
from ..i18n.catalogue import Message, N_

SOFFICE_ENV = "KZCADASTRE_SOFFICE"
UNO_PYTHON_ENV = "KZCADASTRE_UNO_PYTHON"

#: What to install, said once, for every error that needs it.
INSTALL_HINT = N_(
    "install LibreOffice and its Python bridge; on Debian or Ubuntu (as root): "
    "apt-get install libreoffice-writer-nogui python3-uno fonts-liberation2 fonts-dejavu-core; "
    "or name the programs with KZCADASTRE_SOFFICE=/path/to/soffice and KZCADASTRE_UNO_PYTHON=/path/to/python"
)

_SOFFICE_PLACES = (
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)


class OfficeNotFoundError(KzcadastreError):
    """LibreOffice, or a Python with its UNO bridge, is not installed (the message says what to install)."""

    code = "office_not_found"


@dataclass(frozen=True)
class OfficeInstallation:
    """The two programs the converter runs."""

    soffice: Path
    python: Path


def find_soffice() -> Path | None:
    """The soffice program: $KZCADASTRE_SOFFICE, then the PATH, then the usual places."""
    named = os.environ.get(SOFFICE_ENV)
    if named:
        return Path(named) if Path(named).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    for place in [*_SOFFICE_PLACES, *sorted(str(p) for p in Path("/opt").glob("libreoffice*/program/soffice"))]:
        if Path(place).is_file():
            return Path(place)
    return None


@functools.lru_cache(maxsize=None)
def has_uno(python: str) -> bool:
    """Whether `python` can import LibreOffice's `uno` module."""
    try:
        result = subprocess.run([python, "-c", "import uno"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


def uno_python_candidates(soffice: Path | None) -> list[str]:
    """Where to look for a Python with `uno`, in order (the environment variable alone if set)."""
    named = os.environ.get(UNO_PYTHON_ENV)
    if named:
        return [named]
    candidates = []
    if soffice is not None:
        program = soffice.resolve().parent
        candidates += [str(program / "python"), str(program / "python.bin")]
    candidates += ["/usr/bin/python3", sys.executable]
    found = shutil.which("python3")
    if found:
        candidates.append(found)
    unique = []
    for candidate in candidates:
        if candidate not in unique and Path(candidate).is_file():
            unique.append(candidate)
    return unique


def find_office() -> OfficeInstallation:
    """The installed LibreOffice and UNO Python, or OfficeNotFoundError saying what to install."""
    soffice = find_soffice()
    if soffice is None:
        where = os.environ.get(SOFFICE_ENV)
        if where:
            raise OfficeNotFoundError("PDF conversion is not available: {variable}={where} is not a file; {hint}",
                                      variable=SOFFICE_ENV, where=where, hint=Message(INSTALL_HINT))
        raise OfficeNotFoundError("PDF conversion is not available: LibreOffice (soffice) was not found; {hint}",
                                  hint=Message(INSTALL_HINT))
    candidates = uno_python_candidates(soffice)
    for candidate in candidates:
        if has_uno(candidate):
            return OfficeInstallation(soffice, Path(candidate))
    tried = ", ".join(candidates) or "none found"
    raise OfficeNotFoundError(
        "PDF conversion is not available: no Python with LibreOffice's uno module (tried: {tried}); {hint}",
        tried=tried, hint=Message(INSTALL_HINT))


def office_available() -> bool:
    """Whether PDF conversion can run here."""
    try:
        find_office()
    except OfficeNotFoundError:
        return False
    return True
