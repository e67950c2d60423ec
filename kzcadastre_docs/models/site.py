"""The land plot as measured, with its buildings and structures: what an abris or a site plan draws."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from . import shapes
from .base import DocumentModel, RuleViolation
from .geometry import Outline, Path
from .types import Litera
from .vocabularies import BuildingKind, Material


class LegendItem(DocumentModel):
    litera: Litera = Field(description="Litera on the sketch.")
    name: BuildingKind = Field(description="Kind of building or structure (a code).")
    material: Material | None = Field(None, description="Material (a code).")
    outline: Outline | None = Field(None, description="Footprint of a building or structure (outer faces of its walls).")
    path: Path | None = Field(None, description="Line of a linear structure (a fence, a pipe), instead of an outline.")

    def rules(self) -> Iterator[RuleViolation]:
        if self.outline is not None and self.path is not None:
            yield ("path",), "one_of", {"fields": "outline, path"}


class SitePlan(DocumentModel):
    """The land plot with its buildings and structures, as measured: what an abris draws."""

    plot_outline: Outline = Field(description="Boundary of the land plot.")
    north_bearing: float = Field(
        0, ge=0, lt=360, description="Direction of north, degrees clockwise from the local y axis (0: y points north).")
    items: list[LegendItem] = Field(min_length=1, max_length=200, description="Buildings and structures on the plot.")

    def advice(self) -> Iterator[RuleViolation]:
        for index, item in enumerate(self.items):
            if item.outline is not None:
                outside = shapes.outside_area(item.outline, self.plot_outline)
                if outside > 0:
                    yield ("items", index, "outline"), "outside_plot", {"value": item.litera, "area": outside}
