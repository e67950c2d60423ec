"""The register of cadastral numbers: every number assigned, on a real database.

A SQLite file by default (in the user's data folder, or any path), PostgreSQL by URL for an
office where many clerks assign at once; SQLAlchemy underneath, the schema kept by the
Alembic migrations shipped in `migrations/` and run when a register is opened.

    >>> import tempfile, datetime, pathlib
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
"""

from .database import REGISTER_ENV, RegisterError, RegisterLocationError, database_url, default_location
from .numbers import Change, Entry, Register, RuleError, Specialist
from .sheet import sheet_data

__all__ = ["REGISTER_ENV", "Change", "Entry", "Register", "RegisterError", "RegisterLocationError", "RuleError",
           "Specialist", "database_url", "default_location", "sheet_data"]
