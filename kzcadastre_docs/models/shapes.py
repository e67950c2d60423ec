"""Plane geometry of the measured data: outlines in metres, in the technician's local coordinates.

An outline is a closed ring of points ``[[x, y], ...]`` (metres; x to the right, y up on the
drawing), its last point repeating the first, as in GeoJSON. This module checks outlines
(closed, simple, with an area) and computes what the validation and the drawings need:
areas, containment, the floor plan's agreement with the explication. It uses shapely
(GEOS), the standard geometry engine.

>>> square = [(0, 0), (4, 0), (4, 3), (0, 3), (0, 0)]
>>> outline_problem(square) is None, outline_area(square)
(True, Decimal('12.00'))
>>> outline_problem([(0, 0), (4, 0), (4, 3), (0, 3)])
('outline_not_closed', {'first': '(0, 0)', 'last': '(0, 3)'})
>>> outline_problem([(0, 0), (4, 3), (4, 0), (0, 3), (0, 0)])[0]
'outline_invalid'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from shapely import Polygon, STRtree
from shapely.validation import explain_validity

from ..i18n.catalogue import N_, Message

Point = tuple[float, float]

#: How far (m) an outline may stand beyond another and still count as inside it: the
#: precision of a tape measurement on site.
CONTAINMENT_TOLERANCE = 0.05
#: How far (m²) a room's area computed from its outline may differ from the declared area
#: before it is reported: the explication rounds to 0.1 m², and walls are measured to 1 cm.
PLAN_AREA_TOLERANCE = Decimal("0.10")


def _show(point: Sequence[float]) -> str:
    return "(" + ", ".join(f"{value:g}" for value in point) + ")"


def outline_problem(points: Sequence[Sequence[float]]) -> tuple[str, dict] | None:
    """Why `points` is not a usable outline, as (rule, context), or None if it is one."""
    if len(points) < 4:
        return "outline_too_few", {"count": len(points)}
    if tuple(points[0]) != tuple(points[-1]):
        return "outline_not_closed", {"first": _show(points[0]), "last": _show(points[-1])}
    polygon = Polygon(points)
    if not polygon.is_valid:
        return "outline_invalid", {"reason": validity_reason(explain_validity(polygon))}
    if polygon.area <= 0:
        return "outline_invalid", {"reason": Message("it encloses no area")}
    return None


#: GEOS's reasons an outline is not a simple polygon (explain_validity) -> a catalogue message.
_VALIDITY = (("Self-intersection", N_("its sides cross at {point}")),
             ("Ring Self-intersection", N_("it touches itself at {point}")),
             ("Too few points", N_("it has too few distinct points")))


def validity_reason(explanation: str) -> Message:
    """GEOS's explanation ("Self-intersection[2 1.5]") as a catalogue message, with its point.

    >>> validity_reason("Self-intersection[2 1.5]").describe("ru")
    'его стороны пересекаются в точке (2, 1.5)'
    """
    from ..i18n.system import library_reason

    kind, _, where = explanation.partition("[")
    point = "(" + ", ".join(where.rstrip("]").split()) + ")" if where else ""
    for name, template in _VALIDITY:
        if kind.strip() == name:
            return Message(template, point=point)
    return library_reason(ValueError(explanation), N_("its boundary is not a simple closed line"))


def square_metres(value: float) -> Decimal:
    """An area rounded to 0.01 m², as the explication prints it."""
    return Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def outline_area(points: Sequence[Sequence[float]]) -> Decimal:
    return square_metres(Polygon(points).area)


def outside_area(inner: Sequence[Sequence[float]], outer: Sequence[Sequence[float]],
                 tolerance: float = CONTAINMENT_TOLERANCE) -> Decimal:
    """The area of `inner` that lies outside `outer` grown by `tolerance` (0 if inside).

    >>> plot = [(0, 0), (20, 0), (20, 30), (0, 30), (0, 0)]
    >>> outside_area([(18, 5), (24, 5), (24, 9), (18, 9), (18, 5)], plot)
    Decimal('15.80')
    >>> outside_area([(0, 0), (6, 0), (6, 4.03), (0, 4.03), (0, 0)], plot)
    Decimal('0.00')
    """
    grown = Polygon(outer).buffer(tolerance, join_style="mitre")
    return square_metres(Polygon(inner).difference(grown).area)


@dataclass(frozen=True)
class AreaDifference:
    """A room whose area computed from its outline differs from its declared area."""

    number: str
    declared: Decimal
    computed: Decimal

    @property
    def difference(self) -> Decimal:
        return self.computed - self.declared


def area_differences(declared: dict[str, Decimal], outlines: dict[str, Sequence[Sequence[float]]],
                     tolerance: Decimal = PLAN_AREA_TOLERANCE) -> list[AreaDifference]:
    """Rooms (by number, in the explication's order) whose outline area is more than
    `tolerance` away from the declared area.

    >>> area_differences({"1": Decimal("12.00"), "2": Decimal("9.00")},
    ...                  {"1": [(0, 0), (4, 0), (4, 3), (0, 3), (0, 0)],
    ...                   "2": [(4, 0), (7, 0), (7, 3.4), (4, 3.4), (4, 0)]})
    [AreaDifference(number='2', declared=Decimal('9.00'), computed=Decimal('10.20'))]
    """
    found = []
    for number, area in declared.items():
        if number in outlines:
            computed = outline_area(outlines[number])
            if abs(computed - area) > tolerance:
                found.append(AreaDifference(number, area, computed))
    return found


def overlaps(outlines: Sequence[Sequence[Sequence[float]]], minimum: Decimal = Decimal("0.01")
             ) -> list[tuple[int, int, Decimal]]:
    """(first, second, area) for each pair of outlines that overlap by more than `minimum` m²,
    by their indexes, first < second; candidate pairs come from a spatial index, so a floor
    of hundreds of rooms is not checked pair by pair.

    >>> overlaps([[(0, 0), (4, 0), (4, 3), (0, 3), (0, 0)], [(3, 0), (6, 0), (6, 3), (3, 3), (3, 0)],
    ...           [(6, 0), (9, 0), (9, 3), (6, 3), (6, 0)]])
    [(0, 1, Decimal('3.00'))]
    """
    polygons = [Polygon(points) for points in outlines]
    tree = STRtree(polygons)
    found = []
    for first, polygon in enumerate(polygons):
        for second in sorted(int(index) for index in tree.query(polygon)):
            if second > first:
                area = square_metres(polygon.intersection(polygons[second]).area)
                if area > minimum:
                    found.append((first, second, area))
    return found
