"""--allow-fallback on every command that makes documents (render, batch, bundle, demo): a
text given in the other language only is refused unless asked for, and then printed with a
warning naming the field, in the clerk's language (issue 19)."""

from __future__ import annotations

import json
import re
import zipfile

import pytest
from click.testing import CliRunner

from kzcadastre_docs.cli import main

from .conftest import SAMPLES
from .test_cli_language import english_words as _english_words

FORM = "notice-refusal"
SAMPLE = SAMPLES / FORM / "business-centre-astana.json"
LANGS = pytest.mark.parametrize("lang", ["kk", "ru"])
#: The data key the warning names, as the data file writes it.
CODES = {"reasons"}


def english_words(text: str) -> list[str]:
    return [word for word in _english_words(text) if word not in CODES]


def _kazakh_only() -> dict:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["reasons"] = {"kk": data["reasons"]["kk"]}
    return data


def _run(lang, *args):
    return CliRunner().invoke(main, [args[0], "--message-lang", lang, *map(str, args[1:])])


@LANGS
def test_batch_refuses_a_missing_text_and_prints_it_with_allow_fallback(tmp_path, lang):
    records = tmp_path / "in.jsonl"
    records.write_text(json.dumps(_kazakh_only(), ensure_ascii=False) + "\n", encoding="utf-8")
    refused = _run(lang, "batch", "--form", FORM, "--input", records, "-o", tmp_path / "a", "--lang", "ru")
    assert refused.exit_code == 1, refused.output
    rows = [json.loads(line) for line in (tmp_path / "a" / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(row["field"], row["rule"]) for row in rows] == [("reasons", "missing_language")]
    assert not list((tmp_path / "a").glob("*.docx"))

    result = _run(lang, "batch", "--form", FORM, "--input", records, "-o", tmp_path / "b", "--lang", "ru",
                  "--allow-fallback")
    assert result.exit_code == 0, result.output
    assert [path.name.endswith(".ru.docx") for path in (tmp_path / "b").glob("*.docx")] == [True]
    assert (tmp_path / "b" / "errors.jsonl").read_text(encoding="utf-8") == ""
    assert result.stderr.count("reasons") == 1 and "[language_fallback]" in result.stderr
    assert english_words(result.output) == []


@LANGS
def test_batch_json_lists_the_fallbacks(tmp_path, lang):
    records = tmp_path / "in.jsonl"
    records.write_text(json.dumps(_kazakh_only(), ensure_ascii=False) + "\n", encoding="utf-8")
    result = _run(lang, "batch", "--form", FORM, "--input", records, "-o", tmp_path / "b", "--lang", "ru",
                  "--allow-fallback", "--format", "json")
    assert result.exit_code == 0, result.output
    warnings = json.loads(result.stdout)["warnings"]
    assert [(w["record"], w["field"], w["rule"]) for w in warnings] == [(1, "reasons", "language_fallback")]
    assert english_words(warnings[0]["message"]) == []


def _case(tmp_path, data: dict) -> str:
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"case_number": "03-2026-000001", "lang": "ru",
                                "documents": [{"form": FORM, "data": data}]}, ensure_ascii=False), encoding="utf-8")
    return case


@LANGS
def test_bundle_refuses_a_missing_text_and_prints_it_with_allow_fallback(tmp_path, lang):
    case = _case(tmp_path, _kazakh_only())
    refused = _run(lang, "bundle", case, "--docx-zip", "-o", tmp_path / "a.zip")
    assert refused.exit_code == 2, refused.output
    assert "reasons" in refused.output and not (tmp_path / "a.zip").exists()

    result = _run(lang, "bundle", case, "--docx-zip", "-o", tmp_path / "b.zip", "--allow-fallback")
    assert result.exit_code == 0, result.output
    assert zipfile.ZipFile(tmp_path / "b.zip").namelist() == [f"01-{FORM}.ru.docx"]
    assert "documents[0].data.reasons" in result.stderr and "[language_fallback]" in result.stderr
    assert english_words(result.output) == []


@LANGS
def test_demo_refuses_a_missing_text_and_prints_it_with_allow_fallback(tmp_path, lang):
    samples = tmp_path / "samples"
    (samples / FORM).mkdir(parents=True)
    (samples / FORM / "one.json").write_text(json.dumps(_kazakh_only(), ensure_ascii=False), encoding="utf-8")
    refused = _run(lang, "demo", "--samples", samples, "-o", tmp_path / "a")
    assert refused.exit_code == 1, refused.output
    assert "reasons" in refused.stderr and not (tmp_path / "a" / FORM / "one.ru.docx").exists()

    result = _run(lang, "demo", "--samples", samples, "-o", tmp_path / "b", "--allow-fallback")
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in (tmp_path / "b" / FORM).iterdir()) == ["one.kk.docx", "one.ru.docx"]
    assert result.stderr.count("[language_fallback]") == 1 and "reasons" in result.stderr
    assert english_words(result.output) == []


@pytest.mark.parametrize("command", ["render", "batch", "bundle", "demo"])
@LANGS
def test_every_document_command_has_allow_fallback_in_the_clerks_language(command, lang):
    result = _run(lang, command, "--help")
    assert result.exit_code == 0, result.output
    option = re.search(r"^ +--allow-fallback +(.+?)(?=^ +-)", result.output, re.M | re.S)
    assert option is not None, result.output
    assert english_words(option.group(1)) == [] and len(option.group(1).split()) > 4


def test_sample_is_bilingual():
    """The tests above take the sample's Russian text away: it must have one to take."""
    assert set(json.loads(SAMPLE.read_text(encoding="utf-8"))["reasons"]) == {"kk", "ru"}
