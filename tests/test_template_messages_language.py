"""What an operator's template and `check-templates` say reaches a kk or ru clerk in their
language (issue 19): the check's problems, lxml's and Jinja's reasons (syntax errors,
undefined values, the sandbox) become catalogue messages with the facts (file, line, name)
and no English; programs get a stable code per problem and Jinja's or lxml's own text in
`detail`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from lxml import etree

from kzcadastre_docs.cli import main
from kzcadastre_docs.docx import Package
from kzcadastre_docs.forms import template_check
from kzcadastre_docs.rendering.engine import default_templates_dir

from .conftest import SAMPLES
from .test_cli_json import schema_for
from .test_cli_language import english_words as _english_words

SHIPPED = default_templates_dir()
FORM = "notice-data-entered"
DATA = SAMPLES / FORM / "apartment-astana.json"
#: Words a template author writes and the messages quote as they are: Jinja's tags, data
#: names, filter names, the template function range().
CODES = {"if", "elif", "else", "endif", "for", "in", "endfor", "include", "loop", "number", "nomer", "issue",
         "issuer", "name", "date", "nonsense", "nofilter", "attr", "range", "branch", "official", "set",
         "XML", "Word"}  # a format and a program, named as they are
LANGS = pytest.mark.parametrize("lang", ["kk", "ru"])
LINE = {"kk": r"(\d+)-жол", "ru": r"строка (\d+)"}


def english_words(text: str) -> list[str]:
    return [word for word in _english_words(text) if word not in CODES]


def _run(lang, *args, env=None):
    return CliRunner().invoke(main, [args[0], "--message-lang", lang, *map(str, args[1:])], env=env)


def _edited(lang: str, slug: str, old: bytes, new: bytes) -> bytes:
    package = Package.read(SHIPPED / lang / f"{slug}.docx")
    xml = package.get("word/document.xml")
    assert old in xml, f"{old!r} not in the shipped template"
    return package.replaced({"word/document.xml": xml.replace(old, new, 1)}).to_bytes()


def _folder(tmp_path: Path, files: dict[str, bytes]) -> Path:
    folder = tmp_path / "tpl"
    folder.mkdir()
    for name, content in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    return folder


BAD_XML = (b"<w:body>", b"<w:body><w:p>")


def _xml_error_position(lang: str) -> tuple[int, int]:
    xml = Package.read(SHIPPED / lang / f"{FORM}.docx").get("word/document.xml").replace(*BAD_XML, 1)
    with pytest.raises(etree.XMLSyntaxError) as info:
        etree.fromstring(xml)
    return info.value.position


def _utf16(lang: str) -> bytes:
    package = Package.read(SHIPPED / lang / f"{FORM}.docx")
    xml = package.get("word/document.xml").decode("utf-8").replace("'UTF-8'", "'UTF-16'")
    return package.replaced({"word/document.xml": xml.encode("utf-16")}).to_bytes()


def _tag(lang: str, tag: str, slug: str = FORM, old: bytes = b"{{ number }}") -> bytes:
    return _edited(lang, slug, old, tag.encode("utf-8"))


#: (files of the folder, the facts the report must name, the codes of the problems)
CHECK_CASES = {
    "bad xml": (lambda lang: {f"{lang}/{FORM}.docx": _edited(lang, FORM, *BAD_XML)},
                lambda lang: [f"{lang}/{FORM}.docx", "word/document.xml", *map(str, _xml_error_position(lang))],
                {"xml_not_well_formed"}),
    "not utf-8": (lambda lang: {f"{lang}/{FORM}.docx": _utf16(lang)},
                  lambda lang: [f"{lang}/{FORM}.docx", "word/document.xml", "UTF-8"], {"not_utf8"}),
    "unknown variable": (lambda lang: {f"{lang}/{FORM}.docx": _tag(lang, "{{ nomer }}")},
                         lambda lang: ["'nomer'", "{{ nomer }}"], {"unknown_variable"}),
    "wrong field": (lambda lang: {f"{lang}/conclusion.docx": _edited(lang, "conclusion", b"title_document.issuer",
                                                                    b"title_document.issue")},
                    lambda lang: ["'issue'", "title_document", "issuer"], {"unknown_field"}),
    "loop over a value": (lambda lang: {f"{lang}/{FORM}.docx":
                                        _tag(lang, "{% for c in number %}{{ c.x }}{% endfor %}")},
                          lambda lang: ["number"], {"not_a_list"}),
    "field of a value": (lambda lang: {f"{lang}/{FORM}.docx": _tag(lang, "{{ number.x }}")},
                         lambda lang: ["'x'", "{{ number.x }}"], {"not_an_object"}),
    "split and open tags": (lambda lang: {f"{lang}/{FORM}.docx": _tag(lang, "{{ num</w:t></w:r><w:r><w:t>ber }} {# a")},
                            lambda lang: ["'{{ number }}'", "'{#'", "#}"], {"tag_split", "tag_not_closed", "syntax"}),
    "syntax error": (lambda lang: {f"{lang}/{FORM}.docx": _tag(lang, "{% if number %}{{ number }}")},
                     lambda lang: ["'if'", "endif"], {"syntax"}),
    "not allowed": (lambda lang: {f"{lang}/{FORM}.docx": _tag(lang, "{{ number.__class__ }}{% include 'x' %}"
                                                                    "{{ range(100000)|length }}")},
                    lambda lang: ["'__class__'", "{% include %}", "100000", "10000"],
                    {"not_allowed", "over_limit", "not_an_object"}),
    "bad names and places": (lambda lang: {"stray.docx": b"",
                                           f"{lang}/annex-3.docx": (SHIPPED / lang / "conclusion.docx").read_bytes(),
                                           f"{lang}/nonsense.docx": b"", f"{lang}/conclusion.docx": b"not a zip"},
                             lambda lang: ["stray.docx", "kk/", "ru/", "conclusion.docx", "'nonsense'",
                                           "notice-refusal",
                                           "DOCX", "zip"],
                             {"misplaced_file", "annex_number_name", "unknown_form", "not_docx"}),
    "kk and ru differ": (lambda lang: {"kk/conclusion.docx": _edited("kk", "conclusion", b"{{ branch }}",
                                                                     b"{{ branch }} {{ land_plot_cadastral_number }}"),
                                       "ru/conclusion.docx": (SHIPPED / "ru" / "conclusion.docx").read_bytes()},
                         lambda lang: ["kk/conclusion.docx", "land_plot_cadastral_number", "ru/conclusion.docx"],
                         {"languages_differ"}),
}


@LANGS
@pytest.mark.parametrize("case", sorted(CHECK_CASES))
def test_check_templates_speaks_the_clerks_language(tmp_path, lang, case):
    files, facts, codes = CHECK_CASES[case]
    folder = _folder(tmp_path, files(lang))
    result = _run(lang, "check-templates", "--templates", folder)
    assert result.exit_code == 1, result.output
    for fact in facts(lang):
        assert fact in result.output, (fact, result.output)
    assert english_words(result.output) == [], result.output

    as_json = _run(lang, "check-templates", "--templates", folder, "--format", "json")
    assert as_json.exit_code == 1, as_json.output
    report = json.loads(as_json.output)
    jsonschema.validate(report, schema_for("check-templates"))
    problems = report["problems"]
    assert {problem["code"] for problem in problems} == codes
    for problem in problems:
        assert english_words(problem["message"] + " " + problem["location"]) == [], problem


@LANGS
def test_the_xml_reason_gives_line_and_column_and_keeps_lxml_for_programs(tmp_path, lang):
    folder = _folder(tmp_path, {f"{lang}/{FORM}.docx": _edited(lang, FORM, *BAD_XML)})
    line, column = _xml_error_position(lang)
    result = _run(lang, "check-templates", "--templates", folder)
    assert re.search(LINE[lang], result.output).group(1) == str(line)
    assert str(column) in result.output and "mismatch" not in result.output
    problem = json.loads(_run(lang, "check-templates", "--templates", folder, "--format", "json").output)["problems"][0]
    assert "Opening and ending tag mismatch" in problem["detail"]  # lxml's own words, for programs
    english = _run("en", "check-templates", "--templates", folder)
    assert "Opening and ending tag mismatch" in english.output and f"line {line}, column {column}" in english.output


@LANGS
@pytest.mark.parametrize("where", ["a folder that does not exist", "a shipped folder missing templates"])
def test_folder_level_problems_speak_the_clerks_language(tmp_path, lang, where, monkeypatch):
    if where == "a folder that does not exist":
        result = _run(lang, "check-templates", "--templates", tmp_path / "nowhere")
        assert str(tmp_path / "nowhere") in result.output
    else:
        shipped = tmp_path / "shipped"
        (shipped / "kk").mkdir(parents=True)
        (shipped / "ru").mkdir()
        monkeypatch.setattr(template_check, "default_templates_dir", lambda: shipped)
        result = _run(lang, "check-templates", env={"KZCADASTRE_TEMPLATES": ""})
        assert "kk/conclusion.docx" in result.output and "ru/notice-refusal.docx" in result.output
    assert result.exit_code == 1, result.output
    assert english_words(result.output) == [], result.output


# -- rendering with an operator's template: the check, and Jinja's own errors -------------------

def _render(lang, tmp_path, tag: str, *extra, document: str | None = None):
    document = document or lang
    folder = _folder(tmp_path, {f"{document}/{FORM}.docx": _tag(document, tag)})
    return _run(lang, "render", FORM, "--data", DATA, "--lang", document, "-o", tmp_path / "out.docx",
                "--templates", folder, *extra)


#: tag -> (exit status, facts); 2: the check refuses the template, 1: Jinja fails while rendering.
RENDER_CASES = {
    "syntax: a block left open": ("{% if number %}{{ number }}", 2, ["'if'", "endif"]),
    "syntax: a stray brace": ("{{ number }", 2, ["'}'", "{{ number }"]),
    "syntax: an unknown tag": ("{% nomer %}", 2, ["'nomer'"]),
    "undefined: not in the data": ("{{ nomer }}", 2, ["'nomer'"]),
    "undefined: while rendering": ("{{ loop.index }}", 1, ["'loop'"]),
    "unsafe: seen by the check": ("{{ number.__class__ }}", 2, ["'__class__'"]),
    "unsafe: seen by the sandbox": ("{% set a = '__cla' ~ 'ss__' %}{{ number|attr(a) }}", 1, ["'__class__'"]),
    "an unknown filter": ("{{ number|nofilter }}", 1, ["'nofilter'"]),
    # Python's own errors from the template's expressions: the template's fault, not an unexpected failure.
    "an expression on the wrong values": ("{{ number + 1 }}", 1, ["{{ number + 1 }}"]),
    "a division by zero": ("{{ (number|int) / 0 }}", 1, ["/ 0"]),
}


@LANGS
@pytest.mark.parametrize("case", sorted(RENDER_CASES))
def test_a_broken_operator_template_is_refused_in_the_clerks_language(tmp_path, lang, case):
    tag, status, facts = RENDER_CASES[case]
    result = _render(lang, tmp_path, tag)
    assert result.exit_code == status, result.output
    for fact in facts:
        assert fact in result.output, (fact, result.output)
    assert re.search(LINE[lang], result.output), result.output  # the line of the template part
    assert english_words(result.output) == [], result.output
    assert not (tmp_path / "out.docx").exists()


@LANGS
def test_a_template_error_gives_programs_its_line_and_jinjas_text(tmp_path, lang):
    result = _render(lang, tmp_path, "{{ loop.index }}", "--format", "json")
    assert result.exit_code == 1
    jsonschema.validate(json.loads(result.output), schema_for("error"))
    error = json.loads(result.output)["error"]
    assert error["code"] == "template_error" and isinstance(error["line"], int) and error["part"] == "word/document.xml"
    assert error["detail"] == "'loop' is undefined"  # Jinja's own text
    assert str(error["line"]) in error["message"] and english_words(error["message"]) == []


@LANGS
def test_a_refused_operator_template_lists_its_problems_with_codes(tmp_path, lang):
    result = _render(lang, tmp_path, "{{ nomer }}{% if number %}", "--format", "json")
    assert result.exit_code == 2
    jsonschema.validate(json.loads(result.output), schema_for("error"))
    error = json.loads(result.output)["error"]
    assert error["code"] == "template_check"
    assert [problem["code"] for problem in error["template_problems"]] == ["syntax"]
    assert "Unexpected end of template" in error["template_problems"][0]["detail"]  # Jinja's own text
    assert english_words(error["message"]) == []


def test_english_keeps_pythons_reason_for_an_expression(tmp_path):
    result = _render("en", tmp_path, "{{ number + 1 }}", document="kk")
    assert result.exit_code == 1
    assert "does not work on its values: TypeError: can only concatenate str" in result.output
    assert "unexpected failure" not in result.output


def test_english_keeps_jinjas_facts():
    from jinja2 import Environment

    from kzcadastre_docs.rendering.jinja_messages import explain

    def said(source):
        try:
            Environment().parse(source)
        except Exception as exc:  # noqa: BLE001 - the error is what is looked at
            return explain(exc, source).message().describe("en")
        raise AssertionError("parsed")

    assert said("{% for a in b %}") == ("line 1: the template ends while the tag 'for' is open: it needs endfor, else "
                                        "(near: '{% for a in b %}')")
    assert said("x\n{{ a $ b }}") == "line 2: the character '$' cannot be used in a tag (near: '{{ a $ b }}')"
    assert said("{{ a) }}").startswith("line 1: ')' is out of place")
    # What no pattern knows is said in general words, with Jinja's own text after it in English.
    assert said("{{ a(b=1, c) }}").startswith("line 1: the arguments of a call are not written correctly")
    assert said("{% macro m(a=1, b) %}{% endmacro %}") == (
        "line 1: a tag is not written correctly: non-default argument follows default argument "
        "(near: '{% macro m(a=1, b) %}{% endmacro %}')")


@LANGS
@pytest.mark.parametrize(("tag", "fact"), [("{{ loop.index }}", "'loop'"), ("{{ number.x }}", "'x'")],
                         ids=["fails while rendering", "fails the check"])
def test_a_batch_reports_a_broken_operator_template_in_the_clerks_language(tmp_path, lang, tag, fact):
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(json.loads(DATA.read_text(encoding="utf-8")), ensure_ascii=False) + "\n",
                       encoding="utf-8")
    folder = _folder(tmp_path, {f"{lang}/{FORM}.docx": _tag(lang, tag)})
    result = _run(lang, "batch", "--form", FORM, "--input", records, "-o", tmp_path / "out", "--lang", lang,
                  "--templates", folder, "--jobs", 2)
    assert result.exit_code == 1, result.output
    row = json.loads((tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8"))
    assert fact in row["message"] and re.search(LINE[lang], row["message"]), row
    assert english_words(row["message"]) == [], row
