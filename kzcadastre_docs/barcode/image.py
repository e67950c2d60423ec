"""The QR image of a payload, drawn with segno (pure Python, ISO/IEC 18004).

Error correction level M (about 15% of the symbol may be damaged, enough for a printed and
scanned page), byte mode in UTF-8, a quiet zone of four modules, black on white. The PNG
has no timestamp: the same payload gives the same bytes.
"""

from __future__ import annotations

import io

import segno

#: Pixels per module of the PNG (a version-10 code is 57 modules: 456 px with its quiet zone).
MODULE_PIXELS = 8


def qr_png(text: str) -> bytes:
    """A PNG of a QR code holding `text`.

    >>> qr_png("KZCP1|F3")[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
    """
    code = segno.make(text, error="m", encoding="utf-8", micro=False, boost_error=False)
    out = io.BytesIO()
    code.save(out, kind="png", scale=MODULE_PIXELS, border=4)
    return out.getvalue()
