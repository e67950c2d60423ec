"""A clerk's bad day, in Kazakh and in Russian: every command given the wrong thing, in text and
under --format json, answers with the documented exit status, the facts that matter, and no
English (issue 19). One table of cases; each case is run in kk and ru, as text and as JSON.

Under --format json the words a reader sees are the values of the error's "message" and of its
problems' messages (the keys and the machine codes are for programs)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from kzcadastre_docs.cli import main

from .conftest import SAMPLES
from .test_cli_language import english_words as _english_words

FORM = "notice-data-entered"
DATA = SAMPLES / FORM / "apartment-astana.json"
#: What a clerk typed and meets again as it was typed (an unknown form "nope", say).
TYPED = {"nope"}


def english_words(text: str) -> list[str]:
    return [word for word in _english_words(text) if word not in TYPED]


@dataclass(frozen=True)
class Case:
    """A command line (a function of the test's folder), its exit status, and what its message
    must name (also functions of the folder, so paths can be named)."""

    args: Callable[[Path], list]
    status: int
    facts: Callable[[Path], list[str]] = field(default=lambda tmp: [])


def _files(tmp: Path) -> None:
    (tmp / "notes.txt").write_text("x", encoding="utf-8")
    (tmp / "folder.json").mkdir()
    (tmp / "broken.pdf").write_bytes(b"%PDF-1.4 this is not a PDF")
    (tmp / "list.json").write_text("[1, 2]", encoding="utf-8")


CASES = {
    "render into a folder under a file": Case(
        lambda tmp: ["render", FORM, "--data", DATA, "--lang", "ru", "-o", tmp / "notes.txt" / "out.docx"], 2,
        lambda tmp: [str(tmp / "notes.txt")]),
    "render into a folder that is a file": Case(
        lambda tmp: ["render", FORM, "--data", DATA, "-o", f"{tmp / 'notes.txt'}/"], 2,
        lambda tmp: [str(tmp / "notes.txt")]),
    "batch into a folder under a file": Case(
        lambda tmp: ["batch", "--form", FORM, "--input", tmp / "list.json", "-o", tmp / "notes.txt" / "b"], 2,
        lambda tmp: [str(tmp / "notes.txt")]),
    "data that is a folder": Case(
        lambda tmp: ["validate", FORM, "--data", tmp / "folder.json"], 2, lambda tmp: [str(tmp / "folder.json")]),
    "a case file that does not exist": Case(
        lambda tmp: ["bundle", tmp / "case.yaml", "-o", tmp / "case.pdf"], 2, lambda tmp: [str(tmp / "case.yaml")]),
    "data that is a list": Case(lambda tmp: ["validate", FORM, "--data", tmp / "list.json"], 2),
    "a damaged PDF to verify-barcode": Case(
        lambda tmp: ["verify-barcode", tmp / "broken.pdf"], 1, lambda tmp: ["broken.pdf"]),
}


def _run(lang: str, args: list, json_output: bool):
    fmt = ["--format", "json"] if json_output else []
    return CliRunner().invoke(main, [str(args[0]), "--message-lang", lang, *fmt, *map(str, args[1:])],
                              prog_name="kzcadastre-docs")


def _reader_text(result, json_output: bool) -> str:
    """What a person reads: the whole output, or the messages of the JSON error (or report)."""
    if not json_output:
        return result.output
    output = json.loads(result.stdout)
    error = output.get("error") or {"message": "", "problems": output["problems"]}  # validate's report
    return " ".join([error["message"], *(problem["message"] for problem in error.get("problems", []))])


@pytest.mark.parametrize("json_output", [False, True], ids=["text", "json"])
@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("name", list(CASES))
def test_a_clerks_bad_day_has_no_english(tmp_path, name, lang, json_output):
    case = CASES[name]
    _files(tmp_path)
    result = _run(lang, case.args(tmp_path), json_output)
    assert result.exit_code == case.status, result.output
    assert "Traceback" not in result.output
    text = _reader_text(result, json_output)
    for fact in case.facts(tmp_path):
        assert fact in text, (fact, text)
    assert english_words(text) == [], text


def test_the_same_cases_still_speak_english(tmp_path):
    """--message-lang en keeps saying what happened (the cases are not silenced into codes)."""
    _files(tmp_path)
    result = _run("en", CASES["render into a folder under a file"].args(tmp_path), False)
    assert "is a file, not a folder" in result.output, result.output
    result = _run("en", CASES["a damaged PDF to verify-barcode"].args(tmp_path), True)
    assert json.loads(result.stdout)["error"]["code"] == "barcode_not_found", result.output


def test_a_library_log_record_does_not_reach_the_terminal(tmp_path):
    """pypdf logs "EOF marker not found" when it reads a damaged PDF: not a line for the clerk."""
    _files(tmp_path)
    result = _run("ru", CASES["a damaged PDF to verify-barcode"].args(tmp_path), False)
    assert "EOF" not in result.output and result.output.count("\n") == 1, result.output


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_warnings_and_dates_in_a_clerks_language(tmp_path, lang):
    """An edition asked for against the document's date warns in the clerk's language, and dates in
    messages are written as in the documents (DD.MM.YYYY), as the clerk types them."""
    data = SAMPLES / "application-entry" / "apartment-astana.json"
    result = _run(lang, ["render", "application-entry", "--data", data, "--lang", lang, "-o", f"{tmp_path}/",
                         "--edition", "2026-01-22"], False)
    assert result.exit_code == 0, result.output
    document_date = json.loads(data.read_text(encoding="utf-8"))["document_date"]
    day, month, year = document_date.split("-")[::-1]
    assert f"{day}.{month}.{year}" in result.output and document_date not in result.output, result.output
    assert english_words(result.output) == [], result.output
    result = _run(lang, ["fee", "--service", "entry", "--object-type", "apartment", "--area", "80",
                         "--on", "01.01.2020"], False)
    assert result.exit_code == 2 and "01.01.2020" in result.output, result.output


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_ended_number_is_told_in_a_clerks_language(tmp_path, lang):
    """Why a number ended ("ceased") is a word of the clerk's language, and a rule's points are
    each named once."""
    register = tmp_path / "register.db"
    common = ["--register", register, "--date", "01.12.2026", "--specialist", "Ахметов А.", "--position", "specialist"]
    assert _run(lang, ["cadastral", "assign", "--land-plot", "21:320:013:003", *common], False).exit_code == 0
    first = _run(lang, ["cadastral", "retire", "21:320:013:003:1", *common], False)
    again = _run(lang, ["cadastral", "retire", "21:320:013:003:1", *common], False)
    assert first.exit_code == 0 and again.exit_code == 2, (first.output, again.output)
    for result in (first, again):
        assert "01.12.2026" in result.output and english_words(result.output) == [], result.output
    assert "7, 7" not in again.output, again.output


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_describe_names_the_kind_of_every_field(lang):
    """A field given by reference (an address, a cadastral number) has its kind named, not "?"."""
    import kzcadastre_docs as kz

    for form in (form for form in kz.forms() if form.model is not None):
        result = _run(lang, ["describe", form.slug], False)
        assert result.exit_code == 0, result.output
        kinds = [line.split()[1] for line in result.output.splitlines()
                 if line.startswith("    ") and len(line.split()) > 2]
        assert kinds and all("?" not in kind for kind in kinds), (form.slug, result.output)


@pytest.mark.parametrize("name", ["data that is a folder", "a case file that does not exist"])
def test_a_refused_file_gets_no_usage_banner(tmp_path, name):
    """A file that does not exist or is a folder is about the file, not about how the command was
    typed: one error line, no "Usage:" and no "--help" hint (exit 2 as before)."""
    _files(tmp_path)
    result = _run("ru", CASES[name].args(tmp_path), False)
    assert result.exit_code == 2
    assert result.output.startswith("Ошибка:") and "--help" not in result.output, result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
