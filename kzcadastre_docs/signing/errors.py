"""Errors of signing and verification, with the CLI exit statuses they map to.

Messages name the file and the rule; they never carry key material or a password.
"""

from __future__ import annotations

from ..errors import EXIT_FAILURE, EXIT_INVALID, KzcadastreError


class SigningInputError(KzcadastreError, ValueError):
    """The key, the certificate, the password or the PDF given cannot be used (exit 2)."""

    exit_code = EXIT_INVALID
    code = "signing_input"


class BarcodePartsError(KzcadastreError, ValueError):
    """Barcode parts that do not join into a payload, or a payload that cannot be cut into
    parts (exit 1: the file's barcode does not read)."""

    exit_code = EXIT_FAILURE
    code = "barcode_parts"


class SigningError(KzcadastreError):
    """Signing failed for another reason: a timestamp authority that does not answer, an
    external signer's answer that does not fit (exit 1)."""

    exit_code = EXIT_FAILURE
    code = "signing"
