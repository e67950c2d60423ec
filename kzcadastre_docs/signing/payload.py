"""The barcode's signature: a compact signature over the QR payload's bytes, made with the
same key that signs the PDF, naming the certificate that verifies it.

The signature block (bytes, to be placed in the payload's reserved place):

    1 byte   algorithm: 1 ECDSA P-256/SHA-256, 2 Ed25519, 3 RSA PKCS#1 v1.5/SHA-256,
             4 ECDSA P-384/SHA-384
    8 bytes  the signer's certificate: the first 8 bytes of SHA-256 of its DER
    n bytes  the signature: ECDSA as raw r||s (64 bytes for P-256, 96 for P-384; not DER),
             Ed25519 64 bytes, RSA the modulus' length (256 bytes for RSA-2048)

What is signed is ``DOMAIN + payload``: the prefix keeps a barcode signature from ever
being taken for a signature of anything else made with the same key (a PDF's CMS).

Sizes: ECDSA P-256 or Ed25519 73 bytes, RSA-2048 265 bytes (base64url text: 98 and 354
characters). A QR code of version 10 at level M holds 213 bytes, version 40 2331; where the
payload and an RSA signature do not fit the space the form gives, `split` cuts the bytes
into several codes and `join` puts them together again.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from ..i18n.catalogue import N_, Message
from .errors import BarcodePartsError, SigningInputError
from .keys import SigningKey, certificate_id

DOMAIN = b"kzcadastre-docs/barcode-signature/v1\x00"
CERTIFICATE_ID_LENGTH = 8

ALGORITHMS = {1: "ecdsa-p256-sha256", 2: "ed25519", 3: "rsa-pkcs1v15-sha256", 4: "ecdsa-p384-sha384"}
_CODES = {name: code for code, name in ALGORITHMS.items()}
_CURVES = {"ecdsa-p256-sha256": (ec.SECP256R1, hashes.SHA256, 32), "ecdsa-p384-sha384": (ec.SECP384R1, hashes.SHA384, 48)}


@dataclass(frozen=True)
class PayloadSignature:
    """A barcode signature: algorithm, certificate id and signature value."""

    algorithm: str
    certificate_id: bytes
    signature: bytes

    def to_bytes(self) -> bytes:
        return bytes([_CODES[self.algorithm]]) + self.certificate_id + self.signature

    @classmethod
    def from_bytes(cls, data: bytes) -> "PayloadSignature":
        """Read a signature block; ValueError names what is wrong.

        >>> PayloadSignature.from_bytes(b"\\x09" + bytes(72))
        Traceback (most recent call last):
        ...
        ValueError: unknown barcode signature algorithm 9
        """
        if len(data) < 1 + CERTIFICATE_ID_LENGTH + 1:
            raise ValueError(Message("a barcode signature block of {size} bytes is too short", size=len(data)))
        algorithm = ALGORITHMS.get(data[0])
        if algorithm is None:
            raise ValueError(Message("unknown barcode signature algorithm {number}", number=data[0]))
        return cls(algorithm, data[1:1 + CERTIFICATE_ID_LENGTH], data[1 + CERTIFICATE_ID_LENGTH:])

    def to_text(self) -> str:
        """base64url without padding (the characters of a URL; QR byte mode)."""
        return base64.urlsafe_b64encode(self.to_bytes()).rstrip(b"=").decode("ascii")

    @classmethod
    def from_text(cls, text: str) -> "PayloadSignature":
        try:
            data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        except ValueError:
            raise ValueError(Message("the barcode signature is not base64url text")) from None
        return cls.from_bytes(data)


def _algorithm_of(key) -> str:
    if isinstance(key, (ed25519.Ed25519PrivateKey, ed25519.Ed25519PublicKey)):
        return "ed25519"
    if isinstance(key, (rsa.RSAPrivateKey, rsa.RSAPublicKey)):
        return "rsa-pkcs1v15-sha256"
    if isinstance(key, (ec.EllipticCurvePrivateKey, ec.EllipticCurvePublicKey)):
        for name, (curve, _, _) in _CURVES.items():
            if isinstance(key.curve, curve):
                return name
        raise SigningInputError("an ECDSA key on {curve} cannot sign a barcode (P-256 or P-384 only)",
                                curve=key.curve.name)
    raise SigningInputError("a {kind} key cannot sign a barcode", kind=type(key).__name__)


def sign_payload(payload: bytes, key: SigningKey) -> PayloadSignature:
    """Sign the payload's bytes with the key that signs the PDF.

    ECDSA signatures are deterministic (RFC 6979) where the OpenSSL underneath allows, so the
    same payload and key give the same barcode; Ed25519 and RSA PKCS#1 v1.5 always are.
    """
    algorithm = _algorithm_of(key.private_key)
    message = DOMAIN + bytes(payload)
    if algorithm == "ed25519":
        value = key.private_key.sign(message)
    elif algorithm.startswith("rsa"):
        value = key.private_key.sign(message, padding.PKCS1v15(), hashes.SHA256())
    else:
        _, digest, size = _CURVES[algorithm]
        try:
            der = key.private_key.sign(message, ec.ECDSA(digest(), deterministic_signing=True))
        except Exception:  # noqa: BLE001 - OpenSSL older than 3.2 has no RFC 6979
            der = key.private_key.sign(message, ec.ECDSA(digest()))
        r, s = decode_dss_signature(der)
        value = r.to_bytes(size, "big") + s.to_bytes(size, "big")
    return PayloadSignature(algorithm, certificate_id(key.certificate, CERTIFICATE_ID_LENGTH), value)


@dataclass(frozen=True)
class PayloadVerification:
    """The outcome: `valid`, the certificate that verified it (if one matched), a problem."""

    valid: bool
    certificate: x509.Certificate | None = None
    problem: str | None = None


def verify_payload(payload: bytes, signature: PayloadSignature | bytes,
                   certificates: list[x509.Certificate]) -> PayloadVerification:
    """Check a barcode signature against the payload, with the certificate among
    `certificates` (for example those of the PDF's signatures) that its id names."""
    if isinstance(signature, (bytes, bytearray)):
        try:
            signature = PayloadSignature.from_bytes(bytes(signature))
        except ValueError as exc:
            return PayloadVerification(False, None, _reason(exc))
    matching = [c for c in certificates if certificate_id(c, CERTIFICATE_ID_LENGTH) == signature.certificate_id]
    if not matching:
        return PayloadVerification(False, None, Message("no certificate given matches the barcode's certificate "
                                                        "id {id}", id=signature.certificate_id.hex()))
    certificate = matching[0]
    public_key = certificate.public_key()
    message = DOMAIN + bytes(payload)
    try:
        if _algorithm_of(public_key) != signature.algorithm:
            return PayloadVerification(False, certificate, Message("the certificate's key is not {algorithm}",
                                                                       algorithm=signature.algorithm))
        if signature.algorithm == "ed25519":
            public_key.verify(signature.signature, message)
        elif signature.algorithm.startswith("rsa"):
            public_key.verify(signature.signature, message, padding.PKCS1v15(), hashes.SHA256())
        else:
            _, digest, size = _CURVES[signature.algorithm]
            if len(signature.signature) != 2 * size:
                return PayloadVerification(False, certificate, Message("the ECDSA signature has the wrong length"))
            r = int.from_bytes(signature.signature[:size], "big")
            s = int.from_bytes(signature.signature[size:], "big")
            public_key.verify(encode_dss_signature(r, s), message, ec.ECDSA(digest()))
    except InvalidSignature:
        return PayloadVerification(False, certificate, Message("the barcode's signature does not match its payload"))
    except SigningInputError as exc:
        return PayloadVerification(False, certificate, Message(exc.template, **exc.values))
    return PayloadVerification(True, certificate, None)


def _reason(exc: Exception) -> str:
    """An exception's message, kept as a Message (translatable) where it is one; a library's
    own words (base64, cryptography) go to the log and a catalogue reason is given."""
    from ..errors import KzcadastreError
    from ..i18n.system import library_reason

    if isinstance(exc, KzcadastreError):
        return Message(exc.template, **exc.values)
    if exc.args and isinstance(exc.args[0], Message):
        return exc.args[0]
    return library_reason(exc, UNREADABLE_SIGNATURE)


UNREADABLE_SIGNATURE = N_("the barcode's signature cannot be read")


def split(data: bytes, size: int) -> list[bytes]:
    """Cut `data` into parts of at most `size` bytes for several codes; each part starts with
    its number and the count (one byte each), so that the codes can be read in any order.

    >>> split(b"abcdefg", 5)
    [b'\\x01\\x03abc', b'\\x02\\x03def', b'\\x03\\x03g']
    >>> join(reversed(split(b"abcdefg", 5)))
    b'abcdefg'
    """
    room = size - 2
    if room < 1:
        raise BarcodePartsError("a barcode part must hold at least 3 bytes, not {size}", size=size)
    pieces = [data[i:i + room] for i in range(0, len(data), room)] or [b""]
    if len(pieces) > 255:
        raise BarcodePartsError("the data needs {count} codes, more than 255", count=len(pieces))
    return [bytes([number, len(pieces)]) + piece for number, piece in enumerate(pieces, 1)]


def join(parts) -> bytes:
    """The bytes that `split` cut, from its parts in any order; ValueError if one is missing.

    >>> join([b"\\x01\\x02ab"])
    Traceback (most recent call last):
    ...
    kzcadastre_docs.signing.errors.BarcodePartsError: barcode parts missing: 2 of 2
    """
    found: dict[int, bytes] = {}
    count = None
    for part in parts:
        if len(part) < 2 or part[0] < 1 or part[0] > part[1] or (count is not None and part[1] != count):
            raise BarcodePartsError("a code read is not a part of this barcode (part {number} of {count})",
                                    number=part[0] if part else "-", count=part[1] if len(part) > 1 else "-")
        count = part[1]
        found[part[0]] = part[2:]
    if count is None:
        raise BarcodePartsError("no barcode parts were read")
    missing = [str(n) for n in range(1, count + 1) if n not in found]
    if missing:
        raise BarcodePartsError("barcode parts missing: {missing} of {count}", missing=", ".join(missing), count=count)
    return b"".join(found[n] for n in range(1, count + 1))
