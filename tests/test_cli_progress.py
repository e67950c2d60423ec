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


# -- bundle and demo: the same bar, and honest summaries (issue 19).

import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402

import pytest  # noqa: E402

from kzcadastre_docs.cli.common import ConversionBar  # noqa: E402

from .test_cli_language import english_words  # noqa: E402

LANGS = pytest.mark.parametrize("lang", ["kk", "ru"])
#: The bar's unit in each message language (what a clerk reads in "1.5 <unit>/s").
UNITS = {"demo": {"kk": "мысал/s", "ru": "образцов/s"}, "bundle": {"kk": "құжат/s", "ru": "документов/s"}}


def on_a_terminal(*args: str) -> tuple[int, str, str]:
    """Run the command with standard error on a pseudo-terminal (100 columns) and standard
    output on a pipe: (exit status, stdout, what the terminal showed)."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    process = subprocess.Popen([sys.executable, "-m", "kzcadastre_docs", *args], stdout=subprocess.PIPE,
                               stderr=slave, close_fds=True)
    os.close(slave)
    shown = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown.append(chunk)
    os.close(master)
    stdout = process.stdout.read().decode("utf-8")
    process.stdout.close()
    return process.wait(timeout=120), stdout, b"".join(shown).decode("utf-8")


def test_the_conversion_bar_opens_with_the_work(monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with ConversionBar("case.yaml", "documents") as bar:
        assert terminal.getvalue() == ""  # nothing before the first document: start-up is not the work's time
        for done in range(3):
            bar(done, 3, f"document {done}")
        bar(3, 3, "")
    shown = terminal.getvalue()
    assert "case.yaml" in shown and "3/3" in shown and "documents/s" in shown and "<00:00" in shown


def _samples(tmp_path, bad: bool = False):
    samples = tmp_path / "samples"
    for form, case in (("requirements-duplicate", "blank.json"), ("requirements-new-object", "astana-branch.json")):
        (samples / form).mkdir(parents=True)
        shutil.copy(SAMPLES / form / case, samples / form)
    if bad:
        (samples / "requirements-duplicate" / "broken.json").write_text("{", encoding="utf-8")
    return samples


@LANGS
def test_demo_on_a_terminal_shows_the_bar_in_the_clerks_language(tmp_path, lang):
    status, stdout, shown = on_a_terminal("demo", "--samples", str(_samples(tmp_path)), "-o", str(tmp_path / "out"),
                                          "--message-lang", lang)
    assert status == 0, shown
    assert "demo:" in shown and "2/2" in shown and UNITS["demo"][lang] in shown and "<00:00" in shown
    assert english_words(shown) == [] and english_words(stdout) == []


SUMMARY = {"kk": ("жазылған құжаттар: 4", "тек тексерілген мысалдар (үлгісі жоқ): 0", "қатесі барлары: {failed}"),
           "ru": ("Записано документов в", ": 4,", "только проверено образцов (нет шаблона): 0",
                  "с ошибками: {failed}")}


@LANGS
def test_a_clean_demo_off_a_terminal_prints_nothing_stray_and_a_summary(tmp_path, lang):
    result = CliRunner().invoke(main, ["demo", "--samples", str(_samples(tmp_path)), "-o", str(tmp_path / "out"),
                                       "--message-lang", lang])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    summary = result.stdout.splitlines()[-1]
    assert all(part.format(failed=0) in summary for part in SUMMARY[lang]), summary
    assert english_words(result.output) == []


@LANGS
def test_a_demo_with_a_bad_sample_counts_it_and_says_why(tmp_path, lang):
    result = CliRunner().invoke(main, ["demo", "--samples", str(_samples(tmp_path, bad=True)), "-o",
                                       str(tmp_path / "out"), "--message-lang", lang])
    assert result.exit_code == 1
    assert result.stderr.count("broken.json") == 1
    summary = result.stdout.splitlines()[-1]
    assert all(part.format(failed=1) in summary for part in SUMMARY[lang]), summary
    assert english_words(result.output) == []


def _case(tmp_path, lang: str):
    documents = [{"form": form, "data": json.loads((SAMPLES / form / case).read_text(encoding="utf-8"))}
                 for form, case in (("requirements-duplicate", "almaty-region-branch.json"),
                                    ("notice-data-entered", "apartment-astana.json"))]
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"case_number": "03-2026-000002", "lang": lang, "documents": documents},
                               ensure_ascii=False), encoding="utf-8")
    return case


@LANGS
def test_bundle_on_a_terminal_shows_the_bar_not_lines(tmp_path, lang, office):
    status, stdout, shown = on_a_terminal("bundle", str(_case(tmp_path, lang)), "-o", str(tmp_path / "c.pdf"),
                                          "--message-lang", lang)
    assert status == 0, shown
    assert "case.json:" in shown and "2/2" in shown and UNITS["bundle"][lang] in shown and "<00:00" in shown
    assert shown.count("\n") <= 1  # one bar redrawn in place, not a line per document
    assert english_words(shown) == [] and english_words(stdout) == []


@LANGS
def test_bundle_off_a_terminal_prints_only_its_summary(tmp_path, lang, office):
    result = CliRunner().invoke(main, ["bundle", str(_case(tmp_path, lang)), "-o", str(tmp_path / "c.pdf"),
                                       "--message-lang", lang])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout.count("\n") == 1 and str(tmp_path / "c.pdf") in result.stdout and "2" in result.stdout
    assert english_words(result.output) == []
