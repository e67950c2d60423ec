"""The rendering engine on small templates: escaping, strictness, sandbox, parse-once."""

from __future__ import annotations

import pytest

from kzcadastre_docs.docx import Package, document_text
from kzcadastre_docs.errors import TemplateError
from kzcadastre_docs.rendering import PreparedTemplate, make_environment
from kzcadastre_docs.rendering.template import postprocess

from .docx_fixtures import docx_with


def _render(package: Package, **context) -> str:
    template = PreparedTemplate(package, make_environment(), "test.docx")
    return document_text(Package.from_bytes(template.render({"lang": "kk", **context})))


def test_tag_split_across_runs_is_joined():
    package = docx_with(["Аты: {{ na", "me }}", " end"])
    assert _render(package, name="Әсел") == "Аты: Әсел end"


def test_values_are_escaped_not_interpreted():
    value = 'A & B <w:t>x</w:t> "q" {{ 7*7 }}'
    assert _render(docx_with("{{ v }}"), v=value) == value


def test_missing_variable_names_the_variable_and_the_template():
    with pytest.raises(TemplateError) as info:
        _render(docx_with("{{ applicant_name }}"))
    message = str(info.value)
    assert "applicant_name" in message and "test.docx" in message and "word/document.xml" in message


def test_missing_attribute_is_an_error_too():
    with pytest.raises(TemplateError, match="street"):
        _render(docx_with("{{ address.street }}"), address={})


def test_none_prints_as_nothing():
    assert _render(docx_with("[{{ v }}]"), v=None) == "[]"


def test_sandbox_refuses_python_internals():
    with pytest.raises(TemplateError, match="the attribute '__class__' is not allowed in a template") as info:
        _render(docx_with("{{ ''.__class__.__mro__ }}"))
    assert "is unsafe" in info.value.detail  # Jinja's own text, kept for programs


def test_syntax_error_is_reported_at_preparation_with_the_template_name():
    with pytest.raises(TemplateError) as info:
        PreparedTemplate(docx_with("{% if x %}no end"), make_environment(), "broken.docx")
    assert "broken.docx" in str(info.value)


def test_template_is_compiled_once_and_reused(monkeypatch):
    env = make_environment()
    calls = []
    original = env.compile

    def counting(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(env, "compile", counting)
    template = PreparedTemplate(docx_with("{{ a }}", "{{ b }}"), env, "t.docx")
    for i in range(5):
        template.render({"lang": "kk", "a": i, "b": i})
    assert len(calls) == 1


def test_filters_take_the_language_from_the_context():
    from datetime import date

    package = docx_with("{{ d|official_date }}")
    assert _render(package, d=date(2026, 1, 22)) == "2026 жылғы 22 қаңтар"
    template = PreparedTemplate(package, make_environment(), "t.docx")
    ru = document_text(Package.from_bytes(template.render({"lang": "ru", "d": date(2026, 1, 22)})))
    assert ru == "22 января 2026 года"


def test_line_breaks_and_tabs_in_values_become_word_markup():
    xml = '<w:p><w:r><w:t xml:space="preserve">a\nb\tc</w:t></w:r></w:p>'
    out = postprocess(xml)
    assert "<w:br/>" in out and "<w:tab/>" in out
    assert _render(docx_with("{{ v }}"), v="a\nb\tc") == "a\nb\tc"


def test_variables_lists_what_the_template_reads():
    template = PreparedTemplate(docx_with("{{ a }} {% if b %}{{ c.d }}{% endif %}"), make_environment(), "t")
    assert template.variables() == {"a", "b", "c"}
