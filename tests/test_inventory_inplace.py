"""inventory-add edits a shared register safely: locked, re-read under the lock, atomic,
through symlinks, keeping mode, comments, key order and every other value (issue 16 item 1,
issue 19 item 4)."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import kzcadastre_docs as kz
from kzcadastre_docs.cli import main

from .conftest import ROOT, SAMPLES

SAMPLE_TEXT = (SAMPLES / "inventory-file" / "house-almaty-region.json").read_text(encoding="utf-8")
SAMPLE = json.loads(SAMPLE_TEXT)

YAML_REGISTER = """\
# Inventory file ИД-1 of the Qaskeleng branch: keep this comment
document_date: 2026-11-27        # the print date
file_number: "ИД-2026/15"
opened_on: 2024-10-15
cadastral_number: 03:047:158:219
address:
  region: Алматы облысы
  settlement: Қаскелең
  house: "1"
archive_employee:
  full_name: Ахметова Д.
entries:
  # the register, oldest first
  - number: 1
    document: Абрис № 1
    date: 2024-10-15
    sheets: 1
    form: abris
    sequence: 1
  - number: 2
    document: Техникалық паспорт
    date: 2026-11-24
    sheets: 12
"""


def _add(path, *args):
    return CliRunner().invoke(main, ["inventory-add", str(path), *map(str, args)])


def test_a_yaml_register_keeps_comments_order_quotes_and_values(tmp_path):
    path = tmp_path / "register.yaml"
    path.write_text(YAML_REGISTER, encoding="utf-8")
    result = _add(path, "--document", "Акт: true", "--date", "2026-11-27", "--sheets", "2", "--note", "null")
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert text.startswith(YAML_REGISTER)  # every line as it was, the entry appended
    added = text[len(YAML_REGISTER):]
    assert added.startswith("  - number: 3\n")
    data = kz.validate("inventory-file", kz.load_data(path) if hasattr(kz, "load_data") else _yaml(path))
    assert (data.entries[-1].document.plain, data.entries[-1].note.plain) == ("Акт: true", "null")


def _yaml(path):
    from kzcadastre_docs.files import load_data

    return load_data(path)


def test_superseding_changes_only_the_superseded_entry(tmp_path):
    path = tmp_path / "register.yaml"
    path.write_text(YAML_REGISTER, encoding="utf-8")
    result = _add(path, "--abris", "--date", "2026-11-27", "--sheets", "1")
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    marked = YAML_REGISTER.replace("    sequence: 1\n", "    sequence: 1\n    status: superseded\n    superseded_by: 3\n")
    assert text.startswith(marked)  # the old abris marked in place, nothing else changed
    assert text[len(marked):].startswith("  - number: 3\n    document: Абрис № 2\n")


def test_the_document_date_changes_only_when_asked(tmp_path):
    path = tmp_path / "register.json"
    path.write_text(SAMPLE_TEXT, encoding="utf-8")
    original = path.read_bytes()
    refused = _add(path, "--document", "Акт", "--date", "2026-12-10", "--sheets", "1")
    assert refused.exit_code == 2 and "--document-date" in refused.output
    assert path.read_bytes() == original
    kept = _add(path, "--document", "Акт", "--date", "2026-11-27", "--sheets", "1")
    assert kept.exit_code == 0, kept.output
    assert json.loads(path.read_text(encoding="utf-8"))["document_date"] == "2026-11-27"
    moved = _add(path, "--document", "Акт 2", "--date", "2026-12-10", "--sheets", "1", "--document-date", "2026-12-10")
    assert moved.exit_code == 0, moved.output
    assert json.loads(path.read_text(encoding="utf-8"))["document_date"] == "2026-12-10"


def test_a_json_register_keeps_key_order_and_indentation(tmp_path):
    reordered = dict(reversed(list(SAMPLE.items())))
    text = json.dumps(reordered, ensure_ascii=False, indent=4) + "\n"
    path = tmp_path / "register.json"
    path.write_text(text, encoding="utf-8")
    assert _add(path, "--document", "Акт", "--date", "2026-11-27", "--sheets", "1").exit_code == 0
    after = path.read_text(encoding="utf-8")
    assert list(json.loads(after)) == list(reordered)
    assert after.splitlines()[:3] == text.splitlines()[:3] and after.endswith("\n")


def test_a_symlinked_register_changes_the_shared_file(tmp_path):
    shared = tmp_path / "shared" / "register.json"
    shared.parent.mkdir()
    shared.write_text(SAMPLE_TEXT, encoding="utf-8")
    link = tmp_path / "mine.json"
    link.symlink_to(shared)
    assert _add(link, "--document", "Акт", "--date", "2026-11-27", "--sheets", "1").exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(shared)
    assert json.loads(shared.read_text(encoding="utf-8"))["entries"][-1]["document"] == "Акт"
    assert sorted(p.name for p in shared.parent.iterdir()) == ["register.json"]  # no temporary left


def test_a_register_locked_by_another_process_is_refused_loudly(tmp_path):
    path = tmp_path / "register.json"
    path.write_text(SAMPLE_TEXT, encoding="utf-8")
    original = path.read_bytes()
    with open(path, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        result = _add(path, "--document", "Акт", "--date", "2026-11-27", "--sheets", "1", "--lock-timeout", "0.3")
    assert result.exit_code == 1, result.output
    assert "another process is editing it" in result.output and "nothing was changed" in result.output
    assert path.read_bytes() == original


def test_concurrent_adds_keep_every_entry(tmp_path):
    path = tmp_path / "register.yaml"
    path.write_text(YAML_REGISTER, encoding="utf-8")
    count = 12
    command = [sys.executable, "-m", "kzcadastre_docs", "inventory-add", str(path), "--date", "2026-11-27",
               "--sheets", "1", "--document"]
    processes = [subprocess.Popen([*command, f"Акт {index}"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for index in range(count)]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0] * count, outputs
    data = _yaml(path)
    register = kz.validate("inventory-file", data)
    documents = [entry.document.plain for entry in register.entries[2:]]
    assert sorted(documents) == sorted(f"Акт {index}" for index in range(count))
    assert [entry.number for entry in register.entries] == list(range(1, count + 3))
    assert path.read_text(encoding="utf-8").startswith(YAML_REGISTER)


def test_a_title_in_two_languages_is_written_as_both(tmp_path):
    path = tmp_path / "register.yaml"
    path.write_text(YAML_REGISTER, encoding="utf-8")
    result = _add(path, "--document", "Кадастрлық паспорт (телнұсқа)", "--document-ru", "Кадастровый паспорт (дубликат)",
                  "--date", "2026-11-27", "--sheets", "3")
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert text.startswith(YAML_REGISTER)
    entry = kz.validate("inventory-file", _yaml(path)).entries[-1]
    assert (entry.document.text("kk"), entry.document.text("ru")) == ("Кадастрлық паспорт (телнұсқа)", "Кадастровый паспорт (дубликат)")
    assert _add(path, "--document-ru", "x", "--date", "2026-11-27", "--sheets", "1").exit_code == 2


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_a_register_keeps_its_owner_and_group(tmp_path):
    path = tmp_path / "register.json"
    path.write_text(SAMPLE_TEXT, encoding="utf-8")
    os.chown(path, 65534, 65534)
    assert _add(path, "--document", "Акт", "--date", "2026-11-27", "--sheets", "1").exit_code == 0
    assert (path.stat().st_uid, path.stat().st_gid) == (65534, 65534)


def test_a_register_that_is_a_pipe_is_refused_without_blocking(tmp_path):
    path = tmp_path / "register.json"
    os.mkfifo(path)
    result = _add(path, "--document", "Акт", "--date", "2026-11-27", "--sheets", "1")
    assert result.exit_code == 2 and "not a regular file" in result.output
