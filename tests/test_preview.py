"""preview: the document as text in the terminal, and as PNG pages with LibreOffice."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from PIL import Image

from kzcadastre_docs.cli import main
from kzcadastre_docs.jobs.preview import docx_pages

from .conftest import SAMPLES

DATA = SAMPLES / "requirements-duplicate" / "almaty-region-branch.json"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="kzcadastre-docs")


@pytest.fixture
def no_office(monkeypatch):
    monkeypatch.setattr("kzcadastre_docs.pdf.office_available", lambda: False)


def test_text_without_libreoffice_comes_from_the_docx(no_office):
    result = run("preview", "annex-2", "--data", DATA, "--lang", "ru", "--message-lang", "ru")
    assert result.exit_code == 0, result.output
    assert "Перечень основных требований" in result.stdout and "── страница 1 из " in result.stdout
    assert "LibreOffice не установлен" in result.stderr
    kk = run("preview", "annex-2", "--data", DATA, "--lang", "kz")
    assert "негізгі талаптардың тізбесі" in kk.stdout and "Перечень" not in kk.stdout


def test_a_page_out_of_range_names_the_option(no_office):
    result = run("preview", "annex-2", "--data", DATA, "--page", "99")
    assert result.exit_code == 2 and "--page 99" in result.output and "Usage" not in result.output


def test_pages_split_at_the_documents_page_breaks():
    from kzcadastre_docs import api

    docx = api.render_document("requirements-duplicate", json.loads(DATA.read_text(encoding="utf-8")), "kk").docx
    pages = docx_pages(docx)
    assert pages and all(isinstance(page, str) for page in pages)
    assert "\f" not in "".join(pages)


@pytest.mark.libreoffice
def test_png_pages_with_libreoffice(office, pdftoppm, tmp_path):
    result = run("preview", "annex-2", "--data", DATA, "--lang", "kk", "-o", f"{tmp_path}/p/", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["pages"] == len(report["images"]) >= 1
    first = tmp_path / "p" / "requirements-duplicate.almaty-region-branch.kk-1.png"
    assert str(first) == report["images"][0]
    with Image.open(first) as image:
        assert image.width > 500 and image.getextrema() != ((255, 255), (255, 255), (255, 255))
    assert "талаптардың тізбесі" in report["text"][0]
    page_two = run("preview", "annex-2", "--data", DATA, "--lang", "kk", "--page", "2")
    assert page_two.exit_code == 0 and "── page 2 of " in page_two.stdout and "page 1 of" not in page_two.stdout
