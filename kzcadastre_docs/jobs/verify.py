"""Checking a passport's barcode: read the QR codes of a PDF or a picture, decode the payload
(`kzcadastre_docs.barcode.payload`), and, given the data the passport was made from, compare
the form, cadastral number, order number, date of issue and the SHA-256 of the data.

A signature in the payload is checked by the `verify_signature` callable the caller passes
(the signing issue provides one); without it, a signature is reported as present and not
checked.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..i18n.catalogue import Message, N_
from .. import api
from ..barcode import BarcodeNotFound, InvalidPayload, Payload, data_digest, read_payloads
from ..errors import KzcadastreError

#: The passport form of each form code of the payload (Order No. 440's form numbers).
FORM_SLUGS = {"F1": "passport-land", "F2": "passport-building", "F3": "passport-apartment", "F4": "passport-house",
              "F19": "passport-parking", "F20": "passport-storage"}


class BarcodeError(KzcadastreError):
    """No readable barcode of our format, or a payload that cannot be decoded (exit 1)."""


@dataclass(frozen=True)
class Check:
    what: str
    ok: bool
    detail: str


@dataclass
class BarcodeReport:
    """What a file's barcode says and how it compares with the data."""

    payload: Payload
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "payload": self.payload.encode(),
                "checks": [{"what": c.what, "ok": c.ok, "detail": c.detail} for c in self.checks]}


def verify_barcode(path: str | Path, data: Mapping[str, Any] | None = None, *,
                   verify_signature: Callable[[Payload], bool] | None = None) -> BarcodeReport:
    """Read and check the barcode of a passport PDF or picture.

    Raises BarcodeError when there is no readable code, DataValidationError when `data` is
    not valid data of the form the barcode names.
    """
    try:
        texts = read_payloads(path)
        payloads = [Payload.decode(text) for text in texts]
    except (BarcodeNotFound, InvalidPayload) as exc:
        raise BarcodeError(exc.template, code=exc.code, **exc.values) from None
    payload = payloads[0]
    report = BarcodeReport(payload)
    report.checks.append(Check(N_("codes"), len(set(payloads)) == 1,
                               Message("every page carries the same payload") if len(set(payloads)) == 1 else
                               Message("the file carries {count} different payloads", count=len(set(payloads)))))
    if payload.signature is not None:
        if verify_signature is None:
            report.checks.append(Check(N_("signature"), True, Message("present (signer {signer}); not checked here",
                                                                  signer=payload.signer)))
        else:
            good = verify_signature(payload)
            report.checks.append(Check(N_("signature"), good, Message("signer {signer}: valid", signer=payload.signer)
                                       if good else Message("signer {signer}: does not match the payload",
                                                            signer=payload.signer)))
    if data is None:
        return report
    slug = FORM_SLUGS[payload.form]
    model = api.validate(slug, data)
    expected = model.payload()
    for what, read, wanted in ((N_("cadastral number"), payload.cadastral_number, expected.cadastral_number),
                               (N_("order number"), payload.order_number, expected.order_number),
                               (N_("date of issue"), payload.issued_on, expected.issued_on),
                               (N_("data digest (SHA-256)"), payload.digest, data_digest(model))):
        report.checks.append(Check(what, read == wanted, read if read == wanted else
                                   Message("barcode {read}, data {wanted}", read=read, wanted=wanted)))
    return report
