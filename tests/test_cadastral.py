"""Cadastral numbers as the Rules for assigning cadastral numbers print them (points 13-31).

Every example printed in the Rules (Russian and Kazakh text; both editions of 2026 have the
same text) is a test vector; the texts are read from sources/order-156-cadastral-number-
rules-{ru,kk}.md, so a vector that is not in the Rules fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import kzcadastre_docs as kz
from kzcadastre_docs.law import cadastral
from kzcadastre_docs.models.parts import CadastralNumber

SOURCES = Path(__file__).resolve().parent.parent / "sources"

# (as printed, point, canonical, kind, (region, district, quarter, plot, primary, secondary))
RULES_EXAMPLES = [
    ("20:015:004:165:1", 14, "20:015:004:165:1", "primary", ("20", "015", "004", "165", "1", None)),
    ("21:320:135:0722:1", 14, "21:320:135:0722:1", "primary", ("21", "320", "135", "0722", "1", None)),
    ("20: 015: 004: 165: 1", 15, "20:015:004:165:1", "primary", ("20", "015", "004", "165", "1", None)),
    ("20: 015: 004: 165: 2", 15, "20:015:004:165:2", "primary", ("20", "015", "004", "165", "2", None)),
    ("20: 015: 004: 165: 3", 15, "20:015:004:165:3", "primary", ("20", "015", "004", "165", "3", None)),
    ("20: 015: 004: 165: 4", 20, "20:015:004:165:4", "primary", ("20", "015", "004", "165", "4", None)),
    ("20:015:004:165:1:25", 25, "20:015:004:165:1:25", "secondary", ("20", "015", "004", "165", "1", "25")),
    ("21:320:135:0722:1:106", 25, "21:320:135:0722:1:106", "secondary", ("21", "320", "135", "0722", "1", "106")),
    ("20:015:004:165", 14, "20:015:004:165", "land_plot", ("20", "015", "004", "165", None, None)),
    ("21:320:135: 0722", 25, "21:320:135:0722", "land_plot", ("21", "320", "135", "0722", None, None)),  # kk text
    ("20:015:004:000:(123:12А:4/53687)", 31, "20:015:004:000:(123:12А:4/53687)", "temporary_primary",
     ("20", "015", "004", "000", "(123:12А:4/53687)", None)),
    ("20:015:004:000:(123:12А:4/53687):37", 31, "20:015:004:000:(123:12А:4/53687):37", "temporary_secondary",
     ("20", "015", "004", "000", "(123:12А:4/53687)", "37")),
    # the Kazakh text of point 31 prints the secondary example with a space in place of the colon
    ("20:015:004:000 (123:12А:4/53687):37", 31, "20:015:004:000:(123:12А:4/53687):37", "temporary_secondary",
     ("20", "015", "004", "000", "(123:12А:4/53687)", "37")),
]


def _rules_text() -> str:
    return "\n".join((SOURCES / f"order-156-cadastral-number-rules-{lang}.md").read_text(encoding="utf-8")
                     for lang in ("ru", "kk"))


@pytest.mark.parametrize("printed, point, canonical, kind, parts", RULES_EXAMPLES)
def test_every_example_of_the_rules_parses(printed, point, canonical, kind, parts):
    number = cadastral.parse(printed)
    assert str(number) == canonical
    assert number.kind == kind
    land = number.land
    assert (land.region, land.district, land.quarter, land.plot, number.primary, number.secondary) == parts
    assert str(cadastral.parse(str(number))) == canonical  # the printed form reads back


@pytest.mark.parametrize("printed", sorted({example[0] for example in RULES_EXAMPLES}))
def test_the_vectors_are_printed_in_the_rules(printed):
    assert printed in _rules_text()


def test_spaced_form_is_the_one_of_points_15_19_20():
    assert cadastral.parse("20:015:004:165:3").spaced == "20: 015: 004: 165: 3"
    assert cadastral.parse("20:015:004:000:(123:12А:4/53687):37").spaced == "20: 015: 004: 000: (123:12А:4/53687): 37"


@pytest.mark.parametrize("text", ["02:036:151:1053", "02-036-151-1053", " 02:036:151:1053 ", "02: 036: 151: 1053"])
def test_both_land_forms_parse_to_the_same_number(text):
    assert str(cadastral.parse_land_number(text)) == "02:036:151:1053"


def test_hyphen_land_number_with_object_parts():
    assert str(cadastral.parse("03-047-158-219:1")) == "03:047:158:219:1"
    assert str(cadastral.parse("03-047-158-219-1-45")) == "03:047:158:219:1:45"


def test_leading_zeros_are_kept():
    number = cadastral.parse("20-322-041-039:01:007")
    assert (number.land.region, number.land.district, number.land.quarter, number.land.plot) == ("20", "322", "041", "039")
    assert (number.primary, number.secondary) == ("01", "007")
    assert str(number) == "20:322:041:039:01:007"


@pytest.mark.parametrize("text, part, point", [
    ("2:036:151:1053", "region", 13),
    ("02:36:151:1053", "district", 13),
    ("02:036:15:1053", "quarter", 13),
    ("02:036:151:10534", "plot", 13),
    ("02:036:151", "plot", 13),
    ("02:036-151:1053", "separator", 13),
    ("02/036/151/1053", "region", 13),
    ("02:036:151:1053:А", "primary", 14),
    ("02:036:151:1053:1:4a", "secondary", 25),
    ("02:036:151:1053:1:0", "secondary", 27),
    ("02:036:151:1053:1:2:3", "number", 13),
    ("02:036:151:000", "plot", 31),
    ("02:036:151:0000:1", "plot", 31),
    ("20:015:004:165:(123:12А:4/53687)", "plot", 31),
    ("20:015:004:000:(123:12A:4/53687)", "house", 31),  # Latin A
    ("20:015:004:000:(123:12А)", "temporary", 31),
    ("20:015:004:000:(12x:12А:4/53687)", "street", 31),
    ("20:015:004:000:(123:12А:4/53687)37", "secondary", 31),
    ("O2:036:151:1053", "region", 13),
    ("", "number", 13),
])
def test_malformed_numbers_name_the_part_and_the_point(text, part, point):
    with pytest.raises(cadastral.InvalidCadastralNumber) as caught:
        cadastral.parse(text)
    assert (caught.value.part, caught.value.point) == (part, point)
    assert f"point {point} of the Rules for assigning cadastral numbers" in str(caught.value)
    assert cadastral.PARTS[part] in str(caught.value)
    assert caught.value.exit_code == 2


def test_json_parts():
    data = cadastral.parse("20:015:004:000:(123:12А:4/53687):37").to_json()
    assert data["kind"] == "temporary_secondary" and data["temporary"] is True
    assert data["parts"]["temporary"] == {"street": "123", "house": "12А", "inventory": "4/53687"}
    assert data["land_plot"] == "20:015:004:000"


def test_model_reads_a_whole_number_or_its_parts():
    assert str(CadastralNumber.model_validate("02-036-151-1053")) == "02:036:151:1053"
    whole = CadastralNumber.model_validate("21:320:135:0722:1:106")
    assert (whole.land, whole.building, whole.premise) == ("21:320:135:0722", "1", "106")
    parts = CadastralNumber.model_validate({"land": "02-036-151-1053", "building": "1", "premise": "45"})
    assert parts.land == "02:036:151:1053" and str(parts) == "02:036:151:1053:1:45"
    temporary = CadastralNumber.model_validate({"land": "20:015:004:000", "building": "(123:12А:4/53687)"})
    assert temporary.number.kind == "temporary_primary"


@pytest.mark.parametrize("value, fragment", [
    ({"land": "02:036:151:1053", "premise": "45"}, "point 24"),
    ({"land": "02:036:151:1053", "building": "1:2"}, "point 14"),
    ({"land": "02:036:151:1053:1"}, "point 13"),
    ({"land": "02:036:151:1053", "building": "(123:12А:4/53687)"}, "point 31"),
    ("02:036:151:1053:1:0", "point 27"),
])
def test_model_refuses_a_wrong_structure(value, fragment):
    with pytest.raises(Exception) as caught:
        CadastralNumber.model_validate(value)
    assert fragment in str(caught.value)


def test_forms_validate_numbers_with_the_full_structure():
    with pytest.raises(kz.DataValidationError) as caught:
        kz.validate("notice-data-entered", {"cadastral_number": "21:320:105:2015:2:0"})
    assert any(problem.field == "cadastral_number" and "point 27" in problem.message for problem in caught.value.problems)


def test_land_plot_fields_take_a_land_plot_number_only():
    with pytest.raises(kz.DataValidationError) as caught:
        kz.validate("abris", {"land_plot_cadastral_number": "21:320:105:2015:2"})
    found = {(p.field, p.rule) for p in caught.value.problems}
    assert ("land_plot_cadastral_number", "cadastral_number") in found
    message = next(p.message for p in caught.value.problems if p.field == "land_plot_cadastral_number")
    assert "not of a land plot" in message and "point 13" in message
