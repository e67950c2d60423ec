"""The Rules' terms of service, acceptance, refusal procedure and extension limit.

This module is the one place where paragraphs 5, 5-1 and 7 of the Rules and items 3 and 7
of Annexes 1 and 2 become arithmetic. The counting convention:

- acceptance date: the submission date if it is a working day and the time is before
  18:30 (end of the branches' working day, item 7 of Annexes 1 and 2); otherwise the next
  working day (the portal accepts round the clock, but applications after hours, on
  weekends and holidays are accepted on the next working day);
- "the N-th working day": the N-th working day after the acceptance date (a period starts
  on the day after the event that begins it);
- "two months from the day of application": the same day number two months later, or the
  last day of that month if it has no such day;
- refusal (paragraph 5-1): a term under three days -> a refusal notice; over three days ->
  a preliminary decision and a hearing, the hearing notice at least 3 working days before
  the term ends, an objection decided within 2 working days of its receipt. A term of
  exactly three days is covered by neither sentence: `undetermined`, with a warning, and the
  hearing date given as if the hearing procedure applied (the reading that gives the
  applicant a hearing).

    >>> from datetime import datetime
    >>> s = schedule("passport", "apartment", datetime(2026, 3, 20, 18, 31))
    >>> s.accepted_on, s.due_on, s.refusal_procedure
    (datetime.date(2026, 3, 26), datetime.date(2026, 3, 31), 'undetermined')
"""

from __future__ import annotations

import calendar as month_calendar
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Literal, get_args

from .calendar import WorkingCalendar, default_calendar
from .timezone import to_local
from ..errors import KzcadastreError, EXIT_INVALID
from ..i18n.catalogue import Message, N_, gettext
from ..i18n.formatting import official_date
from ..models.parts import ObjectType

Service = Literal["entry", "passport", "duplicate", "correction"]
SERVICES: tuple[str, ...] = get_args(Service)
OBJECT_TYPES: tuple[str, ...] = tuple(kind.value for kind in ObjectType)
CUT_OFF = time(18, 30)
AREA_LIMIT = Decimal("1000")  # "up to 1000 m²" includes 1000
HEARING_NOTICE_WORKING_DAYS = 3
OBJECTION_WORKING_DAYS = 2
EXTENSION_MONTHS = 2

_RESIDENTIAL_SMALL = {"apartment", "dormitory_room"}
_HOUSES = {"individual_house", "individual_garage", "dacha"}


#: The years the Rules' arithmetic accepts (Kazakhstan's independence to a sane horizon).
MIN_YEAR, MAX_YEAR = 1991, 2200


class RuleInputError(KzcadastreError, ValueError):
    """The question cannot be answered from what was given (e.g. the area is missing)."""

    exit_code = EXIT_INVALID
    code = "rule_input"


@dataclass(frozen=True)
class Term:
    working_days: int
    reference: str  # where the Rules fix it


def service_term(service: str, object_type: str, area: Decimal | None = None, first_category: bool = False) -> Term:
    """The term of a service in working days, with the paragraph that fixes it.

    >>> service_term("passport", "other", Decimal("1000")).working_days   # up to 1000 includes 1000
    7
    >>> service_term("passport", "other", Decimal("2500"), first_category=True).working_days
    5
    """
    check_request(service, object_type)
    if service == "entry":
        return Term(1, "p5.1")
    if service == "correction":
        return Term(1, "p7.correction")
    if service == "passport":
        if object_type in _RESIDENTIAL_SMALL:
            return Term(3, "p5.2.apartments")
        if object_type in _HOUSES:
            return Term(5, "p5.2.houses")
        # The first-category rule excludes only the apartment and house rows, so it replaces
        # the 7th/10th-day rows, whatever the area.
        if first_category:
            return Term(5, "p5.2.first_category")
        area = _need_area(area, service)
        return Term(7, "p5.2.upto1000") if area <= AREA_LIMIT else Term(10, "p5.2.over1000")
    # duplicate (Annex 2, item 3)
    if object_type in _RESIDENTIAL_SMALL | _HOUSES:
        return Term(1, "a2.3.residential")
    area = _need_area(area, service)
    return Term(2, "a2.3.upto1000") if area <= AREA_LIMIT else Term(3, "a2.3.over1000")


def check_request(service: str, object_type: str) -> None:
    """Refuse a service or object type the Rules do not know."""
    if service not in SERVICES:
        raise RuleInputError("service {service!r} is not one of {known}", service=service, known=", ".join(SERVICES),
                             field="--service")
    if object_type not in OBJECT_TYPES:
        raise RuleInputError("object type {object_type!r} is not one of {known}", object_type=object_type,
                             known=", ".join(OBJECT_TYPES), field="--object-type")


def _need_area(area: Decimal | None, service: str) -> Decimal:
    if area is None:
        raise RuleInputError("the total area is needed for the {service} term of an object of type 'other' (--area)",
                             service=service, field="--area")
    if area < 0:
        raise RuleInputError("the area cannot be negative", field="--area")
    return Decimal(area)


def accepted_on(submitted: datetime, cal: WorkingCalendar | None = None) -> date:
    """The acceptance date of an application submitted at `submitted` (local time, UTC+5).

    >>> accepted_on(datetime(2026, 3, 20, 18, 29))
    datetime.date(2026, 3, 20)
    >>> accepted_on(datetime(2026, 3, 20, 18, 30))   # at 18:30 the day is over
    datetime.date(2026, 3, 26)
    """
    cal = cal or default_calendar()
    day = submitted.date()
    if cal.is_working_day(day) and submitted.time() < CUT_OFF:
        return day
    return cal.next_working_day(day)


def add_months(day: date, months: int) -> date:
    """The same day number `months` later, or that month's last day.

    >>> add_months(date(2026, 12, 31), 2)
    datetime.date(2027, 2, 28)
    """
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, month_calendar.monthrange(year, month)[1]))


def refusal_procedure(working_days: int) -> str:
    """`notice` (under three days), `hearing` (over three) or `undetermined` (exactly three)."""
    if working_days < 3:
        return "notice"
    if working_days > 3:
        return "hearing"
    return "undetermined"


@dataclass
class Schedule:
    service: str
    object_type: str
    submitted_at: datetime
    accepted_on: date
    due_on: date
    working_days: int
    term_reference: str
    refusal_procedure: str
    hearing_notice_latest: date | None
    extension_limit: date | None
    objection_received: date | None = None
    objection_decision_by: date | None = None
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        def iso(value):
            return value.isoformat() if value is not None else None

        result = {
            "service": self.service,
            "object_type": self.object_type,
            "submitted_at": self.submitted_at.isoformat(timespec="minutes"),
            "accepted_on": iso(self.accepted_on),
            "due_on": iso(self.due_on),
            "working_days": self.working_days,
            "refusal_procedure": self.refusal_procedure,
            "hearing_notice_latest": iso(self.hearing_notice_latest),
            "extension_limit": iso(self.extension_limit),
            "warnings": list(self.warnings),
        }
        if self.objection_received is not None:
            result["objection_received"] = iso(self.objection_received)
            result["objection_decision_by"] = iso(self.objection_decision_by)
        return result


def schedule(
    service: str,
    object_type: str,
    submitted: datetime,
    area: Decimal | None = None,
    first_category: bool = False,
    objection_received: date | None = None,
    cal: WorkingCalendar | None = None,
) -> Schedule:
    """Every date the Rules fix for one application.

    `submitted` is local time when naive; with an offset it is converted to Kazakhstan time
    first (`law.timezone`). Dates must lie between the years 1991 and 2200.
    """
    cal = cal or default_calendar()
    for name, value in (("submitted", submitted), ("objection_received", objection_received)):
        if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
            raise RuleInputError("{name}: the year {year} is outside {first}-{last}", name=name, year=value.year,
                                 first=MIN_YEAR, last=MAX_YEAR, field=name)
    submitted, zone_warnings = to_local(submitted)
    term = service_term(service, object_type, area, first_category)
    accepted = accepted_on(submitted, cal)
    due = cal.add_working_days(accepted, term.working_days)
    procedure = refusal_procedure(term.working_days)
    warnings = list(zone_warnings)
    hearing = None
    if procedure in ("hearing", "undetermined"):
        hearing = cal.subtract_working_days(due, HEARING_NOTICE_WORKING_DAYS)
    if procedure == "undetermined":
        warnings.append(Message(
            "the term is exactly three working days: paragraph 5-1 covers terms under and over three days only; "
            "the hearing-notice date is given as if the hearing procedure applied"
        ))
    if hearing is not None and hearing < accepted:
        warnings.append(Message("the hearing notice would fall before the acceptance date"))
    # The extension applies to the new-object services (paragraph 5); not to the duplicate.
    extension = add_months(submitted.date(), EXTENSION_MONTHS) if service in ("entry", "passport") else None
    decision = cal.add_working_days(objection_received, OBJECTION_WORKING_DAYS) if objection_received else None
    if objection_received and procedure == "notice":
        warnings.append(Message("a refusal notice (term under three days) has no objection procedure under paragraph 5-1"))
    warnings.extend(cal.warnings(submitted.date(), due, *(d for d in (extension, decision) if d)))
    return Schedule(service, object_type, submitted, accepted, due, term.working_days, term.reference, procedure,
                    hearing, extension, objection_received, decision, warnings)


# Explanations, one sentence a date, citing the Rules.
_REFERENCE = {
    "p5.1": N_("paragraph 5, subparagraph 1) of the Rules"),
    "p5.2.apartments": N_("paragraph 5, subparagraph 2) of the Rules (apartments, rooms in dormitories)"),
    "p5.2.houses": N_("paragraph 5, subparagraph 2) of the Rules (individual houses, garages, dacha buildings)"),
    "p5.2.first_category": N_("paragraph 5, subparagraph 2) of the Rules (first complexity category)"),
    "p5.2.upto1000": N_("paragraph 5, subparagraph 2) of the Rules (other objects up to 1000 m²)"),
    "p5.2.over1000": N_("paragraph 5, subparagraph 2) of the Rules (objects over 1000 m²)"),
    "a2.3.residential": N_("item 3 of Annex 2 (apartments, rooms, houses, garages, dacha buildings)"),
    "a2.3.upto1000": N_("item 3 of Annex 2 (other objects up to 1000 m²)"),
    "a2.3.over1000": N_("item 3 of Annex 2 (objects over 1000 m²)"),
    "p7.correction": N_("paragraph 7 of the Rules (correction after a renaming, free of charge)"),
}

_SENTENCES = {
    "accepted_same": N_("Accepted on {accepted}: submitted on a working day before 18:30 (item 7 of Annexes 1 and 2)."),
    "accepted_next": N_("Accepted on {accepted}: submitted after 18:30, on a weekend or a holiday, so accepted on the next working day (item 7 of Annexes 1 and 2)."),
    "due": N_("Due on {due}: working day {n} after acceptance ({reference})."),
    "notice": N_("Refusal, if any, by a refusal notice: the term is under three days (paragraph 5-1 of the Rules)."),
    "hearing": N_("Refusal, if any, after a preliminary decision and a hearing; the hearing notice must go out by {hearing}, at least 3 working days before the term ends (paragraph 5-1 of the Rules)."),
    "undetermined": N_("Refusal procedure undetermined: paragraph 5-1 does not cover a term of exactly three days; if a hearing is held, its notice must go out by {hearing}."),
    "extension": N_("By agreement with the applicant the term may be extended, to {extension} at the latest: two months from the day of application (paragraph 5 of the Rules)."),
    "objection": N_("An objection received on {received} must be decided by {decision}: within 2 working days of its receipt (paragraph 5-1 of the Rules)."),
}


def _date(value: date, lang: str) -> str:
    return value.isoformat() if lang == "en" else official_date(value, lang)


def _sentence(key: str, lang: str) -> str:
    return gettext(_SENTENCES[key], lang)


def _reference(key: str, lang: str) -> str:
    return gettext(_REFERENCE[key], lang)


def explain(s: Schedule, lang: str = "en") -> list[str]:
    """One sentence per date, citing the paragraph of the Rules, in kk, ru or en."""
    lines = []
    same_day = s.accepted_on == s.submitted_at.date()
    lines.append(_sentence("accepted_same" if same_day else "accepted_next", lang).format(accepted=_date(s.accepted_on, lang)))
    lines.append(_sentence("due", lang).format(due=_date(s.due_on, lang), n=s.working_days,
                                                 reference=_reference(s.term_reference, lang)))
    if s.refusal_procedure == "notice":
        lines.append(_sentence("notice", lang))
    else:
        lines.append(_sentence(s.refusal_procedure, lang).format(hearing=_date(s.hearing_notice_latest, lang)))
    if s.extension_limit:
        lines.append(_sentence("extension", lang).format(extension=_date(s.extension_limit, lang)))
    if s.objection_decision_by:
        lines.append(_sentence("objection", lang).format(received=_date(s.objection_received, lang),
                                                          decision=_date(s.objection_decision_by, lang)))
    return lines
