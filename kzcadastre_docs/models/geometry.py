"""Outlines and paths in the data: lists of [x, y] points in metres (local coordinates)."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from . import shapes as geometry
from .base import DocumentModel

#: A coordinate in metres: finite, within 100 km of the local origin.
Coordinate = Annotated[float, Field(ge=-100_000, le=100_000, allow_inf_nan=False)]
Point = tuple[Coordinate, Coordinate]

_OUTLINE_MESSAGES = {
    "outline_too_few": "an outline needs at least 4 points (3 corners and the first repeated), not {count}",
    "outline_not_closed": "the outline is not closed: its last point {last} must repeat its first {first}",
    "outline_invalid": "the outline is not a simple polygon: {reason}",
}


def _check_outline(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    problem = geometry.outline_problem(points)
    if problem is not None:
        rule, context = problem
        raise PydanticCustomError(rule, _OUTLINE_MESSAGES[rule], context)
    return points


Outline = Annotated[
    list[Point],
    Field(min_length=4, max_length=5000,
          description="A closed ring of [x, y] points in metres (local coordinates, y up); the last point repeats "
                      "the first."),
    AfterValidator(_check_outline),
]
Path = Annotated[
    list[Point],
    Field(min_length=2, max_length=5000, description="An open line of [x, y] points in metres (a fence, a pipe)."),
]


class RoomOutline(DocumentModel):
    """One room on a floor plan."""

    number: Annotated[str, Field(min_length=1, max_length=10)] = Field(
        description="The room's number, as in the explication.")
    outline: Outline
