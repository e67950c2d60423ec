"""The sign and verify commands, and --sign on render, batch and bundle: exit statuses,
messages, nothing written on bad input, no key material in any output."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives import serialization
from pypdf import PdfReader, PdfWriter

from kzcadastre_docs.cli import main

from .conftest import SAMPLES
from .signing_pki import PASSWORD, issue, key_only_p12, make_ca, write_ca


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pki-cli")
    ca = make_ca()
    return {
        "folder": folder,
        "ca_pem": write_ca(folder, ca),
        "other_ca_pem": write_ca(folder, make_ca("Басқа CA"), "other-ca"),
        "rsa": issue(folder, "rsa", ca),
        "expired": issue(folder, "expired", ca, days=(-400, -10)),
        "no_sign": issue(folder, "no-sign", ca, can_sign=False),
    }


@pytest.fixture()
def runner(monkeypatch):
    monkeypatch.setenv("KZCADASTRE_KEY_PASSWORD", PASSWORD)
    return CliRunner()


@pytest.fixture()
def pdf_file(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    path = tmp_path / "doc.pdf"
    path.write_bytes(out.getvalue())
    return path


def _key_texts(issued) -> list[str]:
    """Forms in which the private key or the password could leak."""
    pem = issued.key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                   serialization.NoEncryption()).decode()
    body = "".join(pem.splitlines()[1:-1])
    return [PASSWORD, body[:40], body[-40:]]


def test_sign_then_verify(runner, pki, pdf_file, tmp_path):
    out = tmp_path / "signed.pdf"
    result = runner.invoke(main, ["sign", str(pdf_file), "--pkcs12", str(pki["rsa"].p12), "-o", str(out),
                                  "--reason", "Заключение", "--location", "Астана"])
    assert result.exit_code == 0, result.output
    assert "ИВАНОВ ИВАН ИВАНОВИЧ" in result.output
    result = runner.invoke(main, ["verify", str(out), "--trust", str(pki["ca_pem"])])
    assert result.exit_code == 0, result.output
    assert "VALID" in result.output and "chain: trusted" in result.output
    result = runner.invoke(main, ["verify", str(out), "--trust", str(pki["ca_pem"]), "--format", "json"])
    report = json.loads(result.output)
    assert report["valid"] and report["signatures"][0]["reason"] == "Заключение"
    assert report["signatures"][0]["location"] == "Астана"


def test_verify_fails_on_a_changed_byte_and_an_untrusted_root(runner, pki, pdf_file, tmp_path):
    out = tmp_path / "signed.pdf"
    runner.invoke(main, ["sign", str(pdf_file), "--pkcs12", str(pki["rsa"].p12), "-o", str(out)])
    result = runner.invoke(main, ["verify", str(out), "--trust", str(pki["other_ca_pem"])])
    assert result.exit_code == 1 and "NOT trusted" in result.output
    data = bytearray(out.read_bytes())
    where = data.index(b"/MediaBox")
    data[where + 1] = ord("N")
    out.write_bytes(bytes(data))
    result = runner.invoke(main, ["verify", str(out), "--format", "json"])
    assert result.exit_code == 1
    assert not json.loads(result.output)["signatures"][0]["intact"]


def test_verify_reports_an_expired_certificate(runner, pki, pdf_file, tmp_path):
    out = tmp_path / "signed.pdf"
    assert runner.invoke(main, ["sign", str(pdf_file), "--pkcs12", str(pki["expired"].p12), "-o", str(out)]).exit_code == 0
    result = runner.invoke(main, ["verify", str(out), "--trust", str(pki["ca_pem"])])
    assert result.exit_code == 1 and "expired on" in result.output


@pytest.mark.parametrize("case", ["wrong-password", "key-only", "cannot-sign", "unreadable-pdf", "not-a-pdf",
                                  "missing-key", "password-env-unset"])
def test_bad_input_exits_2_and_writes_nothing(runner, pki, pdf_file, tmp_path, monkeypatch, case):
    out = tmp_path / "out" / "signed.pdf"
    key = pki["rsa"].p12
    source = pdf_file
    extra = []
    expected = None
    if case == "wrong-password":
        monkeypatch.setenv("KZCADASTRE_KEY_PASSWORD", "wrong")
        expected = "wrong password"
    elif case == "key-only":
        key = key_only_p12(tmp_path, pki["rsa"].key)
        expected = "not its certificate"
    elif case == "cannot-sign":
        key = pki["no_sign"].p12
        expected = "may not sign"
    elif case == "unreadable-pdf":
        source = tmp_path / "missing.pdf"
        expected = "cannot be read"
    elif case == "not-a-pdf":
        source = tmp_path / "text.pdf"
        source.write_text("not a pdf")
        expected = "not a PDF"
    elif case == "missing-key":
        key = tmp_path / "none.p12"
        expected = "no such key file"
    elif case == "password-env-unset":
        extra = ["--password-env", "KZ_TEST_UNSET_VARIABLE"]
        expected = "not set"
    result = runner.invoke(main, ["sign", str(source), "--pkcs12", str(key), "-o", str(out), *extra])
    assert result.exit_code == 2, result.output
    assert expected in result.output
    assert "Traceback" not in result.output
    assert not out.parent.exists() or not any(out.parent.iterdir())
    for secret in _key_texts(pki["rsa"]):
        assert secret not in result.output


def test_no_temporary_file_is_left_and_output_is_not_replaced(runner, pki, pdf_file, tmp_path):
    out = tmp_path / "signed.pdf"
    out.write_bytes(b"keep")
    result = runner.invoke(main, ["sign", str(pdf_file), "--pkcs12", str(pki["rsa"].p12), "-o", str(out)])
    assert result.exit_code == 2 and out.read_bytes() == b"keep"
    result = runner.invoke(main, ["sign", str(pdf_file), "--pkcs12", str(pki["rsa"].p12), "-o", str(out), "--force"])
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.pdf", "signed.pdf"]


def test_verify_usage_errors(runner, pki, tmp_path, pdf_file):
    assert runner.invoke(main, ["verify", str(tmp_path / "none.pdf")]).exit_code == 2
    assert runner.invoke(main, ["verify", str(pdf_file), "--trust", str(pdf_file)]).exit_code == 2
    result = runner.invoke(main, ["verify", str(pdf_file)])
    assert result.exit_code == 1 and "no signature" in result.output


def test_sign_options_need_sign(runner, tmp_path):
    result = runner.invoke(main, ["render", "notice-incomplete", "--data",
                                  str(next((SAMPLES / "notice-incomplete").glob("*.json"))),
                                  "--lang", "kk", "-o", str(tmp_path / "x.docx"), "--tsa-url", "http://127.0.0.1:9"])
    assert result.exit_code == 2 and "go with --sign" in result.output


# -- with LibreOffice ------------------------------------------------------------------------

@pytest.mark.libreoffice
def test_render_sign_writes_a_signed_pdf(runner, pki, tmp_path, office):
    data = SAMPLES / "conclusion" / "apartment-astana.json"
    out = tmp_path / "conclusion.kk.docx"
    result = runner.invoke(main, ["render", "conclusion", "--data", str(data), "--lang", "kk", "-o", str(out),
                                  "--pdf-a", "--sign", str(pki["rsa"].p12)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["verify", str(out.with_suffix(".pdf")), "--trust", str(pki["ca_pem"]),
                                  "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["signatures"][0]["covers_whole_document"]


@pytest.mark.libreoffice
def test_render_sign_with_a_bad_key_renders_nothing(runner, pki, tmp_path, monkeypatch, office):
    monkeypatch.setenv("KZCADASTRE_KEY_PASSWORD", "wrong")
    out = tmp_path / "conclusion.kk.docx"
    result = runner.invoke(main, ["render", "conclusion", "--data", str(SAMPLES / "conclusion" / "apartment-astana.json"),
                                  "--lang", "kk", "-o", str(out), "--sign", str(pki["rsa"].p12)])
    assert result.exit_code == 2 and not list(tmp_path.iterdir())


@pytest.mark.libreoffice
def test_bundle_is_signed_as_a_whole(runner, pki, tmp_path, office):
    out = tmp_path / "case.pdf"
    result = runner.invoke(main, ["bundle", str(SAMPLES / "cases" / "house-almaty-region.yaml"), "--root", str(SAMPLES), "-o", str(out),
                                  "--sign", str(pki["rsa"].p12)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["verify", str(out), "--trust", str(pki["ca_pem"]), "--format", "json"])
    report = json.loads(result.output)
    assert result.exit_code == 0 and len(report["signatures"]) == 1
    assert report["signatures"][0]["covers_whole_document"]
    assert len(PdfReader(out).pages) > 3


@pytest.mark.libreoffice
def test_batch_signs_each_pdf(runner, pki, tmp_path, office):
    records = tmp_path / "records.jsonl"
    sample = json.loads(next((SAMPLES / "notice-incomplete").glob("*.json")).read_text(encoding="utf-8"))
    records.write_text(json.dumps(sample, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(main, ["batch", "--form", "notice-incomplete", "--input", str(records), "-o", str(out),
                                  "--lang", "ru", "--sign", str(pki["rsa"].p12)])
    assert result.exit_code == 0, result.output
    [pdf] = list(out.glob("*.pdf"))
    result = runner.invoke(main, ["verify", str(pdf), "--trust", str(pki["ca_pem"])])
    assert result.exit_code == 0, result.output


def test_batch_sign_stays_in_this_process(runner, pki, tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text("{}\n", encoding="utf-8")
    result = runner.invoke(main, ["batch", "--form", "notice-incomplete", "--input", str(records), "-o",
                                  str(tmp_path / "out"), "--jobs", "2", "--sign", str(pki["rsa"].p12)])
    assert result.exit_code == 2 and "--jobs 1" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.libreoffice
def test_bundle_pdf_a_zip_signs_each_document(runner, pki, tmp_path, office):
    import zipfile

    out = tmp_path / "case.zip"
    result = runner.invoke(main, ["bundle", str(SAMPLES / "cases" / "house-almaty-region.yaml"), "-o", str(out),
                                  "--root", str(SAMPLES), "--pdf-a-zip", "--sign", str(pki["rsa"].p12)])
    assert result.exit_code == 0, result.output
    from kzcadastre_docs.signing import verify_pdf
    from kzcadastre_docs.signing.keys import load_certificates

    roots = load_certificates(pki["ca_pem"])
    with zipfile.ZipFile(out) as archive:
        names = [name for name in archive.namelist() if name.endswith(".pdf")]
        assert names
        for name in names:
            report = verify_pdf(archive.read(name), roots)
            assert report.ok and len(report.signatures) == 1, (name, report.as_dict())


def test_external_signer_from_the_command_line(runner, pki, pdf_file, tmp_path):
    import base64

    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs7

    issued = pki["rsa"]
    prepared, data = tmp_path / "prepared.json", tmp_path / "to-sign.bin"
    result = runner.invoke(main, ["sign-prepare", str(pdf_file), "--certificate", str(issued.pem), "-o", str(prepared),
                                  "--to-sign", str(data), "--lang", "ru"])
    assert result.exit_code == 0, result.output
    # the external signer (here OpenSSL, standing in for NCALayer or Kalkan) signs the bytes
    cms = (pkcs7.PKCS7SignatureBuilder().set_data(data.read_bytes()).add_signer(issued.certificate, issued.key,
                                                                                hashes.SHA256())
           .sign(Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary]))
    answer = tmp_path / "answer.b64"
    answer.write_bytes(base64.b64encode(cms))  # NCALayer answers in base64
    out = tmp_path / "signed.pdf"
    result = runner.invoke(main, ["sign-finish", str(prepared), "--cms", str(answer), "-o", str(out)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["verify", str(out), "--trust", str(pki["ca_pem"])])
    assert result.exit_code == 0, result.output
    # a CMS over other bytes is refused, nothing written
    wrong = (pkcs7.PKCS7SignatureBuilder().set_data(b"other").add_signer(issued.certificate, issued.key, hashes.SHA256())
             .sign(Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary]))
    answer.write_bytes(wrong)
    other = tmp_path / "other.pdf"
    result = runner.invoke(main, ["sign-finish", str(prepared), "--cms", str(answer), "-o", str(other)])
    assert result.exit_code == 1 and "other data" in result.output and not other.exists()
    result = runner.invoke(main, ["sign-finish", str(pdf_file), "--cms", str(answer), "-o", str(other)])
    assert result.exit_code == 2 and "not a document prepared" in result.output
