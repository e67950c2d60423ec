"""Service dates on Kazakhstan's calendar, case by case (2024-2027).

Every expected date below was worked out by hand from the holiday list and the counting
convention in the README (acceptance before 18:30 on a working day, else the next working
day; the N-th working day after acceptance), not by running the code.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from kzcadastre_docs.law import calendar, rules

D = date.fromisoformat

# id, service, object type, area, first category, submitted, accepted, due, procedure, hearing notice latest
CASES = [
    ("nauryz-2026-same-day", "passport", "apartment", None, False, "2026-03-20T10:00", "2026-03-20", "2026-03-30", "undetermined", "2026-03-20"),
    ("nauryz-2026-1829", "passport", "apartment", None, False, "2026-03-20T18:29", "2026-03-20", "2026-03-30", "undetermined", "2026-03-20"),
    ("nauryz-2026-1830", "passport", "apartment", None, False, "2026-03-20T18:30", "2026-03-26", "2026-03-31", "undetermined", "2026-03-26"),
    ("nauryz-2026-entry", "entry", "apartment", None, False, "2026-03-20T18:31", "2026-03-26", "2026-03-27", "notice", None),
    ("nauryz-2024-house", "passport", "individual_house", None, False, "2024-03-20T12:00", "2024-03-20", "2024-04-01", "hearing", "2024-03-27"),
    ("nauryz-2025-duplicate", "duplicate", "apartment", None, False, "2025-03-20T09:00", "2025-03-20", "2025-03-26", "notice", None),
    ("2025-worked-sunday", "passport", "apartment", None, False, "2025-01-05T10:00", "2025-01-05", "2025-01-09", "undetermined", "2025-01-05"),
    ("2025-transferred-day-off", "entry", "apartment", None, False, "2025-01-03T10:00", "2025-01-05", "2025-01-06", "notice", None),
    ("2025-new-year", "entry", "apartment", None, False, "2025-01-02T11:00", "2025-01-05", "2025-01-06", "notice", None),
    ("2024-worked-saturday", "duplicate", "individual_house", None, False, "2024-05-04T10:00", "2024-05-04", "2024-05-06", "notice", None),
    ("2024-may-chain", "duplicate", "apartment", None, False, "2024-05-07T10:00", "2024-05-10", "2024-05-13", "notice", None),
    ("2026-aug-31-working", "passport", "other", "500", False, "2026-08-27T10:00", "2026-08-27", "2026-09-07", "hearing", "2026-09-02"),
    ("2025-aug-30-moved", "entry", "apartment", None, False, "2025-08-29T17:00", "2025-08-29", "2025-09-02", "notice", None),
    ("2026-aug-after-hours", "entry", "apartment", None, False, "2026-08-28T19:00", "2026-08-31", "2026-09-01", "notice", None),
    ("kurban-2025", "duplicate", "other", "800", False, "2025-06-05T15:00", "2025-06-05", "2025-06-10", "notice", None),
    ("kurban-2026-dacha", "passport", "dacha", None, False, "2026-05-25T09:00", "2026-05-25", "2026-06-02", "hearing", "2026-05-28"),
    ("kurban-2026-submitted", "entry", "individual_garage", None, False, "2026-05-27T10:00", "2026-05-28", "2026-05-29", "notice", None),
    ("area-1000-inclusive", "passport", "other", "1000.00", False, "2026-11-24T10:00", "2026-11-24", "2026-12-03", "hearing", "2026-11-30"),
    ("area-over-1000", "passport", "other", "1000.01", False, "2026-11-24T10:00", "2026-11-24", "2026-12-08", "hearing", "2026-12-03"),
    ("first-category-over-1000", "passport", "other", "2500", True, "2026-11-24T10:00", "2026-11-24", "2026-12-01", "hearing", "2026-11-26"),
    ("first-category-no-area", "passport", "other", None, True, "2026-11-24T10:00", "2026-11-24", "2026-12-01", "hearing", "2026-11-26"),
    ("first-category-apartment", "passport", "apartment", None, True, "2026-11-24T10:00", "2026-11-24", "2026-11-27", "undetermined", "2026-11-24"),
    ("first-category-house", "passport", "individual_house", None, True, "2026-11-24T10:00", "2026-11-24", "2026-12-01", "hearing", "2026-11-26"),
    ("duplicate-1000", "duplicate", "other", "1000", False, "2026-11-24T10:00", "2026-11-24", "2026-11-26", "notice", None),
    ("duplicate-over-1000", "duplicate", "other", "1500", False, "2026-11-24T10:00", "2026-11-24", "2026-11-27", "undetermined", "2026-11-24"),
    ("duplicate-dormitory", "duplicate", "dormitory_room", None, False, "2026-11-24T10:00", "2026-11-24", "2026-11-25", "notice", None),
    ("correction", "correction", "other", None, False, "2026-11-24T10:00", "2026-11-24", "2026-11-25", "notice", None),
    ("friday-1830", "entry", "apartment", None, False, "2026-11-27T18:30", "2026-11-30", "2026-12-01", "notice", None),
    ("friday-1829", "entry", "apartment", None, False, "2026-11-27T18:29", "2026-11-27", "2026-11-30", "notice", None),
    ("independence-day", "passport", "apartment", None, False, "2026-12-14T10:00", "2026-12-14", "2026-12-18", "undetermined", "2026-12-14"),
    ("new-year-2027", "passport", "individual_house", None, False, "2026-12-29T10:00", "2026-12-29", "2027-01-08", "hearing", "2026-12-31"),
    ("nauryz-2027", "entry", "apartment", None, False, "2027-03-19T12:00", "2027-03-19", "2027-03-25", "notice", None),
    ("constitution-day-2027", "duplicate", "apartment", None, False, "2027-03-12T18:45", "2027-03-16", "2027-03-17", "notice", None),
    ("saturday", "passport", "apartment", None, False, "2026-11-28T11:00", "2026-11-30", "2026-12-03", "undetermined", "2026-11-30"),
    ("republic-day-2026", "entry", "apartment", None, False, "2026-10-23T19:00", "2026-10-27", "2026-10-28", "notice", None),
    ("may-2026-chain", "passport", "apartment", None, False, "2026-05-06T10:00", "2026-05-06", "2026-05-13", "undetermined", "2026-05-06"),
    ("capital-day-2024", "entry", "apartment", None, False, "2024-07-05T18:00", "2024-07-05", "2024-07-09", "notice", None),
    ("christmas-2024-sunday-not-moved", "entry", "apartment", None, False, "2024-01-05T10:00", "2024-01-05", "2024-01-08", "notice", None),
    ("kurban-2024-sunday-not-moved", "entry", "apartment", None, False, "2024-06-14T10:00", "2024-06-14", "2024-06-17", "notice", None),
    ("year-end-2026", "passport", "apartment", None, False, "2026-12-31T10:00", "2026-12-31", "2027-01-08", "undetermined", "2026-12-31"),
]


@pytest.mark.parametrize(("service", "object_type", "area", "first", "submitted", "accepted", "due", "procedure", "hearing"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_dated_case(service, object_type, area, first, submitted, accepted, due, procedure, hearing):
    s = rules.schedule(service, object_type, datetime.fromisoformat(submitted),
                       area=Decimal(area) if area else None, first_category=first)
    assert (s.accepted_on, s.due_on, s.refusal_procedure) == (D(accepted), D(due), procedure)
    assert s.hearing_notice_latest == (D(hearing) if hearing else None)
    if procedure == "undetermined":
        assert any("exactly three" in w for w in s.warnings)


def test_at_least_forty_cases():
    assert len(CASES) >= 40


@pytest.mark.parametrize(("submitted", "limit"), [("2026-03-20T19:00", "2026-05-20"), ("2026-12-31T10:00", "2027-02-28"),
                                                  ("2023-12-31T10:00", "2024-02-29"), ("2026-08-31T09:00", "2026-10-31")])
def test_extension_limit_is_two_months_from_the_application_day(submitted, limit):
    s = rules.schedule("passport", "apartment", datetime.fromisoformat(submitted))
    assert s.extension_limit == D(limit)


def test_duplicate_and_correction_have_no_extension():
    for service in ("duplicate", "correction"):
        assert rules.schedule(service, "apartment", datetime(2026, 11, 24, 10)).extension_limit is None


@pytest.mark.parametrize(("received", "decision"), [("2026-11-27", "2026-12-01"), ("2026-11-28", "2026-12-01"),
                                                    ("2026-12-15", "2026-12-18")])
def test_objection_is_decided_within_two_working_days(received, decision):
    s = rules.schedule("passport", "other", datetime(2026, 11, 24, 10), area=Decimal(500), objection_received=D(received))
    assert s.objection_decision_by == D(decision)


def test_years_without_confirmed_transfers_warn():
    s = rules.schedule("passport", "individual_house", datetime(2026, 12, 29, 10))
    assert any("2027" in w and "not known" in w for w in s.warnings)
    assert any("Kurban Ait 2027 is estimated" in w for w in s.warnings)
    assert not rules.schedule("entry", "apartment", datetime(2026, 6, 1, 10)).warnings


def test_other_objects_need_an_area():
    with pytest.raises(rules.RuleInputError, match="area"):
        rules.schedule("passport", "other", datetime(2026, 11, 24, 10))


def test_calendar_functions():
    assert not calendar.is_working_day(D("2026-03-24"))
    assert calendar.is_working_day(D("2025-01-05"))
    assert calendar.add_working_days(D("2026-03-20"), 0) == D("2026-03-20")
    assert calendar.working_days_between(D("2026-03-20"), D("2026-03-31")) == 4
    assert calendar.working_days_between(D("2026-03-31"), D("2026-03-20")) == -4
    cal = calendar.default_calendar()
    assert cal.subtract_working_days(D("2026-03-26"), 1) == D("2026-03-20")
    assert cal.holiday_name(D("2026-03-24"), "ru").startswith("Наурыз мейрамы")
    assert cal.holiday_name(D("2026-05-27"), "kk") == "Құрбан айт"
    assert cal.holiday_name(D("2026-11-24"), "en") is None


def test_override_rows_change_the_calendar():
    data = calendar._load_data()
    custom = dict(data, overrides=[*data["overrides"],
                                   {"date": D("2026-12-31"), "kind": "day_off", "name": {"en": "Transferred day off"},
                                    "source": "test"}])
    cal = calendar.WorkingCalendar(custom)
    assert not cal.is_working_day(D("2026-12-31"))
    assert cal.holiday_name(D("2026-12-31"), "kk") == "Transferred day off"


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_explanations_cite_the_rules_in_each_language(lang):
    s = rules.schedule("passport", "other", datetime(2026, 11, 24, 10), area=Decimal(500),
                       objection_received=D("2026-11-27"))
    lines = rules.explain(s, lang)
    assert len(lines) == 5
    marker = {"kk": "5-1-тармағы", "ru": "пункт 5-1 Правил", "en": "paragraph 5-1 of the Rules"}[lang]
    assert sum(marker in line for line in lines) >= 2
