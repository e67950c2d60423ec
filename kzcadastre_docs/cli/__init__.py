"""The `kzcadastre-docs` command: a thin adapter over the library.

Exit statuses: 0 success; 2 invalid data or usage (nothing is written, the message names
the field); 1 any other failure.
"""

from . import barcode, cadastral, cases, documents, law, preview, signing  # noqa: F401  (each registers its commands)
from .app import main

__all__ = ["main"]
