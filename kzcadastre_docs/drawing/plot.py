"""The plan of a land plot alone, as the passports' land pages show it: the boundary, its
turning points numbered in order (the numbers of "Выноска мер линий"), the length of each
side, a north arrow and the scale (Instruction No. 367, p. 12: 1:200 to 1:5000)."""

from __future__ import annotations

from collections.abc import Sequence

from shapely import Polygon

from .abris import _edges, _length, _outward
from .canvas import Drawing, Sheet, decimal_comma

#: Scales of a land plot's plan (Instruction No. 367, p. 12).
PLOT_SCALES = (200, 500, 1000, 2000, 5000)


def draw_plot(outline: Sequence[Sequence[float]], north_bearing: float = 0.0, title: str = "Land plot",
              *, max_height_cm: float = 8.5) -> Drawing:
    """The plot's plan, 17 cm wide, at the largest of PLOT_SCALES that fits."""
    plot = Polygon(outline)
    sheet = Sheet(plot.bounds, width_cm=17.0, max_height_cm=max_height_cm, min_height_cm=6.0, margin_cm=1.5,
                  scales=PLOT_SCALES)
    sheet.polygon(outline, width_mm=0.4)
    for number, point in enumerate(outline[:-1], 1):
        sheet.dot(point)
        x, y = sheet.xy(point)
        sheet.text((x + sheet.mm(2.2), y - sheet.mm(2.2)), str(number), 8, bold=True, halo=True)
    for start, end in _edges(outline):
        sheet.edge_label(start, end, decimal_comma(_length(start, end)), outward=_outward(plot, start, end),
                         offset_mm=2.4, size_pt=7)
    sheet.north_arrow(north_bearing)
    sheet.note(f"М 1:{sheet.scale}", "bottom-left", size_pt=9)
    return sheet.finish(f"{title}: {len(outline) - 1} turning points; scale 1:{sheet.scale}")
