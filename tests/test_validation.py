"""Bad input, case by case: each is refused with exit 2, the field named, nothing written.

Each case takes a sample, changes one thing, and states the field path and the rule the
error must name. Forms with templates are also rendered, to prove no file appears.
"""

from __future__ import annotations

import copy
import json
import re

import pytest
from click.testing import CliRunner

import kzcadastre_docs as kz
from kzcadastre_docs.cli import main
from kzcadastre_docs.i18n.messages import has_message

from .conftest import SAMPLES

DELETE = object()


def _set(data, path: str, value):
    keys = [int(k) if k.isdigit() else k for k in re.findall(r"[^.\[\]]+", path)]
    target = data
    for key in keys[:-1]:
        target = target[key]
    if value is DELETE:
        del target[keys[-1]]
    else:
        target[keys[-1]] = value


def _sample(name: str) -> dict:
    return json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))


APP = "application-entry/apartment-astana"
APP_ORG = "application-entry/business-centre-astana"
APP_DUP = "application-entry/apartment-astana"
CONC = "conclusion/apartment-astana"
A1 = "requirements-new-object/astana-branch"

# (sample, change at path, new value, expected field, expected rule)
CASES = [
    (APP, "applicant.iin", "900721404563", "applicant.iin", "iin_invalid"),
    (APP, "applicant.iin", "90072140456", "applicant.iin", "string_too_short"),
    (APP, "applicant.iin", 900721404562, "applicant.iin", "string_type"),
    (APP, "applicant.kind", "robot", "applicant", "union_tag_invalid"),
    (APP, "applicant.last_name", "Сəйітқали", "applicant.last_name", "mixed_script"),
    (APP, "applicant.first_name", "", "applicant.first_name", "string_too_short"),
    (APP_ORG, "applicant.bin", "150290012347", "applicant.bin", "bin_invalid"),
    (APP_ORG, "applicant.bin", "159940012347", "applicant.bin", "bin_invalid"),
    (APP_ORG, "applicant.representative.power_of_attorney.valid_until", "2025-12-31",
     "applicant.representative.power_of_attorney.valid_until", "date_order"),
    (APP_ORG, "applicant.representative.iin", "781115307898", "applicant.representative.iin", "iin_invalid"),
    (APP, "object.land_plot_cadastral_number", "21:320:105", "object.land_plot_cadastral_number", "cadastral_number"),
    (APP, "object.land_plot_cadastral_number", "21:320-105:2015", "object.land_plot_cadastral_number", "cadastral_number"),
    (APP_DUP, "object.cadastral_number", {"land": "03-047-158-219", "premise": "4"}, "object.cadastral_number",
     "cadastral_number"),
    (APP, "object.total_area", "-5", "object.total_area", "greater_than_equal"),
    (APP, "object.total_area", "50.905", "object.total_area", "decimal_max_places"),
    (APP, "object.total_area", "fifty", "object.total_area", "decimal_parsing"),
    (APP, "object.object_type", "villa", "object.object_type", "enum"),
    (APP, "object.address.postal_code", "01000", "object.address.postal_code", "string_pattern_mismatch"),
    (APP, "contacts.email", "asel.example.kz", "contacts.email", "string_pattern_mismatch"),
    (APP, "contacts.phone", "87012345678", "contacts.phone", "string_pattern_mismatch"),
    (APP, "acceptance_act", DELETE, "acceptance_act", "required_for"),
    (APP, "document_date", "2026-02-29", "document_date", "date_from_datetime_parsing"),
    (APP, "consent_personal_data", "maybe", "consent_personal_data", "bool_parsing"),
    (APP, "colour", "blue", "colour", "extra_forbidden"),
    (CONC, "object.floors.0.rooms.3.living_area", "1.00", "object.floors[0].rooms[3].area", "area_sum"),
    (CONC, "object.total_area", "55.00", "object.total_area", "explication_total"),
    (CONC, "object.living_area", "60.00", "object.living_area", "area_exceeds"),
    (CONC, "object.floors.0.rooms.1.number", "1", "object.floors[0].rooms[1].number", "duplicate"),
    (CONC, "object.year_built", 1700, "object.year_built", "greater_than_equal"),
    (CONC, "inspection.date", "2026-11-27", "document_date", "date_order"),
    (CONC, "branch", {"kk": "Астана\x0c", "ru": "Астана"}, "branch", "xml_illegal_character"),
    (CONC, "branch", "Астана", "branch", "vocabulary"),
    (CONC, "applicant", DELETE, "applicant", "missing"),
    ("abris/house-almaty-region", "sequence_number", 0, "sequence_number", "greater_than_equal"),
    ("abris/house-almaty-region", "legend.1.litera", "А", "legend[1].litera", "duplicate"),
    ("inventory-file/house-almaty-region", "entries.1.number", 3, "entries[1].number", "sequence"),
    ("inventory-file/house-almaty-region", "entries.2.date", "2024-01-01", "entries[2].date", "chronology"),
    ("technical-main/house-almaty-region", "main.elements.0.wear_percent", 120, "main.elements[0].wear_percent",
     "less_than_equal"),
    ("technical-service/house-almaty-region", "buildings", [], "buildings", None),
    ("notice-refusal/business-centre-astana", "ground", 6, "ground", "less_than_equal"),
    ("notice-surcharge/apartment-astana", "surcharge", "11000.00", "surcharge", "sum_mismatch"),
    ("notice-incomplete/house-almaty-region", "expired", [], "missing", None),
    ("notice-surcharge/apartment-astana", "vat_amount", "2522.00", "vat_amount", "vat_mismatch"),
    ("notice-preliminary-refusal/business-centre-astana", "document_date", "2026-12-02", "document_date",
     "hearing_notice_late"),
    ("passport-house/house-almaty-region", "duplicate", {"issued_on": "2026-01-01"}, "duplicate.issued_on",
     "date_order"),
    (A1, "branch", {"kk": "Ф" * 301, "ru": "Ф"}, "branch", "string_too_long"),
    (A1, "branch", {"kk": "Aстана", "ru": "Астана"}, "branch", "mixed_script"),
    (A1, "document_date", "24.11.2026", "document_date", "date_from_datetime_parsing"),
]


def _case_data(sample, path, value):
    data = copy.deepcopy(_sample(sample))
    _set(data, path, value)
    if sample.startswith("technical-service") and path == "buildings":
        data["structures"] = []
    if sample.startswith("notice-incomplete") and path == "expired":
        data["missing"] = []
    return data


@pytest.fixture
def runner():
    return CliRunner()


@pytest.mark.parametrize(("sample", "path", "value", "field", "rule"), CASES,
                         ids=[f"{c[0].split('/')[0]}:{c[1]}" for c in CASES])
def test_bad_input_is_refused_naming_the_field(runner, tmp_path, sample, path, value, field, rule):
    slug = sample.split("/")[0]
    data_file = tmp_path / "data.json"
    data_file.write_text(json.dumps(_case_data(sample, path, value), ensure_ascii=False), encoding="utf-8")

    result = runner.invoke(main, ["validate", slug, "--data", str(data_file), "--format", "json", "--message-lang", "en"])
    assert result.exit_code == 2, result.output
    problems = json.loads(result.output)["problems"]
    assert any(p["field"] == field and (rule is None or p["rule"] == rule) for p in problems), problems

    if kz.get_form(slug).renderable:
        out = tmp_path / "out"
        rendered = runner.invoke(main, ["render", slug, "--data", str(data_file), "-o", f"{out}/"])
        assert rendered.exit_code == 2 and f"{field}:" in rendered.output
        assert not out.exists()


def test_there_are_at_least_thirty_cases():
    assert len(CASES) >= 30


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_rule_in_the_table_has_a_message_in_each_language(lang, tmp_path):
    seen = set()
    for sample, path, value, field, _ in CASES:
        slug = sample.split("/")[0]
        with pytest.raises(kz.DataValidationError) as info:
            kz.validate(slug, _case_data(sample, path, value))
        for problem in info.value.problems:
            assert has_message(problem.rule), f"no message for rule {problem.rule}"
            text = problem.text(lang)
            assert text and "{" not in text, text
            seen.add(problem.rule)
    assert len(seen) >= 20


def test_messages_follow_the_language(runner, tmp_path):
    data_file = tmp_path / "d.json"
    data_file.write_text(json.dumps(_case_data(APP, "applicant.iin", "900721404563")), encoding="utf-8")
    texts = {}
    for lang in ("kk", "ru", "en"):
        result = runner.invoke(main, ["validate", "application-entry", "--data", str(data_file), "--message-lang", lang])
        assert result.exit_code == 2
        texts[lang] = result.output
    assert "ЖСН" in texts["kk"] and "ИИН" in texts["ru"] and "IIN" in texts["en"]
    assert "бақылау цифры" in texts["kk"] and "контрольная цифра" in texts["ru"]


def test_message_language_comes_from_the_environment(runner, tmp_path):
    data_file = tmp_path / "d.json"
    data_file.write_text(json.dumps(_case_data(APP, "object.total_area", "-5")), encoding="utf-8")
    result = runner.invoke(main, ["validate", "application-entry", "--data", str(data_file)], env={"KZCADASTRE_LANG": "ru"})
    assert "должно быть не меньше 0" in result.output


def test_all_problems_are_reported_at_once():
    data = _case_data(APP, "applicant.iin", "1")
    _set(data, "object.total_area", "-1")
    with pytest.raises(kz.DataValidationError) as info:
        kz.validate("application-entry", data)
    assert {p.field for p in info.value.problems} >= {"applicant.iin", "object.total_area"}


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*/*.json")), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_sample_validates(path):
    kz.validate(path.parent.name, json.loads(path.read_text(encoding="utf-8")))
