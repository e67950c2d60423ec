"""PDF output without LibreOffice: the output check, the office finder, document properties,
case files and bundles of DOCX, and what `render --pdf` does where LibreOffice is missing."""

from __future__ import annotations

import io
import json
import stat
import zipfile

import pytest
from click.testing import CliRunner
from pypdf import PdfWriter
from pypdf.generic import NameObject, StreamObject

import kzcadastre_docs as kz
from kzcadastre_docs import api
from kzcadastre_docs.jobs.case import CaseFileError, load_case
from kzcadastre_docs.jobs.bundle import bundle_docx_zip
from kzcadastre_docs.cli import main
from kzcadastre_docs.forms import get_form
from kzcadastre_docs.forms.metadata import document_metadata
from kzcadastre_docs.pdf import OfficeNotFoundError, PdfCheckError, check_pdf, find_office

from .conftest import SAMPLES

CASE = SAMPLES / "cases" / "house-almaty-region.yaml"


def _blank_pdf(xmp: bytes | None = None, pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    if xmp is not None:
        stream = StreamObject()
        stream.set_data(xmp)
        stream[NameObject("/Type")] = NameObject("/Metadata")
        stream[NameObject("/Subtype")] = NameObject("/XML")
        writer._root_object[NameObject("/Metadata")] = writer._add_object(stream)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


# -- the output check -----------------------------------------------------------------------

def test_a_readable_pdf_passes_with_its_page_count():
    assert check_pdf(_blank_pdf(pages=3)).pages == 3


@pytest.mark.parametrize("content, reason", [
    (b"", "is empty"),
    (b"<html>", "not a PDF"),
])
def test_empty_or_foreign_output_is_rejected(content, reason):
    with pytest.raises(PdfCheckError, match=reason):
        check_pdf(content)


def test_a_truncated_pdf_is_rejected():
    content = _blank_pdf(pages=2)
    with pytest.raises(PdfCheckError):
        check_pdf(content[: len(content) // 3])


def test_pdf_a_is_checked_when_asked():
    plain = _blank_pdf()
    assert check_pdf(plain).pdf_a is None
    with pytest.raises(PdfCheckError, match="does not declare PDF/A-2b"):
        check_pdf(plain, pdf_a=True)
    declared = _blank_pdf(b'<x:xmpmeta><rdf:Description pdfaid:part="2" pdfaid:conformance="B"/></x:xmpmeta>')
    assert check_pdf(declared, pdf_a=True).pdf_a == ("2", "B")
    other = _blank_pdf(b"<pdfaid:part>1</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>")
    with pytest.raises(PdfCheckError, match=r"\('1', 'A'\)"):
        check_pdf(other, pdf_a=True)


# -- finding LibreOffice ----------------------------------------------------------------------

def test_missing_soffice_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("KZCADASTRE_SOFFICE", str(tmp_path / "nowhere" / "soffice"))
    with pytest.raises(OfficeNotFoundError) as caught:
        find_office()
    message = str(caught.value)
    assert "KZCADASTRE_SOFFICE" in message and "is not a file" in message
    assert "apt-get install libreoffice-writer-nogui python3-uno" in message


def test_a_python_without_uno_is_named_in_the_error(monkeypatch, tmp_path):
    soffice = tmp_path / "soffice"
    soffice.write_text("#!/bin/sh\n", encoding="utf-8")
    python = tmp_path / "python-without-uno"
    python.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    python.chmod(python.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("KZCADASTRE_SOFFICE", str(soffice))
    monkeypatch.setenv("KZCADASTRE_UNO_PYTHON", str(python))
    with pytest.raises(OfficeNotFoundError, match=r"no Python with LibreOffice's uno module \(tried: .*python-without-uno\)"):
        find_office()


def test_render_pdf_without_libreoffice_still_writes_the_docx(monkeypatch, tmp_path):
    monkeypatch.setenv("KZCADASTRE_SOFFICE", str(tmp_path / "no-soffice"))
    target = tmp_path / "out" / "passport.docx"
    result = CliRunner().invoke(main, ["render", "passport-apartment", "--lang", "kk", "--pdf", "--data",
                                       str(SAMPLES / "passport-apartment" / "apartment-astana.json"), "-o", str(target)])
    assert result.exit_code == 1, result.output
    assert target.is_file() and target.read_bytes()[:2] == b"PK"
    assert not target.with_suffix(".pdf").exists()
    assert "apt-get install libreoffice-writer-nogui python3-uno" in result.output
    assert list(target.parent.iterdir()) == [target]  # no temporary file left behind


# -- document properties ----------------------------------------------------------------------

def _sample(form: str, case: str):
    spec = get_form(form)
    return spec, spec.model.model_validate(json.loads((SAMPLES / form / f"{case}.json").read_text(encoding="utf-8")))


def test_keywords_hold_the_cadastral_numbers_whole():
    spec, model = _sample("conclusion", "apartment-astana")
    meta = document_metadata(spec, model, "kk")
    assert meta.keywords == (str(model.cadastral_number), str(model.land_plot_cadastral_number), "conclusion")
    assert meta.keywords[0].count(":") == 5  # land:quarter:...:building:premise, not split
    assert meta.subject.startswith("3-қосымша; ") and model.address.street.text("kk") in meta.subject


def test_a_document_without_cadastral_number_has_only_its_form_as_keyword():
    spec, model = _sample("requirements-new-object", "astana-branch")
    assert document_metadata(spec, model, "ru").keywords == ("requirements-new-object",)


def _duplicate(form: str, case: str):
    spec = get_form(form)
    data = json.loads((SAMPLES / form / f"{case}.json").read_text(encoding="utf-8"))
    data["duplicate"] = {"issued_on": "2026-12-01"}
    return spec, spec.model.model_validate(data)


def test_only_a_duplicate_says_so_in_its_title():
    spec, original = _sample("passport-apartment", "apartment-astana")
    _, duplicate = _duplicate("passport-apartment", "apartment-astana")
    assert document_metadata(spec, original, "kk").title == spec.title["kk"]
    assert document_metadata(spec, duplicate, "kk").title == spec.title["kk"] + " (ТЕЛНҰСҚА)"


def test_the_docx_properties_carry_the_same_metadata():
    spec, model = _duplicate("passport-house", "house-almaty-region")
    document = api.render_document(spec.slug, model, "ru")
    core = zipfile.ZipFile(io.BytesIO(document.docx)).read("docProps/core.xml").decode("utf-8")
    assert f"<dc:title>{document.metadata.title}</dc:title>" in core
    assert f"<cp:keywords>{'; '.join(document.metadata.keywords)}</cp:keywords>" in core


# -- case files -------------------------------------------------------------------------------

def test_the_sample_case_is_ordered_register_first_then_by_date():
    case = load_case(CASE, root=SAMPLES)
    ordered = case.ordered()
    assert ordered[0].spec.slug == "inventory-file"
    rest = ordered[1:]
    assert [entry.date for entry in rest] == sorted(entry.date for entry in rest)
    # Same date: the case file's order.
    for earlier, later in zip(rest, rest[1:]):
        if earlier.date == later.date:
            assert earlier.index < later.index
    assert len(ordered) == len(case.entries) == 6


def _write_case(tmp_path, documents, **extra):
    path = tmp_path / "case.json"
    path.write_text(json.dumps({"documents": documents, **extra}, ensure_ascii=False), encoding="utf-8")
    return path


def test_every_problem_of_a_case_is_reported_with_its_path(tmp_path):
    good = json.loads((SAMPLES / "abris" / "house-almaty-region.json").read_text(encoding="utf-8"))
    bad = dict(good, document_date="2026-02-30")
    path = _write_case(tmp_path, [
        {"form": "abris", "data": good},
        {"form": "abris", "data": bad},
        {"form": "annex-12", "data": {}},
        {"form": "abris", "data": "missing.json"},
    ])
    with pytest.raises(CaseFileError) as caught:
        load_case(path)
    fields = [problem.field for problem in caught.value.problems]
    assert fields == ["documents[1].data.document_date", "documents[2].form", "documents[3].data"]
    assert "missing.json" in caught.value.describe()


def test_a_document_without_a_date_needs_one_in_the_case(tmp_path):
    data = json.loads((SAMPLES / "requirements-duplicate" / "blank.json").read_text(encoding="utf-8"))
    assert "document_date" not in data or data["document_date"] is None
    path = _write_case(tmp_path, [{"form": "requirements-duplicate", "data": data}])
    with pytest.raises(CaseFileError, match=r"documents\[0\]\.date"):
        load_case(path)
    dated = _write_case(tmp_path, [{"form": "requirements-duplicate", "data": data, "date": "2026-11-20"}])
    assert load_case(dated).entries[0].date.isoformat() == "2026-11-20"


def test_a_case_file_with_unknown_keys_is_rejected(tmp_path):
    path = _write_case(tmp_path, [{"form": "abris", "data": {}}], documnets=[])
    with pytest.raises(CaseFileError, match="documnets"):
        load_case(path)


def test_bundle_cli_rejects_a_bad_case_and_writes_nothing(tmp_path):
    path = _write_case(tmp_path, [{"form": "abris", "data": {"document_date": "yesterday"}}])
    target = tmp_path / "case.pdf"
    result = CliRunner().invoke(main, ["bundle", str(path), "-o", str(target)])
    assert result.exit_code == 2
    assert "documents[0].data.document_date" in result.output
    assert not target.exists()


@pytest.mark.parametrize("args, message", [
    (["-o", "case.zip"], "a .zip bundle needs --docx-zip"),
    (["--docx-zip", "-o", "case.pdf"], "the bundle is a .zip file"),
    (["-o", "case.docx"], "this bundle is a .pdf file"),
    (["--docx-zip", "--pdf-a-zip", "-o", "case.zip"], "exclude each other"),
])
def test_bundle_output_names_must_match_the_kind(tmp_path, args, message):
    result = CliRunner().invoke(main, ["bundle", str(CASE), "--root", str(SAMPLES), *args])
    assert result.exit_code == 2 and message in result.output


def test_docx_zip_holds_every_document_in_bundle_order_and_is_reproducible(tmp_path):
    target = tmp_path / "case.zip"
    result = CliRunner().invoke(main, ["bundle", str(CASE), "--root", str(SAMPLES), "--docx-zip", "--lang", "ru", "-o", str(target)])
    assert result.exit_code == 0, result.output
    case = load_case(CASE, lang="ru", root=SAMPLES)
    names = zipfile.ZipFile(target).namelist()
    assert names == [f"{n:02d}-{entry.spec.slug}.ru.docx" for n, entry in enumerate(case.ordered(), start=1)]
    for name, entry in zip(names, case.ordered()):
        assert zipfile.ZipFile(target).read(name) == kz.render(entry.spec.slug, entry.model, "ru")
    assert bundle_docx_zip(case) == target.read_bytes()
    again = CliRunner().invoke(main, ["bundle", str(CASE), "--root", str(SAMPLES), "--docx-zip", "-o", str(target)])
    assert again.exit_code == 2 and "already exists" in again.output
