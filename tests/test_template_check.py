"""The template check: shipped templates are clean; broken or mismatched ones are caught,
and an operator's templates are used only after the same check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import kzcadastre_docs as kz
from kzcadastre_docs.cli import main
from kzcadastre_docs.docx import Package, document_text
from kzcadastre_docs.rendering.engine import default_templates_dir
from kzcadastre_docs.forms.template_check import check_templates

from .conftest import SAMPLES
from .docx_fixtures import docx_with

SHIPPED = default_templates_dir()
CONCLUSION = json.loads((SAMPLES / "conclusion" / "apartment-astana.json").read_text(encoding="utf-8"))


def _operator_dir(tmp_path: Path, **templates: bytes) -> Path:
    """A templates folder holding the given files ("kk/conclusion.docx": bytes)."""
    for name, data in templates.items():
        path = tmp_path / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return tmp_path


def _edited(lang: str, slug: str, old: bytes, new: bytes) -> bytes:
    package = Package.read(SHIPPED / lang / f"{slug}.docx")
    xml = package.get("word/document.xml")
    assert old in xml, f"{old!r} not in the shipped template"
    return package.replaced({"word/document.xml": xml.replace(old, new, 1)}).to_bytes()


def test_shipped_templates_are_clean():
    assert check_templates() == []


def test_every_modelled_form_ships_both_languages():
    for form in kz.forms():
        if form.model is not None:
            assert form.languages == ("kk", "ru"), form.slug
            assert (SHIPPED / "kk" / f"{form.slug}.docx").is_file() and (SHIPPED / "ru" / f"{form.slug}.docx").is_file()


@pytest.mark.parametrize(("old", "new", "expected"), [
    (b"title_document.issuer", b"title_document.issue", "'issue' is not a field of title_document (TitleDocument)"),
    (b"{{ number }}", b"{{ nomer }}", "unknown variable 'nomer'"),
    (b"{{ row.item }}", b"{{ row.item.name }}", None),  # computed rows are not typed: accepted
    (b"inspection.date|official_date", b"inspection.date.year", "is a value (date), it has no field 'year'"),
    (b"{{ number }}", b"{{ number }", "not closed in its paragraph"),
    (b"{{ number }}", b"{{ num</w:t></w:r><w:r><w:t>ber }}", "is split across 2 runs"),
    (b"{%tr for row in rows %}", b"{%tr for row in rows %}{%p if x %}", "paragraph-level tags"),
    (b"{%tr endfor %}", b"{%tr endif %}", "tags do not parse"),
])
def test_broken_template_is_caught_with_file_and_location(tmp_path, old, new, expected):
    kk = _edited("kk", "conclusion", old, new)
    ru = _edited("ru", "conclusion", old, new)
    folder = _operator_dir(tmp_path, **{"kk__conclusion.docx": kk, "ru__conclusion.docx": ru})
    problems = check_templates(folder)
    if expected is None:
        assert problems == []
        return
    assert problems, "the check found nothing"
    assert all(p.file in ("kk/conclusion.docx", "ru/conclusion.docx") for p in problems)
    assert any(expected in p.message for p in problems), [str(p) for p in problems]
    assert all(p.location.startswith("word/document.xml") for p in problems)


def test_kk_and_ru_reading_different_data_is_caught(tmp_path):
    kk = _edited("kk", "conclusion", b"{{ branch }}", b"{{ branch }} {{ land_plot_cadastral_number }}")
    folder = _operator_dir(tmp_path, **{"kk__conclusion.docx": kk,
                                        "ru__conclusion.docx": (SHIPPED / "ru" / "conclusion.docx").read_bytes()})
    problems = check_templates(folder)
    assert [p.file for p in problems] == ["kk/conclusion.docx"]
    assert problems[0].message.startswith("reads land_plot_cadastral_number, which ru/conclusion.docx does not")


def test_files_that_are_not_templates_of_a_form(tmp_path):
    folder = _operator_dir(tmp_path, **{
        "kk__annex-3.docx": (SHIPPED / "kk" / "conclusion.docx").read_bytes(),
        "kk__reserved-annex-5.docx": (SHIPPED / "kk" / "conclusion.docx").read_bytes(),  # no such form now
        "ru__conclusion.docx": b"not a zip",
        "stray.docx": b"",
    })
    messages = {p.file: p.message for p in check_templates(folder)}
    assert "name the file conclusion.docx" in messages["kk/annex-3.docx"]
    assert "is not a form" in messages["kk/reserved-annex-5.docx"]
    assert "does not open as a DOCX" in messages["ru/conclusion.docx"]
    assert "kk/ or ru/" in messages["stray.docx"]


def test_a_template_made_in_word_with_split_tags_is_reported(tmp_path):
    package = docx_with(["{{ applicant.", "iin }}"])
    folder = _operator_dir(tmp_path, **{"kk__notice-refusal.docx": package.to_bytes()})
    problems = check_templates(folder)
    assert any("split across 2 runs" in p.message for p in problems)


# --- the CLI and rendering with an operator's templates ---

@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args, **kw: runner.invoke(main, [str(a) for a in args], catch_exceptions=False, **kw)


def test_cli_check_templates_exit_statuses(run, tmp_path):
    clean = run("check-templates")
    assert clean.exit_code == 0 and "all templates fit" in clean.output
    broken = _operator_dir(tmp_path, **{"kk__conclusion.docx": _edited("kk", "conclusion", b"title_document.issuer", b"title_document.issue")})
    result = run("check-templates", "--templates", broken, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["problems"][0]["file"] == "kk/conclusion.docx" and "issue" in report["problems"][0]["message"]


def test_render_uses_the_operators_template_after_the_check(run, tmp_path):
    own = _edited("kk", "conclusion", b"{{ branch }}", b"OPERATOR FORM {{ branch }}")
    folder = _operator_dir(tmp_path / "tpl", **{"kk__conclusion.docx": own})
    data = tmp_path / "data.json"
    data.write_text(json.dumps(CONCLUSION, ensure_ascii=False), encoding="utf-8")
    result = run("render", "conclusion", "--data", data, "--lang", "kk", "-o", tmp_path / "out.docx",
                 "--templates", folder)
    assert result.exit_code == 0, result.output
    package = Package.read(tmp_path / "out.docx")
    assert "OPERATOR FORM" in document_text(package)
    # Its properties say whose template it is; the page itself carries no such line.
    assert "Нысан үлгісін оператор ұсынды." in package.get("docProps/core.xml").decode()
    assert "Нысан үлгісін оператор ұсынды." not in document_text(package)
    assert "operator's template" in result.output
    # A form the folder lacks uses the shipped template (and says it is reconstructed).
    shipped = kz.render("conclusion", CONCLUSION, "ru", templates_dir=folder)
    assert "OPERATOR FORM" not in document_text(Package.from_bytes(shipped))


def test_render_refuses_a_broken_operator_template_and_writes_nothing(run, tmp_path, monkeypatch):
    folder = _operator_dir(tmp_path / "tpl", **{"kk__conclusion.docx": _edited("kk", "conclusion", b"title_document.issuer", b"title_document.issue")})
    data = tmp_path / "data.json"
    data.write_text(json.dumps(CONCLUSION, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("KZCADASTRE_TEMPLATES", str(folder))  # the environment variable, not the option
    result = run("render", "conclusion", "--data", data, "--lang", "kk", "-o", tmp_path / "out.docx")
    assert result.exit_code == 2
    assert "issue" in result.output and "nothing was rendered" in result.output
    assert not (tmp_path / "out.docx").exists()
    with pytest.raises(kz.TemplateCheckError):
        kz.render("conclusion", CONCLUSION, "kk", templates_dir=folder)
