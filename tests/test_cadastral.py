"""Cadastral numbers: both written forms, leading zeros, the one formatter."""

from __future__ import annotations

import pytest

import kzcadastre_docs as kz
from kzcadastre_docs.law import cadastral
from kzcadastre_docs.models.parts import CadastralNumber


@pytest.mark.parametrize("text", ["02:036:151:1053", "02-036-151-1053", " 02:036:151:1053 "])
def test_both_forms_parse_to_the_same_number(text):
    assert str(cadastral.parse_land_number(text)) == "02:036:151:1053"


def test_leading_zeros_are_kept():
    number = cadastral.parse_land_number("20-322-041-039")
    assert (number.region, number.district, number.quarter, number.plot) == ("20", "322", "041", "039")


@pytest.mark.parametrize("text", ["2:036:151:1053", "02:036:151", "02:036-151:1053", "02:036:151:10534", "02/036/151/1053"])
def test_malformed_numbers_are_refused(text):
    with pytest.raises(cadastral.InvalidCadastralNumber):
        cadastral.parse_land_number(text)


def test_model_accepts_a_string_or_parts_and_formats_in_one_place():
    assert str(CadastralNumber.model_validate("02-036-151-1053")) == "02:036:151:1053"
    full = CadastralNumber.model_validate({"land": "02-036-151-1053", "building": "1", "premise": "45"})
    assert full.land == "02:036:151:1053"
    assert str(full) == cadastral.format_full(cadastral.parse_land_number("02:036:151:1053"), "1", "45")
    assert cadastral.FULL_NUMBER_RULE_CONFIRMED is False


def test_premise_needs_a_building():
    with pytest.raises(cadastral.InvalidCadastralNumber):
        cadastral.format_full(cadastral.parse_land_number("02:036:151:1053"), None, "45")
    with pytest.raises(kz.DataValidationError):
        kz.validate("notice-data-entered", {})  # sanity: the API reports rather than crashes
