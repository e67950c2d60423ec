"""Opening a register: where it is, the engine, the schema migrations, transactions.

A register is a SQLite file (the default, no set-up) or a PostgreSQL database (an office
where many clerks assign at once). Concurrent assignment is made safe by the database:

- SQLite: every transaction starts with ``BEGIN IMMEDIATE``, which takes the file's write
  lock before anything is read, so two processes never compute the same next number; a
  process that finds the lock taken waits (busy timeout) and then goes on.
- PostgreSQL: the counter row of the scope being numbered is locked (``SELECT ... FOR
  UPDATE``, rows locked in a fixed order), and a transaction that still fails with a
  serialization failure or deadlock is retried.

Either way the unique constraint on the number is the last guard: a number is never handed
out twice, and a retired number keeps its row, so it can never be handed out again.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

from ..errors import EXIT_FAILURE, EXIT_INVALID, KzcadastreError
from ..i18n.catalogue import N_, Message
from ..i18n.system import library_reason
from .location import data_folder, default_location

#: Seconds a SQLite writer waits for another one's lock before giving up.
SQLITE_BUSY_TIMEOUT = 60
#: Attempts of one transaction (serialization failures, deadlocks, a busy database).
ATTEMPTS = 8
#: A constant key for PostgreSQL's advisory lock held while migrations run.
_MIGRATION_LOCK = 7_317_017

T = TypeVar("T")


class RegisterError(KzcadastreError):
    """The register cannot be opened or used (not a rule of the Rules: exit status 1)."""

    exit_code = EXIT_FAILURE
    code = "register"


class RegisterLocationError(RegisterError):
    """--register names something that is not a register location (exit status 2)."""

    exit_code = EXIT_INVALID
    code = "register_location"


def database_url(location: str | os.PathLike | None) -> str:
    """The SQLAlchemy URL of a register given as a file path or a database URL.

    >>> database_url("postgresql://clerk@db.office/cadastre")
    'postgresql+psycopg://clerk@db.office/cadastre'
    >>> database_url("/tmp/r.sqlite")
    'sqlite:////tmp/r.sqlite'
    """
    location = str(location if location is not None else default_location())
    if "://" not in location:
        return "sqlite:///" + str(Path(location).expanduser().resolve())
    try:
        url = make_url(location)
    except ArgumentError:
        raise RegisterLocationError("--register {location!r} is neither a file path nor a database URL",
                                    location=location, field="--register") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise RegisterLocationError("--register {location!r}: the register is a SQLite file or a PostgreSQL "
                                    "database (postgresql://...)", location=location, field="--register")
    return url.render_as_string(hide_password=False)


def shown(url: str) -> str:
    """The URL as messages print it (no password)."""
    return make_url(url).render_as_string(hide_password=True)


def make_engine(url: str) -> Engine:
    """An engine whose transactions lock what assignment needs (see the module's docstring)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).parent
            if not folder.is_dir():
                if Path(parsed.database).parent != data_folder():
                    raise RegisterLocationError("the folder of the register {path} does not exist", path=parsed.database,
                                                field="--register")
                folder.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT})

        @event.listens_for(engine, "connect")
        def _connect(dbapi_connection, _record):
            dbapi_connection.isolation_level = None  # we begin transactions ourselves
            dbapi_connection.execute("PRAGMA foreign_keys = ON")

        @event.listens_for(engine, "begin")
        def _begin(connection):
            connection.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except ImportError as exc:
        raise RegisterError("PostgreSQL needs the psycopg package: pip install 'kzcadastre-docs[postgresql]' ({detail})",
                            detail=library_reason(exc, NOT_INSTALLED)) from None


#: The database's own (English) words -> what a clerk is told; anything else: DATABASE_ERROR.
_DATABASE_REASONS = (
    (("database is locked", "lock timeout", "could not obtain lock"),
     N_("the register is locked by another program; try again")),
    (("unable to open database file",), N_("the register's file cannot be opened")),
    (("file is not a database",), N_("the file is not a register database")),
    (("no such table", "does not exist"), N_("the register is not set up (its tables are missing)")),
    (("password authentication failed", "authentication failed"),
     N_("the database server refused the user name or password")),
    (("could not connect", "connection refused", "could not translate host name", "name or service not known",
      "timeout expired", "server closed the connection", "connection to server"),
     N_("cannot connect to the database server")),
    (("readonly database", "read-only"), N_("the register is read-only")),
    (("database or disk is full", "no space left"), N_("no space left on the disk")),
    (("disk i/o error",), N_("input/output error (the disk or the network share failed)")),
)
DATABASE_ERROR = N_("the database reported an error")
NOT_INSTALLED = N_("it is not installed")
UNKNOWN_REVISION = N_("its revision is unknown here")


def database_reason(exc: BaseException) -> Message:
    """A database failure as a catalogue message; the driver's own words go to the log.

    >>> database_reason(OperationalError("x", {}, Exception("database is locked"))).describe("en")
    'the register is locked by another program; try again: Exception: database is locked'
    >>> database_reason(RuntimeError("something else")).describe("ru")
    'база данных сообщила об ошибке'
    """
    driver = getattr(exc, "orig", None) or exc  # the driver's error, without SQLAlchemy's SQL and links
    words = str(driver).lower()
    for patterns, reason in _DATABASE_REASONS:
        if any(pattern in words for pattern in patterns):
            return library_reason(driver, reason)
    return library_reason(driver, DATABASE_ERROR)


def _retryable(exc: DBAPIError) -> bool:
    code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    if code in ("40001", "40P01"):  # serialization failure, deadlock
        return True
    return isinstance(exc, OperationalError) and "database is locked" in str(exc.orig)


def run(engine: Engine, work: Callable[[Connection], T]) -> T:
    """`work` in one transaction, committed if it returns, rolled back if it raises;
    retried when the database asks for it (serialization failure, deadlock, busy)."""
    for attempt in range(ATTEMPTS):
        try:
            with engine.begin() as connection:
                return work(connection)
        except DBAPIError as exc:
            if not _retryable(exc) or attempt == ATTEMPTS - 1:
                raise
            time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
    raise AssertionError("unreachable")


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision shipped in the package (Alembic), under the
    database's write lock so that several processes opening a new register at once agree."""
    from alembic import command
    from alembic.config import Config
    from alembic.util.exc import CommandError

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).with_name("migrations")))

    def upgrade(connection: Connection) -> None:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")

    try:
        run(engine, upgrade)
    except CommandError as exc:
        raise RegisterError("the register's schema is not one this version knows ({detail}); it was made by a "
                            "newer kzcadastre-docs", detail=library_reason(exc, UNKNOWN_REVISION)) from None
