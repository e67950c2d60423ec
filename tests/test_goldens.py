"""Every sample renders to its golden file, compared part by part on normalised XML.

A difference prints a unified diff per part. To accept a change on purpose, read the diff,
then run `make goldens` (pytest --update-goldens) and review the new files in git.
"""

from __future__ import annotations

import difflib
import json

import pytest

import kzcadastre_docs as kz
from kzcadastre_docs.docx import Package, normalise_xml

from .conftest import sample_cases
from .image_compare import image_difference

def _other_editions(slug: str, path) -> list[str]:
    """The editions a sample is also rendered in (beside the one in force on its date)."""
    from datetime import date

    from kzcadastre_docs.forms.editions import edition_for

    editions = kz.get_form(slug).editions
    if not editions:
        return []
    day = json.loads(path.read_text(encoding="utf-8")).get("document_date")
    own = edition_for(date.fromisoformat(day) if day else None).edition.id
    return [edition for edition in editions if edition != own]


CASES = [(slug, path, lang) for slug, path in sample_cases() for lang in kz.get_form(slug).languages]
EDITION_CASES = [(slug, path, lang, edition) for slug, path, lang in CASES for edition in _other_editions(slug, path)]


def _parts(package: Package, pictures_like: Package | None = None) -> dict[str, str]:
    """Each part as text: XML normalised; a PNG as its size, or as the other package's text
    for it when the two pictures match within the tolerance (tests/image_compare.py)."""
    parts = {}
    for name, data in package.parts:
        if name.endswith((".xml", ".rels")):
            parts[name] = normalise_xml(data)
        elif name.endswith(".png") and pictures_like is not None and name in pictures_like.names():
            difference = image_difference(pictures_like.get(name), data)
            parts[name] = f"<picture, {len(pictures_like.get(name))} bytes>" if difference is None else (
                f"<picture, {len(data)} bytes: {difference}>")
        elif name.endswith(".png"):
            parts[name] = f"<picture, {len(data)} bytes>"
        else:
            parts[name] = f"<binary {len(data)} bytes>"
    return parts


def part_diff(expected: Package, actual: Package) -> str:
    """A unified diff of every part that differs (empty if none)."""
    want, got = _parts(expected), _parts(actual, pictures_like=expected)
    chunks = []
    for name in sorted(set(want) | set(got)):
        if want.get(name) != got.get(name):
            chunks.extend(
                difflib.unified_diff(
                    (want.get(name) or "").splitlines(),
                    (got.get(name) or "").splitlines(),
                    f"golden/{name}",
                    f"rendered/{name}",
                    lineterm="",
                )
            )
    return "\n".join(chunks)


@pytest.mark.parametrize(("slug", "path", "lang"), CASES, ids=[f"{s}-{p.stem}-{l}" for s, p, l in CASES])
def test_sample_matches_golden(slug, path, lang, update_goldens):
    rendered = kz.render(slug, json.loads(path.read_text(encoding="utf-8")), lang)
    golden = path.with_name(f"{path.stem}.{lang}.docx")
    if update_goldens:
        golden.write_bytes(rendered)
        pytest.skip(f"golden rewritten: {golden.name}")
    assert golden.is_file(), f"no golden {golden}; run `make goldens` and review it"
    diff = part_diff(Package.from_bytes(golden.read_bytes()), Package.from_bytes(rendered))
    assert not diff, f"{golden.name} differs from the rendered document:\n{diff}"
    # Same bytes as the golden, unless a picture moved within its tolerance (another
    # Pillow or FreeType); rendering twice gives the same bytes either way.
    if golden.read_bytes() != rendered:
        assert _media(golden.read_bytes()) != _media(rendered), "same parts, other bytes: not deterministic?"
    assert kz.render(slug, json.loads(path.read_text(encoding="utf-8")), lang) == rendered


@pytest.mark.parametrize(("slug", "path", "lang", "edition"), EDITION_CASES,
                         ids=[f"{s}-{p.stem}-{l}-{e}" for s, p, l, e in EDITION_CASES])
def test_sample_in_another_edition_matches_golden(slug, path, lang, edition, update_goldens):
    """An official annex's sample also rendered in the other edition (`<case>.<lang>.<edition>.docx`)."""
    rendered = kz.render(slug, json.loads(path.read_text(encoding="utf-8")), lang, edition=edition)
    golden = path.with_name(f"{path.stem}.{lang}.{edition}.docx")
    if update_goldens:
        golden.write_bytes(rendered)
        pytest.skip(f"golden rewritten: {golden.name}")
    assert golden.is_file(), f"no golden {golden}; run `make goldens` and review it"
    diff = part_diff(Package.from_bytes(golden.read_bytes()), Package.from_bytes(rendered))
    assert not diff, f"{golden.name} differs from the rendered document:\n{diff}"


def _media(docx: bytes) -> dict[str, bytes]:
    return {name: data for name, data in Package.from_bytes(docx).parts if name.startswith("word/media/")}


def test_every_form_with_a_template_has_a_sample():
    with_samples = {slug for slug, _ in sample_cases()}
    missing = [form.slug for form in kz.forms() if form.renderable and form.slug not in with_samples]
    assert not missing, f"forms without a sample case: {missing}"


def test_part_diff_shows_a_changed_paragraph():
    golden = Package.from_bytes(kz.render("annex-1", {"branch": "astana"}, "kk"))
    other = Package.from_bytes(kz.render("annex-1", {"branch": "almaty_region"}, "kk"))
    diff = part_diff(golden, other)
    assert "-" in diff and "Астана" in diff and "Алматы" in diff
    assert diff.count("+++ rendered/word/document.xml") == 1
