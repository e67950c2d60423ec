"""Files honour the umask: created as the user's default would create them (issue 16, item 2)."""

from __future__ import annotations

import json
import os
import stat

import pytest
from click.testing import CliRunner

from kzcadastre_docs.cli import main
from kzcadastre_docs.files import atomic_write

from .conftest import SAMPLES


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_a_new_file_gets_the_umask_default(tmp_path, umask):
    old = os.umask(umask)
    try:
        atomic_write(tmp_path / "a.docx", b"x")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "a.docx") == 0o666 & ~umask


def test_a_replaced_file_keeps_its_mode(tmp_path, umask_022):
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    atomic_write(target, b"new", overwrite=True)
    assert _mode(target) == 0o640 and target.read_bytes() == b"new"


def test_render_writes_files_others_can_read(tmp_path, umask_022):
    data = SAMPLES / "notice-data-entered" / "apartment-astana.json"
    result = CliRunner().invoke(main, ["render", "notice-data-entered", "--data", str(data), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    files = list(tmp_path.iterdir())
    assert files and all(_mode(path) == 0o644 for path in files)


def test_inventory_add_keeps_a_shared_registers_mode(tmp_path, umask_022):
    register = tmp_path / "register.json"
    register.write_text((SAMPLES / "inventory-file" / "house-almaty-region.json").read_text(encoding="utf-8"),
                        encoding="utf-8")
    os.chmod(register, 0o664)
    result = CliRunner().invoke(main, ["inventory-add", str(register), "--document", "Акт", "--date", "2026-12-10",
                                       "--sheets", "1", "--document-date", "2026-12-10"])
    assert result.exit_code == 0, result.output
    assert _mode(register) == 0o664
    assert json.loads(register.read_text(encoding="utf-8"))["entries"][-1]["document"] == "Акт"
