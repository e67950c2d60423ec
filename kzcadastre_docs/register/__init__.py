"""The register of cadastral numbers: every number assigned, on a real database.

A SQLite file by default (in the user's data folder, or any path), PostgreSQL by URL for an
office where many clerks assign at once; SQLAlchemy underneath, the schema kept by the
Alembic migrations shipped in `migrations/` and run when a register is opened.

    >>> import tempfile, datetime, pathlib
    >>> from kzcadastre_docs.register import Register, Specialist
    >>> register = Register(pathlib.Path(tempfile.mkdtemp()) / "r.sqlite")
    >>> clerk = Specialist.of("Ахметова А. Б.", {"kk": "бас маман", "ru": "главный специалист"})
    >>> change = register.assign("20:015:004:165", specialist=clerk, on=datetime.date(2026, 7, 20))
    >>> change = register.split("20:015:004:165:1", 2, specialist=clerk, on=datetime.date(2026, 8, 3))
    >>> [entry.number for entry in change.assigned], change.ended[0].status
    (['20:015:004:165:2', '20:015:004:165:3'], 'retired')
    >>> register.merge(["20:015:004:165:2", "20:015:004:165:3"], specialist=clerk,
    ...                on=datetime.date(2026, 9, 1)).assigned[0].number
    '20:015:004:165:4'
    >>> register.close()

The names are imported when first used, so that a command that does not touch the register
does not load SQLAlchemy.
"""

from __future__ import annotations

import importlib

from .location import REGISTER_ENV, default_location

_EXPORTS = {
    "Change": "numbers", "Entry": "numbers", "Register": "numbers", "RuleError": "numbers", "Specialist": "numbers",
    "RegisterError": "database", "RegisterLocationError": "database", "database_url": "database",
    "sheet_data": "sheet",
}


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["REGISTER_ENV", "default_location", *_EXPORTS]
