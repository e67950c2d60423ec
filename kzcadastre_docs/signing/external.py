"""Signing with a key this library cannot use: NCA RK's GOST keys (ГОСТ 34.310-2004 /
ГОСТ Р 34.10-2015), a token behind NCALayer, a Kalkan-based signing service.

The flow has two steps, which may run in different processes or days apart:

1. ``prepare_external(pdf, certificate, options)`` adds the signature field, the visible
   block and a placeholder of `reserved` bytes to the PDF, and returns a
   `PreparedDocument`: the prepared PDF, the byte range, `signed_bytes()` (the exact bytes a
   detached CMS must sign: the file without the placeholder) and their SHA-256 `digest`.
   It serialises to JSON (`to_dict` / `from_dict`), so a web service can keep it while a
   browser signs through NCALayer.
2. The caller's signer makes a detached CMS (CAdES) SignedData over `signed_bytes()` with the
   GOST (or any other) key, and ``finish_external(prepared, cms)`` puts it into the
   placeholder. The CMS is checked first: DER SignedData, detached, signed by `certificate`,
   and, for SHA-2 digests, the messageDigest attribute equals the digest of the signed bytes
   (a GOST digest, Streebog or ГОСТ 34.311, cannot be recomputed here and is not checked;
   verification with a GOST-capable validator then checks it).

``sign_external(pdf, certificate, signer)`` runs both steps with a callable
``signer(prepared) -> bytes``.

GOST signing itself is not in this library: pyHanko and cryptography cannot compute GOST
signatures; the caller's signer does.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from io import BytesIO
from typing import Callable

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from .errors import SigningError, SigningInputError
from .keys import check_can_sign
from .pades import SignatureOptions, _pdf_signer, _run, _session, pyhanko_errors

#: Bytes kept for the CMS: a GOST CMS with a chain of three certificates and a timestamp fits.
DEFAULT_RESERVED = 24576

_SHA2 = {"sha256": hashlib.sha256, "sha384": hashlib.sha384, "sha512": hashlib.sha512}


@dataclass(frozen=True)
class PreparedDocument:
    """A PDF waiting for its CMS (see the module)."""

    pdf: bytes
    certificate: x509.Certificate
    byte_range: tuple[int, int, int, int]
    digest: bytes
    digest_algorithm: str = "sha256"
    tsa_url: str | None = None

    def signed_bytes(self) -> bytes:
        """The bytes a detached CMS signs: the prepared file without the placeholder."""
        a, b, c, d = self.byte_range
        return self.pdf[a:a + b] + self.pdf[c:c + d]

    @property
    def reserved(self) -> int:
        """How many bytes of DER the placeholder holds."""
        return (self.byte_range[2] - self.byte_range[1] - 2) // 2

    def to_dict(self) -> dict:
        return {"pdf": base64.b64encode(self.pdf).decode("ascii"),
                "certificate": self.certificate.public_bytes(serialization.Encoding.PEM).decode("ascii"),
                "byte_range": list(self.byte_range), "digest": self.digest.hex(),
                "digest_algorithm": self.digest_algorithm, "tsa_url": self.tsa_url}

    @classmethod
    def from_dict(cls, data: dict) -> "PreparedDocument":
        return cls(pdf=base64.b64decode(data["pdf"]),
                   certificate=x509.load_pem_x509_certificate(data["certificate"].encode("ascii")),
                   byte_range=tuple(data["byte_range"]), digest=bytes.fromhex(data["digest"]),
                   digest_algorithm=data.get("digest_algorithm", "sha256"), tsa_url=data.get("tsa_url"))


class _PlaceholderSigner:
    """Stands for the external signer while pyHanko prepares the file: it knows the
    certificate (for the block's text) and never signs."""

    @staticmethod
    def make(certificate: x509.Certificate):
        from pyhanko.sign.signers import ExternalSigner

        from .pades import asn1_certificate

        return ExternalSigner(signing_cert=asn1_certificate(certificate), cert_registry=None,
                              signature_value=bytes(256))


def prepare_external(pdf: bytes, certificate: x509.Certificate, options: SignatureOptions | None = None, *,
                     reserved: int = DEFAULT_RESERVED, name: str = "PDF") -> PreparedDocument:
    """Step 1: the PDF with its signature placeholder, and what the external signer signs."""
    options = options or SignatureOptions()
    check_can_sign(certificate)
    if reserved < 1024:
        raise SigningInputError("reserved={reserved}: keep at least 1024 bytes for the CMS", reserved=reserved)
    with pyhanko_errors(name):
        prepared = _pdf_signer(pdf, _PlaceholderSigner.make(certificate), certificate, options, name=name)
        return _run(_prepare(prepared, certificate, reserved, options.tsa_url))


async def _prepare(prepared, certificate, reserved, tsa_url) -> PreparedDocument:
    session = _session(prepared)
    validation_info = await session.perform_presign_validation(prepared.writer)
    tbs = session.prepare_tbs_document(validation_info=validation_info, bytes_reserved=reserved * 2)
    digest, output = tbs.digest_tbs_document()
    data = output.getvalue()
    start, end = digest.reserved_region_start, digest.reserved_region_end
    byte_range = (0, start, end, len(data) - end)
    return PreparedDocument(pdf=data, certificate=certificate, byte_range=byte_range,
                            digest=digest.document_digest, tsa_url=tsa_url)


def finish_external(prepared: PreparedDocument, signature_cms: bytes) -> bytes:
    """Step 2: the signed PDF, with the caller's CMS in the placeholder (checked first; see
    the module). With the options' `tsa_url`, a signature timestamp is added to a CMS that
    has none (PAdES B-T)."""
    from pyhanko.sign.signers.pdf_byterange import PreparedByteRangeDigest

    content_info = _check_cms(prepared, signature_cms)
    if prepared.tsa_url and not _has_timestamp(content_info):
        content_info = _run(_add_timestamp(content_info, prepared.tsa_url))
    der = content_info.dump()
    if len(der) > prepared.reserved:
        raise SigningError("the CMS has {size} bytes and the placeholder {reserved}: "
                           "prepare again with a larger `reserved`", size=len(der), reserved=prepared.reserved)
    output = BytesIO(prepared.pdf)
    start, end = prepared.byte_range[1], prepared.byte_range[2]
    PreparedByteRangeDigest(prepared.digest, start, end).fill_with_cms(output, der)
    return output.getvalue()


def sign_external(pdf: bytes, certificate: x509.Certificate, signer: Callable[[PreparedDocument], bytes],
                  options: SignatureOptions | None = None, *, reserved: int = DEFAULT_RESERVED,
                  name: str = "PDF") -> bytes:
    """Both steps: prepare, ask `signer` for the CMS, embed it."""
    prepared = prepare_external(pdf, certificate, options, reserved=reserved, name=name)
    return finish_external(prepared, signer(prepared))


def _check_cms(prepared: PreparedDocument, signature_cms: bytes):
    from asn1crypto import cms

    try:
        content_info = cms.ContentInfo.load(bytes(signature_cms))
        if content_info["content_type"].native != "signed_data":
            raise SigningError("the external signer's answer is not a CMS SignedData")
        signed_data = content_info["content"]
        signer_infos = signed_data["signer_infos"]
        encapsulated = signed_data["encap_content_info"]["content"].native
        certificates = [c.chosen for c in signed_data["certificates"] if c.name == "certificate"]
        signer_info = signer_infos[0]
        sid = signer_info["sid"]
    except (ValueError, TypeError, KeyError, IndexError):
        raise SigningError("the external signer's answer is not a DER-encoded CMS SignedData") from None
    if len(signer_infos) != 1:
        raise SigningError("the external CMS has {count} signer infos; one is expected", count=len(signer_infos))
    if encapsulated is not None:
        raise SigningError("the external CMS carries the content; a PDF signature needs a detached CMS")
    expected = prepared.certificate.public_bytes(serialization.Encoding.DER)
    if not any(c.dump() == expected for c in certificates):
        raise SigningError("the external CMS does not carry the certificate the document was prepared with")
    if sid.name == "issuer_and_serial_number" and sid.chosen["serial_number"].native != prepared.certificate.serial_number:
        raise SigningError("the external CMS was signed by another certificate than the prepared one")
    algorithm = signer_info["digest_algorithm"]["algorithm"].native
    attributes = signer_info["signed_attrs"]
    content = prepared.signed_bytes()
    if algorithm in _SHA2:
        expected_digest = _SHA2[algorithm](content).digest()
        if attributes.native is not None:
            found = [a["values"][0].native for a in attributes if a["type"].native == "message_digest"]
            if found != [expected_digest]:
                raise SigningError("the external CMS signs other data than the prepared document "
                                   "(its messageDigest does not match the signed bytes)")
    return content_info


def _has_timestamp(content_info) -> bool:
    attributes = content_info["content"]["signer_infos"][0]["unsigned_attrs"]
    return attributes.native is not None and any(
        a["type"].native == "signature_time_stamp_token" for a in attributes)


async def _add_timestamp(content_info, tsa_url: str):
    from asn1crypto import cms

    from .timestamps import UrllibTimeStamper

    signer_info = content_info["content"]["signer_infos"][0]
    imprint = hashlib.sha256(signer_info["signature"].native).digest()
    token = await UrllibTimeStamper(tsa_url).async_timestamp(imprint, "sha256")
    attribute = cms.CMSAttribute({"type": "signature_time_stamp_token", "values": [token]})
    existing = list(signer_info["unsigned_attrs"]) if signer_info["unsigned_attrs"].native else []
    signer_info["unsigned_attrs"] = cms.CMSAttributes(existing + [attribute])
    return cms.ContentInfo.load(content_info.dump(force=True))
