"""Signatures: PAdES on PDFs (RSA and ECDSA from PKCS#12, B-T with a local timestamp
authority), the visible block, PDF/A kept, duplicates, verification (a changed byte, an
expired or untrusted certificate), the external (GOST) signer flow with an RSA stand-in, and
the barcode's payload signature. Certificates come from a throwaway CA made at test time.
"""

from __future__ import annotations

import http.server
import io
import json
import re
import subprocess
import threading
from datetime import datetime, timezone

import pytest
from pypdf import PdfReader, PdfWriter

from kzcadastre_docs import api
from kzcadastre_docs.signing import (PayloadSignature, PreparedDocument, SignatureOptions, SigningError,
                                     SigningInputError, finish_external, load_pkcs12, prepare_external,
                                     sign_external, sign_payload, sign_pdf, verify_payload, verify_pdf)
from kzcadastre_docs.signing.keys import certificate_id, load_pkcs12_data
from kzcadastre_docs.signing.payload import join, split
from kzcadastre_docs.signing.placement import Placement

from .conftest import SAMPLES
from .signing_pki import PASSWORD, issue, key_only_p12, make_ca


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pki")
    ca = make_ca()
    other_ca = make_ca("Басқа CA")
    return {
        "folder": folder,
        "ca": ca,
        "rsa": issue(folder, "rsa", ca),
        "ec": issue(folder, "ec", ca, kind="ec"),
        "expired": issue(folder, "expired", ca, days=(-400, -10)),
        "no_sign": issue(folder, "no-sign", ca, can_sign=False),
        "stranger": issue(folder, "stranger", other_ca),
        "tsa": issue(folder, "tsa", ca, time_stamping=True, title=None, common_name="Тест TSA"),
    }


def blank_pdf(pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def conclusion_pdf_a(converter):
    """The Russian conclusion sample as PDF/A-2b (LibreOffice)."""
    data = json.loads((SAMPLES / "conclusion" / "apartment-astana.json").read_text(encoding="utf-8"))
    return api.render_pdf("conclusion", data, "ru", pdf_a=True, converter=converter)


@pytest.fixture(scope="module")
def duplicate_passport_pdf(converter):
    data = json.loads((SAMPLES / "passport-house" / "house-almaty-region.json").read_text(encoding="utf-8"))
    data["duplicate"] = {"issued_on": "2026-12-01"}
    return api.render_pdf("passport-house", data, "kk", pdf_a=True, converter=converter)


def _key(issued):
    return load_pkcs12(issued.p12, PASSWORD)


# -- keys ------------------------------------------------------------------------------------

def test_wrong_password_is_refused_without_the_password_in_the_message(pki):
    with pytest.raises(SigningInputError) as caught:
        load_pkcs12(pki["rsa"].p12, "not-the-password")
    assert "wrong password" in str(caught.value)
    assert "not-the-password" not in str(caught.value)


def test_a_key_without_its_certificate_is_refused(pki):
    path = key_only_p12(pki["folder"], pki["rsa"].key)
    with pytest.raises(SigningInputError, match="not its certificate"):
        load_pkcs12(path, PASSWORD)


def test_a_certificate_that_may_not_sign_is_refused(pki):
    with pytest.raises(SigningInputError, match="digitalSignature nor nonRepudiation"):
        load_pkcs12(pki["no_sign"].p12, PASSWORD)


def test_the_key_never_shows_in_repr(pki):
    key = _key(pki["rsa"])
    assert "PRIVATE" not in repr(key) and "private_key" not in repr(key)


# -- PAdES -----------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["rsa", "ec"])
def test_a_signed_pdf_verifies_and_one_changed_byte_fails(pki, kind):
    signed = sign_pdf(blank_pdf(), _key(pki[kind]), SignatureOptions(lang="ru"))
    report = verify_pdf(signed, [pki["ca"][1]])
    assert report.ok, report.as_dict()
    [signature] = report.signatures
    assert signature.intact and signature.trusted and signature.covers_whole_document
    assert signature.signer == "ИВАНОВ ИВАН ИВАНОВИЧ" and signature.level == "PAdES B-B"
    assert signature.certificate_serial == format(pki[kind].certificate.serial_number, "x")
    # one byte inside the signed range (in the page's content, before the signature)
    changed = bytearray(signed)
    where = signed.index(b"/MediaBox")
    changed[where + 1] = ord("N")
    report = verify_pdf(bytes(changed), [pki["ca"][1]])
    assert not report.ok
    assert any("changed after signing" in p for p in report.signatures[0].problems)


def test_an_untrusted_and_an_expired_certificate_are_reported(pki):
    untrusted = verify_pdf(sign_pdf(blank_pdf(), _key(pki["stranger"])), [pki["ca"][1]])
    assert not untrusted.ok and untrusted.signatures[0].trusted is False
    assert any("trust roots" in p for p in untrusted.signatures[0].problems)
    expired = verify_pdf(sign_pdf(blank_pdf(), _key(pki["expired"])), [pki["ca"][1]])
    assert not expired.ok
    assert any("expired on" in p for p in expired.signatures[0].problems)
    # without trust roots the chain is not checked, and says so
    alone = verify_pdf(sign_pdf(blank_pdf(), _key(pki["stranger"])))
    assert alone.ok and alone.signatures[0].trusted is None and not alone.trust_checked


def test_changes_after_signing_are_told_apart(pki):
    once = sign_pdf(blank_pdf(), _key(pki["rsa"]))
    twice = sign_pdf(once, _key(pki["ec"]))
    report = verify_pdf(twice, [pki["ca"][1]])
    assert report.ok, report.as_dict()
    first, second = report.signatures
    assert first.changed_after_signing and first.later_changes == "signatures or form filling"
    assert not second.changed_after_signing
    # a page added after signing is a change no signature allows
    writer = PdfWriter(io.BytesIO(once), incremental=True)
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    report = verify_pdf(out.getvalue(), [pki["ca"][1]])
    assert not report.ok and report.signatures[0].changed_after_signing
    assert report.signatures[0].later_changes == "other changes"


def test_not_a_pdf_and_no_signature(pki):
    with pytest.raises(SigningInputError, match="not a PDF"):
        sign_pdf(b"hello", _key(pki["rsa"]))
    with pytest.raises(SigningInputError, match="cannot be read"):
        sign_pdf(b"%PDF-1.7\n garbage", _key(pki["rsa"]))
    report = verify_pdf(blank_pdf())
    assert not report.ok and report.problems == ["the PDF has no signature"]


def test_reason_and_block_mark_a_duplicate(pki):
    signed = sign_pdf(blank_pdf(), _key(pki["rsa"]), SignatureOptions(lang="kk", duplicate=True, reason="Кадастрлық паспорт"))
    [signature] = verify_pdf(signed).signatures
    assert signature.reason == "Телнұсқа. Кадастрлық паспорт"
    assert _block_lines(signed)[0] == "ТЕЛНҰСҚА"
    plain = sign_pdf(blank_pdf(), _key(pki["rsa"]), SignatureOptions(lang="ru", duplicate=False))
    assert verify_pdf(plain).signatures[0].reason is None and _block_lines(plain)[0] != "ДУБЛИКАТ"


# -- the timestamp authority (PAdES B-T) -----------------------------------------------------

@pytest.fixture()
def tsa_url(pki):
    """An RFC 3161 timestamp authority on 127.0.0.1, answering with pyHanko's test TSA."""
    from asn1crypto import keys as asn1_keys, tsp
    from cryptography.hazmat.primitives import serialization
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    from kzcadastre_docs.signing.pades import asn1_certificate

    tsa = pki["tsa"]
    stamper = DummyTimeStamper(
        tsa_cert=asn1_certificate(tsa.certificate),
        tsa_key=asn1_keys.PrivateKeyInfo.load(tsa.key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())))
    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            body = self.rfile.read(int(self.headers["Content-Length"]))
            seen.append(self.headers["Content-Type"])
            answer = stamper.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/tsa", seen
    server.shutdown()
    server.server_close()


def test_b_t_with_a_local_timestamp_authority(pki, tsa_url):
    url, seen = tsa_url
    signed = sign_pdf(blank_pdf(), _key(pki["rsa"]), SignatureOptions(tsa_url=url))
    assert seen and set(seen) == {"application/timestamp-query"}
    [signature] = verify_pdf(signed, [pki["ca"][1]]).signatures
    assert signature.ok, signature.problems
    assert signature.level == "PAdES B-T" and signature.timestamp_valid
    stamped = datetime.fromisoformat(signature.timestamp.replace("Z", "+00:00"))
    assert abs((stamped - datetime.now(timezone.utc)).total_seconds()) < 120


def test_a_timestamp_authority_that_does_not_answer_fails_cleanly(pki):
    with pytest.raises(SigningError, match="timestamp authority"):
        sign_pdf(blank_pdf(), _key(pki["rsa"]), SignatureOptions(tsa_url="http://127.0.0.1:9/tsa", tsa_timeout=2))


# -- the external signer (the GOST flow) with an RSA stand-in --------------------------------

def _stand_in(issued, tamper=lambda data: data):
    """An external signer as a Kalkan service would be: a detached CMS over the bytes given,
    made here by OpenSSL (through cryptography), not by pyHanko."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs7

    def signer(prepared: PreparedDocument) -> bytes:
        return (pkcs7.PKCS7SignatureBuilder().set_data(tamper(prepared.signed_bytes()))
                .add_signer(issued.certificate, issued.key, hashes.SHA256())
                .sign(Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary]))
    return signer


def test_external_signer_flow_survives_a_json_round_trip(pki):
    issued = pki["rsa"]
    prepared = prepare_external(blank_pdf(), issued.certificate, SignatureOptions(lang="ru"))
    assert prepared.reserved >= 16384
    kept = json.loads(json.dumps(prepared.to_dict()))
    restored = PreparedDocument.from_dict(kept)
    signed = finish_external(restored, _stand_in(issued)(restored))
    report = verify_pdf(signed, [pki["ca"][1]])
    assert report.ok, report.as_dict()
    assert report.signatures[0].signer == "ИВАНОВ ИВАН ИВАНОВИЧ"


def test_external_signer_answers_that_do_not_fit_are_refused(pki):
    issued, other = pki["rsa"], pki["ec"]
    pdf = blank_pdf()
    with pytest.raises(SigningError, match="not a DER-encoded CMS"):
        sign_external(pdf, issued.certificate, lambda prepared: b"not a cms")
    with pytest.raises(SigningError, match="other data"):
        sign_external(pdf, issued.certificate, _stand_in(issued, tamper=lambda data: data + b"x"))
    with pytest.raises(SigningError, match="certificate the document was prepared with"):
        sign_external(pdf, issued.certificate, _stand_in(other))
    with pytest.raises(SigningError, match="placeholder"):
        sign_external(pdf, issued.certificate, _stand_in(issued), reserved=1024)


def test_external_signer_with_timestamp(pki, tsa_url):
    url, seen = tsa_url
    signed = sign_external(blank_pdf(), pki["rsa"].certificate, _stand_in(pki["rsa"]), SignatureOptions(tsa_url=url))
    [signature] = verify_pdf(signed, [pki["ca"][1]]).signatures
    assert signature.ok and signature.level == "PAdES B-T", signature.problems


# -- the barcode's payload signature ---------------------------------------------------------

@pytest.mark.parametrize("kind, size", [("ec", 64), ("rsa", 256)])
def test_payload_signature_verifies_and_fails_on_a_changed_payload(pki, kind, size):
    key = _key(pki[kind])
    payload = "KZCD1|cadastral-passport|21:320:105:2015|2026-11-24".encode("utf-8")
    signature = sign_payload(payload, key)
    assert len(signature.signature) == size and len(signature.to_bytes()) == 9 + size
    assert signature.certificate_id == certificate_id(pki[kind].certificate)
    restored = PayloadSignature.from_text(signature.to_text())
    certificates = [pki["expired"].certificate, pki[kind].certificate]
    assert verify_payload(payload, restored, certificates).valid
    changed = verify_payload(payload.replace(b"2015", b"2016"), restored, certificates)
    assert not changed.valid and "does not match" in changed.problem
    unknown = verify_payload(payload, restored, [pki["expired"].certificate])
    assert not unknown.valid and "certificate id" in unknown.problem


def test_ecdsa_payload_signatures_are_deterministic(pki):
    key = _key(pki["ec"])
    assert sign_payload(b"abc", key) == sign_payload(b"abc", key)


def test_payload_parts_for_several_codes():
    data = bytes(range(256)) * 3
    parts = split(data, 300)
    assert len(parts) == 3 and all(len(part) <= 300 for part in parts)
    assert join(reversed(parts)) == data
    with pytest.raises(ValueError, match="missing: 2"):
        join([parts[0], parts[2]])


# -- with LibreOffice's PDF/A: the block's place, PDF/A kept, poppler agrees ------------------

pdf_a_marks = pytest.mark.libreoffice


def _xmp(pdf: bytes) -> str:
    return PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")


@pdf_a_marks
def test_pdf_a_stays_pdf_a_when_signed(pki, conclusion_pdf_a):
    signed = sign_pdf(conclusion_pdf_a, _key(pki["ec"]))
    assert signed.startswith(conclusion_pdf_a)  # an incremental update: the original bytes untouched
    reader = PdfReader(io.BytesIO(signed))
    root = reader.trailer["/Root"]
    assert "<pdfaid:part>2</pdfaid:part>" in _xmp(signed) and _xmp(signed) == _xmp(conclusion_pdf_a)
    assert reader.metadata == PdfReader(io.BytesIO(conclusion_pdf_a)).metadata
    assert str(root.get("/Version", "/1.7")) == "/1.7" and reader.pdf_header.startswith("%PDF-1.")
    assert "/NeedAppearances" not in root["/AcroForm"]
    # every font embedded (PDF/A), no transparency in the block
    fonts = subprocess.run(["pdffonts", "-"], input=signed, capture_output=True, check=True).stdout.decode()
    assert fonts.count("\n") > 2
    for line in fonts.splitlines()[2:]:
        assert re.search(r"\byes\s+yes\b", line), line
    annotation = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])][-1]
    assert int(annotation["/F"]) & 4 and not int(annotation["/F"]) & 2  # printed, not hidden
    assert set(annotation["/AP"].keys()) == {"/N"}  # PDF/A: a normal appearance only
    appearance = annotation["/AP"]["/N"].get_object()
    assert b"/CA" not in appearance.get_data() and "/ExtGState" not in (appearance.get("/Resources") or {})


@pdf_a_marks
def test_block_goes_under_the_heads_caption(pki, conclusion_pdf_a):
    signed = sign_pdf(conclusion_pdf_a, _key(pki["rsa"]))
    reader = PdfReader(io.BytesIO(signed))
    # The official conclusion has its director's line on the form's page (an attachment follows).
    index = next(i for i, page in enumerate(reader.pages) if "Директор филиала" in page.extract_text())
    annotation = reader.pages[index]["/Annots"][-1].get_object()
    x1, y1, x2, y2 = (float(v) for v in annotation["/Rect"])
    caption = []
    reader.pages[index].extract_text(visitor_text=lambda text, cm, tm, font, size:
                                     caption.append((tm[5] * cm[3] + cm[5])) if "Директор филиала" in text else None)
    assert caption and y2 < caption[0]  # below the caption
    # a second signature does not cover the first block
    twice = sign_pdf(signed, _key(pki["ec"]))
    blocks = [(number, [float(v) for v in a.get_object()["/Rect"]])
              for number, page in enumerate(PdfReader(io.BytesIO(twice)).pages) for a in page.get("/Annots", [])]
    assert len(blocks) == 2
    (p1, (a1, b1, a2, b2)), (p2, (c1, d1, c2, d2)) = blocks
    assert p1 != p2 or b2 <= d1 or d2 <= b1 or a2 <= c1 or c2 <= a1


@pdf_a_marks
def test_poppler_says_the_signature_is_valid(pki, conclusion_pdf_a, tmp_path):
    import shutil

    if shutil.which("pdfsig") is None:
        pytest.skip("needs pdfsig (poppler-utils)")
    path = tmp_path / "signed.pdf"
    path.write_bytes(sign_pdf(conclusion_pdf_a, _key(pki["rsa"])))
    output = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert "Signature Validation: Signature is Valid." in output, output
    assert "Signer Certificate Common Name: ИВАНОВ ИВАН" in output
    assert "Total document signed" in output
    path.write_bytes(sign_external(conclusion_pdf_a, pki["rsa"].certificate, _stand_in(pki["rsa"])))
    output = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert "Signature Validation: Signature is Valid." in output, output


@pdf_a_marks
def test_a_duplicate_is_recognised_from_its_title(pki, duplicate_passport_pdf, tmp_path):
    signed = sign_pdf(duplicate_passport_pdf, _key(pki["rsa"]))
    [signature] = verify_pdf(signed).signatures
    assert signature.reason == "Телнұсқа"
    assert _block_lines(signed)[0] == "ТЕЛНҰСҚА"


def test_placement_parsing():
    assert Placement.parse("-1:10,20,30,40") == Placement(-1, (10.0, 20.0, 30.0, 40.0))
    with pytest.raises(ValueError):
        Placement.parse("0:1,2,3,4")
    with pytest.raises(ValueError):
        Placement.parse("1:5,2,3,4")


def test_pkcs12_bytes_without_password_when_one_is_needed(pki):
    with pytest.raises(SigningInputError, match="wrong password|password"):
        load_pkcs12_data(pki["rsa"].p12.read_bytes(), None)


def test_a_page_without_room_is_signed_without_a_block(pki):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (600, 840), "white").save(buffer, "PDF", resolution=72)  # a picture over the whole page
    full = buffer.getvalue()
    from kzcadastre_docs.signing.pades import block_placement

    assert block_placement(full, SignatureOptions()) is None
    signed = sign_pdf(full, _key(pki["rsa"]))
    annotation = PdfReader(io.BytesIO(signed)).pages[0]["/Annots"][0].get_object()
    assert [float(v) for v in annotation["/Rect"]] == [0.0, 0.0, 0.0, 0.0]
    assert verify_pdf(signed).ok
    # a blank page has room at the bottom-left
    placement = block_placement(blank_pdf(), SignatureOptions())
    assert placement.page == 0 and placement.box[1] < 100


def _block_lines(signed: bytes) -> list[str]:
    """The visible block's lines, from its appearance's /ActualText spans."""
    from pypdf.generic import ContentStream

    reader = PdfReader(io.BytesIO(signed))
    annotation = reader.pages[-1]["/Annots"][-1].get_object()
    stream = annotation["/AP"]["/N"].get_object()
    lines = []

    def collect(xobject):
        for operands, operator in ContentStream(xobject, reader).operations:
            if operator == b"BDC" and len(operands) == 2 and "/ActualText" in operands[1]:
                lines.append(str(operands[1]["/ActualText"]))
        for inner in ((xobject.get("/Resources") or {}).get("/XObject") or {}).values():
            collect(inner.get_object())

    collect(stream)
    return lines


def test_block_says_who_signed_with_which_certificate_and_when(pki):
    issued = pki["rsa"]
    when = datetime(2026, 11, 24, 9, 30, tzinfo=timezone.utc)
    signed = sign_pdf(blank_pdf(), _key(issued), SignatureOptions(lang="ru", signing_time=when))
    serial = format(issued.certificate.serial_number, "x")
    assert _block_lines(signed) == [
        "Подписано электронной цифровой подписью",
        "Подписант: ИВАНОВ ИВАН ИВАНОВИЧ",
        "Должность: Руководитель филиала",
        f"Сертификат № {serial}",
        "Время подписания: 24.11.2026 14:30:00 (UTC+5)",
    ]
    kk = sign_pdf(blank_pdf(), _key(issued), SignatureOptions(lang="kk", duplicate=True, signing_time=when,
                                                                signer_position="Филиал директоры"))
    assert _block_lines(kk) == [
        "ТЕЛНҰСҚА",
        "Электрондық цифрлық қолтаңбамен қол қойылды",
        "Қол қойған: ИВАНОВ ИВАН ИВАНОВИЧ",
        "Лауазымы: Филиал директоры",
        f"Сертификат № {serial}",
        "Қол қойылған уақыты: 24.11.2026 14:30:00 (UTC+5)",
    ]
    # the signature dictionary carries the same time
    [signature] = verify_pdf(kk).signatures
    assert signature.signing_time == "2026-11-24T09:30:00Z"


def test_a_pkcs12_with_the_older_triple_des_encryption_loads(pki):
    """Key files made by older tools (as many issued keys are) use PBES1 with 3DES."""
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    issued = pki["rsa"]
    encryption = (serialization.PrivateFormat.PKCS12.encryption_builder()
                  .key_cert_algorithm(pkcs12.PBES.PBESv1SHA1And3KeyTripleDESCBC)
                  .hmac_hash(hashes.SHA1())
                  .build(PASSWORD.encode("utf-8")))
    data = pkcs12.serialize_key_and_certificates(b"legacy", issued.key, issued.certificate, None, encryption)
    key = load_pkcs12_data(data, PASSWORD)
    assert key.certificate == issued.certificate
