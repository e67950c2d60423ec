"""Where a payload's signature comes from while documents are rendered.

The signing layer (`kzcadastre_docs.signing.barcode.barcode_signing`) activates a signer
here; the passport forms, which sit below it, ask `signed(payload)` before they draw the QR
code. Without an active signer the payload is returned unchanged (unsigned).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_ACTIVE: ContextVar[Callable | None] = ContextVar("kzcadastre_barcode_signer", default=None)


@contextmanager
def payload_signer(sign: Callable | None) -> Iterator[None]:
    """While active, `signed` passes payloads through `sign` (payload -> signed payload)."""
    token = _ACTIVE.set(sign)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def signed(payload):
    """The payload signed by the active signer, or unchanged.

    >>> signed("x")
    'x'
    >>> with payload_signer(str.upper):
    ...     signed("x")
    'X'
    """
    sign = _ACTIVE.get()
    return payload if sign is None else sign(payload)
