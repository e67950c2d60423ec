"""Errors that come from below the library's own checks (an operator's template over a limit,
a template file that is not a DOCX, a barcode that does not read, a broken operator branches
file) reach a kk or ru clerk in their language, with no English (issue 19)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kzcadastre_docs.cli import main
from kzcadastre_docs.docx import Package
from kzcadastre_docs.rendering.engine import default_templates_dir

from .conftest import SAMPLES
from .test_cli_language import english_words as _english_words

FORM = "notice-data-entered"
DATA = SAMPLES / FORM / "apartment-astana.json"
#: Names a clerk meets as they are: the template function range(), the barcode format KZCP1,
#: the data key "branch" and the branch codes of the data and of the operator's file.
CODES = {"range", "KZCP", "branch", "astana", "shymkent"}


def english_words(text: str) -> list[str]:
    return [word for word in _english_words(text) if word not in CODES]


LANGS = pytest.mark.parametrize("lang", ["kk", "ru"])


def _run(lang, *args, env=None):
    return CliRunner().invoke(main, [args[0], "--message-lang", lang, *map(str, args[1:])], env=env)


def _templates(tmp_path, lang, content: bytes):
    folder = tmp_path / "tpl"
    (folder / lang).mkdir(parents=True)
    (folder / lang / f"{FORM}.docx").write_bytes(content)
    return folder


def _with_tag(lang, tag: str) -> bytes:
    package = Package.read(default_templates_dir() / lang / f"{FORM}.docx")
    xml = package.get("word/document.xml")
    assert b"{{ number }}" in xml
    return package.replaced({"word/document.xml": xml.replace(b"{{ number }}", tag.encode("utf-8"), 1)}).to_bytes()


@LANGS
def test_an_operator_template_over_a_limit_is_refused_in_the_clerks_language(tmp_path, lang):
    data = json.loads(DATA.read_text(encoding="utf-8"))
    data["number"] = "7" * 40
    data_file = tmp_path / "data.json"
    data_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    folder = _templates(tmp_path, lang, _with_tag(lang, "{{ range(number|int)|length }}"))
    result = _run(lang, "render", FORM, "--data", data_file, "--lang", lang, "-o", tmp_path / "out.docx",
                  "--templates", folder)
    assert result.exit_code == 1, result.output
    assert "range()" in result.output and "10000" in result.output
    assert english_words(result.output) == [], result.output
    assert not (tmp_path / "out.docx").exists()


@LANGS
def test_a_template_that_is_not_a_docx_is_refused_in_the_clerks_language(tmp_path, lang):
    folder = _templates(tmp_path, lang, b"not a zip file at all")
    result = _run(lang, "render", FORM, "--data", DATA, "--lang", lang, "-o", tmp_path / "out.docx",
                  "--templates", folder)
    assert result.exit_code == 2, result.output
    assert "DOCX" in result.output and "zip" in result.output
    assert english_words(result.output) == [], result.output


@LANGS
@pytest.mark.parametrize("content", [b"not a picture", None], ids=["not a picture", "blank picture"])
def test_a_barcode_that_does_not_read_is_reported_in_the_clerks_language(tmp_path, lang, content):
    picture = tmp_path / "scan.png"
    if content is None:
        from PIL import Image

        Image.new("L", (100, 100), 255).save(picture)
    else:
        picture.write_bytes(content)
    result = _run(lang, "verify-barcode", picture)
    assert result.exit_code == 1, result.output
    assert "scan.png" in result.output
    assert english_words(result.output) == [], result.output


@LANGS
@pytest.mark.parametrize("branches", ["terms:\n  shymkent: {kk: \"Шымкент\"}\n", "terms: [unclosed\n", None],
                         ids=["a term without ru", "not yaml", "no such file"])
def test_a_broken_branches_file_is_reported_in_the_clerks_language(tmp_path, lang, branches):
    path = tmp_path / "branches.yaml"
    if branches is not None:
        path.write_text(branches, encoding="utf-8")
    data = SAMPLES / "notice-refusal" / "business-centre-astana.json"
    result = _run(lang, "validate", "notice-refusal", "--data", data, env={"KZCADASTRE_BRANCHES": str(path)})
    assert result.exit_code == 2, result.output
    assert "KZCADASTRE_BRANCHES" in result.output and str(path) in result.output
    assert english_words(result.output) == [], result.output
