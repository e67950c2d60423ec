"""A drawing sheet in metres at a true scale, rasterised with Pillow at print resolution.

The sheet picks the largest standard scale (1:50, 1:100, ... 1:5000) at which the drawing
fits its printed size, so that a PNG embedded at that size measures true on paper. Lines
and letters are drawn in black on white, 8-bit grey; nothing depends on the clock, the
machine's fonts or dictionary order, so the same drawing gives the same bytes.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

#: Print resolution of the drawings, dots per inch.
DPI = 300
#: Reduction scales of GOST 2.302-68 (the standard scales of design drawings in Kazakhstan
#: and Russia; 1:2000 and smaller are its scales for master plans), largest first.
SCALES = (20, 25, 40, 50, 75, 100, 200, 400, 500, 800, 1000, 2000, 5000, 10000)
FONTS = Path(__file__).resolve().parent.parent / "data" / "fonts"
BLACK = 0
WHITE = 255


@lru_cache(maxsize=None)
def font(size_px: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """The bundled DejaVu Sans Condensed (every Kazakh letter), at a size in pixels."""
    name = "DejaVuSansCondensed-Bold.ttf" if bold else "DejaVuSansCondensed.ttf"
    return ImageFont.truetype(str(FONTS / name), size_px)


def cm_to_px(cm: float) -> int:
    return round(cm / 2.54 * DPI)


def pt_to_px(pt: float) -> int:
    return round(pt * DPI / 72)


def decimal_comma(value: float, places: int = 2) -> str:
    """A length as printed on Kazakh and Russian drawings.

    >>> decimal_comma(12.4), decimal_comma(3.456, 1)
    ('12,40', '3,5')
    """
    return f"{value:.{places}f}".replace(".", ",")


@dataclass(frozen=True)
class Drawing:
    """A finished drawing: PNG bytes, its printed size and its scale (1:scale)."""

    png: bytes
    width_cm: float
    height_cm: float
    scale: int
    description: str


class Sheet:
    """A sheet showing the box `bounds` (metres: min x, min y, max x, max y) at a true scale.

    `width_cm` is fixed; the height is what the drawing needs at that scale, within
    `max_height_cm` (never under `min_height_cm`). `margin_cm` leaves room around the
    drawing for dimensions and notes.
    """

    def __init__(self, bounds: Sequence[float], *, width_cm: float, max_height_cm: float,
                 min_height_cm: float = 4.0, margin_cm: float = 1.5, scales: Sequence[int] = SCALES):
        min_x, min_y, max_x, max_y = bounds
        extent_x, extent_y = max(max_x - min_x, 0.01), max(max_y - min_y, 0.01)
        usable_x, usable_y = width_cm - 2 * margin_cm, max_height_cm - 2 * margin_cm
        self.scale = next((n for n in scales if extent_x * 100 / n <= usable_x and extent_y * 100 / n <= usable_y),
                          scales[-1])
        self.width_cm = width_cm
        self.height_cm = round(max(min_height_cm, min(max_height_cm, extent_y * 100 / self.scale + 2 * margin_cm)), 2)
        self.px_per_m = DPI / 2.54 * 100 / self.scale
        self.image = Image.new("L", (cm_to_px(self.width_cm), cm_to_px(self.height_cm)), WHITE)
        self.draw = ImageDraw.Draw(self.image)
        # The drawing's centre goes to the sheet's centre.
        self._centre_m = ((min_x + max_x) / 2, (min_y + max_y) / 2)
        self._centre_px = (self.image.width / 2, self.image.height / 2)

    # -- coordinates ---------------------------------------------------------------------

    def xy(self, point: Sequence[float]) -> tuple[float, float]:
        """Pixel position of a point in metres (y up on the sheet)."""
        return (self._centre_px[0] + (point[0] - self._centre_m[0]) * self.px_per_m,
                self._centre_px[1] - (point[1] - self._centre_m[1]) * self.px_per_m)

    def mm(self, millimetres: float) -> int:
        """A printed length in pixels (line widths, offsets)."""
        return max(1, round(millimetres / 25.4 * DPI))

    # -- primitives ------------------------------------------------------------------------

    def polyline(self, points: Sequence[Sequence[float]], width_mm: float = 0.35, fill: int = BLACK) -> None:
        pixels = [self.xy(point) for point in points]
        self.draw.line(pixels, fill=fill, width=self.mm(width_mm), joint="curve")

    def polygon(self, points: Sequence[Sequence[float]], width_mm: float = 0.35, fill: int | None = None) -> None:
        pixels = [self.xy(point) for point in points]
        if fill is not None:
            self.draw.polygon(pixels, fill=fill)
        self.draw.line(pixels, fill=BLACK, width=self.mm(width_mm), joint="curve")

    def dashed(self, points: Sequence[Sequence[float]], width_mm: float = 0.3, dash_mm: float = 3.0,
               gap_mm: float = 1.5) -> None:
        """A dashed line (a fence, a boundary not built on)."""
        dash, gap = self.mm(dash_mm), self.mm(gap_mm)
        pixels = [self.xy(point) for point in points]
        for (x1, y1), (x2, y2) in zip(pixels, pixels[1:]):
            length = math.hypot(x2 - x1, y2 - y1)
            position = 0.0
            while position < length:
                end = min(position + dash, length)
                self.draw.line([(x1 + (x2 - x1) * position / length, y1 + (y2 - y1) * position / length),
                                (x1 + (x2 - x1) * end / length, y1 + (y2 - y1) * end / length)],
                               fill=BLACK, width=self.mm(width_mm))
                position = end + gap

    def dot(self, point: Sequence[float], diameter_mm: float = 0.9) -> None:
        x, y = self.xy(point)
        r = self.mm(diameter_mm) / 2
        self.draw.ellipse([x - r, y - r, x + r, y + r], fill=BLACK)

    def text(self, centre_px: tuple[float, float], text: str, size_pt: float = 8, *, bold: bool = False,
             angle: float = 0.0, halo: bool = False) -> tuple[int, int]:
        """Letter `text` centred on a pixel position, turned `angle` degrees counter-clockwise.

        Returns the size of the lettering (before turning). A halo clears the lines under it.
        """
        face = font(pt_to_px(size_pt), bold)
        left, top, right, bottom = face.getbbox(text)
        pad = self.mm(0.6) if halo else 1
        mask = Image.new("L", (right - left + 2 * pad, bottom - top + 2 * pad), 0)
        ImageDraw.Draw(mask).text((pad - left, pad - top), text, font=face, fill=255)
        if halo:
            clear = Image.new("L", mask.size, 255)
            if angle:
                clear = clear.rotate(angle, resample=Image.Resampling.NEAREST, expand=True)
            self.image.paste(WHITE, (round(centre_px[0] - clear.width / 2), round(centre_px[1] - clear.height / 2)),
                             clear)
        if angle:
            mask = mask.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
        self.image.paste(BLACK, (round(centre_px[0] - mask.width / 2), round(centre_px[1] - mask.height / 2)), mask)
        return right - left, bottom - top

    def text_size(self, text: str, size_pt: float = 8, bold: bool = False) -> tuple[int, int]:
        left, top, right, bottom = font(pt_to_px(size_pt), bold).getbbox(text)
        return right - left, bottom - top

    def edge_label(self, start: Sequence[float], end: Sequence[float], text: str, *, outward: int = 1,
                   offset_mm: float = 2.2, size_pt: float = 7) -> bool:
        """Letter `text` along the edge start-end, on one side of it (`outward` 1: right of
        the direction start-end in the sheet's view; -1: left), kept upright.

        Returns False (and letters nothing) if the edge is too short for the text.
        """
        (x1, y1), (x2, y2) = self.xy(start), self.xy(end)
        length = math.hypot(x2 - x1, y2 - y1)
        width, _ = self.text_size(text, size_pt)
        if length < width * 1.1:
            return False
        angle = math.degrees(math.atan2(-(y2 - y1), x2 - x1))  # counter-clockwise, sheet y down
        if angle > 90:
            angle -= 180
        elif angle <= -90:
            angle += 180
        # The normal to the right of the direction in sheet coordinates (y down): (-dy, dx).
        nx, ny = -(y2 - y1) / length, (x2 - x1) / length
        offset = self.mm(offset_mm) * outward
        centre = ((x1 + x2) / 2 + nx * offset, (y1 + y2) / 2 + ny * offset)
        self.text(centre, text, size_pt, angle=angle, halo=True)
        return True

    def dimension(self, start: Sequence[float], end: Sequence[float], *, offset_mm: float, text: str,
                  size_pt: float = 8) -> None:
        """A dimension line parallel to start-end, `offset_mm` to its right (sheet view),
        with extension lines, slash ticks at both ends and the value above the line."""
        (x1, y1), (x2, y2) = self.xy(start), self.xy(end)
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        nx, ny = -(y2 - y1) / length, (x2 - x1) / length
        off = self.mm(offset_mm)
        a = (x1 + nx * off, y1 + ny * off)
        b = (x2 + nx * off, y2 + ny * off)
        thin = self.mm(0.18)
        overshoot = self.mm(1.5)
        for base, tip in (((x1, y1), a), ((x2, y2), b)):
            self.draw.line([(base[0] + nx * self.mm(1), base[1] + ny * self.mm(1)),
                            (tip[0] + nx * overshoot, tip[1] + ny * overshoot)], fill=BLACK, width=thin)
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        self.draw.line([(a[0] - ux * overshoot, a[1] - uy * overshoot), (b[0] + ux * overshoot, b[1] + uy * overshoot)],
                       fill=BLACK, width=thin)
        tick = self.mm(1.2)
        for point in (a, b):  # 45° slashes, as on architectural drawings
            dx, dy = (ux + nx) * tick / 2, (uy + ny) * tick / 2
            self.draw.line([(point[0] - dx, point[1] - dy), (point[0] + dx, point[1] + dy)], fill=BLACK,
                           width=self.mm(0.35))
        angle = math.degrees(math.atan2(-(y2 - y1), x2 - x1))
        if angle > 90:
            angle -= 180
        elif angle <= -90:
            angle += 180
        _, height = self.text_size(text, size_pt)
        # The value sits on the far side of the line from the object.
        lift = height * 0.5 + self.mm(1.0)
        centre = ((a[0] + b[0]) / 2 + nx * lift, (a[1] + b[1]) / 2 + ny * lift)
        self.text(centre, text, size_pt, angle=angle, halo=True)

    def north_arrow(self, bearing: float, size_mm: float = 12.0) -> None:
        """A north arrow in the top right corner; `bearing`: degrees clockwise from the sheet's up."""
        radius = self.mm(size_mm) / 2
        cx, cy = self.image.width - self.mm(8) - radius, self.mm(8) + radius
        theta = math.radians(bearing)
        ux, uy = math.sin(theta), -math.cos(theta)  # towards north, sheet y down
        px, py = -uy, ux
        tip = (cx + ux * radius, cy + uy * radius)
        tail = (cx - ux * radius, cy - uy * radius)
        left = (tail[0] + px * radius * 0.45, tail[1] + py * radius * 0.45)
        right = (tail[0] - px * radius * 0.45, tail[1] - py * radius * 0.45)
        notch = (cx - ux * radius * 0.45, cy - uy * radius * 0.45)
        self.draw.polygon([tip, left, notch], fill=BLACK)
        self.draw.polygon([tip, right, notch], fill=WHITE, outline=BLACK)
        self.draw.line([tip, right, notch, tip], fill=BLACK, width=self.mm(0.25))
        letter = (cx + ux * (radius + self.mm(3.2)), cy + uy * (radius + self.mm(3.2)))
        self.text(letter, "С", 10, bold=True)

    def note(self, text: str, corner: str = "bottom-left", size_pt: float = 8) -> None:
        width, height = self.text_size(text, size_pt)
        margin = self.mm(4)
        x = margin + width / 2 if "left" in corner else self.image.width - margin - width / 2
        y = self.image.height - margin - height / 2 if "bottom" in corner else margin + height / 2
        self.text((x, y), text, size_pt, halo=True)

    def finish(self, description: str) -> Drawing:
        """The PNG (no time stamp, no text chunks; only the resolution) and its size."""
        output = io.BytesIO()
        self.image.save(output, format="PNG", dpi=(DPI, DPI), optimize=False, compress_level=9)
        return Drawing(output.getvalue(), self.width_cm, self.height_cm, self.scale, description)
