"""Signing keys: a PKCS#12 file (RSA, ECDSA or Ed25519 key with its certificate), checked
before any use.

The private key stays in memory in this object only: it is never written, logged or put into
an error message (errors say what is wrong with the file, not what is in it).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from ..i18n.catalogue import Message
from ..i18n.system import os_reason
from .errors import SigningInputError

#: Key types this package signs with itself; GOST keys go through an external signer.
SUPPORTED_KEYS = (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey, ed25519.Ed25519PrivateKey)


@dataclass(frozen=True)
class SigningKey:
    """A private key, its certificate and the rest of the chain found in the PKCS#12 file."""

    private_key: object = field(repr=False)
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()

    def __repr__(self) -> str:  # never show the key
        return f"SigningKey(certificate={certificate_summary(self.certificate)!r})"

    @property
    def algorithm(self) -> str:
        """'rsa', 'ecdsa' or 'ed25519'."""
        return key_algorithm(self.private_key)


def key_algorithm(key) -> str:
    if isinstance(key, (rsa.RSAPrivateKey, rsa.RSAPublicKey)):
        return "rsa"
    if isinstance(key, (ec.EllipticCurvePrivateKey, ec.EllipticCurvePublicKey)):
        return "ecdsa"
    if isinstance(key, (ed25519.Ed25519PrivateKey, ed25519.Ed25519PublicKey)):
        return "ed25519"
    return type(key).__name__


def load_pkcs12(path: str | Path, password: str | bytes | None = None) -> SigningKey:
    """Read and check a PKCS#12 (.p12/.pfx) file: it opens with `password`, holds a private
    key of a supported kind and the certificate of that key, and the certificate allows
    signing (key usage digitalSignature or nonRepudiation). Each failure is a
    SigningInputError naming the file and the rule."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SigningInputError("{path}: no such key file", path=path, field="--pkcs12") from None
    except OSError as exc:
        raise SigningInputError("{path}: cannot be read ({detail})", path=path, detail=os_reason(exc)) from None
    return load_pkcs12_data(data, password, name=str(path))


def load_pkcs12_data(data: bytes, password: str | bytes | None = None, *, name: str = "PKCS#12") -> SigningKey:
    """The same as load_pkcs12, from bytes."""
    if isinstance(password, str):
        password = password.encode("utf-8")
    try:
        key, certificate, others = pkcs12.load_key_and_certificates(data, password or None)
    except ValueError:
        # cryptography says "Invalid password or PKCS12 data": both are possible.
        raise SigningInputError("{name}: cannot be opened: wrong password, not a PKCS#12 file, or a key of a "
                                "kind this library cannot read (a GOST key signs through an external signer: "
                                "kzcadastre_docs.signing.external)", name=name) from None
    except TypeError:
        raise SigningInputError("{name}: the file is protected by a password; give it (--password-env VAR)",
                                name=name) from None
    if key is None:
        raise SigningInputError("{name}: holds no private key", name=name)
    if certificate is None:
        raise SigningInputError("{name}: holds a private key but not its certificate", name=name)
    if not isinstance(key, SUPPORTED_KEYS):
        raise SigningInputError(
            "{name}: a {kind} key cannot be used here (RSA, ECDSA and Ed25519 keys only); "
            "GOST keys sign through an external signer (see kzcadastre_docs.signing.external)", name=name,
            kind=type(key).__name__)
    if _public_bytes(key.public_key()) != _public_bytes(certificate.public_key()):
        raise SigningInputError("{name}: the certificate is not the private key's certificate", name=name)
    check_can_sign(certificate, name=name)
    return SigningKey(key, certificate, tuple(others or ()))


def _public_bytes(public_key) -> bytes:
    return public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def check_can_sign(certificate: x509.Certificate, *, name: str = "certificate") -> None:
    """Refuse a certificate whose key usage forbids signatures, or that is a CA certificate."""
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        usage = None
    if usage is not None and not (usage.digital_signature or usage.content_commitment):
        raise SigningInputError(
            "{name}: the certificate ({certificate}) may not sign documents: "
            "its key usage has neither digitalSignature nor nonRepudiation", name=name,
            certificate=certificate_summary(certificate))


def load_certificates(path: str | Path) -> list[x509.Certificate]:
    """Certificates from a PEM file (one or more) or a DER file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SigningInputError("{path}: cannot be read ({detail})", path=path, detail=os_reason(exc)) from None
    try:
        if b"-----BEGIN" in data:
            found = x509.load_pem_x509_certificates(data)
        else:
            found = [x509.load_der_x509_certificate(data)]
    except ValueError:
        raise SigningInputError("{path}: not a PEM or DER certificate file", path=path) from None
    return list(found)


def subject_name(certificate: x509.Certificate) -> str:
    """The holder's name as NCA RK writes it: the common name (surname and given name), then
    the givenName attribute (the patronymic) when present."""
    def first(oid):
        values = certificate.subject.get_attributes_for_oid(oid)
        return str(values[0].value) if values else ""

    parts = [first(x509.NameOID.COMMON_NAME), first(x509.NameOID.GIVEN_NAME)]
    return " ".join(part for part in parts if part) or certificate.subject.rfc4514_string()


def subject_title(certificate: x509.Certificate) -> str:
    """The certificate's title attribute (the holder's position), or ''."""
    values = certificate.subject.get_attributes_for_oid(x509.NameOID.TITLE)
    return str(values[0].value) if values else ""


def serial_hex(certificate: x509.Certificate) -> str:
    """The serial number as NCA RK prints it: lower-case hexadecimal.

    >>> class C: serial_number = 0x1F2E
    >>> serial_hex(C())
    '1f2e'
    """
    return format(certificate.serial_number, "x")


def certificate_id(certificate: x509.Certificate, length: int = 8) -> bytes:
    """The first `length` bytes of the SHA-256 of the certificate's DER: how a barcode names
    the certificate that signed it."""
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).digest()[:length]


def certificate_summary(certificate: x509.Certificate) -> str:
    return f"{subject_name(certificate)}, serial {serial_hex(certificate)}"


def validity_problem(certificate: x509.Certificate, at: datetime | None = None) -> str | None:
    """'expired on ...' or 'not valid before ...' at `at` (default now), else None."""
    at = at or datetime.now(timezone.utc)
    if at > certificate.not_valid_after_utc:
        return Message("expired on {time} UTC", time=f"{certificate.not_valid_after_utc:%Y-%m-%d %H:%M}")
    if at < certificate.not_valid_before_utc:
        return Message("not valid before {time} UTC", time=f"{certificate.not_valid_before_utc:%Y-%m-%d %H:%M}")
    return None
