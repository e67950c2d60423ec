"""The abris drawn from its data: the plot, its buildings and structures, literas, outer
dimensions in metres, a north arrow and the scale (paragraph 7 of the Rules: "close to
reality and in relative scale")."""

from __future__ import annotations

from shapely import LineString, Point, Polygon, unary_union

from ..errors import KzcadastreError
from ..models.site import SitePlan
from .canvas import Drawing, Sheet, decimal_comma

#: Printed size of the abris: the width of the form's text, at most this high.
WIDTH_CM = 17.0
MAX_HEIGHT_CM = 13.0


class DrawingError(KzcadastreError):
    """The data has no geometry to draw (the message says which field is missing)."""

    exit_code = 2
    code = "drawing"


def _outward(ring: Polygon, start, end) -> int:
    """1 if the right-hand side of start→end is outside `ring`, else -1."""
    ex, ey = end[0] - start[0], end[1] - start[1]
    length = (ex * ex + ey * ey) ** 0.5 or 1.0
    probe = Point((start[0] + end[0]) / 2 + ey / length * 0.05, (start[1] + end[1]) / 2 - ex / length * 0.05)
    return -1 if ring.contains(probe) else 1


def _edges(points):
    return list(zip(points, points[1:]))


def _length(start, end) -> float:
    return ((end[0] - start[0]) ** 2 + (end[1] - start[1]) ** 2) ** 0.5


def _dimensioned_edges(outline, clutter) -> list[tuple]:
    """The edges of a building to letter with their length: one of each pair of parallel
    edges of equal length (a rectangle gets its width and its depth once), the one whose
    label stands farther from `clutter` (other lines of the drawing)."""
    footprint = Polygon(outline)
    chosen: dict[tuple, tuple] = {}
    for start, end in _edges(outline):
        length = _length(start, end)
        if length == 0:
            continue
        direction = ((end[0] - start[0]) / length, (end[1] - start[1]) / length)
        if direction[0] < -1e-9 or (abs(direction[0]) <= 1e-9 and direction[1] < 0):
            direction = (-direction[0], -direction[1])
        key = (round(direction[0], 3), round(direction[1], 3), round(length, 2))
        side = _outward(footprint, start, end)
        ex, ey = (end[0] - start[0]) / length, (end[1] - start[1]) / length
        label = Point((start[0] + end[0]) / 2 + ey * side, (start[1] + end[1]) / 2 - ex * side)
        room = clutter.distance(label) if clutter is not None and not clutter.is_empty else 0.0
        if key not in chosen or room > chosen[key][0]:
            chosen[key] = (room, start, end, side)
    return [(start, end, side) for _, start, end, side in chosen.values()]


def draw_site(site: SitePlan, title: str = "Site plan") -> Drawing:
    """A land plot with its buildings and structures (the abris, or a passport's site plan)."""
    plot = Polygon(site.plot_outline)
    shapes = [plot] + [Polygon(item.outline) for item in site.items if item.outline]
    shapes += [LineString(item.path) for item in site.items if item.path]
    bounds = (min(s.bounds[0] for s in shapes), min(s.bounds[1] for s in shapes),
              max(s.bounds[2] for s in shapes), max(s.bounds[3] for s in shapes))
    sheet = Sheet(bounds, width_cm=WIDTH_CM, max_height_cm=MAX_HEIGHT_CM, min_height_cm=8.0, margin_cm=1.5)

    # The plot: its boundary, corner points and the length of each side, outside it.
    sheet.polygon(site.plot_outline, width_mm=0.3)
    for point in site.plot_outline[:-1]:
        sheet.dot(point)
    # Buildings and structures with an outline: filled light grey, heavier line.
    for item in site.items:
        if item.outline:
            sheet.polygon(item.outline, width_mm=0.6, fill=225)
    for item in site.items:
        if item.path:
            sheet.dashed(item.path, width_mm=0.35)
    for start, end in _edges(site.plot_outline):
        sheet.edge_label(start, end, decimal_comma(_length(start, end)), outward=_outward(plot, start, end),
                         offset_mm=2.4, size_pt=7)
    for index, item in enumerate(site.items):
        if not item.outline:
            continue
        footprint = Polygon(item.outline)
        others = [plot.exterior] + [Polygon(other.outline).exterior for n, other in enumerate(site.items)
                                    if other.outline and n != index]
        others += [LineString(other.path) for other in site.items if other.path]
        for start, end, side in _dimensioned_edges(item.outline, unary_union(others)):
            sheet.edge_label(start, end, decimal_comma(_length(start, end)), outward=side, offset_mm=1.8, size_pt=6)
        centre = footprint.representative_point()
        sheet.text(sheet.xy((centre.x, centre.y)), item.litera, 11, bold=True, halo=True)
    for item in site.items:
        if item.path:
            middle = LineString(item.path).interpolate(0.5, normalized=True)
            x, y = sheet.xy((middle.x, middle.y))
            sheet.text((x, y - sheet.mm(2.5)), item.litera, 9, bold=True, halo=True)
    sheet.north_arrow(site.north_bearing)
    sheet.note(f"М 1:{sheet.scale}", "bottom-left", size_pt=9)
    literas = ", ".join(item.litera for item in site.items)
    return sheet.finish(f"{title}: {literas}; scale 1:{sheet.scale}")
