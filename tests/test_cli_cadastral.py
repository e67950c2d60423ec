"""The `cadastral` commands through click's CliRunner: output, exit statuses, and a register
left unchanged by a refused step."""

from __future__ import annotations

import json
import sys

import pytest
from click.testing import CliRunner

import kzcadastre_docs as kz
from kzcadastre_docs.cli import main

CLERK = ["--specialist", "Ахметова Айгерим", "--position", "chief_inspection_specialist"]


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("KZCADASTRE_REGISTER", str(tmp_path / "register.sqlite"))

    def invoke(*args: str):
        return CliRunner().invoke(main, ["cadastral", *args])

    return invoke


def _sheet(run) -> list:
    result = run("register", "--land-plot", "21:320:135:0722", "--format", "json")
    return json.loads(result.output)["records"] if result.exit_code == 0 else []


def test_parse_text_and_json(run):
    result = run("parse", "20: 015: 004: 165: 1")
    assert result.exit_code == 0 and result.output.startswith("20:015:004:165:1  primary")
    data = json.loads(run("parse", "20:015:004:000:(123:12А:4/53687):37", "--format", "json").output)
    assert data["valid"] and data["kind"] == "temporary_secondary" and data["parts"]["secondary"] == "37"


@pytest.mark.parametrize("number, part, point", [
    ("21:320:135:0722:1:0", "secondary number (K…K)", 27),
    ("21:320:13:0722", "accounting quarter code (CCC)", 13),
    ("20:015:004:165:(123:12А:4/53687)", "land-plot number (D…D)", 31),
])
def test_parse_refuses_naming_the_part_and_the_point(run, number, part, point):
    result = run("parse", number)
    assert result.exit_code == 2
    assert part in result.output and f"point {point} of the Rules for assigning cadastral numbers" in result.output
    as_json = run("parse", number, "--format", "json")
    assert as_json.exit_code == 2 and json.loads(as_json.output)["error"]["point"] == point


def test_assign_split_merge_show_and_the_sheet(run, tmp_path):
    day = ["--date", "2026-07-20"]
    result = run("assign", "--land-plot", "21-320-135-0722", "--premise", "106", *CLERK, *day)
    assert result.exit_code == 0, result.output
    assert "assigned 21:320:135:0722:1 " in result.output and "assigned 21:320:135:0722:1:106 " in result.output
    assert run("assign", "--land-plot", "21:320:135:0722", *CLERK, *day).exit_code == 0
    result = run("merge", "21:320:135:0722:1", "21:320:135:0722:2", "--retire-secondaries", *CLERK, *day,
                 "--format", "json")
    assert result.exit_code == 0, result.output
    change = json.loads(result.output)
    assert [e["number"] for e in change["assigned"]] == ["21:320:135:0722:3"]
    assert sorted(e["number"] for e in change["ended"]) == ["21:320:135:0722:1", "21:320:135:0722:1:106",
                                                           "21:320:135:0722:2"]
    shown = json.loads(run("show", "21:320:135:0722:1", "--format", "json").output)
    assert shown["status"] == "retired" and shown["replaced_by"] == ["21:320:135:0722:3"]
    assert [r["record"] for r in _sheet(run)] == [1, 2, 3, 4]
    out = tmp_path / "sheets"
    result = run("register", "--land-plot", "21:320:135:0722", "-o", f"{out}/", "--lang", "both")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["cadastral-register-sheet.kk.docx", "cadastral-register-sheet.ru.docx"]
    again = run("register", "--land-plot", "21:320:135:0722", "-o", str(out))
    assert again.exit_code == 2 and "already exists" in again.output


@pytest.mark.parametrize("args, fragment", [
    (["assign", "--land-plot", "21:320:135:0722", "--primary", "7"], "point 24"),
    (["assign", "--land-plot", "21:320:135:0722", "--primary", "1", "--premise", "200"], "point 26"),
    (["assign", "--land-plot", "21:320:135:0722", "--primary", "1", "--premise", "105"], "points 7, 29"),
    (["merge", "21:320:135:0722:1", "21:320:135:0723:1"], "points 14, 20"),
    (["split", "21:320:135:0722:1:105", "--into", "2"], "points 7, 18, 29"),
    (["assign", "--land-plot", "21:320:135:07222"], "point 13"),
    (["assign", "--land-plot", "21:320:135:0722", "--temporary"], "point 30"),
])
def test_bad_steps_exit_2_and_change_nothing(run, args, fragment):
    day = ["--date", "2026-07-20"]
    assert run("assign", "--land-plot", "21:320:135:0722", "--premise", "105", *CLERK, *day).exit_code == 0
    assert run("assign", "--land-plot", "21:320:135:0723", *CLERK, *day).exit_code == 0
    assert run("split", "21:320:135:0722:1:105", "--into", "2", *CLERK, *day).exit_code == 0
    assert run("assign", "--land-plot", "21:320:135:0722", "--primary", "1", "--premise", "200", *CLERK, *day).exit_code == 0
    before = _sheet(run)
    result = run(*args, *CLERK, *day)
    assert result.exit_code == 2, result.output
    assert fragment in result.output and "Traceback" not in result.output
    assert _sheet(run) == before


def test_position_needs_a_code_or_both_languages(run):
    result = run("assign", "--land-plot", "21:320:135:0722", "--specialist", "А", "--position-kk", "маман",
                 "--date", "2026-07-20")
    assert result.exit_code == 2 and "missing: ru" in result.output
    result = run("assign", "--land-plot", "21:320:135:0722", "--specialist", "А", "--date", "2026-07-20")
    assert result.exit_code == 2
    assert _sheet(run) == []


def test_an_unreachable_register_exits_1(run):
    result = run("assign", "--land-plot", "21:320:135:0722", *CLERK, "--date", "2026-07-20",
                 "--register", "postgresql://nobody@127.0.0.1:1/none")
    assert result.exit_code == 1 and "cannot open the register" in result.output
    assert "Traceback" not in result.output


def test_a_register_location_that_is_not_one_exits_2(run):
    result = run("show", "21:320:135:0722:1", "--register", "mysql://x@y/z")
    assert result.exit_code == 2 and "SQLite file or a PostgreSQL database" in result.output


def test_the_same_in_python(tmp_path):
    import datetime as dt

    with kz.CadastralRegister(tmp_path / "r.sqlite") as register:
        clerk = kz.Specialist.of("Ахметова Айгерим", "specialist")
        register.assign("21:320:135:0722", secondary=True, specialist=clerk, on=dt.date(2026, 7, 20))
        with pytest.raises(kz.CadastralRuleError):
            register.assign("21:320:135:0722", primary="9", specialist=clerk, on=dt.date(2026, 7, 20))
        data = kz.cadastral_sheet_data(register, "21:320:135:0722")
    assert kz.render("cadastral-register-sheet", data, "ru")[:2] == b"PK"
    assert kz.parse_cadastral_number("21:320:135:0722:1:106").kind == "secondary"
    with pytest.raises(kz.InvalidCadastralNumber):
        kz.parse_cadastral_number("21:320:135:0722:1:1:1")


def test_a_name_that_mixes_scripts_is_refused_before_anything_is_written(run):
    result = run("assign", "--land-plot", "21:320:135:0722", "--specialist", "Ахмeтова", "--position", "specialist",
                 "--date", "2026-07-20")  # a Latin "e"
    assert result.exit_code == 2 and "specialist full_name" in result.output
    assert _sheet(run) == []


def test_temporary_then_permanent_through_the_commands(run):
    day = ["--date", "2026-07-20"]
    result = run("assign", "--land-plot", "20:015:004", "--temporary-code", "123:12А:4/53687", "--premise", "37",
                 *CLERK, *day)
    assert result.exit_code == 0, result.output
    assert "assigned 20:015:004:000:(123:12А:4/53687):37 " in result.output
    result = run("permanent", "20:015:004:000:(123:12А:4/53687)", "--land-plot", "20:015:004:165", *CLERK,
                 "--date", "2026-09-01", "--format", "json")
    assert result.exit_code == 0, result.output
    change = json.loads(result.output)
    assert [e["number"] for e in change["assigned"]] == ["20:015:004:165:1", "20:015:004:165:1:37"]
    assert {e["status"] for e in change["ended"]} == {"annulled"}
    shown = json.loads(run("show", "20:015:004:000:(123:12А:4/53687):37", "--format", "json").output)
    assert shown["replaced_by"] == ["20:015:004:165:1:37"]
    sheet = json.loads(run("register", "--land-plot", "20:015:004", "--format", "json").output)
    assert [r["secondary"] for r in sheet["records"]] == [None, "20:015:004:000:(123:12А:4/53687):37"]


def test_a_register_in_a_folder_that_does_not_exist_exits_2(run, tmp_path):
    result = run("show", "20:015:004:165:1", "--register", str(tmp_path / "no" / "such" / "r.sqlite"))
    assert result.exit_code == 2 and "does not exist" in result.output
    assert not (tmp_path / "no").exists()


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the XDG data folder is the Linux convention")
def test_the_default_register_is_in_the_users_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("KZCADASTRE_REGISTER", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    result = CliRunner().invoke(main, ["cadastral", "assign", "--land-plot", "21:320:135:0722", *CLERK,
                                       "--date", "2026-07-20"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "data" / "kzcadastre-docs" / "register.sqlite").is_file()
