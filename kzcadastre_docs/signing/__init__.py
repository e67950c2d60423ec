"""Electronic digital signatures (ЭЦҚ / ЭЦП) on the documents: PAdES signatures on PDFs with
pyHanko (B-B; B-T with a timestamp authority), a visible signature block, an external-signer
interface for GOST keys, the barcode's payload signature, and verification.

    >>> from kzcadastre_docs.signing import SignatureOptions
    >>> SignatureOptions().visible
    True
"""

import logging as _logging

from .errors import SigningError, SigningInputError
from .external import DEFAULT_RESERVED, PreparedDocument, finish_external, prepare_external, sign_external
from .keys import SigningKey, load_certificates, load_pkcs12, load_pkcs12_data
from .pades import DUPLICATE_MARK, SignatureOptions, sign_pdf
from .payload import PayloadSignature, PayloadVerification, sign_payload, verify_payload
from .placement import DEFAULT_ANCHORS, Placement
from .barcode import barcode_signing, sign_barcode, verify_barcode_signature
from .verify import SignatureReport, VerificationReport, verify_file, verify_pdf

# pyHanko logs path-building failures with their tracebacks; a library does not print them.
# An application that configures logging still receives them (they propagate to the root).
for _name in ("pyhanko", "pyhanko_certvalidator", "fontTools"):
    _logging.getLogger(_name).addHandler(_logging.NullHandler())

__all__ = [
    "DEFAULT_ANCHORS",
    "DEFAULT_RESERVED",
    "DUPLICATE_MARK",
    "PayloadSignature",
    "PayloadVerification",
    "Placement",
    "PreparedDocument",
    "SignatureOptions",
    "SignatureReport",
    "SigningError",
    "SigningInputError",
    "SigningKey",
    "VerificationReport",
    "barcode_signing",
    "finish_external",
    "load_certificates",
    "load_pkcs12",
    "load_pkcs12_data",
    "prepare_external",
    "sign_barcode",
    "sign_external",
    "sign_payload",
    "sign_pdf",
    "verify_barcode_signature",
    "verify_file",
    "verify_payload",
    "verify_pdf",
]
