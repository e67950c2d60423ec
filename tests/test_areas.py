"""The law of areas (Instruction No. 367): worked examples, one per factor, rounding, totals, literas."""

from decimal import Decimal as D
from pathlib import Path

import pytest

from kzcadastre_docs.law import areas

SOURCE_RU = Path("/work/shared/sources/official/instruction-367-inspection-ru.md")


@pytest.mark.parametrize("kind, measured, in_total", [
    ("balcony", "4.0", "1.2"),          # p. 86.1: 4.0 x 0.3
    ("terrace", "10.0", "3.0"),         # p. 86.1: 10.0 x 0.3
    ("loggia", "5.2", "2.6"),           # p. 86.2: 5.2 x 0.5
    ("loggia_balcony", "6.0", "2.4"),   # p. 86.3: 6.0 x 0.4
    ("veranda", "9.5", "7.6"),          # p. 86.4: 9.5 x 0.8
])
def test_each_factor_on_a_worked_example(kind, measured, in_total):
    flat = areas.totals([("living_room", "17.0"), ("kitchen", "8.0"), (kind, measured)])
    assert flat.useful == D("25.0")
    assert flat.total == D("25.0") + D(in_total)


def test_factor_rounded_per_room_half_up():
    # 4.5 x 0.3 = 1.35 -> 1.4 (p. 74.2); two such balconies make 2.8, not 2.7
    flat = areas.totals([("bedroom", "10.0"), ("balcony", "4.5"), ("balcony", "4.5")])
    assert flat.summer_reduced["balcony"] == D("2.8")
    assert flat.balconies == D("9.0")
    assert flat.total == D("12.8")


def test_cold_extension_is_outside_the_total():
    house = areas.totals([("living_room", "20.0"), ("corridor", "5.0"), ("vestibule", "3.3"), ("cold_extension", "6.0")])
    assert house.total == D("25.0")
    assert house.excluded == D("9.3")


def test_living_non_living_useful():
    flat = areas.totals([("living_room", "18.2"), ("bedroom", "12.4"), ("built_in_wardrobe", "0.8"),
                         ("kitchen", "9.1"), ("bathroom", "3.1"), ("wc", "1.2"), ("hall", "6.0"), ("storeroom", "1.5")])
    assert flat.living == D("31.4")       # p. 83 (with the built-in wardrobe)
    assert flat.non_living == D("20.9")   # p. 84
    assert flat.useful == D("52.3")       # p. 85
    assert flat.total == flat.useful


def test_totals_by_apartment_floor_building():
    first = areas.totals([("living_room", "15.0"), ("kitchen", "7.0"), ("loggia", "3.0")])    # 22.0 + 1.5
    second = areas.totals([("living_room", "20.0"), ("kitchen", "9.0"), ("balcony", "2.0")])  # 29.0 + 0.6
    floor = areas.sum_totals([first, second])
    assert floor.total == D("53.1")
    assert floor.loggias == D("3.0") and floor.balconies == D("2.0")
    building = areas.sum_totals([floor, floor])
    assert building.total == D("106.2") and building.living == D("70.0")


def test_rounding_places():
    assert areas.round_area("12.25") == D("12.3")
    assert areas.round_land_area("600.5") == D("601")
    assert areas.round_volume("270.72") == D("271")
    assert areas.volume("84.6", "3.2") == D("271")


def test_predominant_purpose():
    assert areas.predominant_purpose({"trade": "300.1", "office": "300.0"}) == "trade"
    with pytest.raises(ValueError, match="no predominant"):
        areas.predominant_purpose({"trade": "300", "office": "300.0"})


def test_unknown_kind():
    with pytest.raises(areas.UnknownRoomKind):
        areas.totals([("sauna", "4.0")])


@pytest.mark.parametrize("litera, kind", [("А", "main"), ("Я", "main"), ("АII", "main"), ("Б2", "extension"),
                                          ("б1", "cold_extension"), ("Г12", "service"), ("III", "structure")])
def test_literas(litera, kind):
    assert areas.parse_litera(litera).kind == kind


@pytest.mark.parametrize("litera", ["A", "Г", "1", "А0", "аI", "г", "Аа", ""])
def test_literas_outside_the_scheme(litera):
    with pytest.raises(areas.InvalidLitera):
        areas.parse_litera(litera)


def test_litera_set():
    assert areas.litera_scheme_problems(["А", "Б", "А1", "б1", "Г1", "Г2", "I", "II"]) == []
    problems = areas.litera_scheme_problems(["А", "в1"])
    assert problems and problems[0][0] == 1 and "'В'" in problems[0][1]


@pytest.mark.skipif(not SOURCE_RU.exists(), reason="official sources not on this machine")
def test_factors_are_those_of_the_source():
    text = SOURCE_RU.read_text(encoding="utf-8")
    assert "1) для балконов и террас - 0,3;" in text
    assert "2) для лоджий - 0,5;" in text
    assert "совмещенных лоджий-балконов применяется понижающий коэффициент 0,4;" in text
    assert "4) веранд - 0,8." in text
    for name, expected in {"balcony": "0.3", "terrace": "0.3", "loggia": "0.5", "loggia_balcony": "0.4",
                           "veranda": "0.8"}.items():
        assert areas.factor(name) == D(expected)
