"""The CLI through click's CliRunner: output, exit statuses, nothing half-written."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import kzcadastre_docs as kz
from kzcadastre_docs.cli import main

from .conftest import SAMPLES


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    return invoke


def test_forms_json_lists_annexes_with_provenance(run):
    result = run("forms", "--format", "json")
    assert result.exit_code == 0
    forms = json.loads(result.output)
    assert {"slug", "annex", "provenance", "languages"} <= set(forms[0])
    by_annex = {f["annex"]: f for f in forms if f["annex"]}
    assert sorted(by_annex) == list(range(1, 11))
    assert {f["provenance"] for f in by_annex.values()} == {"official-text"}
    assert (by_annex[5]["slug"], by_annex[6]["slug"]) == ("application-passport", "application-duplicate")
    assert by_annex[1]["languages"] == ["kk", "ru"]


def test_forms_table(run):
    result = run("forms")
    assert result.exit_code == 0 and "requirements-new-object" in result.output and "application-duplicate" in result.output


def test_describe_and_schema(run):
    result = run("describe", "annex-2")
    assert result.exit_code == 0
    assert "requirements-duplicate" in result.output and "document_date" in result.output
    schema = json.loads(run("schema", "requirements-duplicate").output)
    assert "branch" in schema["properties"]


def test_render_both_languages_into_a_folder(run, tmp_path):
    data = SAMPLES / "requirements-new-object" / "astana-branch.json"
    result = run("render", "annex-1", "--data", data, "--lang", "both", "-o", f"{tmp_path / 'out'}/")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "requirements-new-object.astana-branch.kk.docx", "requirements-new-object.astana-branch.ru.docx"]


def test_render_yaml_data_to_a_file(run, tmp_path):
    data = tmp_path / "d.yaml"
    data.write_text("branch: astana\ndocument_date: 2026-11-24\n", encoding="utf-8")
    result = run("render", "requirements-duplicate", "--data", data, "--lang", "ru", "-o", tmp_path / "x.docx")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "x.docx").read_bytes()[:2] == b"PK"


def test_existing_output_needs_force(run, tmp_path):
    data = SAMPLES / "requirements-duplicate" / "blank.json"
    target = tmp_path / "x.docx"
    target.write_bytes(b"keep me")
    result = run("render", "annex-2", "--data", data, "--lang", "kk", "-o", target)
    assert result.exit_code == 2 and "--force" in result.output
    assert target.read_bytes() == b"keep me"
    assert run("render", "annex-2", "--data", data, "--lang", "kk", "-o", target, "--force").exit_code == 0
    assert target.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize(
    ("content", "field"),
    [('{"document_date": "2026-02-30"}', "document_date"),
     ('{"branch": "a\\u0001b"}', "branch"),
     ('{"branch": 5}', "branch"),
     ('{"unknown": 1}', "unknown")],
)
def test_invalid_data_exits_2_names_the_field_and_writes_nothing(run, tmp_path, content, field):
    data = tmp_path / "d.json"
    data.write_text(content, encoding="utf-8")
    result = run("render", "annex-1", "--data", data, "-o", f"{tmp_path / 'out'}/")
    assert result.exit_code == 2
    assert f"{field}:" in result.output
    assert not (tmp_path / "out").exists()


def test_unreadable_data_file_exits_2(run, tmp_path):
    bad = tmp_path / "d.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run("render", "annex-1", "--data", bad, "-o", f"{tmp_path / 'o'}/")
    assert result.exit_code == 2 and "invalid JSON" in result.output
    result = run("render", "annex-1", "--data", tmp_path / "d.txt", "-o", f"{tmp_path / 'o'}/")
    assert result.exit_code == 2


@pytest.mark.parametrize("form", ["annex-5", "application-duplicate"])
def test_annexes_5_and_6_with_no_data_exit_2_naming_the_fields(run, tmp_path, form):
    data = tmp_path / "d.json"
    data.write_text("{}", encoding="utf-8")
    result = run("render", form, "--data", data, "-o", f"{tmp_path / 'o'}/")
    assert result.exit_code == 2
    assert "object_address" in result.output and "applicant" in result.output
    assert not (tmp_path / "o").exists()


def test_unknown_form_exits_2(run):
    result = run("describe", "annex-11")
    assert result.exit_code == 2 and "deleted" in result.output


def test_demo_renders_every_sample(run, tmp_path):
    result = run("demo", "--samples", SAMPLES, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.docx"))
    renderable = {form.slug for form in kz.forms() if form.renderable}
    expected = sorted(f"{case.parent.name}/{case.stem}.{lang}.docx" for case in SAMPLES.glob("*/*.json")
                      if case.parent.name in renderable for lang in ("kk", "ru"))
    assert written == expected
    validated_only = [case for case in SAMPLES.glob("*/*.json") if case.parent.name not in renderable]
    assert result.output.count("no template for") == len(validated_only)
    assert f"{len(expected)} document(s) written" in result.output
    bundles = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.zip"))
    assert bundles == [f"cases/{case.stem}.zip" for case in sorted(SAMPLES.glob("cases/*.yaml"))] != []
    again = run("demo", "--samples", SAMPLES, "-o", tmp_path)
    assert again.exit_code == 1 and "exists" in again.output  # nothing overwritten without --force


def test_python_dash_m_entry_point():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "kzcadastre_docs", "forms", "--format", "json"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and json.loads(result.stdout)
