"""The register of cadastral numbers: assignment as the Rules describe it, on SQLite and on a
real PostgreSQL, including several processes assigning at once."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import queue
from collections import Counter

import pytest

from kzcadastre_docs.register import Register, RuleError, Specialist

CLERK = Specialist.of("Ахметова Айгерим Болатқызы", {"kk": "бас маман", "ru": "главный специалист"})
DAY = dt.date(2026, 7, 20)
PLOT = "20:015:004:165"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def location(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "register.sqlite")
    return request.getfixturevalue("pg_register_url")


@pytest.fixture
def register(location):
    with Register(location) as opened:
        yield opened


def _numbers(change):
    return [entry.number for entry in change.assigned]


def test_points_15_19_20_split_and_merge_as_the_rules_print_them(register):
    assert _numbers(register.assign(PLOT, specialist=CLERK, on=DAY)) == ["20:015:004:165:1"]
    split = register.split("20: 015: 004: 165: 1", 2, specialist=CLERK, on=DAY)
    assert _numbers(split) == ["20:015:004:165:2", "20:015:004:165:3"]  # point 19
    assert [(e.number, e.status, e.ended_by) for e in split.ended] == [("20:015:004:165:1", "retired", "split")]
    merge = register.merge(["20:015:004:165:2", "20:015:004:165:3"], specialist=CLERK, on=DAY)
    assert _numbers(merge) == ["20:015:004:165:4"]  # point 20
    assert merge.assigned[0].replaces == ("20:015:004:165:2", "20:015:004:165:3")
    assert register.lookup("20:015:004:165:1").replaced_by == ("20:015:004:165:2", "20:015:004:165:3")
    # a retired number is never assigned again: the next primary number is 5
    assert _numbers(register.assign(PLOT, specialist=CLERK, on=DAY)) == ["20:015:004:165:5"]


def test_secondary_numbers_postal_numbers_and_point_24(register):
    with pytest.raises(RuleError) as caught:
        register.assign(PLOT, primary="1", specialist=CLERK, on=DAY)
    assert caught.value.points == (24,) and register.count() == 0
    # the primary number assigned in the same step as the first secondary one (point 24)
    both = register.assign(PLOT, secondary=True, specialist=CLERK, on=DAY)
    assert _numbers(both) == ["20:015:004:165:1", "20:015:004:165:1:1"]
    assert _numbers(register.assign(PLOT, primary="1", premise="106", specialist=CLERK, on=DAY)) == ["20:015:004:165:1:106"]
    assert _numbers(register.assign(PLOT, primary="20:015:004:165:1", specialist=CLERK, on=DAY)) == ["20:015:004:165:1:107"]
    with pytest.raises(RuleError) as caught:
        register.assign(PLOT, primary="1", premise="106", specialist=CLERK, on=DAY)
    assert caught.value.points == (26,)


def test_reuse_of_a_retired_number_is_refused_and_changes_nothing(register):
    register.assign(PLOT, primary=None, premise="12", specialist=CLERK, on=DAY)
    register.split("20:015:004:165:1:12", 2, specialist=CLERK, on=DAY)
    before = [(e.number, e.status) for e in register.sheet(PLOT)]
    assert before == [("20:015:004:165:1", "active"), ("20:015:004:165:1:12", "retired"),
                      ("20:015:004:165:1:13", "active"), ("20:015:004:165:1:14", "active")]
    with pytest.raises(RuleError) as caught:
        register.assign(PLOT, primary="1", premise="12", specialist=CLERK, on=DAY)
    assert caught.value.points == (7, 29) and "never assigned again" in str(caught.value)
    with pytest.raises(RuleError):
        register.split("20:015:004:165:1:12", 2, specialist=CLERK, on=DAY)
    assert [(e.number, e.status) for e in register.sheet(PLOT)] == before


def test_merge_across_plots_or_primaries_is_refused(register):
    register.assign(PLOT, specialist=CLERK, on=DAY)
    register.assign("20:015:004:166", secondary=True, specialist=CLERK, on=DAY)
    register.assign("20:015:004:166", secondary=True, specialist=CLERK, on=DAY)
    with pytest.raises(RuleError) as caught:
        register.merge(["20:015:004:165:1", "20:015:004:166:1"], specialist=CLERK, on=DAY)
    assert caught.value.part == "land plot" and caught.value.points == (14, 20)
    with pytest.raises(RuleError) as caught:
        register.merge(["20:015:004:166:1:1", "20:015:004:166:2:1"], specialist=CLERK, on=DAY)
    assert caught.value.points == (25, 29)
    assert register.count() == 5


def test_splitting_a_primary_with_secondaries_needs_confirmation(register):
    register.assign(PLOT, secondary=True, specialist=CLERK, on=DAY)
    with pytest.raises(RuleError) as caught:
        register.split("20:015:004:165:1", 2, specialist=CLERK, on=DAY)
    assert caught.value.points == (28,)
    change = register.split("20:015:004:165:1", 2, specialist=CLERK, on=DAY, retire_secondaries=True)
    assert sorted(e.number for e in change.ended) == ["20:015:004:165:1", "20:015:004:165:1:1"]


def test_temporary_numbers_and_their_replacement(register):
    quarter = "20:015:004"
    first = register.assign(quarter, temporary=True, specialist=CLERK, on=DAY)
    assert _numbers(first) == ["20:015:004:000:1"]
    composite = register.assign(quarter, temporary_code="123:12А:4/53687", specialist=CLERK, on=DAY)
    assert _numbers(composite) == ["20:015:004:000:(123:12А:4/53687)"]
    flat = register.assign("20:015:004:000", primary="(123:12А:4/53687)", premise="37", specialist=CLERK, on=DAY)
    assert _numbers(flat) == ["20:015:004:000:(123:12А:4/53687):37"]  # point 31
    with pytest.raises(RuleError) as caught:
        register.assign(quarter, temporary_code="123:12А:4/53687", specialist=CLERK, on=DAY)
    assert 31 in caught.value.points
    with pytest.raises(RuleError) as caught:
        register.assign(PLOT, temporary=True, specialist=CLERK, on=DAY)
    assert caught.value.points == (30,)
    # the plot gets its number (points 32-33)
    later = dt.date(2026, 9, 1)
    change = register.make_permanent("20:015:004:000:(123:12А:4/53687)", PLOT, specialist=CLERK, on=later)
    assert _numbers(change) == ["20:015:004:165:1", "20:015:004:165:1:37"]
    assert {(e.number, e.status) for e in change.ended} == {("20:015:004:000:(123:12А:4/53687)", "annulled"),
                                                           ("20:015:004:000:(123:12А:4/53687):37", "annulled")}
    old = register.lookup("20:015:004:000:(123:12А:4/53687):37")
    assert old.replaced_by == ("20:015:004:165:1:37",) and old.ended_on == later
    assert register.lookup("20:015:004:165:1:37").replaces == ("20:015:004:000:(123:12А:4/53687):37",)
    with pytest.raises(RuleError):
        register.make_permanent("20:015:004:000:(123:12А:4/53687)", PLOT, specialist=CLERK, on=later)
    with pytest.raises(RuleError) as caught:
        register.make_permanent("20:015:004:000:1", "20:016:004:165", specialist=CLERK, on=later)
    assert caught.value.part == "land plot"


def test_sheet_records_are_numbered_per_land_plot(register):
    register.assign(PLOT, secondary=True, specialist=CLERK, on=DAY)
    register.assign("20:015:004:166", specialist=CLERK, on=DAY)
    register.assign(PLOT, primary="1", specialist=CLERK, on=dt.date(2026, 7, 21))
    sheet = register.sheet("20-015-004-165")
    assert [(e.record, e.primary, e.secondary, e.assigned_on) for e in sheet] == [
        (1, "20:015:004:165:1", None, DAY),
        (2, "20:015:004:165:1", "20:015:004:165:1:1", DAY),
        (3, "20:015:004:165:1", "20:015:004:165:1:2", dt.date(2026, 7, 21)),
    ]
    assert [e.record for e in register.sheet("20:015:004:166")] == [1]


def test_a_date_before_the_assignment_is_refused(register):
    register.assign(PLOT, specialist=CLERK, on=DAY)
    with pytest.raises(RuleError) as caught:
        register.split("20:015:004:165:1", 2, specialist=CLERK, on=DAY - dt.timedelta(days=1))
    assert caught.value.part == "date"
    assert register.count() == 1


def test_reopening_keeps_the_register(location):
    with Register(location) as first:
        first.assign(PLOT, specialist=CLERK, on=DAY)
    with Register(location) as second:
        assert _numbers(second.assign(PLOT, specialist=CLERK, on=DAY)) == ["20:015:004:165:2"]


# --- several processes at once --------------------------------------------------------------

WORKERS = 4
EACH = 8


def _worker(location: str, start, results) -> None:
    got = []
    start.wait()
    with Register(location) as register:
        for index in range(EACH):
            if index % 2:
                change = register.assign(PLOT, primary="1", specialist=CLERK, on=DAY)
            else:
                change = register.assign(PLOT, specialist=CLERK, on=DAY)
            got.extend(_numbers(change))
    results.put(got)


def _splitter(location: str, start, results) -> None:
    start.wait()
    with Register(location) as register:
        try:
            results.put(_numbers(register.split("20:015:004:165:1", 2, specialist=CLERK, on=DAY)))
        except RuleError as exc:
            results.put(["refused", str(exc)])


def _race(location: str, workers: int, target=_worker) -> list:
    """What `workers` processes started together put in the queue; a failed process fails the test."""
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(workers)
    results = context.Queue()
    processes = [context.Process(target=target, args=(location, start, results)) for _ in range(workers)]
    for process in processes:
        process.start()
    handed: list = []
    received = 0
    try:
        while received < workers:
            try:
                handed.append(results.get(timeout=1))
                received += 1
            except queue.Empty:
                failed = [p.exitcode for p in processes if p.exitcode not in (None, 0)]
                assert not failed, f"a worker failed (exit {failed})"
    finally:
        for process in processes:
            process.join(timeout=60)
            if process.is_alive():
                process.kill()
    assert [p.exitcode for p in processes] == [0] * workers
    return handed


def test_concurrent_assignment_never_hands_out_a_number_twice(location):
    with Register(location) as register:  # primary 1, created (and migrated) before the race
        register.assign(PLOT, specialist=CLERK, on=DAY)
    handed = [number for got in _race(location, WORKERS) for number in got]
    duplicates = [number for number, count in Counter(handed).items() if count > 1]
    assert duplicates == []
    assert len(handed) == WORKERS * EACH
    primaries = sorted(int(n.split(":")[4]) for n in handed if n.count(":") == 4)
    secondaries = sorted(int(n.split(":")[5]) for n in handed if n.count(":") == 5)
    half = WORKERS * EACH // 2
    assert primaries == list(range(2, 2 + half)) and secondaries == list(range(1, 1 + half))
    with Register(location) as register:
        records = [entry.record for entry in register.sheet(PLOT)]
    assert records == list(range(1, WORKERS * EACH + 2))


def test_concurrent_opening_of_a_new_register_migrates_once(tmp_path):
    handed = [number for got in _race(str(tmp_path / "fresh.sqlite"), 3) for number in got]
    assert len(handed) == len(set(handed)) == 3 * EACH


def test_two_clerks_splitting_the_same_number_at_once(location):
    with Register(location) as register:
        register.assign(PLOT, specialist=CLERK, on=DAY)
    outcomes = _race(location, 3, _splitter)
    done = [got for got in outcomes if got[0] != "refused"]
    assert len(done) == 1 and sorted(done[0]) == ["20:015:004:165:2", "20:015:004:165:3"]
    assert all("20:015:004:165:1" in got[1] and "retired" in got[1] for got in outcomes if got[0] == "refused")
    with Register(location) as register:
        assert [(e.number, e.status) for e in register.sheet(PLOT)] == [
            ("20:015:004:165:1", "retired"), ("20:015:004:165:2", "active"), ("20:015:004:165:3", "active")]


def test_the_migrations_make_the_schema_the_code_describes(location):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from kzcadastre_docs.register.database import database_url
    from kzcadastre_docs.register.schema import metadata

    Register(location).close()
    engine = create_engine(database_url(location))
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection)
            assert context.get_current_revision() == "0001"
            differences = compare_metadata(context, metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_a_file_that_is_not_a_register_is_refused(tmp_path):
    from kzcadastre_docs.register import RegisterError

    path = tmp_path / "notes.sqlite"
    path.write_text("not a database", encoding="utf-8")
    with pytest.raises(RegisterError) as caught:
        Register(path)
    assert caught.value.exit_code == 1 and "cannot open the register" in str(caught.value)
    assert path.read_text(encoding="utf-8") == "not a database"


def test_numbers_from_paper_sheets_are_entered_and_followed(register):
    assert _numbers(register.record("20:015:004:165:3", specialist=CLERK, on=DAY)) == ["20:015:004:165:3"]
    with pytest.raises(RuleError) as caught:
        register.record("20:015:004:165:2:7", specialist=CLERK, on=DAY)
    assert caught.value.points == (24,)
    register.record("20:015:004:165:3:45", specialist=CLERK, on=DAY)
    with pytest.raises(RuleError):
        register.record("20:015:004:165:3", specialist=CLERK, on=DAY)
    assert _numbers(register.assign(PLOT, specialist=CLERK, on=DAY)) == ["20:015:004:165:4"]
    assert _numbers(register.assign(PLOT, primary="3", specialist=CLERK, on=DAY)) == ["20:015:004:165:3:46"]
