"""Signing cost: what signing adds to a document that is already a PDF.

In one run, on this machine, with a throwaway CA and keys made first (untimed):

- baseline: converting one sample document to PDF/A with the persistent converter (what
  `render --pdf-a` already pays per document);
- ours: `sign_pdf` on that PDF with an RSA-2048 key and with an ECDSA P-256 key (visible
  block, placement search included), `verify_pdf` of the signed file, and `sign_payload`
  (the barcode's signature). The block's font is prepared once per process; that first
  call is reported apart.

Prints milliseconds per operation and `ratio_sign_vs_convert=X` (signing time over
conversion time: how much slower a signed document is to make, as a fraction).

    python benchmarks/signing.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from kzcadastre_docs import api  # noqa: E402
from kzcadastre_docs.pdf import Converter  # noqa: E402
from kzcadastre_docs.signing import load_pkcs12, sign_payload, sign_pdf, verify_pdf  # noqa: E402
from signing_pki import PASSWORD, issue, make_ca  # noqa: E402


def _per_call(function, rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        function()
    return (time.perf_counter() - start) / rounds * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    rounds = parser.parse_args().rounds
    data = json.loads((ROOT / "samples" / "conclusion" / "apartment-astana.json").read_text(encoding="utf-8"))
    document = api.render_document("conclusion", data, "ru")
    with tempfile.TemporaryDirectory() as folder:
        ca = make_ca()
        rsa_key = load_pkcs12(issue(Path(folder), "rsa", ca).p12, PASSWORD)
        ec_key = load_pkcs12(issue(Path(folder), "ec", ca, kind="ec").p12, PASSWORD)
    with Converter() as converter:
        pdf = api.to_pdf(document, pdf_a=True, converter=converter)
        convert_ms = _per_call(lambda: api.to_pdf(document, pdf_a=True, converter=converter), rounds)
    start = time.perf_counter()
    sign_pdf(pdf, rsa_key)
    first_ms = (time.perf_counter() - start) * 1000
    rsa_ms = _per_call(lambda: sign_pdf(pdf, rsa_key), rounds)
    ec_ms = _per_call(lambda: sign_pdf(pdf, ec_key), rounds)
    signed = sign_pdf(pdf, ec_key)
    verify_ms = _per_call(lambda: verify_pdf(signed, [ca[1]]), rounds)
    payload_ms = _per_call(lambda: sign_payload(b"KZCP1|F3|21:320:105:2015:2:45|x|2026-11-20|" + b"A" * 43, ec_key),
                           rounds)
    print(f"convert_pdf_a_ms={convert_ms:.1f}")
    print(f"first_sign_ms={first_ms:.1f} (block font prepared once per process)")
    print(f"sign_rsa2048_ms={rsa_ms:.1f}")
    print(f"sign_ecdsa_p256_ms={ec_ms:.1f}")
    print(f"verify_ms={verify_ms:.1f}")
    print(f"sign_payload_ecdsa_ms={payload_ms:.2f}")
    print(f"bytes_added_by_signature={len(signed) - len(pdf)}")
    print(f"ratio_sign_vs_convert={rsa_ms / convert_ms:.2f}")


if __name__ == "__main__":
    main()
