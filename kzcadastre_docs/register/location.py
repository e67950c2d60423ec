"""Where the register is when no --register is given (no database library needed here)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: The environment variable that names the register (a path or a URL), like --register.
REGISTER_ENV = "KZCADASTRE_REGISTER"
REGISTER_FILE = "register.sqlite"


def data_folder() -> Path:
    """The user's data folder for this program (XDG on Linux, the usual places elsewhere).

    >>> data_folder().name
    'kzcadastre-docs'
    """
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "kzcadastre-docs"


def default_location() -> str:
    """$KZCADASTRE_REGISTER, else register.sqlite in the user's data folder."""
    return os.environ.get(REGISTER_ENV) or str(data_folder() / REGISTER_FILE)
