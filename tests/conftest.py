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
