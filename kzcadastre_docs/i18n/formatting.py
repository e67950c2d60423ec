"""Locale-explicit formatting of dates, numbers, areas and money for the documents.

Every function takes the document language ("kk" or "ru") explicitly; nothing depends on
the process locale. Numbers use Babel's CLDR data: the group separator is U+00A0 (no-break
space) and the decimal separator is a comma in both languages.
"""

from __future__ import annotations

import functools
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol
from num2words import num2words

from ..errors import UnsupportedLanguageError

LANGUAGES = ("kk", "ru")
BABEL_LOCALES = {"kk": "kk_KZ", "ru": "ru_KZ"}
# num2words spells Kazakh as "kz" ("kk" raises NotImplementedError).
NUM2WORDS_LANG = {"kk": "kz", "ru": "ru"}
CURRENCY_NAME = {"kk": "теңге", "ru": "тенге"}
TIYN_NAME = {"kk": "тиын", "ru": "тиын"}
SQUARE_METRE = {"kk": "м²", "ru": "м²"}

# "2026 жылғы 22 қаңтардағы": the month with the locative-attributive suffix, chosen by
# vowel harmony and the final consonant.
_KK_MONTH_LOCATIVE = {
    1: "қаңтардағы", 2: "ақпандағы", 3: "наурыздағы", 4: "сәуірдегі",
    5: "мамырдағы", 6: "маусымдағы", 7: "шілдедегі", 8: "тамыздағы",
    9: "қыркүйектегі", 10: "қазандағы", 11: "қарашадағы", 12: "желтоқсандағы",
}
_TIYN = Decimal("0.01")


def check_lang(lang: str) -> str:
    """Return `lang` if it is a document language, else raise.

    >>> check_lang("ru")
    'ru'
    """
    if lang not in LANGUAGES:
        raise UnsupportedLanguageError("language {lang!r} is not supported; use one of: {languages}", lang=lang,
                                       languages=", ".join(LANGUAGES))
    return lang


def official_date(value: date, lang: str, locative: bool = False) -> str:
    """A date in the official style of legal documents.

    >>> official_date(date(2026, 1, 22), "kk")
    '2026 жылғы 22 қаңтар'
    >>> official_date(date(2026, 1, 22), "kk", locative=True)
    '2026 жылғы 22 қаңтардағы'
    >>> official_date(date(2026, 1, 22), "ru")
    '22 января 2026 года'
    """
    check_lang(lang)
    if lang == "kk":
        if locative:
            return f"{value.year} жылғы {value.day} {_KK_MONTH_LOCATIVE[value.month]}"
        return format_date(value, "y 'жылғы' d MMMM", locale=BABEL_LOCALES["kk"])
    return format_date(value, "d MMMM y 'года'", locale=BABEL_LOCALES["ru"])


def short_date(value: date, lang: str) -> str:
    """A date as DD.MM.YYYY, the short form used in tables.

    >>> short_date(date(2026, 3, 9), "kk")
    '09.03.2026'
    """
    check_lang(lang)
    return format_date(value, "dd.MM.y", locale=BABEL_LOCALES[lang])


def number(value: Decimal | int, lang: str, places: int | None = None) -> str:
    """A number with the locale's separators; `places` fixes the decimals.

    >>> number(Decimal("1234567.5"), "ru", places=2)
    '1\\xa0234\\xa0567,50'
    >>> number(12, "kk")
    '12'
    """
    check_lang(lang)
    value = Decimal(value)
    if places is None:
        pattern = "#,##0.###"
    else:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if value >= 0:
            return _fixed(value, lang, places)
        pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(value, format=pattern, locale=BABEL_LOCALES[lang], decimal_quantization=places is not None)


@functools.lru_cache(maxsize=None)
def _separators(lang: str) -> tuple[str, str]:
    locale = BABEL_LOCALES[lang]
    return get_group_symbol(locale), get_decimal_symbol(locale)


def _fixed(value: Decimal, lang: str, places: int) -> str:
    """`value` (quantized, not negative) with `places` decimals, grouped by thousands: what
    Babel gives for "#,##0.00", without its per-call pattern work (tables print thousands
    of numbers; tests check the two agree)."""
    group, decimal = _separators(lang)
    return f"{value:,.{places}f}".replace(",", "\0").replace(".", decimal).replace("\0", group)


def area(value: Decimal, lang: str) -> str:
    """An area in square metres with two decimals.

    >>> area(Decimal("1000"), "kk")
    '1\\xa0000,00 м²'
    """
    return f"{number(value, lang, places=2)} {SQUARE_METRE[lang]}"


def money(value: Decimal, lang: str) -> str:
    """An amount in tenge with two decimals, the currency written as a word.

    The tenge sign (₸) is missing from Times New Roman and its metric clones, so the
    documents write the currency's name.

    >>> money(Decimal("12500"), "kk")
    '12\\xa0500,00 теңге'
    >>> money(Decimal("0.5"), "ru")
    '0,50 тенге'
    """
    return f"{number(value, lang, places=2)} {CURRENCY_NAME[lang]}"


def money_in_words(value: Decimal, lang: str) -> str:
    """An amount in words: the tenge in words and the tiyn in figures.

    The amount must be a Decimal (num2words reads an int passed as currency as tiyn);
    negative amounts are refused.

    >>> money_in_words(Decimal("12345.50"), "kk")
    'он екі мың үш жүз қырық бес теңге 50 тиын'
    >>> money_in_words(Decimal("21"), "ru")
    'двадцать один тенге 00 тиын'
    """
    check_lang(lang)
    if not isinstance(value, Decimal):
        raise TypeError(f"money must be a Decimal, not {type(value).__name__}")
    if value < 0:
        raise ValueError("money cannot be negative")
    amount = value.quantize(_TIYN, rounding=ROUND_HALF_UP)
    tenge = int(amount)
    tiyn = int((amount - tenge) * 100)
    words = num2words(tenge, lang=NUM2WORDS_LANG[lang])
    return f"{words} {CURRENCY_NAME[lang]} {tiyn:02d} {TIYN_NAME[lang]}"


_ADDRESS_WORDS = {
    "kk": {"house": "{} үй", "building": "{} корпус", "apartment": "{} пәтер"},
    "ru": {"house": "дом {}", "building": "корпус {}", "apartment": "кв. {}"},
}


def _getter(value):
    """Field access for a model or its dumped mapping alike."""
    return value.get if hasattr(value, "get") else (lambda name: getattr(value, name, None))


def full_name(value) -> str:
    """An applicant's name: an organisation's name, or a person's surname, name, patronymic.

    >>> full_name({"kind": "individual", "last_name": "Сейітқали", "first_name": "Әсел", "patronymic": None})
    'Сейітқали Әсел'
    """
    get = _getter(value)
    if get("name"):
        return get("name")
    return " ".join(part for part in (get("last_name"), get("first_name"), get("patronymic")) if part)


_ID_LABELS = {("iin", "kk"): "ЖСН", ("iin", "ru"): "ИИН", ("bin", "kk"): "БСН", ("bin", "ru"): "БИН"}


def identifier(value, lang: str) -> str:
    """An applicant's IIN or BIN with its name in the language.

    >>> identifier({"bin": "150240012347"}, "kk")
    'БСН 150240012347'
    """
    get = _getter(value)
    kind = "bin" if get("bin") else "iin"
    return f"{_ID_LABELS[(kind, check_lang(lang))]} {get(kind)}"


def _in_language(value, lang: str):
    """A localized value (anything with `text(lang)`) in `lang`, else in the other language."""
    if value is not None and callable(getattr(value, "text", None)) and not isinstance(value, str):
        found = value.text(lang)
        return found if found is not None else value.text("ru" if lang == "kk" else "kk")
    return value


def _names_same_place(settlement: str, region: str) -> bool:
    """Whether the region's name already names the settlement (a city of republican
    significance given again as the settlement): its words appear in the region's, in order.

    >>> _names_same_place("Астана", "Астана қаласы"), _names_same_place("г. Астана", "город Астана")
    (True, True)
    >>> _names_same_place("Өтеген батыр кенті", "Алматы облысы")
    False
    """
    prefixes = {"г.", "город", "пос.", "с.", "қ.", "қаласы"}
    words = [word for word in settlement.casefold().split() if word not in prefixes]
    return bool(words) and " ".join(words) in " ".join(region.casefold().split())


def address(value, lang: str) -> str:
    """An address (the Address model, or its mapping resolved to `lang`) on one line.

    The order is the postal one: postal code, region, district, settlement, district in the
    city, street, house, building, apartment. A settlement that the region already names
    (a city of republican significance) is not repeated.

    >>> address({"region": "Астана қаласы", "city_district": "Есіл ауданы", "street": "Мәңгілік Ел даңғылы",
    ...          "house": "55", "building": "2", "apartment": "45", "postal_code": "010000"}, "kk")
    '010000, Астана қаласы, Есіл ауданы, Мәңгілік Ел даңғылы, 55 үй, 2 корпус, 45 пәтер'
    >>> address({"region": "город Астана", "settlement": "г. Астана", "street": "проспект Мангилик Ел",
    ...          "house": "55"}, "ru")
    'город Астана, проспект Мангилик Ел, дом 55'
    """
    check_lang(lang)
    get = _getter(value)

    def name(field):
        return _in_language(get(field), lang)

    region, settlement = name("region"), name("settlement")
    if region and settlement and _names_same_place(settlement, region):
        settlement = None
    words = _ADDRESS_WORDS[lang]
    parts = [get("postal_code"), region, name("district"), settlement, name("city_district"), name("street")]
    parts += [words[field].format(get(field)) if get(field) else None for field in ("house", "building", "apartment")]
    return ", ".join(part for part in parts if part)
