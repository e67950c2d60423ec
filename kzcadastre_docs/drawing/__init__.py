"""Drawings from measured geometry: the abris and floor plans, as PNG at print resolution."""

from ..rendering.pictures import InlineImage
from .abris import DrawingError, draw_abris, draw_site
from .canvas import DPI, Drawing
from .floor_plan import draw_floor_plan


def picture(drawing: Drawing | None) -> InlineImage | None:
    """A drawing as a picture a template can place (`{{ drawings.abris }}`); None stays None."""
    if drawing is None:
        return None
    return InlineImage(drawing.png, drawing.width_cm, drawing.height_cm, drawing.description, scale=drawing.scale)


__all__ = ["DPI", "Drawing", "DrawingError", "draw_abris", "draw_floor_plan", "draw_site", "picture"]
