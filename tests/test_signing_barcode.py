"""The barcode's signature in the passport's QR payload (KZCP1): signed with the key that
signs the PDF, verified against the PDF's signers and the data. Needs the barcode package."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

pytest.importorskip("kzcadastre_docs.barcode")

from kzcadastre_docs.barcode import Payload  # noqa: E402
from kzcadastre_docs.cli import main  # noqa: E402
from kzcadastre_docs.signing import load_pkcs12  # noqa: E402
from kzcadastre_docs.signing.barcode import (barcode_signing, sign_barcode, sign_if_active,  # noqa: E402
                                             verify_barcode_signature)

from .conftest import SAMPLES  # noqa: E402
from .signing_pki import PASSWORD, issue, make_ca, write_ca  # noqa: E402

PAYLOAD = Payload("F3", "21:320:105:2015:2:45", "21-2026-004512", "2026-11-20", "A" * 43)


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pki-barcode")
    ca = make_ca()
    return {"folder": folder, "ca_pem": write_ca(folder, ca), "rsa": issue(folder, "rsa", ca),
            "ec": issue(folder, "ec", ca, kind="ec")}


@pytest.mark.parametrize("kind, added", [("ec", 105), ("rsa", 361)])
def test_signed_payload_round_trip(pki, kind, added):
    key = load_pkcs12(pki[kind].p12, PASSWORD)
    signed = sign_barcode(PAYLOAD, key)
    text = signed.encode()
    assert len(text) - len(PAYLOAD.encode()) == added
    read = Payload.decode(text)
    assert verify_barcode_signature(read, [pki[kind].certificate]).valid
    changed = Payload.decode(text.replace("21-2026-004512", "21-2026-004513"))
    result = verify_barcode_signature(changed, [pki[kind].certificate])
    assert not result.valid and "does not match" in result.problem
    assert not verify_barcode_signature(PAYLOAD, [pki[kind].certificate]).valid  # unsigned


def test_signing_is_active_only_inside_the_context(pki):
    key = load_pkcs12(pki["ec"].p12, PASSWORD)
    assert sign_if_active(PAYLOAD) is PAYLOAD
    with barcode_signing(key):
        assert sign_if_active(PAYLOAD).signature is not None
    assert sign_if_active(PAYLOAD) is PAYLOAD


def _passport_sample():
    found = sorted((SAMPLES / "passport-apartment").glob("*.json"))
    if not found:
        pytest.skip("no passport-apartment sample")
    return found[0]


@pytest.mark.libreoffice
def test_render_sign_signs_the_barcode_and_verify_checks_it(pki, tmp_path, monkeypatch, office):
    monkeypatch.setenv("KZCADASTRE_KEY_PASSWORD", PASSWORD)
    runner = CliRunner()
    sample = _passport_sample()
    out = tmp_path / "passport.ru.docx"
    result = runner.invoke(main, ["render", "passport-apartment", "--data", str(sample), "--lang", "ru", "-o", str(out),
                                  "--pdf-a", "--sign", str(pki["ec"].p12)])
    assert result.exit_code == 0, result.output
    pdf = out.with_suffix(".pdf")
    result = runner.invoke(main, ["verify", str(pdf), "--trust", str(pki["ca_pem"]), "--data", str(sample),
                                  "--format", "json"])
    report = json.loads(result.output)
    assert result.exit_code == 0, result.output
    assert report["barcode"]["valid"] and report["barcode"]["compared_with_data"]
    assert report["barcode"]["signed_by"]["serial"] == format(pki["ec"].certificate.serial_number, "x")
    # other data: the digest differs
    data = json.loads(sample.read_text(encoding="utf-8"))
    data["order_number"] = data["order_number"] + "9"
    other = tmp_path / "other.json"
    other.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(main, ["verify", str(pdf), "--data", str(other)])
    assert result.exit_code == 1 and "barcode: INVALID" in result.output
    # a passport signed afterwards, without --sign at rendering, has an unsigned barcode
    plain = tmp_path / "plain.ru.docx"
    assert runner.invoke(main, ["render", "passport-apartment", "--data", str(sample), "--lang", "ru",
                                "-o", str(plain), "--pdf"]).exit_code == 0
    signed = tmp_path / "plain.signed.pdf"
    assert runner.invoke(main, ["sign", str(plain.with_suffix(".pdf")), "--pkcs12", str(pki["ec"].p12),
                                "-o", str(signed)]).exit_code == 0
    result = runner.invoke(main, ["verify", str(signed)])
    assert result.exit_code == 1 and "carries no signature" in result.output
