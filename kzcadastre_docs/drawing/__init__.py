"""Drawings from measured geometry: the abris and floor plans, as PNG at print resolution."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from ..rendering.pictures import InlineImage
from .abris import DrawingError, draw_site
from .canvas import DPI, SCALES, Drawing
from .floor_plan import MAX_HEIGHT_CM, draw_floor_plan
from .plot import draw_plot

_recent: OrderedDict[str, Drawing] = OrderedDict()
_recent_lock = threading.Lock()
#: Drawings kept for reuse: a document rendered in kk and then ru draws its plans once.
RECENT_DRAWINGS = 32


def remembered(key: str, draw: Callable[[], Drawing]) -> Drawing:
    """The drawing for `key` (the geometry as JSON, with anything else it shows), drawn
    once while it is among the most recent ones. A drawing depends only on its key."""
    with _recent_lock:
        if key in _recent:
            _recent.move_to_end(key)
            return _recent[key]
    drawing = draw()
    with _recent_lock:
        _recent[key] = drawing
        while len(_recent) > RECENT_DRAWINGS:
            _recent.popitem(last=False)
    return drawing


def site_picture(site, title: str) -> InlineImage:
    """A site plan (or abris) as a picture for a template."""
    return picture(remembered("site\n" + title + "\n" + site.model_dump_json(), lambda: draw_site(site, title)))


def plot_picture(outline, north_bearing: float, title: str) -> InlineImage:
    """A land plot's plan (the passports' land pages) as a picture for a template."""
    key = f"plot {north_bearing} {title}\n{list(map(tuple, outline))}"
    return picture(remembered(key, lambda: draw_plot(outline, north_bearing, title)))


def floor_picture(floor, scales: tuple[int, ...] | None = None, max_height_cm: float | None = None) -> InlineImage:
    """A floor plan as a picture for a template, at the largest of `scales` (default: the
    standard scales) at which it fits `max_height_cm` (default: the floor plan's own)."""
    if scales is None and max_height_cm is None:
        return picture(remembered("floor\n" + floor.model_dump_json(), lambda: draw_floor_plan(floor)))
    options = {"scales": scales or SCALES, "max_height_cm": max_height_cm or MAX_HEIGHT_CM}
    return picture(remembered(f"floor {options}\n" + floor.model_dump_json(), lambda: draw_floor_plan(floor, **options)))


def picture(drawing: Drawing | None) -> InlineImage | None:
    """A drawing as a picture a template can place (`{{ drawings.abris }}`); None stays None."""
    if drawing is None:
        return None
    return InlineImage(drawing.png, drawing.width_cm, drawing.height_cm, drawing.description, scale=drawing.scale)


__all__ = ["DPI", "Drawing", "DrawingError", "draw_floor_plan", "draw_plot", "draw_site", "floor_picture",
           "picture", "plot_picture", "remembered", "site_picture"]
