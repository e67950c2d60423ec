"""Shared helpers: where things are, the sample cases, the golden-update switch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SOURCE_TEXT = ROOT / "sources" / "order-65-2026-kk.txt"


def pytest_addoption(parser):
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite samples/<form>/<case>.<lang>.docx from the current output (read the diff first)",
    )


@pytest.fixture
def update_goldens(request) -> bool:
    return request.config.getoption("--update-goldens") or os.environ.get("KZCADASTRE_UPDATE_GOLDENS") == "1"


def sample_cases() -> list[tuple[str, Path]]:
    """(form slug, case file) for every sample input."""
    return [(path.parent.name, path) for path in sorted(SAMPLES.glob("*/*.json"))]


# -- LibreOffice and poppler: tests that need them are skipped where they are missing, unless
# the environment demands them (CI, or KZCADASTRE_REQUIRE_LIBREOFFICE=1), where they fail.

def libreoffice_required() -> bool:
    return (os.environ.get("KZCADASTRE_REQUIRE_LIBREOFFICE") == "1"
            or os.environ.get("CI", "").lower() in ("1", "true", "yes"))


def _missing(what: str) -> None:
    if libreoffice_required():
        pytest.fail(f"this environment demands LibreOffice and poppler (CI or KZCADASTRE_REQUIRE_LIBREOFFICE=1): {what}")
    pytest.skip(f"needs {what}")


@pytest.fixture(scope="session")
def office():
    """The LibreOffice installation (skip, or fail where it is demanded, if missing)."""
    from kzcadastre_docs.pdf import OfficeNotFoundError, find_office

    try:
        return find_office()
    except OfficeNotFoundError as exc:
        _missing(f"LibreOffice: {exc}")


@pytest.fixture(scope="session")
def converter(office):
    """One persistent converter shared by the session's PDF tests."""
    from kzcadastre_docs.pdf import Converter

    with Converter(office, timeout=120) as shared:
        yield shared


@pytest.fixture(scope="session")
def pdftoppm():
    import shutil

    found = shutil.which("pdftoppm")
    if found is None:
        _missing("pdftoppm (Debian package poppler-utils)")
    return found


# -- PostgreSQL: the register's tests against a real PostgreSQL start a throwaway cluster;
# they are skipped where PostgreSQL is missing, unless the environment demands it (CI, or
# KZCADASTRE_REQUIRE_POSTGRESQL=1), where they fail.

def postgresql_required() -> bool:
    return (os.environ.get("KZCADASTRE_REQUIRE_POSTGRESQL") == "1"
            or os.environ.get("CI", "").lower() in ("1", "true", "yes"))


@pytest.fixture(scope="session")
def pg_cluster():
    """A running throwaway PostgreSQL cluster (see tests/pg_cluster.py)."""
    from .pg_cluster import Cluster, ClusterUnavailable

    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        if postgresql_required():
            pytest.fail(f"this environment demands PostgreSQL: the psycopg package is missing ({exc})")
        pytest.skip("needs the psycopg package")
    try:
        cluster = Cluster().start()
    except ClusterUnavailable as exc:
        if postgresql_required():
            pytest.fail(f"this environment demands PostgreSQL (CI or KZCADASTRE_REQUIRE_POSTGRESQL=1): {exc}")
        pytest.skip(f"needs PostgreSQL: {exc}")
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_register_url(pg_cluster, request):
    """A fresh database in the throwaway cluster, for one test."""
    import re

    name = "t_" + re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:50]
    return pg_cluster.new_database(name)
