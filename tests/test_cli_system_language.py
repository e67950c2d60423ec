"""Reasons that come from the operating system and from the libraries below (an errno, a parser,
Pillow, zip) reach a kk or ru clerk in their language, with no English (issue 19)."""

from __future__ import annotations

import ast
import errno
import io
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import kzcadastre_docs
from kzcadastre_docs.cli import main
from kzcadastre_docs.i18n.system import REASONS, os_reason

from .conftest import SAMPLES
from .test_cli_language import english_words

FORM = "notice-data-entered"
DATA = SAMPLES / FORM / "apartment-astana.json"
LANGS = pytest.mark.parametrize("lang", ["kk", "ru"])
PACKAGE = Path(kzcadastre_docs.__file__).parent
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _run(lang, *args, env=None):
    return CliRunner().invoke(main, [args[0], "--message-lang", lang, *map(str, args[1:])], env=env,
                              prog_name="kzcadastre-docs")


def test_strerror_is_read_only_where_it_becomes_a_catalogue_message():
    """The C library's strerror() text is English whatever the clerk's language: only
    i18n/system.py (which maps errno to a catalogue message) may look at an OSError's text."""
    allowed = {PACKAGE / "i18n" / "system.py"}
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "strerror":
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "getattr" and any(
                    isinstance(arg, ast.Constant) and arg.value == "strerror" for arg in node.args):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert found == []


@pytest.mark.parametrize("number", sorted(REASONS))
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_errno_reason_is_translated(number, lang):
    reason = os_reason(OSError(number, os.strerror(number)))
    assert reason.describe(lang) != str(reason)
    assert english_words(reason.describe(lang)) == []


def test_an_unlisted_errno_says_its_number_and_no_english_text():
    reason = os_reason(OSError(errno.ENOTSUP, os.strerror(errno.ENOTSUP)))
    assert str(reason) == f"system error {errno.ENOTSUP}"
    assert reason.describe("ru") == f"системная ошибка {errno.ENOTSUP}"
    assert "supported" not in reason.describe("kk")


@LANGS
def test_a_data_file_under_a_regular_file_is_reported_in_the_clerks_language(tmp_path, lang):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = _run(lang, "render", FORM, "--data", tmp_path / "file" / "d.json", "--lang", lang,
                  "-o", tmp_path / "out.docx")
    assert result.exit_code == 2, result.output
    assert "d.json" in result.output
    assert english_words(result.output) == [], result.output


def _run_unprivileged(lang, *args, warm_up: tuple) -> tuple[int, str]:
    """_run's exit status and output, as a user who is not root: root reads every file, so under
    root (CI) the command runs in a child process that drops to nobody after this process has
    imported what the command needs (the `warm_up` command, run as root first), since nobody cannot
    read /root's Python."""
    if not IS_ROOT:
        result = _run(lang, *args)
        return result.exit_code, result.output
    _run(lang, *warm_up)  # imports everything the command uses, while root may still read it
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through the pipe and exits
        status = 99
        try:
            os.close(reader)
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            result = _run(lang, *args)
            os.write(writer, json.dumps([result.exit_code, result.output]).encode("utf-8"))
            status = 0
        finally:
            os._exit(status)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        answer = pipe.read()
    os.waitpid(child, 0)
    return tuple(json.loads(answer))


@LANGS
def test_a_data_file_without_read_permission_is_reported_in_the_clerks_language(lang):
    # a folder anyone may enter (pytest's are root's own), holding a file nobody but root may read
    folder = Path(tempfile.mkdtemp(prefix="kz-permission-"))
    try:
        folder.chmod(0o777)
        data = folder / "d.json"
        data.write_text(DATA.read_text(encoding="utf-8"), encoding="utf-8")
        data.chmod(0)
        status, output = _run_unprivileged(
            lang, "render", FORM, "--data", data, "--lang", lang, "-o", folder / "out.docx",
            warm_up=("render", FORM, "--data", DATA, "--lang", lang, "-o", folder / "warm-up" / "out.docx"))
        assert not (folder / "out.docx").exists()
    finally:
        shutil.rmtree(folder)
    assert status == 2, output
    refused = {"kk": ("оқылмайды", "құқығы жоқ"), "ru": ("недоступен", "нет прав")}[lang]
    assert "d.json" in output and any(word in output for word in refused), output
    assert "Usage" not in output and "--help" not in output, output  # about the file, not the typing
    assert english_words(output) == [], output


@LANGS
def test_an_output_folder_that_is_a_file_is_reported_in_the_clerks_language(tmp_path, lang):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = _run(lang, "render", FORM, "--data", DATA, "--lang", lang, "-o", tmp_path / "file" / "out.docx")
    assert result.exit_code == 2, result.output
    assert str(tmp_path / "file") in result.output
    assert english_words(result.output) == [], result.output
    assert (tmp_path / "file").read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize("lang, expected", [("en", "is a file, not a folder"), ("ru", "это файл, а не папка")])
def test_a_folder_to_make_where_a_file_is_is_said_plainly(tmp_path, lang, expected):
    """mkdir's EEXIST where a folder was to be made over a file reads as what it is."""
    import errno as errnos

    from kzcadastre_docs.cli import ui
    from kzcadastre_docs.i18n import catalogue

    (tmp_path / "file").write_text("x", encoding="utf-8")
    catalogue.set_language(lang)
    try:
        text = ui.os_message(FileExistsError(errnos.EEXIST, "File exists", str(tmp_path / "file")))
    finally:
        catalogue.set_language(None)
    assert text == f"{tmp_path / 'file'}: {expected}"


@LANGS
def test_a_key_file_that_is_a_folder_is_reported_in_the_clerks_language(tmp_path, lang):
    from kzcadastre_docs.signing import SigningInputError, load_pkcs12

    with pytest.raises(SigningInputError) as caught:
        load_pkcs12(tmp_path, b"x")
    text = caught.value.describe(lang)
    assert str(tmp_path) in text and os_reason(IsADirectoryError(errno.EISDIR, "")).describe(lang) in text
    assert english_words(text) == [], text


@LANGS
def test_a_long_value_is_cut_without_english_words(tmp_path, lang):
    data = json.loads(DATA.read_text(encoding="utf-8"))
    data["applicant"]["iin"] = "1" * 100
    path = tmp_path / "d.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = _run(lang, "validate", FORM, "--data", path)
    assert result.exit_code == 2, result.output
    assert "applicant.iin" in result.output and "…(100)" in result.output
    assert english_words(result.output) == [], result.output


@LANGS
@pytest.mark.parametrize("suffix, content, line", [
    (".yaml", "applicant:\n  iin: [1, 2\nnumber: x: y\n", "3"),
    (".yaml", "applicant:\n\tiin: 1\n", "2"),
    (".yaml", 'number: "unclosed\n', "2"),
    (".yaml", "number: !!python/object:os.system x\n", "1"),
    (".json", '{"number": "1",}', "1"),
    (".json", '{"number": tru}', "1"),
], ids=["yaml list", "yaml tab", "yaml quote", "yaml tag", "json comma", "json value"])
def test_a_broken_data_file_names_line_and_column_in_the_clerks_language(tmp_path, lang, suffix, content, line):
    path = tmp_path / f"d{suffix}"
    path.write_text(content, encoding="utf-8")
    result = _run(lang, "validate", FORM, "--data", path)
    assert result.exit_code == 2, result.output
    assert f"d{suffix}" in result.output and ("YAML" if suffix == ".yaml" else "JSON") in result.output
    assert line in result.output.replace(str(path), "")
    assert english_words(result.output) == [], result.output


@LANGS
def test_a_data_file_that_is_not_utf8_says_where_in_the_clerks_language(tmp_path, lang):
    path = tmp_path / "d.json"
    path.write_bytes(b'{"number": "\xff"}')
    result = _run(lang, "validate", FORM, "--data", path)
    assert result.exit_code == 2, result.output
    assert "d.json" in result.output and "UTF-8" in result.output and "12" in result.output
    assert english_words(result.output) == [], result.output


def _picture(tmp_path) -> Path:
    from PIL import Image

    full = tmp_path / "full.png"
    Image.new("RGB", (200, 200), "white").save(full)
    cut = tmp_path / "scan.png"
    cut.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    return cut


@LANGS
@pytest.mark.parametrize("kind", ["cut-short picture", "damaged PDF"])
def test_a_file_that_is_no_readable_pdf_or_picture_is_reported_in_the_clerks_language(tmp_path, lang, kind):
    if kind == "damaged PDF":
        path = tmp_path / "scan.pdf"
        path.write_bytes(b"%PDF-1.4\ngarbage\n")
    else:
        path = _picture(tmp_path)
    result = _run(lang, "verify-barcode", path)
    assert result.exit_code == 1, result.output
    assert path.name in result.output
    assert english_words(result.output) == [], result.output


@LANGS
def test_a_corrupt_docx_template_is_reported_in_the_clerks_language(tmp_path, lang):
    import io
    import zipfile

    from kzcadastre_docs.rendering.engine import default_templates_dir

    source = (default_templates_dir() / lang / f"{FORM}.docx").read_bytes()
    info = zipfile.ZipFile(io.BytesIO(source)).getinfo("word/document.xml")
    damaged = bytearray(source)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 50
    for index in range(start, start + 40):
        damaged[index] ^= 0xFF
    folder = tmp_path / "tpl"
    (folder / lang).mkdir(parents=True)
    (folder / lang / f"{FORM}.docx").write_bytes(bytes(damaged))
    result = _run(lang, "render", FORM, "--data", DATA, "--lang", lang, "-o", tmp_path / "out.docx",
                  "--templates", folder)
    assert result.exit_code == 2, result.output
    assert "DOCX" in result.output and "zip" in result.output
    assert english_words(result.output) == [], result.output
    assert not (tmp_path / "out.docx").exists()


@pytest.fixture(scope="module")
def signing_key(tmp_path_factory):
    from .signing_pki import issue, make_ca

    return issue(tmp_path_factory.mktemp("pki-lang"), "rsa", make_ca())


def _blank_pdf(path: Path) -> Path:
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    path.write_bytes(out.getvalue())
    return path


@LANGS
@pytest.mark.parametrize("command", ["verify", "sign"])
def test_a_damaged_pdf_to_sign_or_verify_is_reported_in_the_clerks_language(tmp_path, lang, command, signing_key,
                                                                             monkeypatch):
    from .signing_pki import PASSWORD

    monkeypatch.setenv("KZCADASTRE_KEY_PASSWORD", PASSWORD)
    path = tmp_path / "doc.pdf"
    path.write_bytes(b"%PDF-1.4\ngarbage\n")
    extra = ["--pkcs12", signing_key.p12, "-o", tmp_path / "signed.pdf"] if command == "sign" else []
    result = _run(lang, command, path, *extra)
    assert result.exit_code == 2, result.output
    assert "doc.pdf" in result.output and "PDF" in result.output
    assert english_words(result.output) == [], result.output
    assert not (tmp_path / "signed.pdf").exists()


@LANGS
def test_an_unreachable_timestamp_authority_is_reported_in_the_clerks_language(tmp_path, lang, signing_key,
                                                                               monkeypatch):
    from .signing_pki import PASSWORD

    monkeypatch.setenv("KZCADASTRE_KEY_PASSWORD", PASSWORD)
    result = _run(lang, "sign", _blank_pdf(tmp_path / "doc.pdf"), "--pkcs12", signing_key.p12,
                  "-o", tmp_path / "signed.pdf", "--tsa-url", "http://127.0.0.1:9")
    assert result.exit_code == 1, result.output
    assert "http://127.0.0.1:9" in result.output
    assert english_words(result.output) == [], result.output
    assert not (tmp_path / "signed.pdf").exists()


@LANGS
@pytest.mark.parametrize("parts, facts", [
    ([b"\x01\x03ab", b"\x03\x03ef"], ["2", "3"]),
    ([b"\x01\x02ab", b"\x03\x02ef"], ["3", "2"]),
    ([], []),
], ids=["a part missing", "not a part", "no parts"])
def test_barcode_parts_that_do_not_join_are_said_in_the_clerks_language(lang, parts, facts):
    from kzcadastre_docs.signing.errors import BarcodePartsError
    from kzcadastre_docs.signing.payload import join

    with pytest.raises(BarcodePartsError) as caught:
        join(parts)
    text = caught.value.describe(lang)
    assert all(fact in text for fact in facts), text
    assert text != str(caught.value) and english_words(text) == [], text


@LANGS
def test_a_barcode_read_in_part_is_reported_in_the_clerks_language(tmp_path, lang):
    from PIL import Image

    from kzcadastre_docs.barcode.image import qr_png

    pictures = [Image.open(io.BytesIO(qr_png(text))) for text in ("KZCP1*1/3*KZCP1|abc", "KZCP1*3/3*ghi")]
    sheet = Image.new("RGB", (sum(p.width for p in pictures) + 40, max(p.height for p in pictures) + 20), "white")
    sheet.paste(pictures[0], (10, 10))
    sheet.paste(pictures[1], (30 + pictures[0].width, 10))
    path = tmp_path / "scan.png"
    sheet.save(path)
    result = _run(lang, "verify-barcode", path)
    assert result.exit_code == 1, result.output
    assert "1, 3" in result.output and "3" in result.output
    assert english_words(result.output) == [], result.output


#: Codes an operator writes in a template as they are: the sections and vocabularies of |label.
LABEL_CODES = {"branch", "heating", "material", "position", "presence", "service", "signature", "unit", "apartment",
               "dacha", "other"}


@LANGS
@pytest.mark.parametrize("tag, facts", [
    ('{{ "x1"|label("no_such_section") }}', ["no_such_section", "room_purpose", "|label"]),
    ('{{ "no_such_code"|label("room_purpose") }}', ["no_such_code", "room_purpose"]),
    ('{{ "no_such_code"|label("object_type") }}', ["no_such_code", "object_type", "individual_house"]),
    ('{{ "x1"|label }}', ["x1", "|label("]),
], ids=["unknown section", "unknown vocabulary code", "unknown labels code", "no section"])
def test_an_unknown_label_in_an_operator_template_is_named_in_the_clerks_language(tmp_path, lang, tag, facts):
    from .test_cli_errors_language import _templates, _with_tag

    folder = _templates(tmp_path, lang, _with_tag(lang, tag))
    result = _run(lang, "render", FORM, "--data", DATA, "--lang", lang, "-o", tmp_path / "out.docx",
                  "--templates", folder)
    assert result.exit_code == 1, result.output
    assert all(fact in result.output for fact in facts), result.output
    assert [word for word in english_words(result.output) if word not in LABEL_CODES] == [], result.output
    assert not (tmp_path / "out.docx").exists()


def test_an_unknown_vocabulary_is_a_library_error():
    from kzcadastre_docs.models.vocabularies import VocabularyNotFound, vocabulary

    with pytest.raises(VocabularyNotFound) as caught:
        vocabulary("../labels")
    text = caught.value.describe("ru")
    assert "room_purpose" in text and [word for word in english_words(text) if word not in LABEL_CODES] == [], text


def _changed(tmp_path, form: str, sample: str, change) -> Path:
    data = json.loads((SAMPLES / form / sample).read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "d.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _house(data):
    data["buildings"].append({**data["buildings"][0], "litera": "Б1"})
    data["rooms"][0]["litera"] = "A"  # a Latin A


def _building(data):
    data["rooms"][0]["litera"] = "Г"
    data["rooms"].append(dict(data["rooms"][0]))


def _apartment(data):
    data["rooms"].append(dict(data["rooms"][0]))
    data.pop("plan", None)


@LANGS
@pytest.mark.parametrize("form, sample, change, facts", [
    ("passport-house", "house-almaty-region.json", _house, ["buildings[5].litera", "'Б1'", "rooms[0].litera", "14.6"]),
    ("passport-building", "business-centre-astana.json", _building, ["rooms[0].litera", "'Г'", "14.9"]),
    ("passport-apartment", None, _apartment, ["rooms[", "number"]),
    ("abris", "house-almaty-region.json", lambda data: data.update(land_plot_cadastral_number="03:044:120:0588:1"),
     ["land_plot_cadastral_number", "03:044:120:0588:1", "13"]),
    (FORM, "apartment-astana.json", lambda data: data.update(cadastral_number="02:036:151"),
     ["cadastral_number", "02:036:151", "13"]),
], ids=["house literas", "building litera and repeated room", "apartment repeated room", "abris land number",
        "cadastral number"])
def test_the_rules_of_literas_rooms_and_numbers_are_said_in_the_clerks_language(tmp_path, lang, form, sample, change,
                                                                                facts):
    sample = sample or sorted(path.name for path in (SAMPLES / form).glob("*.json"))[0]
    result = _run(lang, "validate", form, "--data", _changed(tmp_path, form, sample, change))
    assert result.exit_code == 2, result.output
    assert all(fact in result.output for fact in facts), result.output
    # the codes of the Rules' parts (AA:BBB...) and the kind of number (primary) are codes, as printed in English
    assert english_words(result.output) == [], result.output


@pytest.mark.parametrize("locale, lang, expected", [("ru_KZ.UTF-8", "ru", "не является языком сообщений"),
                                                    ("kk_KZ.UTF-8", "kk", "хабарлама тілі емес"),
                                                    ("C.UTF-8", "en", "is not a message language")])
def test_a_bad_kzcadastre_lang_is_said_in_the_locales_language(locale, lang, expected):
    env = {"KZCADASTRE_LANG": "fr", "LC_ALL": "", "LC_MESSAGES": "", "LANG": locale}
    result = CliRunner().invoke(main, ["forms"], env=env)
    assert result.exit_code == 2, result.output
    assert "KZCADASTRE_LANG" in result.output and "'fr'" in result.output and expected in result.output
    if lang != "en":
        assert english_words(result.output) == [], result.output


def test_a_bad_kzcadastre_lang_under_json_names_the_variable():
    env = {"KZCADASTRE_LANG": "fr", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "ru_RU.UTF-8"}
    result = CliRunner().invoke(main, ["forms", "--format", "json"], env=env)
    assert result.exit_code == 2, result.output
    error = json.loads(result.output)["error"]
    assert error["field"] == "KZCADASTRE_LANG" and "языком сообщений" in error["message"]


@LANGS
def test_a_case_file_pointing_at_a_missing_document_is_reported_in_the_clerks_language(tmp_path, lang):
    (tmp_path / "d.json").write_text(DATA.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "папка").mkdir()
    case = tmp_path / "case.yaml"
    case.write_text("case_number: '1'\nlang: kk\ndocuments:\n"
                    f"  - form: {FORM}\n    data: d.json\n"
                    f"  - form: {FORM}\n    data: missing.json\n"
                    "  - form: no-such-form\n    data: d.json\n"
                    f"  - form: {FORM}\n    data: папка\n", encoding="utf-8")
    result = _run(lang, "bundle", case, "-o", tmp_path / "case.zip", "--docx-zip")
    assert result.exit_code == 2, result.output
    for fact in ("documents[1].data", "missing.json", "documents[2].form", "no-such-form", "documents[3].data"):
        assert fact in result.output, result.output
    text = re.sub(r"\[[a-z_]+\]", "", result.output)  # the rule codes, for programs
    assert english_words(text) == [], result.output
    assert not (tmp_path / "case.zip").exists()


@LANGS
@pytest.mark.parametrize("kind", ["not a database", "a folder"])
def test_a_register_that_cannot_be_opened_is_reported_in_the_clerks_language(tmp_path, lang, kind):
    register = tmp_path / "register.sqlite"
    if kind == "a folder":
        register.mkdir()
    else:
        register.write_text("not a database, only text " * 40, encoding="utf-8")
    result = _run(lang, "cadastral", "show", "02:036:151:1053", "--register", register)
    assert result.exit_code == 1, result.output
    assert "register.sqlite" in result.output
    assert english_words(result.output) == [], result.output


@LANGS
def test_a_workbook_that_cannot_be_read_is_reported_in_the_clerks_language(tmp_path, lang):
    workbook = tmp_path / "records.xlsx"
    workbook.write_bytes(b"PK\x03\x04 not really a workbook")
    result = _run(lang, "batch", "--form", FORM, "--input", workbook, "-o", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert "records.xlsx" in result.output and "xlsx" in result.output
    assert english_words(result.output) == [], result.output


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_an_unexpected_failure_of_a_record_is_translated_and_keeps_its_detail_for_programs(lang):
    from kzcadastre_docs.jobs.batch import _unexpected_problem

    row = _unexpected_problem("internal", RuntimeError("boom at step 3")).as_dict(lang)
    assert row["detail"] == "RuntimeError: boom at step 3"
    if lang == "en":
        assert row["message"] == "unexpected failure: RuntimeError: boom at step 3"
    else:
        assert english_words(row["message"]) == [] and row["message"], row


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_libreoffice_failures_leave_its_english_words_out_of_a_kk_or_ru_message(monkeypatch, lang):
    from kzcadastre_docs.i18n.catalogue import Message
    from kzcadastre_docs.pdf import converter as module

    reasons = iter([Message("LibreOffice stopped{diagnostics}", diagnostics="; LibreOffice: Segmentation fault"),
                    Message("connection to LibreOffice lost: {detail}", detail="DisposedException: Binary URP bridge"),
                    Message("no answer within {seconds} s", seconds="60")])

    def attempt(self, *args):
        raise module._Retry(next(reasons))

    monkeypatch.setattr(module.Converter, "_attempt", attempt)
    monkeypatch.setattr(module.Converter, "_discard", lambda self: None)
    with pytest.raises(module.ConversionError) as caught:
        module.Converter(attempts=3).convert(b"docx", name="d.docx")
    text = caught.value.describe(lang)
    assert "d.docx" in text and "60" in text and "3" in text
    assert english_words(text) == [], text
    assert "Segmentation fault" in caught.value.describe("en")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_libreoffice_refusing_a_document_is_said_without_its_words_which_go_to_programs(lang):
    from kzcadastre_docs.pdf.converter import ConversionError

    error = ConversionError("{name}: LibreOffice could not convert it: {detail}", name="d.docx",
                            detail="com.sun.star.io.IOException: SfxBaseModel::impl_store failed")
    assert english_words(error.describe(lang)) == [] and "d.docx" in error.describe(lang)
    assert error.as_dict(lang)["detail"].startswith("com.sun.star")


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("failure", ["error", "timeout"])
def test_pdftoppm_failing_in_a_preview_is_said_in_the_clerks_language(monkeypatch, lang, failure):
    import subprocess

    from kzcadastre_docs.jobs import preview

    def run(command, **options):
        if failure == "timeout":
            raise subprocess.TimeoutExpired(command, options["timeout"])
        raise subprocess.CalledProcessError(99, command, stderr=b"Syntax Error: Couldn't read xref table")

    monkeypatch.setattr(preview.shutil, "which", lambda name: "/usr/bin/pdftoppm")
    monkeypatch.setattr(preview.subprocess, "run", run)
    with pytest.raises(preview.PreviewError) as caught:
        preview.png_pages(b"%PDF-1.4", timeout=7)
    text = caught.value.describe(lang)
    assert [word for word in english_words(text) if word != "pdftoppm"] == [], text
    assert failure != "timeout" or "7" in text


@LANGS
def test_a_record_whose_file_cannot_be_written_is_reported_in_the_clerks_language(tmp_path, lang):
    from kzcadastre_docs.jobs.batch import output_name

    data = json.loads(DATA.read_text(encoding="utf-8"))
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    (out / f"{output_name(1, data)}.{lang}.docx" / "inner").mkdir(parents=True)  # a folder where the file goes
    result = _run(lang, "batch", "--form", FORM, "--input", records, "-o", out, "--lang", lang, "--force")
    assert result.exit_code == 1, result.output
    rows = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [row["rule"] for row in rows] == ["write"]
    assert english_words(rows[0]["message"]) == [] and english_words(result.output) == [], rows


@LANGS
def test_a_data_file_the_system_refuses_is_reported_in_the_clerks_language(tmp_path, lang, monkeypatch):
    """The same path as a file without read permission, for a run as root (which reads every file)."""
    from kzcadastre_docs import files

    data = tmp_path / "d.json"
    data.write_text(DATA.read_text(encoding="utf-8"), encoding="utf-8")
    real_open = files.os.open

    def refusing_open(path, *args, **kwargs):
        if str(path) == str(data):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(files.os, "open", refusing_open)
    result = _run(lang, "render", FORM, "--data", data, "--lang", lang, "-o", tmp_path / "out.docx")
    assert result.exit_code == 2, result.output
    assert "d.json" in result.output and os_reason(PermissionError(errno.EACCES, "")).describe(lang) in result.output
    assert english_words(result.output) == [], result.output


@pytest.mark.parametrize("lang", ["kk", "en"])
def test_a_librarys_own_words_reach_programs_as_detail_and_english_readers_after_the_message(tmp_path, lang):
    path = tmp_path / "scan.png"
    path.write_bytes(_picture(tmp_path).read_bytes())
    result = _run(lang, "verify-barcode", path, "--format", "json")
    assert result.exit_code == 1, result.output
    error = json.loads(result.output)["error"]
    assert "truncated" in error["detail"]
    assert ("truncated" in error["message"]) == (lang == "en")


@LANGS
@pytest.mark.parametrize("name, content", [("records.csv", b"number,applicant.iin\n\xff\xfe,1\n"),
                                           ("records.jsonl", b'{"number": "\xff"}\n')])
def test_a_batch_input_that_is_not_utf8_is_refused_in_the_clerks_language(tmp_path, lang, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    result = _run(lang, "batch", "--form", FORM, "--input", path, "-o", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert name in result.output and "UTF-8" in result.output
    assert english_words(result.output) == [], result.output
    assert not (tmp_path / "out").exists()


@LANGS
def test_an_outline_whose_sides_cross_says_where_in_the_clerks_language(tmp_path, lang):
    path = _changed(tmp_path, "abris", "house-almaty-region.json",
                    lambda data: data.update(plot_outline=[[0, 0], [20, 20], [20, 0], [0, 20], [0, 0]]))
    result = _run(lang, "validate", "abris", "--data", path)
    assert result.exit_code == 2, result.output
    assert "plot_outline" in result.output and "(10, 10)" in result.output
    assert english_words(result.output) == [], result.output
