"""Operator templates are bounded: the check refuses what would run away, the sandbox caps
what it cannot see, rendering has a time and size limit, template files are read within
limits (issue 16, item 4). Each case of the issue is a test here."""

from __future__ import annotations

import io
import json
import os
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import kzcadastre_docs as kz
from kzcadastre_docs.cli import main
from kzcadastre_docs.docx import Package
from kzcadastre_docs.forms.template_check import check_templates
from kzcadastre_docs.rendering import limits
from kzcadastre_docs.rendering.engine import default_templates_dir
from kzcadastre_docs.rendering.environment import make_environment
from kzcadastre_docs.rendering.template import PreparedTemplate

from .conftest import SAMPLES

SHIPPED = default_templates_dir()
FORM = "notice-data-entered"
DATA = json.loads((SAMPLES / FORM / "apartment-astana.json").read_text(encoding="utf-8"))


def _template(tag: str) -> bytes:
    """The shipped kk template of FORM with `tag` in place of its first {{ number }}."""
    package = Package.read(SHIPPED / "kk" / f"{FORM}.docx")
    xml = package.get("word/document.xml")
    assert b"{{ number }}" in xml
    return package.replaced({"word/document.xml": xml.replace(b"{{ number }}", tag.encode("utf-8"), 1)}).to_bytes()


def _folder(tmp_path: Path, content: bytes | None = None) -> Path:
    folder = tmp_path / "tpl"
    (folder / "kk").mkdir(parents=True)
    if content is not None:
        (folder / "kk" / f"{FORM}.docx").write_bytes(content)
    return folder


HOSTILE = {
    "nested ranges": "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
    "nested smaller ranges": "{% for a in range(5000) %}{% for b in range(5000) %}x{% endfor %}{% endfor %}",
    "power tower": "{{ 9 ** (9 ** 9) }}",
    "power of names": "{% set n = 9 %}{{ n ** (n ** n) }}",
    "string repetition": "{{ 'a' * 10 ** 9 }}",
    "string repetition by a big constant": "{{ 'a' * 1000000000 }}",
    "center": "{{ number|center(2000000000) }}",
    "lipsum": "{{ lipsum(n=1000000) }}",
    "include": "{% include 'word/styles.xml' %}",
    "import": "{% import 'x' as y %}",
    "extends": "{% extends 'x' %}",
    "dunder": "{{ number.__class__.__mro__ }}",
    "format method": "{{ '{0.__class__}'.format(number) }}",
    "attr filter": "{{ number|attr('__class__') }}",
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_check_templates_refuses_every_hostile_template_quickly(tmp_path, case):
    folder = _folder(tmp_path, _template(HOSTILE[case]))
    started = time.monotonic()
    problems = check_templates(folder)
    assert problems, case
    assert time.monotonic() - started < 10
    result = CliRunner().invoke(main, ["check-templates", "--templates", str(folder)])
    assert result.exit_code == 1 and "Traceback" not in result.output


@pytest.mark.parametrize("case", ["include", "power tower", "lipsum"])
def test_render_refuses_a_hostile_template_before_rendering(tmp_path, case):
    folder = _folder(tmp_path, _template(HOSTILE[case]))
    data = tmp_path / "data.json"
    data.write_text(json.dumps(DATA, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["render", FORM, "--data", str(data), "--lang", "kk", "-o",
                                       str(tmp_path / "out.docx"), "--templates", str(folder)])
    assert result.exit_code == 2 and "nothing was rendered" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not (tmp_path / "out.docx").exists()


# -- the sandbox, for what the check cannot see (values that come from the data) ------------------

def _render(source: str, context: dict, *, bounded: bool = True) -> str:
    env = make_environment()
    xml = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           f"<w:p><w:r><w:t>{source}</w:t></w:r></w:p></w:body></w:document>").encode("utf-8")
    package = Package((("[Content_Types].xml", b"<Types/>"), ("word/document.xml", xml)))
    template = PreparedTemplate(package, env, "t", bounded=bounded)
    return template.render_parts(dict(context, lang="kk"))["word/document.xml"].decode("utf-8")


@pytest.mark.parametrize(("source", "context", "message"), [
    ("{{ range(n)|length }}", {"n": 10 ** 6}, r"range\(\) of more than"),
    ("{{ 'a' * n }}", {"n": 10 ** 9}, "'*' would build"),
    ("{{ [1] * n }}", {"n": 10 ** 9}, "'*' would build"),
    ("{{ n ** n }}", {"n": 10 ** 6}, "exponent above"),
    ("{{ s|center(n) }}", {"s": "x", "n": 2 * 10 ** 9}, "width"),
    ("{{ s|indent(n) }}", {"s": "x\ny", "n": 2 * 10 ** 9}, "width"),
    ("{{ '%*s'|format(n, s) if false else ('%' ~ n ~ 's')|format(s) }}", {"s": "x", "n": 10 ** 9}, "width"),
])
def test_the_sandbox_caps_values_the_check_cannot_see(source, context, message):
    with pytest.raises(kz.TemplateError, match=message):
        _render(source, context)


def test_a_render_that_runs_too_long_is_stopped(monkeypatch):
    monkeypatch.setattr(limits, "RENDER_SECONDS", 1.0)
    source = "{% for a in range(n) %}{% for b in range(n) %}{% endfor %}{% endfor %}"
    started = time.monotonic()
    with pytest.raises(kz.TemplateError, match="longer than 1 s"):
        _render(source, {"n": 10000})
    assert time.monotonic() - started < 10


def test_a_macro_that_doubles_its_output_is_stopped(monkeypatch):
    monkeypatch.setattr(limits, "RENDER_SECONDS", 1.0)
    source = "{% macro f(k) %}{% if k %}{{ f(k - 1) }}{{ f(k - 1) }}{% else %}x{% endif %}{% endmacro %}{{ f(n) }}"
    with pytest.raises(kz.TemplateError, match="longer than|characters"):
        _render(source, {"n": 40})


def test_text_doubled_in_a_loop_is_stopped():
    source = ("{% set ns = namespace(s='ab') %}{% for i in range(n) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
              "{{ ns.s|length }}")
    with pytest.raises(kz.TemplateError, match="'~' would build"):
        _render(source, {"n": 40})


def test_the_limits_leave_a_fair_template_alone():
    assert _render("{% for i in range(3) %}{{ i * 2 }}{{ 'ab' * 2 }}{{ 2 ** 3 }}{% endfor %}", {}) .count("abab") == 3


# -- template files --------------------------------------------------------------------------

def test_a_zip_bomb_part_is_refused_without_unpacking(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/big.bin", b"\0" * (40 * 1024 * 1024))
    assert len(buffer.getvalue()) < 1024 * 1024
    folder = _folder(tmp_path, buffer.getvalue())
    problems = check_templates(folder)
    assert any("zip bomb" in problem.message for problem in problems)


def test_a_part_declared_larger_than_the_limit_is_refused(monkeypatch):
    from kzcadastre_docs.docx import package as package_module

    monkeypatch.setattr(package_module, "MAX_PART", 1000)
    data = Package((("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"x" * 5000))).to_bytes()
    with pytest.raises(package_module.PackageError, match="unpacks to 5000 bytes"):
        Package.from_bytes(data)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_template_that_is_a_device_is_refused_unread(tmp_path):
    folder = _folder(tmp_path)
    (folder / "kk" / f"{FORM}.docx").symlink_to("/dev/zero")
    problems = check_templates(folder)
    assert problems and "not a regular file" in problems[0].message
    with pytest.raises(kz.TemplateCheckError, match="not a regular file"):
        kz.render(FORM, DATA, "kk", templates_dir=folder)


def test_a_template_that_is_a_fifo_is_refused_without_blocking(tmp_path):
    folder = _folder(tmp_path)
    os.mkfifo(folder / "kk" / f"{FORM}.docx")
    with pytest.raises(kz.TemplateCheckError, match="not a regular file"):
        kz.render(FORM, DATA, "kk", templates_dir=folder)
