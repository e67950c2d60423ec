"""JSON Schemas: one for every form with a model, described, usable outside Python."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import kzcadastre_docs as kz
from kzcadastre_docs.cli import main

MODELLED = [form for form in kz.forms() if form.model is not None]


def _properties(schema):
    yield from schema.get("properties", {}).items()
    for definition in schema.get("$defs", {}).values():
        yield from definition.get("properties", {}).items()


def test_every_form_has_a_model():
    assert {f.slug for f in kz.forms() if f.model is None} == set()


@pytest.mark.parametrize("form", MODELLED, ids=lambda f: f.slug)
def test_schema_exports_and_every_field_is_described(form):
    result = CliRunner().invoke(main, ["schema", form.slug])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["title"] and schema["description"]
    undocumented = [name for name, prop in _properties(schema) if not prop.get("description")]
    assert not undocumented, f"{form.slug}: fields without a description: {undocumented}"


@pytest.mark.parametrize("form", MODELLED, ids=lambda f: f.slug)
def test_describe_prints_the_fields(form):
    result = CliRunner().invoke(main, ["describe", form.slug])
    assert result.exit_code == 0
    for name in form.model.model_fields:
        assert name in result.output


def test_schema_validates_a_sample_with_a_generic_validator():
    import jsonschema

    from .conftest import SAMPLES

    for path in SAMPLES.glob("*/*.json"):
        slug = path.parent.name
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), kz.schema(slug))
