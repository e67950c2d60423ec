"""Geometry in the data: outlines checked with shapely, plans against the explication,
areas from outlines, buildings within the plot, and the conclusion's plan rows."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path

import pytest

import kzcadastre_docs as kz
from kzcadastre_docs.models import shapes as geometry
from kzcadastre_docs.docx import Package, document_text
from kzcadastre_docs.i18n.messages import has_message

from .conftest import SAMPLES


def _sample(form: str, case: str) -> dict:
    return json.loads((SAMPLES / form / f"{case}.json").read_text(encoding="utf-8"))


def _problems(form: str, data: dict) -> list[tuple[str, str]]:
    with pytest.raises(kz.DataValidationError) as caught:
        kz.validate(form, data)
    return [(problem.field, problem.rule) for problem in caught.value.problems]


ABRIS = _sample("abris", "house-almaty-region")
FLOORS = Path(__file__).parent / "fixtures" / "floors"


def _floor(name: str) -> dict:
    """A measured floor with its plan (the floors the drawing goldens are drawn from)."""
    return json.loads((FLOORS / f"{name}.json").read_text(encoding="utf-8"))


def _with_plan(form: str, case: str, floor: str) -> dict:
    """A sample whose first floor is replaced by a measured floor with its plan (samples/floor-plan)."""
    data = copy.deepcopy(_sample(form, case))
    data["object"]["floors"][0] = _floor(floor)
    return data


APARTMENT = _with_plan("conclusion", "apartment-astana", "apartment-astana.floor-9")


# -- outlines ---------------------------------------------------------------------------------

@pytest.mark.parametrize("outline, rule", [
    ([[0, 0], [25, 0], [25, 40], [0, 40]], "outline_not_closed"),
    ([[0, 0], [25, 0], [0, 0]], "too_short"),  # the schema says minItems 4
    ([[0, 0], [25, 40], [25, 0], [0, 40], [0, 0]], "outline_invalid"),  # a bow tie crosses itself
    ([[0, 0], [10, 0], [20, 0], [0, 0]], "outline_invalid"),  # on one line: no area
])
def test_a_bad_plot_outline_is_refused_with_its_field_and_rule(outline, rule):
    data = dict(ABRIS, plot_outline=outline)
    assert _problems("abris", data) == [("plot_outline", rule)]


def test_outline_messages_exist_in_every_language():
    for rule in ("outline_not_closed", "outline_too_few", "outline_invalid", "plan_room_unknown",
                 "plan_room_missing", "plan_area", "rooms_overlap", "outside_plot", "one_of"):
        assert has_message(rule), rule


def test_a_bad_room_outline_is_named_by_its_full_path():
    data = copy.deepcopy(APARTMENT)
    data["object"]["floors"][0]["plan"][3]["outline"] = [[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]
    assert _problems("conclusion", data) == [("object.floors[0].plan[3].outline", "outline_invalid")]


def test_self_intersection_says_where():
    data = dict(ABRIS, plot_outline=[[0, 0], [20, 20], [20, 0], [0, 20], [0, 0]])
    with pytest.raises(kz.DataValidationError) as caught:
        kz.validate("abris", data)
    assert "its sides cross at (10, 10)" in caught.value.problems[0].message
    assert "(10, 10)" in caught.value.problems[0].describe("ru") and "Self" not in caught.value.problems[0].describe("ru")


def test_a_structure_has_an_outline_or_a_path_not_both():
    data = copy.deepcopy(ABRIS)
    data["legend"][0]["path"] = [[0, 0], [1, 1]]
    assert _problems("abris", data) == [("legend[0].path", "one_of")]


# -- areas ------------------------------------------------------------------------------------

def test_areas_from_outlines():
    l_shape = [(0, 0), (6, 0), (6, 2), (2, 2), (2, 5), (0, 5), (0, 0)]
    assert geometry.outline_area(l_shape) == Decimal("18.00")  # 6*2 + 2*3
    assert geometry.outline_area([(0, 0), (3.333, 0), (3.333, 3), (0, 3), (0, 0)]) == Decimal("10.00")
    assert geometry.square_metres(0.005) == Decimal("0.01")  # half up, as the explication rounds


def test_the_sample_plans_agree_with_their_explications():
    from kzcadastre_docs.models.parts import Floor

    assert kz.warnings("conclusion", APARTMENT) == []
    for case in ("apartment-astana.floor-9", "house-almaty-region-duplicate.floor-1"):
        floor = Floor.model_validate(_floor(case))
        assert floor.plan and floor.plan_area_differences() == [] and list(floor.violations()) == []
    for form, case in (("passport-apartment", "apartment-astana"), ("passport-house", "house-almaty-region")):
        model = kz.validate(form, _sample(form, case))
        assert model.floor_model().plan_area_differences() == []


def test_an_outline_area_off_the_declared_one_is_a_warning_not_an_error():
    data = copy.deepcopy(APARTMENT)
    data["object"]["floors"][0]["plan"][0]["outline"] = [[0, 2.82], [4.6, 2.82], [4.6, 6.72], [0, 6.72], [0, 2.82]]
    kz.validate("conclusion", data)  # still valid
    found = kz.warnings("conclusion", data)
    assert [(w.field, w.rule) for w in found] == [("object.floors[0].plan[0].outline", "plan_area")]
    assert found[0].context["computed"] == Decimal("17.94") and found[0].context["declared"] == Decimal("18.40")
    assert "17,94 м²" in found[0].describe("kk") and "18,40 м²" in found[0].describe("ru")  # as the documents print them
    assert "17.94" in found[0].describe("en")


def test_overlapping_rooms_are_reported():
    data = copy.deepcopy(APARTMENT)
    data["object"]["floors"][0]["plan"][1]["outline"] = [[4.0, 2.82], [7.15, 2.82], [7.15, 6.82], [4.0, 6.82],
                                                         [4.0, 2.82]]
    rules = {(w.field, w.rule) for w in kz.warnings("conclusion", data)}
    assert ("object.floors[0].plan[1].outline", "rooms_overlap") in rules


# -- the plan against the explication -------------------------------------------------------

def test_plan_rooms_must_match_the_explication():
    data = copy.deepcopy(APARTMENT)
    plan = data["object"]["floors"][0]["plan"]
    plan[4]["number"] = "6"  # room 5 missing from the plan, room 6 not in the explication
    plan.append(dict(plan[0]))  # room 1 twice
    assert sorted(_problems("conclusion", data)) == [
        ("object.floors[0].plan[4].number", "plan_room_unknown"),
        ("object.floors[0].plan[5].number", "duplicate"),
        ("object.floors[0].rooms[4].number", "plan_room_missing"),
    ]


# -- buildings within the plot ----------------------------------------------------------------

def test_a_building_beyond_the_plot_is_a_warning():
    data = copy.deepcopy(ABRIS)
    assert kz.warnings("abris", data) == []
    data["legend"][1]["outline"] = [[22, 33], [28, 33], [28, 37], [22, 37], [22, 33]]  # 3 m beyond x = 25
    found = kz.warnings("abris", data)
    assert [(w.field, w.rule) for w in found] == [("legend[1].outline", "outside_plot")]
    assert found[0].context["area"] == Decimal("11.80")  # 4 m x (3 m - 0.05 m tolerance)


def test_a_building_on_the_boundary_within_the_tolerance_is_inside():
    data = copy.deepcopy(ABRIS)
    data["legend"][1]["outline"] = [[19.03, 33], [25.03, 33], [25.03, 37], [19.03, 37], [19.03, 33]]
    assert kz.warnings("abris", data) == []


# -- the conclusion's discrepancy table -------------------------------------------------------

def _conclusion_with_plan(plan_area_rows: bool) -> dict:
    data = _sample("conclusion", "apartment-astana")
    data["object"]["floors"] = copy.deepcopy(APARTMENT["object"]["floors"])
    data["object"]["floors"][0]["plan"][2]["outline"] = [[4.09, 0], [7.87, 0], [7.87, 2.8], [4.09, 2.8], [4.09, 0]]
    data["plan_area_rows"] = plan_area_rows
    return data


def test_plan_areas_feed_the_conclusion_when_asked():
    assert not any(row.key.startswith("room_area")
                   for row in kz.validate("conclusion", _conclusion_with_plan(False)).differences())
    rows = [row for row in kz.validate("conclusion", _conclusion_with_plan(True)).differences()
            if row.key.startswith("room_area")]
    assert [(row.key, row.declared, row.actual, row.difference) for row in rows] == [
        ("room_area:9:3", Decimal("10.20"), Decimal("10.58"), Decimal("0.38"))]
    text = document_text(Package.from_bytes(kz.render("conclusion", _conclusion_with_plan(True), "ru")))
    assert "Площадь помещения 3 (этаж 9): по экспликации / по плану, м²" in text
    assert "+0,38" in text
