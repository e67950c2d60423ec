"""The public API: render, render_to, validate, schema, forms."""

from __future__ import annotations

import io
import zipfile

import pytest

import kzcadastre_docs as kz
from kzcadastre_docs.models.requirements import RequirementsListData


def _core(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return zf.read("docProps/core.xml").decode()


def test_render_accepts_a_dict_or_the_model():
    data = {"branch": "astana", "document_date": "2026-11-24"}
    assert kz.render("annex-1", data, "kk") == kz.render("annex-1", RequirementsListData(**data), "kk")


def test_two_renders_are_byte_identical_and_the_date_comes_from_the_data():
    first = kz.render("requirements-duplicate", {"document_date": "2026-03-20"}, "ru")
    assert first == kz.render("requirements-duplicate", {"document_date": "2026-03-20"}, "ru")
    core = _core(first)
    assert "2026-03-20T00:00:00Z" in core
    assert "<dc:title>Перечень основных требований" in core
    assert "<cp:keywords>requirements-duplicate</cp:keywords>" in core
    assert "<dc:language>ru-RU</dc:language>" in core


def test_without_a_date_the_document_carries_the_order_date_not_the_clock():
    assert "2026-01-22T00:00:00Z" in _core(kz.render("annex-1", {}, "kk"))


def test_render_to_writes_atomically_and_keeps_existing_files(tmp_path):
    target = tmp_path / "sub" / "a1.docx"
    kz.render_to(target, "annex-1", {}, "kk")
    original = target.read_bytes()
    with pytest.raises(kz.OutputExistsError):
        kz.render_to(target, "annex-1", {"branch": "astana"}, "kk")
    assert target.read_bytes() == original
    kz.render_to(target, "annex-1", {"branch": "astana"}, "kk", overwrite=True)
    assert target.read_bytes() != original
    assert [p.name for p in target.parent.iterdir()] == ["a1.docx"]  # no temporary left


def test_invalid_data_writes_nothing(tmp_path):
    target = tmp_path / "a1.docx"
    with pytest.raises(kz.DataValidationError) as info:
        kz.render_to(target, "annex-1", {"document_date": "2026-13-01"}, "kk")
    assert info.value.problems[0].field == "document_date"
    assert not target.exists() and not list(tmp_path.iterdir())


def test_illegal_xml_character_is_refused_naming_the_field():
    with pytest.raises(kz.DataValidationError) as info:
        kz.render("annex-1", {"branch": {"kk": "Астана\x0b", "ru": "Астана"}}, "kk")
    problem = info.value.problems[0]
    assert (problem.field, problem.rule) == ("branch", "xml_illegal_character")
    assert "U+000B" in problem.message and "position 7" in problem.message


def test_invalid_data_and_unknown_forms():
    with pytest.raises(kz.DataValidationError):
        kz.render("annex-6", {}, "kk")
    with pytest.raises(kz.UnknownFormError):
        kz.render("annex-12", {}, "kk")


def test_unsupported_language():
    with pytest.raises(ValueError, match="not supported"):
        kz.render("annex-1", {}, "en")


def test_schema_is_json_schema_with_descriptions():
    schema = kz.schema("annex-1")
    assert schema["$schema"].endswith("2020-12/schema")
    assert schema["additionalProperties"] is False
    assert all(prop.get("description") for prop in schema["properties"].values())


@pytest.mark.parametrize(("lang", "tag"), [("kk", "kk-KZ"), ("ru", "ru-RU")])
def test_documents_declare_their_language_for_proofing(lang, tag):
    with zipfile.ZipFile(io.BytesIO(kz.render("annex-1", {}, lang))) as zf:
        styles = zf.read("word/styles.xml").decode()
    assert f'w:val="{tag}"' in styles and 'w:val="en-US"' not in styles
