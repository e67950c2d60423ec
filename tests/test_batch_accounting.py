"""Batches account for every record, always: unreadable lines become error rows, the report
is started fresh and written as records fail, an interrupted run says which records it did
not reach, a record's files are written all or none, a full disk fails the record clearly
(issue 16, item 5)."""

from __future__ import annotations

import csv
import errno
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kzcadastre_docs.cli import main
from kzcadastre_docs.jobs import batch as batch_module
from kzcadastre_docs.jobs.batch import run_batch

from .conftest import ROOT, SAMPLES

FORM = "notice-data-entered"
SAMPLE = json.loads((SAMPLES / FORM / "apartment-astana.json").read_text(encoding="utf-8"))
NAME = "21-320-105-2015-2-45"


def _errors(folder) -> list[dict]:
    return [json.loads(line) for line in (folder / "errors.jsonl").read_text(encoding="utf-8").splitlines()]


def _lines(count: int) -> list[str]:
    return [json.dumps(SAMPLE, ensure_ascii=False)] * count


def _batch(*args):
    return CliRunner().invoke(main, ["batch", "--form", FORM, *map(str, args)])


def _no_traceback(result):
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


def test_unparsable_json_lines_become_error_rows(tmp_path):
    source = tmp_path / "in.jsonl"
    deep = "[" * 10000 + "]" * 10000
    huge = '{"number": ' + "9" * 5000 + "}"
    source.write_text("\n".join([deep, huge, _lines(1)[0]]) + "\n", encoding="utf-8")
    result = _batch("--input", source, "-o", tmp_path / "out", "--lang", "kk")
    _no_traceback(result)
    assert result.exit_code == 1
    rows = {row["record"]: row for row in _errors(tmp_path / "out")}
    assert sorted(rows) == [1, 2]
    assert "nested too deeply" in rows[1]["message"] and "digits" in rows[2]["message"]
    assert (tmp_path / "out" / f"000003_{NAME}.kk.docx").exists()


def _csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


@pytest.mark.parametrize("header", [
    ["document_date", "number", "number.part"],        # a value and a group at one path
    ["document_date", "number", "notes[999999999]"],   # an absurd list index
    ["document_date", "number", "[0]"],                # not a field path
])
def test_unexpandable_csv_rows_become_error_rows_quickly(tmp_path, header):
    source = tmp_path / "in.csv"
    _csv(source, header, [["2026-11-24", "N-1", "x"], ["2026-11-24", "N-2", "y"]])
    process = subprocess.run([sys.executable, "-m", "kzcadastre_docs", "batch", "--form", FORM, "--input",
                              str(source), "-o", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True,
                             timeout=120)
    assert process.returncode == 1, process.stderr
    assert "Traceback" not in process.stderr
    assert [row["record"] for row in _errors(tmp_path / "out")] == [1, 2]


def test_the_report_is_started_fresh_and_an_interrupted_run_lists_what_it_did_not_reach(tmp_path, monkeypatch):
    output = tmp_path / "out"
    output.mkdir()
    (output / "errors.jsonl").write_text('{"record": 99, "message": "stale"}\n', encoding="utf-8")
    source = tmp_path / "in.jsonl"
    lines = _lines(6)
    lines[1] = "{broken"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    original = batch_module.render_record

    def interrupted(form, number, *args, **kwargs):
        if number == 4:
            raise KeyboardInterrupt
        return original(form, number, *args, **kwargs)

    monkeypatch.setattr(batch_module, "render_record", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_batch(FORM, source, output, langs=("kk",))
    rows = _errors(output)
    assert "stale" not in (output / "errors.jsonl").read_text(encoding="utf-8")
    reported = {row["record"]: row["rule"] for row in rows}
    assert reported[2] == "record" and all(reported[n] == "not_reached" for n in (4, 5, 6))
    written = {int(path.name[:6]) for path in output.glob("*.docx")}
    assert 1 in written and written.isdisjoint(reported) and written | set(reported) == set(range(1, 7))


def test_rows_are_in_the_report_while_the_batch_runs(tmp_path, monkeypatch):
    source = tmp_path / "in.jsonl"
    lines = _lines(3)
    lines[0] = "{broken"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    seen = []
    original = batch_module.render_record

    def spy(form, number, *args, **kwargs):
        seen.append((number, (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8")))
        return original(form, number, *args, **kwargs)

    monkeypatch.setattr(batch_module, "render_record", spy)
    run_batch(FORM, source, tmp_path / "out", langs=("kk",))
    assert '"record": 1' in dict(seen)[3]  # record 1's row was on disk before record 3 was rendered


def test_a_full_disk_fails_the_record_whole_and_stops_cleanly(tmp_path, monkeypatch):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(_lines(4)) + "\n", encoding="utf-8")
    original = batch_module._write_temporary

    def full(folder, name, content):
        if name.startswith("000002_") and name.endswith(".ru.docx"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return original(folder, name, content)

    monkeypatch.setattr(batch_module, "_write_temporary", full)
    result = _batch("--input", source, "-o", tmp_path / "out")
    _no_traceback(result)
    assert result.exit_code == 1
    output = tmp_path / "out"
    names = sorted(path.name for path in output.iterdir())
    assert names == [f"000001_{NAME}.kk.docx", f"000001_{NAME}.ru.docx", "errors.jsonl"]  # no kk without its ru
    rows = _errors(output)
    assert (rows[0]["record"], rows[0]["rule"]) == (2, "disk_full") and "no space" in rows[0]["message"]
    assert [(row["record"], row["rule"]) for row in rows[1:]] == [(3, "not_reached"), (4, "not_reached")]
    assert "disk" in result.output


def test_skip_existing_finishes_a_record_left_half_done(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(_lines(1)[0] + "\n", encoding="utf-8")
    output = tmp_path / "out"
    run_batch(FORM, source, output)
    (output / f"000001_{NAME}.ru.docx").unlink()
    kk = (output / f"000001_{NAME}.kk.docx").read_bytes()
    summary = run_batch(FORM, source, output, skip_existing=True)
    assert (summary.written, summary.failed) == (1, 0)
    assert (output / f"000001_{NAME}.ru.docx").exists() and (output / f"000001_{NAME}.kk.docx").read_bytes() == kk


def test_temporaries_left_by_a_killed_batch_are_removed_at_the_next_start(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(_lines(1)[0] + "\n", encoding="utf-8")
    output = tmp_path / "out"
    output.mkdir()
    stale = output / f".000007_{NAME}.kk.docx.abc123.tmp"
    stale.write_bytes(b"half")
    other = output / ".notes.tmp"
    other.write_bytes(b"not ours")
    run_batch(FORM, source, output, langs=("kk",))
    assert not stale.exists() and other.exists()
