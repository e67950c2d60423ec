"""A floor plan drawn from its rooms' outlines: rooms with their numbers and areas, the walls,
and the overall dimensions in metres.

The data measures rooms (the inner faces of their walls), not walls: the walls are drawn
schematically, partitions filling the gaps between rooms and outer walls `OUTER_WALL_M`
thick, and the overall dimensions are those of the rooms' extent, which the data does
measure.
"""

from __future__ import annotations

from collections.abc import Sequence

from shapely import Polygon, unary_union

from ..models.parts import Floor
from .abris import DrawingError
from .canvas import SCALES, Drawing, Sheet, decimal_comma

WIDTH_CM = 17.0
MAX_HEIGHT_CM = 12.0
#: Drawn thickness of outer walls (schematic; not a measured value), m.
OUTER_WALL_M = 0.3
#: Gaps between rooms up to twice this wide are partitions and are filled as walls, m.
PARTITION_M = 0.3
WALL_GREY = 110


def _polygons(shape):
    return list(getattr(shape, "geoms", [shape]))


def draw_floor_plan(floor: Floor, scales: Sequence[int] = SCALES, max_height_cm: float = MAX_HEIGHT_CM) -> Drawing:
    """The plan of one floor as a PNG at 300 dpi, 17 cm wide, at the largest of `scales` that fits."""
    if not floor.plan:
        raise DrawingError("floor {floor}: plan is not given, so there is nothing to draw", floor=floor.key)
    rooms = {room.number: room for room in floor.rooms}
    outlines = [(room.number, Polygon(room.outline)) for room in floor.plan]
    rooms_union = unary_union([polygon for _, polygon in outlines])
    # The floor's inside: the rooms with the partitions between them.
    inside = rooms_union.buffer(PARTITION_M, join_style="mitre").buffer(-PARTITION_M, join_style="mitre")
    walls = inside.buffer(OUTER_WALL_M, join_style="mitre")
    min_x, min_y, max_x, max_y = rooms_union.bounds
    sheet = Sheet(walls.bounds, width_cm=WIDTH_CM, max_height_cm=max_height_cm, min_height_cm=5.0,
                  margin_cm=1.9, scales=scales)
    for polygon in _polygons(walls):
        sheet.polygon(list(polygon.exterior.coords), width_mm=0.25, fill=WALL_GREY)
        for hole in polygon.interiors:  # a courtyard or a light well
            sheet.polygon(list(hole.coords), width_mm=0.25, fill=255)
    for room in floor.plan:
        sheet.polygon(room.outline, width_mm=0.25, fill=255)
    for number, polygon in outlines:
        centre = polygon.representative_point()
        x, y = sheet.xy((centre.x, centre.y))
        _, height = sheet.text_size(number, 9, bold=True)
        sheet.text((x, y - height * 0.6), number, 9, bold=True, halo=True)
        if number in rooms:
            sheet.text((x, y + height * 0.75), decimal_comma(float(rooms[number].area)), 7, halo=True)
    wall_mm = OUTER_WALL_M * 1000 / sheet.scale
    sheet.dimension((min_x, min_y), (max_x, min_y), offset_mm=wall_mm + 6, text=decimal_comma(max_x - min_x))
    sheet.dimension((min_x, max_y), (min_x, min_y), offset_mm=wall_mm + 6, text=decimal_comma(max_y - min_y))
    sheet.note(f"М 1:{sheet.scale}", "bottom-right", size_pt=9)
    return sheet.finish(f"Floor plan, floor {floor.key}: rooms {', '.join(n for n, _ in outlines)}; "
                        f"scale 1:{sheet.scale}")
