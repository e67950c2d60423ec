"""IIN and BIN: structure, check digit, parse helpers; domain.md's test vectors."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, strategies as st

from kzcadastre_docs.law import identifiers as ids


@pytest.mark.parametrize("number", ["940140000385", "990140004654"])
def test_valid_bins(number):
    assert ids.is_valid_bin(number) and ids.validate_bin(number) == number


def test_valid_iin_and_its_structure():
    assert ids.is_valid_iin("061211600012")
    info = ids.parse_iin("061211600012")
    assert info == ids.IinInfo(birth_date=date(2006, 12, 11), sex="female")
    assert ids.parse_iin("850314301234") == ids.IinInfo(birth_date=date(1985, 3, 14), sex="male")


@pytest.mark.parametrize(
    ("number", "code"),
    [("949940000385", "registration_month"), ("940190000385", "entity_type"), ("940149000385", "attribute"),
     ("940140000386", "check_digit"), ("94014000038", "length"), ("94014000038A", "digits")],
)
def test_invalid_bins_name_the_rule(number, code):
    with pytest.raises(ids.InvalidIdentifier) as info:
        ids.validate_bin(number)
    assert info.value.code == code
    assert not ids.is_valid_bin(number)


@pytest.mark.parametrize(
    ("number", "code"),
    [("061211600013", "check_digit"), ("061311600012", "birth_date"), ("061211700012", "century_digit"),
     ("0612116000", "length")],
)
def test_invalid_iins_name_the_rule(number, code):
    with pytest.raises(ids.InvalidIdentifier) as info:
        ids.validate_iin(number)
    assert info.value.code == code


def test_parse_bin():
    info = ids.parse_bin("150240012347")
    assert (info.registered_year, info.registered_month, info.entity_type, info.attribute) == (
        2015, 2, "resident_legal_entity", "head_office")


def test_compact_and_format():
    assert ids.compact("9401 4000-0385") == ids.format("9401.4000.0385") == "940140000385"


def test_second_weight_set_is_used_when_the_first_gives_ten():
    # Find 11 digits whose first-weights sum is 10 mod 11, and check the second weights decide.
    digits = "00000000010"  # weight 10 at position 10 -> 10
    assert sum(w * int(d) for w, d in zip(range(1, 12), digits)) % 11 == 10
    # second weights 3,4,5,6,7,8,9,10,11,1,2: the digit at position 10 has weight 1
    assert ids.check_digit(digits) == 1


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_appending_the_check_digit_gives_a_number_that_passes_the_check(digits):
    check = ids.check_digit(digits)
    number = digits + str(check if check is not None else 0)
    try:
        ids._common(number, "IIN")
    except ids.InvalidIdentifier as exc:
        assert check is None and exc.code == "never_issued"
