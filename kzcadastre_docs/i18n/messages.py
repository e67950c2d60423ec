"""Error messages in English, Kazakh and Russian, keyed by the rule that was broken.

A problem keeps its rule (pydantic's error type, or one of ours) and the rule's context;
the message is produced in the reader's language when shown. The language is explicit
(`--message-lang` in the CLI), else KZCADASTRE_LANG, else the locale environment (LC_ALL,
LC_MESSAGES, LANG), else English (see kzcadastre_docs.i18n.catalogue).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .catalogue import N_, gettext

MESSAGE_LANGUAGES = ("en", "kk", "ru")

_T: dict[str, str] = {
    "missing": N_("is required"),
    "extra_forbidden": N_("is not a field of this form"),
    "string_type": N_("must be text"),
    "string_too_short": N_("must have at least {min_length} character(s)"),
    "string_too_long": N_("must have at most {max_length} characters"),
    "string_pattern_mismatch": N_("must be {pattern}"),
    "int_type": N_("must be a whole number"),
    "decimal_type": N_("must be a number"),
    "decimal_max_places": N_("must have at most {decimal_places} decimal places"),
    "decimal_max_digits": N_("has too many digits (at most {max_digits})"),
    "greater_than_equal": N_("must be at least {ge}"),
    "greater_than": N_("must be more than {gt}"),
    "less_than_equal": N_("must be at most {le}"),
    "date_type": N_("must be a date (YYYY-MM-DD)"),
    "date_parsing": N_("is not a real calendar date (YYYY-MM-DD)"),
    "datetime_parsing": N_("is not a real date and time (YYYY-MM-DDTHH:MM)"),
    "bool_type": N_("must be true or false"),
    "enum": N_("must be one of {expected}"),
    "literal_error": N_("must be {expected}"),
    "union_tag_invalid": N_("kind must be one of {expected_tags}"),
    "union_tag_not_found": N_("needs the field {discriminator}"),
    "list_type": N_("must be a list"),
    "too_short": N_("must have at least {min_length} item(s)"),
    "too_long": N_("must have at most {max_length} items"),
    "model_type": N_("must be an object"),
    "xml_illegal_character": N_("character U+{code} at position {position} is not allowed in a document"),
    "invisible_character": N_("invisible character U+{code} at position {position} is not allowed: it hides how the text reads (zero-width and direction controls); remove it"),
    "mixed_script": N_("the word '{word}' at position {position} mixes Cyrillic and Latin letters"),
    "iin_invalid": N_("is not a valid IIN: {reason}"),
    "bin_invalid": N_("is not a valid BIN: {reason}"),
    "cadastral_number": N_("is not a valid cadastral number: {reason}"),
    "area_sum": N_("area {total} m² differs from {what} = {parts} m² by more than {tolerance} m²"),
    "explication_total": N_("{what} is {declared} m² but the explication adds up to {computed} m² (tolerance {tolerance} m²)"),
    "area_exceeds": N_("{what} {part} m² is larger than {whole} {total} m²"),
    "date_order": N_("{later} ({later_value}) is before {earlier} ({earlier_value})"),
    "duplicate": N_("{what} '{value}' is repeated"),
    "sequence": N_("must be {expected} (numbers run 1, 2, 3... in order)"),
    "sheet_land_plot": N_("must be the sheet's land plot {plot} (one sheet per land plot, point 35 of the Rules for assigning cadastral numbers)"),
    "sheet_primary": N_("must be the number of a primary object on the land plot {plot} (point 14 of the Rules for assigning cadastral numbers)"),
    "sheet_secondary": N_("must be the number of a secondary object in {primary} (point 25 of the Rules for assigning cadastral numbers)"),
    "chronology": N_("{date} is earlier than the entry before it ({previous}); the register is chronological"),
    "required_for": N_("is required when {condition}"),
    "sum_mismatch": N_("{total} is not {first} + {second} ({expected})"),
    "unknown_item": N_("'{value}' is not an item of the computed table; the items are: {known}"),
    "superseded_by": N_("entry {number} is marked as superseded by entry {by}, which must be a later entry of the register"),
    "one_of_required": N_("at least one of {fields} must be given"),
    "vat_mismatch": N_("VAT {amount} is not the VAT included in {price} at {rate}% ({expected})"),
    "hearing_notice_late": N_("the hearing notice of {date} is late: it must go out by {latest}, 3 working days before the term ends on {due}"),
    "one_of": N_("give only one of {fields}"),
    "outline_too_few": N_("an outline needs at least 4 points (3 corners and the first repeated), not {count}"),
    "outline_not_closed": N_("the outline is not closed: its last point {last} must repeat its first {first}"),
    "outline_invalid": N_("the outline is not a simple polygon: {reason}"),
    "plan_room_unknown": N_("room {value} is on the plan of floor {level} but not in its explication"),
    "plan_room_missing": N_("room {value} of the explication is not on the plan of floor {level}"),
    "plan_area": N_("room {value}: the area from its outline, {computed} m², differs from the declared {declared} m² by more than {tolerance} m²"),
    "rooms_overlap": N_("room {value} overlaps room {other} by {area} m²"),
    "outside_plot": N_("{value}: {area} m² of its outline lies outside the land plot"),
    "type_error": N_("{detail}"),
    "output_exists": N_("{file} exists; use --skip-existing or --force"),
    "missing_language": N_("has no {missing} text (given in {used} only); give it in both languages (--allow-fallback prints the {used} text)"),
    "language_fallback": N_("printed in {used}: it has no {missing} text"),
    "vocabulary": N_("{value!r} is not a code of the {vocabulary} vocabulary; nearest codes: {nearest}; or give free text in both languages (kk and ru)"),
    "localized_language": N_("unknown language key {key!r}: a localized text takes kk and/or ru"),
    "localized_empty": N_("a localized text needs a kk or a ru text (or is one string)"),
    "localized_empty_text": N_("{where} is empty"),
    "localized_type": N_("must be text, or an object with kk and/or ru texts"),
    "localized_both": N_("free text here needs both languages; the {lang} text is missing"),
    "room_kind": N_("the room's purpose '{value}' is not classified by Instruction No. 367 (p. 83-89): give its counts_as (living, non_living, balcony, terrace, loggia, loggia_balcony, veranda, cold_extension) or one of: {known}"),
    "summer_room_counted": N_("the room '{name}' is a balcony, loggia, terrace, veranda or vestibule, but its kind '{value}' counts it as {category} area (Instruction No. 367, p. 83-86, 89)"),
    "room_category": N_("the room's purpose '{value}' counts as {classified} area (Instruction No. 367, p. 83-89), not {category}"),
    "declared_area": N_("{what} area is declared as {declared} m² but the rooms give {computed} m² (Instruction No. 367, p. {point})"),
    "litera_scheme": N_("{reason}"),
    "room_not_in_form": N_("a {value} has no place in this form's explication (its columns: {allowed})"),
    "predominant_purpose": N_("the building's purpose is the use with the predominant area (Instruction No. 367, p. 94): {reason}"),
    "declared_volume": N_("the volume is declared as {declared} m³ but the built-up area times the height gives {computed} m³ (Instruction No. 367, p. 101-102; basements and parts of other heights are added separately, p. 103-108)"),
    "land_area_rounding": N_("a land plot's total area is a whole number of m² ({rounded}, not {value}; Instruction No. 367, p. 74.1)"),
    "object_type_form": N_("object type '{value}' takes the form {expected}, not {form} (this form is for: {allowed})"),
    "passport_earlier_edition": N_("the passport is dated {value}, before {edition}, when the edition of Order No. 440 shipped here came into force: an earlier edition applied"),
    "passport_without_plan": N_("the passport has no {what}: the data has no outlines, the plan's place stays blank and the passport is incomplete"),
}

# Error types that read the same as another one.
_ALIASES = {
    "int_parsing": "int_type",
    "int_from_float": "int_type",
    "decimal_parsing": "decimal_type",
    "bool_parsing": "bool_type",
    "date_from_datetime_parsing": "date_parsing",
    "model_attributes_type": "model_type",
    "dict_type": "model_type",
    "type": "model_type",
}

# Reasons an IIN or BIN is invalid, by kzcadastre_docs.law.identifiers.InvalidIdentifier.code.
_IDENTIFIER_REASONS = {
    "digits": {"kk": "тек цифрлардан тұруы тиіс", "ru": "должен состоять только из цифр"},
    "length": {"kk": "12 цифрдан тұруы тиіс, {count} емес", "ru": "должен состоять из 12 цифр, а не из {count}"},
    "never_issued": {"kk": "мұндай нөмірдің бақылау цифры жоқ, ол берілмейді", "ru": "у такого номера нет контрольной цифры, он не выдается"},
    "check_digit": {"kk": "бақылау цифры {found}, ал {expected} болуы тиіс",
                    "ru": "контрольная цифра {found}, а должна быть {expected}"},
    "century_digit": {"kk": "7-цифры {found}, ал 1-ден 6-ға дейін болуы тиіс", "ru": "7-я цифра {found}, а должна быть от 1 до 6"},
    "birth_date": {"kk": "алғашқы алты цифры {found} туған күн емес (ЖЖААКК)",
                   "ru": "первые шесть цифр {found} не являются датой рождения (ГГММДД)"},
    "registration_month": {"kk": "тіркеу айы (3-4 цифрлар) {found}, ал 01-12 болуы тиіс",
                           "ru": "месяц регистрации (3-4 цифры) {found}, а должен быть 01-12"},
    "entity_type": {"kk": "5-цифры (түрі) {found}, ал 4, 5 немесе 6 болуы тиіс", "ru": "5-я цифра (тип) {found}, а должна быть 4, 5 или 6"},
    "attribute": {"kk": "6-цифры (белгісі) {found}, ал 0-3 болуы тиіс", "ru": "6-я цифра (признак) {found}, а должна быть от 0 до 3"},
}
# What each pattern of kzcadastre_docs.models.types asks for, in words.
_PATTERNS: dict[str, str] = {
    "^\\d{6}$": N_("six digits"),
    "^\\+7[\\s\\-()]*(\\d[\\s\\-()]*){10}$": N_("+7 followed by ten digits"),
    "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$": N_("an e-mail address"),
    "^[^\\s]+$": N_("without spaces"),
    "^\\w{1,10}$": N_("1 to 10 letters or digits"),
}
VALUE_WORD = N_("value")


def message_language(explicit: str | None = None) -> str:
    """The language for messages: explicit, else this run's (see i18n.catalogue for the rule).

    >>> message_language("ru")
    'ru'
    """
    from .catalogue import language, normalize

    return normalize(explicit) if explicit else language()


def _templates(rule: str) -> str | None:
    return _T.get(_ALIASES.get(rule, rule))


def has_message(rule: str) -> bool:
    return _templates(rule) is not None


def render_message(rule: str, context: dict[str, Any], lang: str, fallback: str) -> str:
    """The message for `rule` in `lang`; pydantic's English text where we have none.

    >>> render_message("string_too_long", {"max_length": 200}, "kk", "")
    '200 таңбадан аспауы тиіс'
    """
    templates = _templates(rule)
    if not templates:
        if "_template" in context:  # a problem made from a catalogue message (records, render failures)
            from .catalogue import shown

            values = {key: shown(value, lang) for key, value in context.items() if key != "_template"}
            template = context["_template"]
            try:
                return gettext(template, lang).format(**values)
            except (KeyError, IndexError, ValueError):
                return fallback
        return fallback
    reason = _IDENTIFIER_REASONS.get(context.get("code", ""), {}).get(lang)
    if rule in ("iin_invalid", "bin_invalid") and reason:
        try:
            reason = reason.format(**context)
        except (KeyError, IndexError):
            return fallback
        context = {**context, "reason": reason}
    if rule == "string_pattern_mismatch":
        words = _PATTERNS.get(context.get("pattern", ""))
        if words is None:
            return fallback
        context = {**context, "pattern": gettext(words, lang)}
    try:
        return gettext(templates, lang).format(**{key: _show(value, lang) for key, value in context.items()})
    except (KeyError, IndexError):
        return fallback


def _show(value: Any, lang: str = "en") -> str:
    """A value in a message: lists joined, decimal numbers as the language's documents print them.

    >>> _show(Decimal("11.80"), "ru"), _show(Decimal("1500.5"), "en")
    ('11,80', '1500.5')
    """
    if isinstance(value, (list, tuple)):
        return ", ".join(_show(item, lang) for item in value)
    if hasattr(value, "describe") and isinstance(value, str):  # a catalogue Message: in the reader's language
        return value.describe(lang)
    if isinstance(value, float) and lang != "en":
        value = Decimal(str(value))
    from .catalogue import shown  # decimals, dates and messages as the language writes them

    return str(shown(value, lang))
