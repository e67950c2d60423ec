"""Verification of a signed PDF: every signature's integrity, signer, certificate validity
and chain to the trust roots, signing time and timestamp, and whether the document changed
after signing.

A signature is valid when its bytes are intact and the cryptography holds, its certificate
was valid at the signing time proven by a timestamp (else now), the chain reaches one of the
given trust roots (when roots are given: without them the chain is reported as not checked),
and nothing but later signatures was added after it. Revocation (CRL, OCSP) is not fetched:
the report says so.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from io import BytesIO

from cryptography import x509

from ..i18n.catalogue import N_, Message
from ..i18n.system import DAMAGED_FILE, library_reason, os_reason
from .errors import SigningInputError
from .keys import serial_hex, subject_name, subject_title, validity_problem

#: Why a signature cannot be validated (pyHanko's own words go to the log).
UNSUPPORTED_ALGORITHM = N_("its algorithm is not supported by this program")
UNCHECKABLE = N_("the signature's data cannot be checked")


@dataclass
class SignatureReport:
    """What was found about one signature."""

    field: str
    signer: str = ""
    position: str = ""
    certificate_serial: str = ""
    issuer: str = ""
    certificate_not_before: str = ""
    certificate_not_after: str = ""
    signing_time: str | None = None
    timestamp: str | None = None
    timestamp_valid: bool | None = None
    reason: str | None = None
    location: str | None = None
    intact: bool = False
    cryptographically_valid: bool = False
    certificate_valid_at_signing: bool = False
    trusted: bool | None = None
    covers_whole_document: bool = False
    changed_after_signing: bool = False
    later_changes: str = "none"
    level: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict:
        return {**asdict(self), "valid": self.ok}


@dataclass
class VerificationReport:
    """The report on a PDF: one entry per signature, in signing order."""

    file: str
    signatures: list[SignatureReport] = field(default_factory=list)
    trust_checked: bool = False
    revocation_checked: bool = False
    problems: list[str] = field(default_factory=list)
    barcode: dict | None = None

    @property
    def ok(self) -> bool:
        barcode_ok = self.barcode is None or self.barcode.get("valid", False)
        return bool(self.signatures) and not self.problems and all(s.ok for s in self.signatures) and barcode_ok

    def as_dict(self) -> dict:
        return {"file": self.file, "valid": self.ok, "trust_checked": self.trust_checked,
                "revocation_checked": self.revocation_checked, "problems": list(self.problems),
                "signatures": [s.as_dict() for s in self.signatures], "barcode": self.barcode}


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def _later_changes(status) -> str:
    from pyhanko.sign.diff_analysis import ModificationLevel

    level = status.modification_level
    if level is None or level == ModificationLevel.NONE:
        return "none"
    if level == ModificationLevel.LTA_UPDATES:
        return "validation data"
    if level == ModificationLevel.FORM_FILLING:
        return "signatures or form filling"
    return "other changes"


def verify_pdf(pdf: bytes, trust_roots: list[x509.Certificate] | None = None, *, name: str = "PDF",
               intermediates: list[x509.Certificate] | None = None) -> VerificationReport:
    """Verify every signature in `pdf` (see the module). A file that is not a readable PDF is
    a SigningInputError; a PDF without signatures is reported invalid, not an error."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    from .pades import asn1_certificate

    report = VerificationReport(file=name, trust_checked=bool(trust_roots))
    if not pdf.lstrip()[:5] == b"%PDF-":
        raise SigningInputError("{name}: not a PDF file", name=name)
    try:
        reader = PdfFileReader(BytesIO(pdf), strict=False)
        signatures = list(reader.embedded_regular_signatures)
    except (PdfError, KeyError, ValueError, TypeError, IndexError) as exc:
        raise SigningInputError("{name}: cannot be read as a PDF ({detail})", name=name,
                                detail=library_reason(exc, DAMAGED_FILE)) from None
    if not signatures:
        report.problems.append(Message("the PDF has no signature"))
        return report
    roots = [asn1_certificate(c) for c in trust_roots or []]
    others = [asn1_certificate(c) for c in intermediates or []]
    for embedded in signatures:
        report.signatures.append(_verify_one(embedded, roots, others))
    return report


def signer_certificates(pdf: bytes) -> list[x509.Certificate]:
    """The signers' certificates of a PDF's signatures (those that can be read)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    found = []
    try:
        for embedded in PdfFileReader(BytesIO(pdf), strict=False).embedded_regular_signatures:
            try:
                found.append(x509.load_der_x509_certificate(embedded.signer_cert.dump()))
            except Exception:  # noqa: BLE001 - reported by verify_pdf
                continue
    except Exception:  # noqa: BLE001
        return []
    return found


def verify_file(path, trust_roots: list[x509.Certificate] | None = None, *, data=None,
                intermediates: list[x509.Certificate] | None = None) -> VerificationReport:
    """`verify_pdf` on a file, and its barcode (the passports' QR code) where the library has
    the barcode reader: the payload's signature (made by one of the PDF's signers), its
    cadastral number against the PDF's keywords, and with `data` the payload against the data.

    A PDF without a barcode is fine unless `data` is given (there is then nothing to compare);
    a barcode without a signature on a signed PDF is reported invalid.
    """
    from pathlib import Path

    path = Path(path)
    try:
        pdf = path.read_bytes()
    except OSError as exc:
        raise SigningInputError("{path}: cannot be read ({detail})", path=path, detail=os_reason(exc)) from None
    report = verify_pdf(pdf, trust_roots, name=str(path), intermediates=intermediates)
    report.barcode = check_barcode(path, pdf, data)
    return report


def check_barcode(path, pdf: bytes, data=None) -> dict | None:
    """The barcode part of the report (see `verify_file`), or None where there is nothing
    to check."""
    try:
        from ..jobs.verify import BarcodeError, verify_barcode
    except ImportError:
        if data is not None:
            raise SigningInputError("this version cannot read barcodes: --data has nothing to compare") from None
        return None
    from .barcode import verify_barcode_signature

    certificates = signer_certificates(pdf)
    outcome: dict = {}

    def check_signature(payload) -> bool:
        result = verify_barcode_signature(payload, certificates)
        outcome["signature"] = result
        return result.valid

    try:
        barcode = verify_barcode(path, data, verify_signature=check_signature)
    except BarcodeError as exc:
        if data is None:
            return None
        return {"present": False, "valid": False, "problems": [Message(
            "no barcode to compare the data with: {reason}", reason=Message(exc.template, **exc.values))]}
    problems = [Message("{what}: {detail}", what=Message(check.what), detail=check.detail)
                for check in barcode.checks if not check.ok]
    result = outcome.get("signature")
    if barcode.payload.signature is None:
        problems.append(Message("the barcode carries no signature (render the document with --sign to sign it)"))
    elif result is not None and not result.valid:
        problems[:] = [p for p in problems if not p.startswith("signature:")]
        problems.append(Message("the barcode's signature: {problem}", problem=result.problem))
    keywords = _keywords(pdf)
    if keywords is not None and barcode.payload.cadastral_number not in keywords:
        problems.append(Message("the barcode's cadastral number {number} is not the PDF's ({keywords})",
                                number=barcode.payload.cadastral_number, keywords=keywords))
    signer = result.certificate if result is not None and result.certificate is not None else None
    return {"present": True, "valid": not problems, "payload": barcode.payload.encode(),
            "signed_by": None if signer is None else {"signer": _name(signer), "serial": format(signer.serial_number, "x")},
            "compared_with_data": data is not None,
            "checks": barcode.as_dict()["checks"], "problems": problems}


def _keywords(pdf: bytes) -> str | None:
    from pypdf import PdfReader

    try:
        value = (PdfReader(BytesIO(pdf)).metadata or {}).get("/Keywords")
    except Exception:  # noqa: BLE001
        return None
    return None if value is None else str(value)


def _name(certificate) -> str:
    return subject_name(certificate)


def _context(roots, others, moment=None):
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(trust_roots=roots, other_certs=others, allow_fetching=False,
                             revocation_mode="soft-fail", moment=moment)


def _verify_one(embedded, roots, others) -> SignatureReport:
    from cryptography.hazmat.primitives import serialization  # noqa: F401
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    item = SignatureReport(field=str(embedded.field_name))
    signature_object = embedded.sig_object
    item.reason = _text(signature_object.get("/Reason"))
    item.location = _text(signature_object.get("/Location"))
    try:
        certificate = x509.load_der_x509_certificate(embedded.signer_cert.dump())
    except Exception:  # noqa: BLE001 - a broken CMS is a finding, not a crash
        item.problems.append(Message("the signature carries no readable signer certificate"))
        return item
    item.signer = subject_name(certificate)
    item.position = subject_title(certificate)
    item.certificate_serial = serial_hex(certificate)
    item.issuer = certificate.issuer.rfc4514_string()
    item.certificate_not_before = _iso(certificate.not_valid_before_utc)
    item.certificate_not_after = _iso(certificate.not_valid_after_utc)
    try:
        status = validate_pdf_signature(embedded, signer_validation_context=_context(roots, others),
                                        ts_validation_context=_context(roots, others))
    except (SignatureValidationError, ValueError, KeyError, TypeError, NotImplementedError) as exc:
        # e.g. a GOST signature, whose algorithms pyHanko does not implement
        item.problems.append(Message("the signature cannot be validated here: {detail}", detail=library_reason(
            exc, UNSUPPORTED_ALGORITHM if isinstance(exc, NotImplementedError) else UNCHECKABLE)))
        return item
    item.intact = bool(status.intact)
    item.cryptographically_valid = bool(status.valid)
    item.signing_time = _iso(status.signer_reported_dt or embedded.self_reported_timestamp)
    if status.timestamp_validity is not None:
        item.timestamp = _iso(status.timestamp_validity.timestamp)
        item.timestamp_valid = bool(status.timestamp_validity.intact and status.timestamp_validity.valid)
    item.level = "PAdES B-T" if item.timestamp else "PAdES B-B"
    item.covers_whole_document = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    item.changed_after_signing = not item.covers_whole_document
    item.later_changes = _later_changes(status) if item.changed_after_signing else "none"

    if not item.intact:
        item.problems.append(Message("the signed bytes were changed after signing (digest mismatch)"))
    elif not item.cryptographically_valid:
        item.problems.append(Message("the signature value does not match the signed data and certificate"))
    if item.timestamp and not item.timestamp_valid:
        item.problems.append(Message("the signature timestamp is not valid"))
    # The certificate must have been valid when the document was signed: at the proven
    # time (a valid timestamp), else now, since a claimed time proves nothing.
    at = status.timestamp_validity.timestamp if item.timestamp_valid else datetime.now(timezone.utc)
    problem = validity_problem(certificate, at)
    item.certificate_valid_at_signing = problem is None
    if problem:
        item.problems.append(Message("the signer's certificate {problem}", problem=problem))
    if roots:
        item.trusted = bool(status.trusted)
        if not item.trusted and problem is None and item.intact and item.cryptographically_valid:
            item.problems.append(Message("the signer's certificate does not chain to the given trust roots ({why})",
                                         why=status.trust_problem_indic.name) if status.trust_problem_indic else
                                 Message("the signer's certificate does not chain to the given trust roots"))
    if status.coverage not in (SignatureCoverageLevel.ENTIRE_FILE, SignatureCoverageLevel.ENTIRE_REVISION):
        item.problems.append(Message("the signature does not cover a whole revision of the document"))
    elif item.changed_after_signing and not status.docmdp_ok:
        item.problems.append(Message("the document was changed after signing (not only by later signatures)"))
    elif item.changed_after_signing and item.later_changes == "other changes":
        item.problems.append(Message("the document was changed after signing"))
    return item


def _text(value) -> str | None:
    return None if value is None else str(value)
