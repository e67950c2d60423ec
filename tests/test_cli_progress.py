"""Progress: a bar with the real rate and time left on a terminal, nothing stray elsewhere, and a
summary that says only what happened."""

from __future__ import annotations

import io
import sys

from click.testing import CliRunner

from kzcadastre_docs.cli import main, ui

from .conftest import SAMPLES

DATA = SAMPLES / "requirements-new-object" / "astana-branch.json"


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_bar_on_a_terminal_shows_count_rate_and_time_left(monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with ui.progress(4, "annex-1", "records") as advance:
        for _ in range(4):
            advance(1)
    shown = terminal.getvalue()
    assert "annex-1" in shown and "4/4" in shown and "records/s" in shown
    assert "<00:00" in shown  # elapsed<remaining, measured: a 4-record run has nothing left at the end


def test_nothing_when_not_on_a_terminal(monkeypatch):
    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    with ui.progress(4, "annex-1", "records") as advance:
        advance(4)
    assert pipe.getvalue() == ""


def test_a_clean_batch_says_so_and_prints_nothing_stray(tmp_path):
    records = tmp_path / "in.jsonl"
    records.write_text(DATA.read_text(encoding="utf-8").replace("\n", " ") + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", "--form", "annex-1", "--input", str(records), "-o", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout == "1 record(s): 1 written (2 files), 0 skipped, 0 failed\n"


def test_a_batch_with_a_bad_record_points_to_the_report(tmp_path):
    records = tmp_path / "in.jsonl"
    records.write_text(DATA.read_text(encoding="utf-8").replace("\n", " ") + "\n[]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", "--form", "annex-1", "--input", str(records), "-o", str(tmp_path / "b"),
                                       "--message-lang", "ru"])
    assert result.exit_code == 1
    assert "с ошибками: 1; ошибки в файле" in result.stdout and "errors.jsonl" in result.stdout
