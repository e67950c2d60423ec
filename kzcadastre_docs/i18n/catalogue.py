"""The message catalogue of the command line: which language, and the words in it.

The catalogue is gettext's: English message ids in the code (and in click), their Kazakh and
Russian translations in ``locale/<lang>/LC_MESSAGES/kzcadastre.po``, compiled to the ``.mo``
files read here (``tools/messages.py`` extracts, updates and compiles them with Babel).

The language of messages is, first to last: the ``--message-lang`` option, the
``KZCADASTRE_LANG`` environment variable, the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``),
English. ``kz`` is accepted for ``kk``; an unknown option or ``KZCADASTRE_LANG`` value is an
error, while a locale in another language (``de_DE.UTF-8``, ``C``) means English.

>>> choose_language("kz")
'kk'
>>> choose_language(None, {"LANG": "ru_KZ.UTF-8"})
'ru'
>>> choose_language(None, {"LANG": "C.UTF-8"})
'en'
"""

from __future__ import annotations

import gettext as _gettext
import os
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Mapping


LANGUAGES = ("en", "kk", "ru")
ALIASES = {"kz": "kk", "kaz": "kk", "rus": "ru", "eng": "en"}
ENV = "KZCADASTRE_LANG"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
DOMAIN = "kzcadastre"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

CURRENCY_NAME = {"kk": "теңге", "ru": "тенге"}  # as i18n.formatting.money writes it (a test checks)

_language: str | None = None
_translations: dict[str, _gettext.NullTranslations] = {}


def N_(message: str) -> str:
    """Marks a message for extraction; it is translated where it is shown."""
    return message


class LanguageError(ValueError):
    """An unknown message language (the CLI exits 2). Kept free of kzcadastre_docs.errors, which
    imports this module to translate its messages; `describe(lang)` says it in kk, ru or en.

    >>> LanguageError("KZCADASTRE_LANG", "fr").describe("ru")
    "KZCADASTRE_LANG: 'fr' не является языком сообщений (en, kk, ru; kz означает kk)"
    """

    exit_code = 2
    code = "unsupported_language"
    template = N_("{source}: {value!r} is not a message language (en, kk, ru; kz means kk)")

    def __init__(self, source: str, value: str):
        self.source, self.value = source, value
        super().__init__(self.template.format(source=source, value=value))

    def describe(self, lang: str | None = None) -> str:
        return gettext(self.template, lang).format(source=self.source, value=self.value)


def normalize(value: str, source: str = "--message-lang") -> str:
    """A language code as the catalogue knows it; `kz` is `kk`; anything else is an error.

    >>> normalize("RU")
    'ru'
    >>> normalize("fr")
    Traceback (most recent call last):
    ...
    kzcadastre_docs.i18n.catalogue.LanguageError: --message-lang: 'fr' is not a message language (en, kk, ru; kz means kk)
    """
    code = value.strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    code = ALIASES.get(code, code)
    if code not in LANGUAGES:
        raise LanguageError(source, value)
    return code


def choose_language(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The message language by the documented rule (see the module's text)."""
    environ = os.environ if environ is None else environ
    if explicit:
        return normalize(explicit)
    if environ.get(ENV):
        return normalize(environ[ENV], ENV)
    return locale_language(environ)


def locale_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of the locale (LC_ALL, LC_MESSAGES, LANG) if it is kk or ru, else English;
    also the language that says KZCADASTRE_LANG's value is wrong.

    >>> locale_language({"LC_ALL": "", "LANG": "kk_KZ.UTF-8"}), locale_language({"LANG": "de_DE"})
    ('kk', 'en')
    """
    environ = os.environ if environ is None else environ
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable)
        if value:
            code = value.lower().split(".")[0].split("_")[0]
            return ALIASES.get(code, code) if ALIASES.get(code, code) in LANGUAGES else "en"
    return "en"


def set_language(lang: str | None) -> None:
    """Fix the language of this run (None: choose again by the rule on next use)."""
    global _language
    _language = None if lang is None else normalize(lang)


def language() -> str:
    """The language of this run's messages."""
    global _language
    if _language is None:
        _language = choose_language()
    return _language


def translations(lang: str) -> _gettext.NullTranslations:
    if lang not in _translations:
        if lang == "en":
            _translations[lang] = _gettext.NullTranslations()
        else:
            with open(LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as handle:
                _translations[lang] = _gettext.GNUTranslations(handle)
    return _translations[lang]


def gettext(message: str, lang: str | None = None) -> str:
    """`message` (an English message id) in `lang`, by default this run's language.

    >>> gettext("Usage:", "kk")
    'Қолданылуы:'
    """
    if not message:
        return message
    return translations(lang or language()).gettext(message)


def ngettext(singular: str, plural: str, count: int, lang: str | None = None) -> str:
    return translations(lang or language()).ngettext(singular, plural, count)


def has_translation(message: str, lang: str) -> bool:
    """Whether the catalogue holds `message` translated into `lang`."""
    return lang == "en" or message in translations(lang)._catalog  # type: ignore[attr-defined]


_ = gettext


def tr(message: str, lang: str | None = None, **values) -> str:
    """A translated message with its {placeholders} filled in.

    >>> tr("{path}: no such file", "ru", path="d.json")
    'd.json: такого файла нет'
    """
    return gettext(message, lang).format(**values)


# -- Numbers in messages, as the documents of the language print them.

def number(value, lang: str | None = None, places: int | None = 2) -> str:
    """A number as the documents of `lang` print it (English: 18,288.00).

    >>> number(Decimal("18288"), "kk")
    '18\\xa0288,00'
    >>> number(Decimal("18288"), "en")
    '18,288.00'
    """
    lang = lang or language()
    value = Decimal(str(value))
    if places is None:
        places = max(0, -value.as_tuple().exponent) if value.is_finite() else 0
    text = f"{value:,.{places}f}"
    if lang == "en":
        return text
    # kk and ru: a no-break space between thousands, a decimal comma (CLDR; i18n.formatting agrees)
    return text.replace(",", "\u00a0").replace(".", ",")


def area(value, lang: str | None = None) -> str:
    """An area in square metres.

    >>> area(Decimal("20"), "kk")
    '20,00 м²'
    """
    return f"{number(value, lang)} m²" if (lang or language()) == "en" else f"{number(value, lang)} м²"


def money(value, lang: str | None = None) -> str:
    """An amount of money: tenge as the documents write it; KZT in English.

    >>> money(Decimal("18288"), "ru")
    '18\\xa0288,00 тенге'
    >>> money(Decimal("18288"), "en")
    '18,288.00 KZT'
    """
    lang = lang or language()
    if lang == "en":
        return f"{number(value, lang)} KZT"
    return f"{number(value, lang)} {CURRENCY_NAME[lang]}"


class Message(str):
    """An English message (a warning in a result, say) that keeps its template and values, so it
    can be shown in another language: `Message("tariff {id} ...", id="x").describe("kk")`.

    >>> m = Message("{path}: no such file", path="d.json")
    >>> m, m.describe("ru")
    ('d.json: no such file', 'd.json: такого файла нет')
    """

    def __new__(cls, template: str, **values):
        text = template.format(**values) if values else template
        self = super().__new__(cls, text)
        self.template, self.values = template, values
        return self

    def describe(self, lang: str | None = None) -> str:
        if not self.values:
            return gettext(self.template, lang)
        values = {key: shown(value, lang) for key, value in self.values.items()}
        return gettext(self.template, lang).format(**values)

    def __reduce__(self):
        return (_message, (self.template, self.values))


class Words(str):
    """A value of a message that has its own text in each language (labels from a data file, say):
    the English text as a string, `describe(lang)` the kk or ru one.

    >>> w = Words("trade, office", kk="сауда, әкімшілік-кеңсе", ru="торговое, административно-офисное")
    >>> w, w.describe("ru"), w.describe("en")
    ('trade, office', 'торговое, административно-офисное', 'trade, office')
    """

    def __new__(cls, english: str, **texts: str):
        self = super().__new__(cls, english)
        self.texts = texts
        return self

    def describe(self, lang: str | None = None) -> str:
        return self.texts.get(lang or language(), str(self))

    def __reduce__(self):
        return (_words, (str(self), self.texts))


def _words(english: str, texts: dict) -> Words:
    return Words(english, **texts)


def shown(value, lang: str | None = None):
    """A value as a message in `lang` shows it: a Message in that language, a date and a decimal
    number as the documents write them (DD.MM.YYYY and 1 500,5 in kk and ru; ISO and 1500.5 in
    English); anything else as it is.

    >>> shown(date(2026, 12, 1), "kk"), shown(date(2026, 12, 1), "en")
    ('01.12.2026', datetime.date(2026, 12, 1))
    >>> shown(datetime(2026, 12, 1, 9, 5), "ru"), shown(Decimal("1500.5"), "kk")
    ('01.12.2026 09:05', '1\xa0500,5')
    """
    if isinstance(value, (Message, Words)):
        return value.describe(lang)
    if isinstance(value, date) and (lang or language()) != "en":
        return value.strftime("%d.%m.%Y %H:%M" if isinstance(value, datetime) else "%d.%m.%Y")
    if isinstance(value, Decimal) and value.is_finite() and (lang or language()) != "en":
        return number(value, lang, places=None)
    return value


def _message(template: str, values: dict) -> Message:
    return Message(template, **values)


def describe(text: str, lang: str | None = None) -> str:
    """`text` in the message language: a Message is rebuilt from its template, a plain string is
    looked up as it stands."""
    return text.describe(lang) if isinstance(text, Message) else gettext(text, lang)
