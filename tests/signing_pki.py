"""A throwaway public-key infrastructure made at test time: a root CA and signer certificates
(RSA, ECDSA, expired, not allowed to sign, from another CA), written as PKCS#12 and PEM files.
Nothing here is a real key; everything lives in a pytest temporary folder."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

PASSWORD = "test-Пароль-1"
NOW = datetime.now(timezone.utc)


@dataclass
class Issued:
    key: object
    certificate: x509.Certificate
    p12: Path
    pem: Path


def _name(common_name: str, **more) -> x509.Name:
    attributes = [x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"), x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
    for oid, value in more.items():
        attributes.append(x509.NameAttribute(getattr(NameOID, oid), value))
    return x509.Name(attributes)


def make_ca(name: str = "Тест CA") -> tuple[object, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = _name(name)
    certificate = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=365)).not_valid_after(NOW + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, certificate


def issue(folder: Path, stem: str, ca: tuple, *, kind: str = "rsa", days: tuple[int, int] = (-30, 365),
          can_sign: bool = True, common_name: str = "ИВАНОВ ИВАН", title: str | None = "Руководитель филиала",
          time_stamping: bool = False) -> Issued:
    ca_key, ca_cert = ca
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048) if kind == "rsa" \
        else ec.generate_private_key(ec.SECP256R1())
    more = {"GIVEN_NAME": "ИВАНОВИЧ", "SERIAL_NUMBER": "IIN870412300415"}
    if title:
        more["TITLE"] = title
    builder = (
        x509.CertificateBuilder().subject_name(_name(common_name, **more)).issuer_name(ca_cert.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(NOW + timedelta(days=days[0])).not_valid_after(NOW + timedelta(days=days[1]))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=can_sign, content_commitment=can_sign,
                                     key_encipherment=not can_sign, data_encipherment=False, key_agreement=False,
                                     key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False),
                       critical=True)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
    )
    if time_stamping:
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
    certificate = builder.sign(ca_key, hashes.SHA256())
    p12 = folder / f"{stem}.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(
        b"signer", key, certificate, [ca_cert],
        serialization.BestAvailableEncryption(PASSWORD.encode("utf-8"))))
    pem = folder / f"{stem}.pem"
    pem.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return Issued(key, certificate, p12, pem)


def write_ca(folder: Path, ca: tuple, stem: str = "ca") -> Path:
    path = folder / f"{stem}.pem"
    path.write_bytes(ca[1].public_bytes(serialization.Encoding.PEM))
    return path


def key_only_p12(folder: Path, key) -> Path:
    path = folder / "key-only.p12"
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"key", key, None, None, serialization.BestAvailableEncryption(PASSWORD.encode("utf-8"))))
    return path
