"""Meta-tests that keep the registry, the templates, the samples and the README consistent."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import kzcadastre_docs as kz
from kzcadastre_docs.api import renderer
from kzcadastre_docs.forms.spec import RESERVED_CONTEXT_NAMES
from kzcadastre_docs.forms import FORM_MODULES, Provenance, get_form

from .conftest import ROOT

# `kzcadastre_docs.forms` is the public function forms(); the registry package is this module.
forms_package = importlib.import_module("kzcadastre_docs.forms")
#: The sub-packages that hold one module per document kind.
KIND_PACKAGES = ("annexes", "notices", "passport", "cadastral")
RENDERABLE = [form for form in kz.forms() if form.renderable]


def test_every_form_module_is_registered():
    modules = set()
    for kind in KIND_PACKAGES:
        package = importlib.import_module(f"kzcadastre_docs.forms.{kind}")
        modules |= {f"{kind}.{m.name}" for m in pkgutil.iter_modules(package.__path__)}
    assert modules == set(FORM_MODULES)


def test_annexes_one_to_ten_are_registered_none_reserved():
    annexes = {form.annex: form for form in kz.forms() if form.annex is not None}
    assert sorted(annexes) == list(range(1, 11))
    assert {n for n, f in annexes.items() if f.provenance is not Provenance.OFFICIAL_TEXT} == set()
    assert (annexes[4].slug, annexes[5].slug, annexes[6].slug) == (
        "application-entry", "application-passport", "application-duplicate")
    assert annexes[1].provenance is Provenance.OFFICIAL_TEXT and annexes[2].provenance is Provenance.OFFICIAL_TEXT


def test_every_form_is_addressable_by_slug_and_annex():
    for form in kz.forms():
        assert get_form(form.slug) is form
        if form.annex:
            assert get_form(f"annex-{form.annex}") is form


def test_titles_in_both_languages_and_no_reserved_templates():
    for form in kz.forms():
        assert form.title["kk"] and form.title["ru"], form.slug
        if form.provenance is Provenance.RESERVED:
            assert not form.languages and form.model is None


@pytest.mark.parametrize("form", RENDERABLE, ids=lambda f: f.slug)
def test_templates_exist_and_use_only_model_fields(form):
    fields = set(form.model.model_fields)
    assert not fields & RESERVED_CONTEXT_NAMES
    assert not fields & set(form.computed_names)
    used = {}
    for lang in form.languages:
        assert renderer().template_path(form.slug, lang).is_file()
        used[lang] = renderer().prepared(form.slug, lang).variables()
        unknown = used[lang] - fields - RESERVED_CONTEXT_NAMES - set(form.computed_names)
        assert not unknown, f"{lang}/{form.slug}.docx uses variables not in the model: {unknown}"
    assert used["kk"] == used["ru"], "the kk and ru templates must use the same variables"


@pytest.mark.parametrize("form", RENDERABLE, ids=lambda f: f.slug)
def test_every_form_declares_the_provenance_of_each_language(form):
    for lang in form.languages:
        assert form.provenance_notice(lang)


def test_readme_lists_every_form_with_its_provenance():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for form in kz.forms():
        assert f"`{form.slug}`" in readme, f"README does not mention {form.slug}"
