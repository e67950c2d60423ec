"""Which drawing a data file holds, for `kzcadastre-docs draw`: the abris from abris data, a
house passport's site plan, or a bare site plan; floor plans from a passport's rooms and
plan, a conclusion's object, or one floor."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import api
from ..errors import DataValidationError
from ..drawing import Drawing, DrawingError, draw_floor_plan, draw_site
from ..forms.annexes.abris import draw_abris
from ..forms.passport import passport_form_for
from ..models.parts import Floor
from ..models.site import SitePlan

def _model(model_type, data: Mapping[str, Any], what: str):
    from pydantic import ValidationError

    try:
        return model_type.model_validate(dict(data))
    except ValidationError as exc:
        raise DataValidationError(what, [api.problem_from_error(error) for error in exc.errors()]) from None


def site_drawing(data: Mapping[str, Any]) -> Drawing:
    """The abris (abris data), a passport's site plan, or a site plan given alone."""
    if "legend" in data:
        return draw_abris(api.validate("abris", data))
    if "site_plan" in data:
        form = passport_form_for(data) if data.get("object_type") else "passport-house"
        model = api.validate(form, data)
        if getattr(model, "site_plan", None) is None:
            raise DrawingError("the passport's site_plan is empty: there is nothing to draw", field="site_plan")
        return draw_site(model.site_plan, f"Site plan, {model.cadastral_number}")
    if "plot_outline" in data:
        return draw_site(_model(SitePlan, data, "site plan"))
    raise DrawingError("no site geometry in the data: give abris data with plot_outline, passport-house data "
                       "with site_plan, or a site plan (plot_outline, items)")


def floor_drawings(data: Mapping[str, Any], level: str | None = None) -> list[tuple[str, Drawing]]:
    """(level, plan) for each floor with a plan, or for the floor `level` only."""
    if "rooms" in data and "level" in data:
        floors = [_model(Floor, data, "floor")]
    elif isinstance(data.get("object"), Mapping) and "floors" in data["object"]:
        floors = list(api.validate("conclusion", data).object.floors)
    elif data.get("object_type") and ("rooms" in data or "parts" in data or "place_kind" in data):
        model = api.validate(passport_form_for(data), data)
        floors = [model.floor_model()]
    else:
        raise DrawingError("no floors in the data: give passport data (object_type, rooms, plan), conclusion data "
                           "(object.floors) or one floor (level, rooms, plan)")
    if level is not None:
        chosen = [floor for floor in floors if level in (floor.key, floor.level.text("kk"), floor.level.text("ru"))]
        if not chosen:
            raise DrawingError("no floor {level!r}; the floors are: {floors}", level=level,
                               floors=", ".join(f.key for f in floors), field="--floor")
        floors = chosen
    drawn = [(floor.key, draw_floor_plan(floor)) for floor in floors if floor.plan]
    if not drawn:
        raise DrawingError("no floor has a plan (room outlines) to draw")
    return drawn
