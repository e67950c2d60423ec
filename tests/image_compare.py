"""Comparing pictures with a small tolerance: font rasterisers and PNG encoders of other
versions may move a few pixels or bytes, never the drawing."""

from __future__ import annotations

import io

from PIL import Image, ImageChops

#: A pixel differs when its grey level moves by more than this (of 255).
PIXEL_TOLERANCE = 48
#: Pictures match when at most this fraction of their pixels differ.
AREA_TOLERANCE = 0.002


def image_difference(expected: bytes, actual: bytes) -> str | None:
    """None if the two PNGs show the same picture within the tolerance, else what differs."""
    want = Image.open(io.BytesIO(expected)).convert("L")
    got = Image.open(io.BytesIO(actual)).convert("L")
    if want.size != got.size:
        return f"size {got.size} instead of {want.size}"
    delta = ImageChops.difference(want, got).point(lambda level: 255 if level > PIXEL_TOLERANCE else 0)
    changed = delta.histogram()[255] / (want.width * want.height)
    if changed > AREA_TOLERANCE:
        return f"{changed:.2%} of the pixels differ (tolerance {AREA_TOLERANCE:.2%})"
    return None
