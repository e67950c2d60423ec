"""The barcode payload, its QR image and reading it back from PNG and PDF."""

import io

import pytest
from PIL import Image

from kzcadastre_docs.barcode import BarcodeNotFound, InvalidPayload, Payload, data_digest, qr_png, read_payloads
from kzcadastre_docs.barcode.payload import split_codes

DIGEST = data_digest({"cadastral_number": "21:320:012:345:1:45"})


def payload(**changes):
    fields = dict(form="F3", cadastral_number="21:320:012:345:1:45", order_number="03-2026|001207",
                  issued_on="2026-11-20", digest=DIGEST)
    fields.update(changes)
    return Payload(**fields)


def test_encode_decode_with_escapes_and_signature():
    plain = payload()
    assert "%7C" in plain.encode()
    assert Payload.decode(plain.encode()) == plain
    signed = plain.with_signature("cert|7", b"\x00" * 64)
    assert Payload.decode(signed.encode()) == signed
    assert signed.signed_part() == plain.signed_part()
    assert signed.signature_bytes() == b"\x00" * 64
    assert signed.encode().startswith(plain.encode() + "|")


@pytest.mark.parametrize("changes, words", [({"form": "F5"}, "F1, F2"), ({"issued_on": "20.11.2026"}, "YYYY-MM-DD"),
                                            ({"digest": "abc"}, "SHA-256"), ({"signer": "x"}, "signature")])
def test_invalid_fields(changes, words):
    with pytest.raises(InvalidPayload, match=words):
        payload(**changes)


def test_digest_depends_on_every_value():
    assert data_digest({"a": 1, "b": "Ә"}) == data_digest({"b": "Ә", "a": 1})
    assert data_digest({"a": 1, "b": "Ә"}) != data_digest({"a": 1, "b": "Ə"})


def test_png_round_trip(tmp_path):
    text = payload().encode()
    (tmp_path / "code.png").write_bytes(qr_png(text))
    assert read_payloads(tmp_path / "code.png") == [text]
    assert qr_png(text) == qr_png(text)  # same payload, same bytes


def test_several_codes_joined(tmp_path):
    text = payload().with_signature("c" * 900, b"\x01" * 400).encode()
    parts = split_codes(text)
    assert len(parts) == 2
    pictures = [Image.open(io.BytesIO(qr_png(part))).convert("L") for part in reversed(parts)]
    sheet = Image.new("L", (sum(p.width for p in pictures) + 40, max(p.height for p in pictures)), 255)
    x = 0
    for picture in pictures:
        sheet.paste(picture, (x, 0))
        x += picture.width + 40
    sheet.save(tmp_path / "sheet.pdf")  # a real PDF with the two codes as a picture
    assert read_payloads(tmp_path / "sheet.pdf") == [text]


def test_nothing_to_read(tmp_path):
    Image.new("L", (200, 200), 255).save(tmp_path / "blank.png")
    with pytest.raises(BarcodeNotFound):
        read_payloads(tmp_path / "blank.png")
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(BarcodeNotFound, match="neither a PDF nor a picture"):
        read_payloads(tmp_path / "notes.txt")
