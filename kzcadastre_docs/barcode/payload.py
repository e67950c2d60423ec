"""The barcode payload of a cadastral passport: what the QR code holds.

The official footer of every passport form (Order No. 440) says that the barcode holds data
from the cadastre's digital system, signed with the State Corporation's digital signature.
Format `KZCP1`, one line of UTF-8 text, fields separated by "|":

    KZCP1|<form>|<cadastral number>|<order number>|<date of issue>|<digest>[|<signer>|<signature>]

- `KZCP1`: the format and its version;
- `form`: the form of Order No. 440, "F" and its number: F1 land plot, F2 building, F3
  apartment, F4 private house, F19 parking place, F20 storeroom;
- `cadastral number`: as printed (e.g. `21:320:012:345:1:45`);
- `order number`: the order (заказ) number printed on the passport;
- `date of issue`: ISO 8601, `2026-11-20`;
- `digest`: SHA-256 of the document's data (`data_digest`: the validated data as canonical
  JSON: keys sorted, no spaces, UTF-8, no ASCII escaping), base64url without padding (43
  characters). The same data gives the same digest in Kazakh and in Russian;
- `signer`, `signature` (both present or both absent; reserved for the signing issue): the
  id of the signer's certificate and the signature, base64url without padding, over the
  *signed part*: the UTF-8 bytes of the first six fields exactly as encoded, with their "|"
  separators (`Payload.signed_part()`). So a signature can be added to a payload and checked
  without re-encoding anything, and any change to the first six fields breaks it.

A "|" or "%" inside a value is written as `%7C` / `%25`. A payload longer than
`MAX_CODE_CHARS` is split over several codes, each `KZCP1*<i>/<n>*<chunk>` (i from 1), and
joined again in order when read.

    >>> p = Payload("F3", "21:320:012:345:1:45", "03-2026-001207", "2026-11-20", "A" * 43)
    >>> p.encode()
    'KZCP1|F3|21:320:012:345:1:45|03-2026-001207|2026-11-20|AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
    >>> Payload.decode(p.encode()) == p
    True
    >>> signed = p.with_signature("KZ-CA:4f2a", b"\\x01\\x02")
    >>> signed.encode().endswith("|KZ-CA:4f2a|AQI"), signed.signed_part() == p.signed_part()
    (True, True)
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, replace
from typing import Any

from ..errors import EXIT_FAILURE, KzcadastreError

#: The format's name and version, the first field of every payload.
FORMAT = "KZCP1"
#: Longest text put into one QR code; a longer payload is split (see the module docstring).
MAX_CODE_CHARS = 1200
_FORM = re.compile(r"^F(1|2|3|4|19|20)$")
_DIGEST = re.compile(r"^[A-Za-z0-9_-]{43}$")
_PART = re.compile(rf"^{FORMAT}\*(\d+)/(\d+)\*(.*)$", re.S)


class InvalidPayload(KzcadastreError, ValueError):
    """Text that is not a payload of this format."""

    exit_code = EXIT_FAILURE
    code = "invalid_payload"


def _escape(value: str) -> str:
    return value.replace("%", "%25").replace("|", "%7C")


def _unescape(value: str) -> str:
    return value.replace("%7C", "|").replace("%7c", "|").replace("%25", "%")


def b64url(raw: bytes) -> str:
    """base64url without padding.

    >>> b64url(b"\\xff\\xfe")
    '__4'
    """
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def unb64url(text: str) -> bytes:
    """The bytes of base64url text without padding.

    >>> unb64url("__4")
    b'\\xff\\xfe'
    """
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def canonical_json(data: Any) -> bytes:
    """The canonical JSON of plain data: keys sorted, no spaces, UTF-8.

    >>> canonical_json({"b": 1, "a": "Ә"}).decode("utf-8")
    '{"a":"Ә","b":1}'
    """
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def data_digest(data: Any) -> str:
    """SHA-256 of the canonical JSON of a document's data (a pydantic model or plain data),
    base64url without padding.

    >>> data_digest({"a": 1})
    'AVq9f1zFei3ZS3WQ8ErYCEJzkF7jPsXOvq5iJ2qX-GI'
    """
    if hasattr(data, "model_dump"):
        data = data.model_dump(mode="json")
    return b64url(hashlib.sha256(canonical_json(data)).digest())


@dataclass(frozen=True)
class Payload:
    """The fields of a payload (see the module docstring)."""

    form: str
    cadastral_number: str
    order_number: str
    issued_on: str
    digest: str
    signer: str | None = None
    signature: str | None = None

    def __post_init__(self) -> None:
        if not _FORM.match(self.form):
            raise InvalidPayload("form {form!r} is not one of F1, F2, F3, F4, F19, F20", form=self.form)
        if not self.cadastral_number or not self.order_number:
            raise InvalidPayload("the cadastral number and the order number must not be empty")
        try:
            dt.date.fromisoformat(self.issued_on)
        except ValueError:
            raise InvalidPayload("date of issue {date!r} is not YYYY-MM-DD", date=self.issued_on) from None
        if not _DIGEST.match(self.digest):
            raise InvalidPayload("the digest is not 43 base64url characters (SHA-256)")
        if (self.signer is None) != (self.signature is None):
            raise InvalidPayload("a signature needs its signer's certificate id, and the other way round")

    def signed_part(self) -> bytes:
        """The bytes a signature covers: the first six fields, encoded, with their separators."""
        fields = (FORMAT, self.form, self.cadastral_number, self.order_number, self.issued_on, self.digest)
        return "|".join(_escape(value) for value in fields).encode("utf-8")

    def encode(self) -> str:
        """The payload as text."""
        text = self.signed_part().decode("utf-8")
        if self.signer is not None:
            text += f"|{_escape(self.signer)}|{self.signature}"
        return text

    def with_signature(self, signer: str, signature: bytes) -> Payload:
        """The same payload with a signature over `signed_part()` (for the signing issue)."""
        return replace(self, signer=signer, signature=b64url(signature))

    def signature_bytes(self) -> bytes | None:
        return None if self.signature is None else unb64url(self.signature)

    @classmethod
    def decode(cls, text: str) -> Payload:
        """A payload from its text, or InvalidPayload saying why.

        >>> Payload.decode("KZCP2|F3")
        Traceback (most recent call last):
        ...
        kzcadastre_docs.barcode.payload.InvalidPayload: not a KZCP1 payload (it begins 'KZCP2|F3')
        """
        fields = text.split("|")
        if fields[0] != FORMAT:
            raise InvalidPayload("not a {format} payload (it begins {start!r})", format=FORMAT, start=text[:12])
        if len(fields) not in (6, 8):
            raise InvalidPayload("a {format} payload has 6 or 8 fields, this one {count}", format=FORMAT,
                                 count=len(fields))
        values = [_unescape(value) for value in fields[1:]]
        if len(values) == 7 and not re.fullmatch(r"[A-Za-z0-9_-]+", fields[7]):
            raise InvalidPayload("the signature is not base64url text")
        return cls(*values)

    def codes(self) -> list[str]:
        """The texts of the QR codes that carry this payload (one, unless it is long)."""
        return split_codes(self.encode())


def split_codes(text: str, limit: int = MAX_CODE_CHARS) -> list[str]:
    """One code's text, or several `KZCP1*i/n*chunk` parts for a long payload.

    >>> split_codes("KZCP1|abcdef", limit=8)
    ['KZCP1*1/2*KZCP1|ab', 'KZCP1*2/2*cdef']
    """
    if len(text) <= limit:
        return [text]
    chunks = [text[start:start + limit] for start in range(0, len(text), limit)]
    return [f"{FORMAT}*{index}/{len(chunks)}*{chunk}" for index, chunk in enumerate(chunks, 1)]


def join_codes(texts: list[str]) -> list[str]:
    """Payload texts from the texts of the codes read: whole ones first, then split ones joined
    in order; repeats dropped.

    >>> join_codes(['KZCP1*2/2*cdef', 'KZCP1*1/2*KZCP1|ab', 'KZCP1|x'])
    ['KZCP1|x', 'KZCP1|abcdef']
    """
    whole: list[str] = []
    parts: dict[int, dict[int, str]] = {}
    for text in texts:
        match = _PART.match(text)
        if match:
            parts.setdefault(int(match.group(2)), {})[int(match.group(1))] = match.group(3)
        elif text not in whole:
            whole.append(text)
    for count, found in sorted(parts.items()):
        if set(found) != set(range(1, count + 1)):
            raise InvalidPayload("only parts {parts} of a payload in {count} codes were read", parts=sorted(found),
                                 count=count)
        joined = "".join(found[index] for index in range(1, count + 1))
        if joined not in whole:
            whole.append(joined)
    return whole
