"""The barcode payload's signature in the passport's QR code (`kzcadastre_docs.barcode`).

The payload (format KZCP1) keeps two fields for it, over its *signed part*:

- `signer`: the signer's certificate id, 16 hexadecimal digits (the first 8 bytes of the
  SHA-256 of the certificate's DER);
- `signature`: base64url of one algorithm byte followed by the signature value (see
  `kzcadastre_docs.signing.payload`: ECDSA P-256 raw r||s, Ed25519, RSA PKCS#1 v1.5).

With an ECDSA P-256 key the two fields add 105 characters to the payload, with RSA-2048 361.

Rendering signs the payload when a key is active (`barcode_signing(key)`, which `render
--sign`, `batch --sign` and `bundle --sign` use): the passport forms ask the barcode
package's hook (`kzcadastre_docs.barcode.signer.signed(payload)`) before they draw the QR
code, so the same key signs the QR payload and then the PDF.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from cryptography import x509

from ..barcode.signer import payload_signer
from ..i18n.catalogue import Message
from .keys import SigningKey
from .payload import ALGORITHMS, PayloadSignature, PayloadVerification, _reason, sign_payload, verify_payload

_ACTIVE: ContextVar[SigningKey | None] = ContextVar("kzcadastre_barcode_key", default=None)
_CODES = {name: code for code, name in ALGORITHMS.items()}


def sign_barcode(payload, key: SigningKey):
    """The payload (a `kzcadastre_docs.barcode.Payload`) with its signer and signature."""
    signature = sign_payload(payload.signed_part(), key)
    value = bytes([_CODES[signature.algorithm]]) + signature.signature
    return payload.with_signature(signature.certificate_id.hex(), value)


def barcode_signature(payload) -> PayloadSignature:
    """The signature carried by a payload's signer and signature fields; ValueError if it
    has none or they are malformed."""
    raw = payload.signature_bytes()
    if raw is None or payload.signer is None:
        raise ValueError(Message("the barcode carries no signature"))
    try:
        certificate_id = bytes.fromhex(payload.signer)
    except ValueError:
        raise ValueError(Message("the barcode's signer {signer!r} is not a certificate id",
                                 signer=payload.signer)) from None
    if not raw:
        raise ValueError(Message("the barcode's signature is empty"))
    return PayloadSignature.from_bytes(raw[:1] + certificate_id + raw[1:])


def verify_barcode_signature(payload, certificates: list[x509.Certificate]) -> PayloadVerification:
    """Check a payload's signature with the certificate among `certificates` it names."""
    try:
        signature = barcode_signature(payload)
    except ValueError as exc:
        return PayloadVerification(False, None, _reason(exc))
    return verify_payload(payload.signed_part(), signature, certificates)


@contextmanager
def barcode_signing(key: SigningKey | None):
    """While active, payloads are signed with `key` (None: nothing is signed): through the
    barcode package's hook (`kzcadastre_docs.barcode.signer.payload_signer`, which the
    passport forms ask before they draw the QR code, since they sit below this layer), and
    `sign_if_active` here."""
    token = _ACTIVE.set(key)
    try:
        with payload_signer(None if key is None else (lambda payload: sign_barcode(payload, key))):
            yield
    finally:
        _ACTIVE.reset(token)


def sign_if_active(payload):
    """The payload signed with the active key, or unchanged when none is active."""
    key = _ACTIVE.get()
    return payload if key is None else sign_barcode(payload, key)
