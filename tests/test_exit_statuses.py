"""Every failure maps to the documented exit status; no traceback reaches a user; times
with an offset are converted to Kazakhstan time (issue 16, items 7 and 8)."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from click.testing import CliRunner

from kzcadastre_docs.cli import main
from kzcadastre_docs.law import rules

from .conftest import SAMPLES


def _run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


def _clean(result, status):
    """Exit `status`, an error line, no traceback; the exception did not escape click."""
    output = result.output
    assert result.exit_code == status, output
    assert "Traceback" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return output


@pytest.fixture
def data(tmp_path):
    def write(text: str, name: str = "data.json"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        return path
    return write


def test_deeply_nested_json_exits_2(data):
    path = data("[" * 10000 + "]" * 10000)
    output = _clean(_run("validate", "notice-data-entered", "--data", path), 2)
    assert "nested too deeply" in output


def test_a_5000_digit_integer_exits_2_without_python_advice(data):
    path = data('{"document_date": ' + "9" * 5000 + "}")
    output = _clean(_run("validate", "notice-data-entered", "--data", path), 2)
    assert "digits" in output and "set_int_max_str_digits" not in output and "9" * 100 not in output


def test_a_lone_surrogate_with_format_json_exits_2_with_json(data):
    path = data('{"document_date": "2026-01-01", "number": "\\ud800x"}')
    result = _run("validate", "notice-data-entered", "--data", path, "--format", "json")
    _clean(result, 2)
    report = json.loads(result.stdout)
    assert report["valid"] is False and any(p["field"] == "number" for p in report["problems"])


def test_year_9999_in_deadline_exits_2_naming_the_option():
    result = _run("deadline", "--service", "passport", "--object-type", "apartment", "--submitted", "9999-12-31T10:00")
    assert "--submitted" in _clean(result, 2)


def test_a_huge_area_in_fee_exits_2_naming_the_option():
    for area in ("1e400000", "99999999999999999999999999999", "NaN", "1e-400000"):
        result = _run("fee", "--service", "passport", "--object-type", "other", "--area", area, "--on", "2026-03-02")
        assert "--area" in _clean(result, 2), area


def test_an_unexpected_error_prints_one_line_and_where_the_details_are(tmp_path, monkeypatch):
    from kzcadastre_docs.law import fees

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(fees, "compute_fee", broken)
    result = _run("fee", "--service", "passport", "--object-type", "apartment", "--on", "2026-03-02",
                  env={"KZCADASTRE_LOG_DIR": str(tmp_path)})
    output = _clean(result, 1)
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1 and "ZeroDivisionError" in lines[0] and str(tmp_path) in lines[0]
    logs = list(tmp_path.iterdir())
    assert len(logs) == 1 and "Traceback" in logs[0].read_text(encoding="utf-8")


# -- item 8: --submitted with an offset -----------------------------------------------------

@pytest.mark.parametrize(("submitted", "accepted"), [
    ("2026-03-02T14:00Z", "2026-03-03"),          # 19:00 in Astana: after 18:30, next working day
    ("2026-03-02T14:00+00:00", "2026-03-03"),
    ("2026-03-02T18:00+05:00", "2026-03-02"),
    ("2026-03-02T23:00+09:00", "2026-03-03"),
    ("2026-03-02T22:00+09:00", "2026-03-02"),     # 23:00 in Tokyo is 19:00 in Astana
    ("2026-03-02T18:00", "2026-03-02"),           # naive: local time
    ("2026-03-02T19:00", "2026-03-03"),
])
def test_submitted_with_an_offset_is_counted_in_kazakhstan_time(submitted, accepted):
    result = _run("deadline", "--service", "passport", "--object-type", "apartment", "--submitted", submitted,
                  "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["accepted_on"] == accepted


def test_before_march_2024_the_almaty_offset_applies_with_a_warning():
    s = rules.schedule("passport", "apartment", datetime.fromisoformat("2024-02-01T12:00Z"))
    assert s.submitted_at == datetime(2024, 2, 1, 18, 0) and s.accepted_on.isoformat() == "2024-02-01"
    assert any("UTC+6" in warning for warning in s.warnings)
    after = rules.schedule("passport", "apartment", datetime.fromisoformat("2024-03-01T12:00Z"))
    assert after.submitted_at == datetime(2024, 3, 1, 17, 0)


def test_an_unknown_key_with_a_surrogate_or_huge_name_is_reported_with_exit_2(data):
    for key in ("x" * 100_000, "x" * 100_000 + "\ud800"):
        _unknown_key_reported(data, key)


def _unknown_key_reported(data, key):
    path = data(json.dumps({key: "secret-value-of-unknown-field", "document_date": "2026-11-24"}))
    for extra in ([], ["--format", "json"]):
        result = _run("validate", "notice-data-entered", "--data", path, *extra)
        output = _clean(result, 2)
        assert "secret-value" not in output and len(output) < 20_000


def test_an_application_time_with_an_offset_is_stored_and_printed_as_local_time():
    import kzcadastre_docs as kz

    data = json.loads((SAMPLES / "requirements-new-object" / "apartment-astana-application.json").read_text(encoding="utf-8"))
    data["application"]["submitted_at"] = "2026-03-02T14:00Z"
    model = kz.validate("requirements-new-object", data)
    assert model.application.submitted_at == datetime(2026, 3, 2, 19, 0)


def test_two_unexpected_errors_in_the_same_second_keep_both_details(tmp_path, monkeypatch):
    """The log file is named by the second and the process: a second failure in that second gets a
    file of its own instead of "details could not be logged"."""
    import datetime as dt

    from kzcadastre_docs.cli import app

    class Frozen(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return dt.datetime(2026, 11, 25, 3, 0, 0, tzinfo=tz)

    monkeypatch.setattr(app.dt, "datetime", Frozen)
    monkeypatch.setenv("KZCADASTRE_LOG_DIR", str(tmp_path))
    first, second = app.write_details(ValueError("one")), app.write_details(ValueError("two"))
    assert first is not None and second is not None and first != second
    assert first.parent == second.parent == tmp_path  # not pushed out to the temporary folder
    assert "one" in first.read_text(encoding="utf-8") and "two" in second.read_text(encoding="utf-8")
