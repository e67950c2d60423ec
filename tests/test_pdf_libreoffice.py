"""PDF output with the real LibreOffice: text, metadata, PDF/A, page images, the case bundle,
and a converter that survives a crash or a hang without losing a document.

Skipped where LibreOffice is missing, unless the environment demands it (CI, or
KZCADASTRE_REQUIRE_LIBREOFFICE=1), where a missing LibreOffice fails the tests.
"""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import threading
import time
import zipfile

import pytest
from click.testing import CliRunner
from PIL import Image
from pypdf import PdfReader

from kzcadastre_docs import api
from kzcadastre_docs.jobs.bundle import bookmark, bundle_pdf
from kzcadastre_docs.jobs.case import load_case
from kzcadastre_docs.cli import main
from kzcadastre_docs.docx import Package, document_text
from kzcadastre_docs.pdf import ConversionError, Converter, check_pdf

from .conftest import SAMPLES

pytestmark = pytest.mark.libreoffice

CASE = SAMPLES / "cases" / "house-almaty-region.yaml"
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def _data(form: str, case: str) -> dict:
    return json.loads((SAMPLES / form / f"{case}.json").read_text(encoding="utf-8"))


def _duplicate_house() -> dict:
    data = _data("passport-house", "house-almaty-region")
    data["duplicate"] = {"issued_on": "2026-12-01"}
    return data


def _text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def duplicate_kk(converter):
    document = api.render_document("passport-house", _duplicate_house(), "kk")
    return document, api.to_pdf(document, converter=converter)


def test_kazakh_text_comes_through_intact(duplicate_kk):
    document, pdf = duplicate_kk
    text = _flat(" ".join(_text(pdf)))
    docx_text = document_text(Package.from_bytes(document.docx))
    letters = KAZAKH_LETTERS & set(docx_text)
    assert len(letters) >= 6, letters  # the passport uses most of them
    assert letters <= set(text), f"lost in the PDF: {letters - set(text)}"
    data = _duplicate_house()
    for value in ("03:047:158:219:1", data["address"]["street"]["kk"], data["address"]["settlement"]["kk"],
                  data["object_kind"]["kk"], data["cadastral_file_number"], data["order_number"]):
        assert value and _flat(value) in text, value


def test_the_duplicate_mark_is_on_every_page(duplicate_kk):
    _, pdf = duplicate_kk
    pages = _text(pdf)
    assert len(pages) > 1
    assert all("ТЕЛНҰСҚА" in page for page in pages)


def test_an_original_passport_has_no_duplicate_mark(converter):
    pdf = api.render_pdf("passport-apartment", _data("passport-apartment", "apartment-astana"), "ru", converter=converter)
    assert not any("ДУБЛИКАТ" in page for page in _text(pdf))


def test_title_subject_and_keywords_come_from_the_data(duplicate_kk):
    document, pdf = duplicate_kk
    info = PdfReader(io.BytesIO(pdf)).metadata
    assert info.title == document.metadata.title
    assert info.subject == document.metadata.subject
    # One keyword per value: the cadastral number is not split at its colons.
    assert info["/Keywords"] == ", ".join(document.metadata.keywords)
    assert info["/Keywords"].startswith("03:047:158:219:1, ")


def test_pdf_a_2b_on_request(converter):
    document = api.render_document("conclusion", _data("conclusion", "house-almaty-region"), "ru")
    pdf = api.to_pdf(document, pdf_a=True, converter=converter)
    assert check_pdf(pdf, pdf_a=True).pdf_a == ("2", "B")
    reader = PdfReader(io.BytesIO(pdf))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert document.metadata.title in xmp and "03:047:158:219:1" in xmp
    assert "ДУБЛИКАТ" not in " ".join(_text(pdf))
    # A plain PDF makes no PDF/A claim.
    assert check_pdf(api.to_pdf(document, converter=converter)).pdf_a is None


def test_pages_rendered_to_png_are_not_blank(duplicate_kk, pdftoppm, tmp_path):
    _, pdf = duplicate_kk
    source = tmp_path / "doc.pdf"
    source.write_bytes(pdf)
    subprocess.run([pdftoppm, "-png", "-r", "40", str(source), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == len(PdfReader(source).pages)
    for page in pages:
        image = Image.open(page).convert("L")
        histogram = image.histogram()
        ink = sum(histogram[:200]) / (image.width * image.height)
        assert 0.005 < ink < 0.5, f"{page.name}: {ink:.2%} of the page is ink"


def test_the_bundle_has_one_bookmark_per_document_in_order(converter):
    case = load_case(CASE, root=SAMPLES)
    pdf = bundle_pdf(case, converter=converter)
    reader = PdfReader(io.BytesIO(pdf))
    outline = reader.outline
    ordered = case.ordered()
    expected = [bookmark(n, entry, api.render_document(entry.spec.slug, entry.model, case.lang), case.lang)
                for n, entry in enumerate(ordered, start=1)]
    assert [item.title for item in outline] == expected
    assert expected[0].startswith("1. ") and ordered[0].spec.slug == "inventory-file"
    # Each bookmark opens its document: the first page there carries that document's title.
    starts = [reader.get_destination_page_number(item) for item in outline]
    assert starts == sorted(starts) and starts[0] == 0 and len(set(starts)) == len(starts)
    for start, entry in zip(starts, ordered):
        title_words = entry.spec.title[case.lang].split()[:2]
        assert " ".join(title_words) in _flat(reader.pages[start].extract_text()), entry.spec.slug
    assert reader.metadata.title == "Іс № 03-2026-001207"


def test_killing_libreoffice_mid_run_loses_no_document(office):
    documents = [api.render_document(form, _data(form, "house-almaty-region"), lang)
                 for form in ("abris", "conclusion", "technical-main") for lang in ("kk", "ru")]
    done: list[bytes] = []
    with Converter(office, timeout=60) as converter:
        def kill_after_two():
            while len(done) < 2:
                time.sleep(0.005)
            os.killpg(converter.office_process_group, signal.SIGKILL)

        killer = threading.Thread(target=kill_after_two)
        killer.start()
        for document in documents:
            done.append(api.to_pdf(document, converter=converter))
        killer.join()
        assert converter.restarts >= 1
    assert len(done) == len(documents)
    for document, pdf in zip(documents, done):
        assert check_pdf(pdf).pages >= 1
        assert document.metadata.title.split()[0].lower() in _flat(" ".join(_text(pdf))).lower()  # forms print titles in capitals


def test_a_hung_libreoffice_is_restarted_after_the_timeout(office):
    document = api.render_document("abris", _data("abris", "house-almaty-region"), "kk")
    with Converter(office, timeout=3) as converter:
        os.killpg(converter.office_process_group, signal.SIGSTOP)  # it stops answering
        started = time.monotonic()
        pdf = api.to_pdf(document, converter=converter)
        assert time.monotonic() - started >= 3
        assert converter.restarts == 1
    assert "абрис" in " ".join(_text(pdf)).lower()


def test_a_file_that_is_not_docx_fails_at_once_without_a_restart(converter):
    before = converter.restarts
    with pytest.raises(ConversionError, match="not readable as DOCX"):
        converter.convert(b"just some text, not a DOCX file", name="junk")
    assert converter.restarts == before
    assert check_pdf(converter.convert(api.render("annex-1", {}, "kk"))).pages >= 1  # still serving


def test_cli_render_writes_docx_and_pdf_a(office, tmp_path):
    target = tmp_path / "passport.pdf"
    result = CliRunner().invoke(main, ["render", "passport-apartment", "--lang", "ru", "--pdf-a", "--data",
                                       str(SAMPLES / "passport-apartment" / "apartment-astana.json"), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.with_suffix(".docx").is_file()
    assert check_pdf(target.read_bytes(), pdf_a=True).pdf_a == ("2", "B")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["passport.docx", "passport.pdf"]


def test_cli_bundle_pdf_and_pdf_a_zip(office, tmp_path):
    runner = CliRunner()
    merged = tmp_path / "case.pdf"
    result = runner.invoke(main, ["bundle", str(CASE), "--root", str(SAMPLES), "-o", str(merged)])
    assert result.exit_code == 0, result.output
    assert len(PdfReader(merged).outline) == 6
    archive = tmp_path / "case.zip"
    result = runner.invoke(main, ["bundle", str(CASE), "--root", str(SAMPLES), "--pdf-a-zip", "--lang", "ru", "-o", str(archive)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(archive) as members:
        names = members.namelist()
        assert names[0] == "01-inventory-file.ru.pdf" and len(names) == 6
        for name in names:
            assert check_pdf(members.read(name), pdf_a=True).pdf_a == ("2", "B"), name


def test_a_libreoffice_that_cannot_start_fails_fast_with_its_message(office, tmp_path):
    broken = tmp_path / "soffice"
    broken.write_text("#!/bin/sh\necho 'soffice: cannot open display' >&2\nexit 77\n", encoding="utf-8")
    broken.chmod(0o755)
    converter = Converter(type(office)(broken, office.python), start_timeout=30, attempts=2)
    started = time.monotonic()
    with pytest.raises(ConversionError) as caught:
        converter.convert(api.render("annex-1", {}, "kk"), name="annex-1")
    converter.close()
    assert time.monotonic() - started < 10
    message = str(caught.value)
    assert "annex-1: not converted to PDF after 2 attempt(s)" in message
    assert "exited at start (status 77)" in message and "cannot open display" in message


def _our_offices() -> int:
    listing = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True, check=True).stdout
    return sum(1 for line in listing.splitlines() if "soffice.bin" in line and "pipe,name=kzcadastre-" in line)


def test_batch_pdf_in_processes_leaves_no_libreoffice_behind(office, tmp_path):
    from kzcadastre_docs.jobs.batch import run_batch

    data = _data("notice-data-entered", "apartment-astana")
    source = tmp_path / "records.jsonl"
    source.write_text("\n".join(json.dumps(dict(data, number=f"N-{i}"), ensure_ascii=False) for i in range(6)) + "\n",
                      encoding="utf-8")
    before = _our_offices()
    summary = run_batch("notice-data-entered", source, tmp_path / "out", langs=("kk",), pdf_a=True, jobs=2)
    assert (summary.written, summary.failed, summary.files) == (6, 0, 12)
    for pdf in sorted((tmp_path / "out").glob("*.pdf")):
        assert check_pdf(pdf.read_bytes(), pdf_a=True).pdf_a == ("2", "B")
    deadline = time.monotonic() + 15
    while _our_offices() > before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _our_offices() == before
