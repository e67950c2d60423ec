"""Dates, numbers and money as the documents print them, character for character."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kzcadastre_docs.i18n import formatting
from kzcadastre_docs.errors import UnsupportedLanguageError

KK_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
             "қараша", "желтоқсан"]
RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]


@pytest.mark.parametrize("month", range(1, 13))
def test_official_dates_every_month(month):
    day = date(2026, month, 5)
    assert formatting.official_date(day, "kk") == f"2026 жылғы 5 {KK_MONTHS[month - 1]}"
    assert formatting.official_date(day, "ru") == f"5 {RU_MONTHS[month - 1]} 2026 года"
    assert formatting.official_date(day, "kk", locative=True).startswith(f"2026 жылғы 5 {KK_MONTHS[month - 1]}")


def test_kazakh_locative_follows_vowel_harmony():
    assert formatting.official_date(date(2026, 4, 1), "kk", locative=True) == "2026 жылғы 1 сәуірдегі"
    assert formatting.official_date(date(2026, 9, 1), "kk", locative=True) == "2026 жылғы 1 қыркүйектегі"


def test_no_narrow_no_break_space_in_dates():
    for lang in ("kk", "ru"):
        assert "\u202f" not in formatting.official_date(date(2026, 1, 22), lang)


def test_numbers_group_with_no_break_space_and_comma_decimals():
    assert formatting.number(Decimal("1234.5"), "kk", places=2) == "1\u00a0234,50"
    assert formatting.area(Decimal("45.678"), "ru") == "45,68 м²"
    assert formatting.area(Decimal("0.005"), "ru") == "0,01 м²"  # half up


def test_money_and_words():
    assert formatting.money(Decimal("3932"), "ru") == "3\u00a0932,00 тенге"
    assert formatting.money_in_words(Decimal("3932"), "ru") == "три тысячи девятьсот тридцать два тенге 00 тиын"
    assert formatting.money_in_words(Decimal("1000000.01"), "kk") == "бір миллион теңге 01 тиын"


def test_money_in_words_refuses_int_and_float():
    # num2words reads an int given as currency as tiyn (3932 -> 39.32): never accept one.
    for bad in (3932, 39.32):
        with pytest.raises(TypeError):
            formatting.money_in_words(bad, "kk")
    with pytest.raises(ValueError):
        formatting.money_in_words(Decimal("-1"), "kk")


def test_unknown_language_is_refused():
    with pytest.raises(UnsupportedLanguageError):
        formatting.official_date(date(2026, 1, 1), "en")
