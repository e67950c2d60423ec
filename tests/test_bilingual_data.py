"""Text in two languages, coded vocabularies, branches and addresses: the rules of issue 13."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

import kzcadastre_docs as kz
from kzcadastre_docs.cli import main
from kzcadastre_docs.jobs.batch import case_key
from kzcadastre_docs.docx import Package, document_text
from kzcadastre_docs.i18n.formatting import address
from kzcadastre_docs.models.localized import LocalizedText
from kzcadastre_docs.models.vocabularies import BRANCHES_ENV, vocabulary, vocabulary_names

from .conftest import SAMPLES

REFUSAL = SAMPLES / "notice-refusal" / "business-centre-astana.json"


def _refusal(**changes) -> dict:
    data = json.loads(REFUSAL.read_text(encoding="utf-8"))
    data.update(changes)
    return data


def _text(docx: bytes) -> str:
    return document_text(Package.from_bytes(docx))


# --- a document in language L uses L text ---

def test_a_text_in_the_other_language_only_is_an_error_naming_field_and_language():
    data = _refusal(reasons={"kk": "Құжаттар толық емес."})
    with pytest.raises(kz.DataValidationError) as info:
        kz.render("notice-refusal", data, "ru")
    (problem,) = info.value.problems
    assert (problem.field, problem.rule) == ("reasons", "missing_language")
    assert "no ru text" in problem.message and "kk" in problem.message
    assert "нет текста на языке ru" in problem.describe("ru")
    # the Kazakh document has its text
    assert "Құжаттар толық емес." in _text(kz.render("notice-refusal", data, "kk"))


def test_a_nested_missing_text_names_its_full_path():
    data = json.loads((SAMPLES / "technical-main" / "house-almaty-region.json").read_text(encoding="utf-8"))
    data["main"]["elements"][2]["description"] = {"ru": "газоблок 100 мм, оштукатуренные"}
    with pytest.raises(kz.DataValidationError) as info:
        kz.render("technical-main", data, "kk")
    assert [(p.field, p.context["missing"]) for p in info.value.problems] == [("main.elements[2].description", "kk")]


def test_allow_fallback_prints_the_other_language_and_lists_each_fallback():
    data = _refusal(reasons={"kk": "Құжаттар толық емес."})
    document = kz.render_document("notice-refusal", data, "ru", allow_fallback=True)
    assert "Құжаттар толық емес." in _text(document.docx)
    assert [(p.field, p.rule, p.context) for p in document.fallbacks] == [
        ("reasons", "language_fallback", {"missing": "ru", "used": "kk"})]
    assert kz.render_document("notice-refusal", data, "kk", allow_fallback=True).fallbacks == ()
    core = Package.from_bytes(document.docx).get("docProps/core.xml").decode("utf-8")
    assert "Сведения без текста на русском языке приведены на казахском: reasons." in core


def test_a_plain_string_prints_as_is_in_both_languages():
    data = _refusal(reasons="KZ15REA00412567")
    for lang in ("kk", "ru"):
        assert "KZ15REA00412567" in _text(kz.render("notice-refusal", data, lang))


def test_cli_missing_language_exits_2_and_writes_nothing(tmp_path):
    source = tmp_path / "data.json"
    source.write_text(json.dumps(_refusal(reasons={"kk": "Құжаттар толық емес."}), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["render", "notice-refusal", "--data", str(source), "--lang", "both", "-o", f"{out}/"])
    assert result.exit_code == 2, result.output
    assert "reasons" in result.output and "missing_language" in result.output
    assert not out.exists()


def test_cli_allow_fallback_renders_and_warns(tmp_path):
    source = tmp_path / "data.json"
    source.write_text(json.dumps(_refusal(reasons={"kk": "Құжаттар толық емес."}), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["render", "notice-refusal", "--data", str(source), "--lang", "both", "-o", f"{out}/",
                                       "--allow-fallback"])
    assert result.exit_code == 0, result.output
    key = case_key(_refusal()) or "data"
    assert sorted(p.name for p in out.iterdir()) == [f"notice-refusal.{key}.kk.docx", f"notice-refusal.{key}.ru.docx"]
    assert "Warning: ru document: reasons" in result.output and "language_fallback" in result.output
    assert "kk document" not in result.output


# --- LocalizedText: what it accepts ---

@pytest.mark.parametrize(("value", "rule"), [
    ({}, "localized_empty"),
    ({"kk": ""}, "localized_empty_text"),
    ({"kk": "Құжат", "en": "Document"}, "localized_language"),
    ({"kk": 5}, "localized_type"),
    (["Құжат"], "localized_type"),
    ({"kk": "Сəтбаев", "ru": "Сатпаев"}, "mixed_script"),
    ({"kk": "Құжат", "ru": "Документ\x07"}, "xml_illegal_character"),
    ({"kk": "Ф" * 2001, "ru": "Ф"}, "string_too_long"),
])
def test_a_bad_localized_text_is_refused_naming_the_field(value, rule):
    with pytest.raises(kz.DataValidationError) as info:
        kz.validate("notice-refusal", _refusal(reasons=value))
    assert [(p.field, p.rule) for p in info.value.problems] == [("reasons", rule)]


def test_cli_unknown_language_key_exits_2(tmp_path):
    source = tmp_path / "data.json"
    source.write_text(json.dumps(_refusal(reasons={"en": "Documents"}), ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["render", "notice-refusal", "--data", str(source), "-o", f"{tmp_path / 'o'}/"])
    assert result.exit_code == 2
    assert "reasons" in result.output and "'en'" in result.output
    assert not (tmp_path / "o").exists()


def test_localized_text_keeps_its_form_in_json():
    model = kz.validate("notice-refusal", _refusal())
    dumped = model.model_dump(mode="json")
    assert dumped["reasons"] == json.loads(REFUSAL.read_text(encoding="utf-8"))["reasons"]
    assert dumped["branch"] == "astana"
    assert kz.validate("notice-refusal", dumped) == model


# --- vocabularies ---

def test_an_unknown_code_is_an_error_listing_the_nearest_codes():
    data = json.loads((SAMPLES / "conclusion" / "apartment-astana.json").read_text(encoding="utf-8"))
    data["object"]["floors"][0]["rooms"][1]["purpose"] = "kitchn"
    with pytest.raises(kz.DataValidationError) as info:
        kz.validate("conclusion", data)
    (problem,) = info.value.problems
    assert (problem.field, problem.rule) == ("object.floors[0].rooms[1].purpose", "vocabulary")
    assert problem.context["nearest"].split(", ")[0] == "kitchen"
    assert "ближайшие коды: kitchen" in problem.describe("ru")


def test_a_label_instead_of_the_code_is_refused_and_the_code_suggested():
    data = _refusal(branch="Астана")
    with pytest.raises(kz.DataValidationError) as info:
        kz.validate("notice-refusal", data)
    assert info.value.problems[0].context["nearest"] == "astana"


def test_free_text_in_both_languages_stands_for_a_code():
    data = json.loads((SAMPLES / "technical-service" / "house-almaty-region.json").read_text(encoding="utf-8"))
    data["buildings"][0]["wall_material"] = {"kk": "тас пен саман", "ru": "камень и саман"}
    assert "камень и саман" in _text(kz.render("technical-service", data, "ru"))
    assert "тас пен саман" in _text(kz.render("technical-service", data, "kk"))


def test_free_text_for_a_code_needs_both_languages():
    data = json.loads((SAMPLES / "technical-service" / "house-almaty-region.json").read_text(encoding="utf-8"))
    data["buildings"][0]["wall_material"] = {"kk": "тас пен саман"}
    with pytest.raises(kz.DataValidationError) as info:
        kz.validate("technical-service", data)
    assert [(p.field, p.rule) for p in info.value.problems] == [("buildings[0].wall_material", "localized_both")]


@pytest.mark.parametrize("name", vocabulary_names())
def test_every_code_has_a_kazakh_and_a_russian_label_in_the_right_script(name):
    for entry in vocabulary(name).entries.values():
        assert entry.labels["kk"].strip() and entry.labels["ru"].strip(), entry.code
        assert not set("әғқңөұүһіӘҒҚҢӨҰҮҺІ") & set(entry.labels["ru"]), (name, entry.code, entry.labels["ru"])
        assert not any("a" <= ch.lower() <= "z" for ch in entry.labels["kk"] + entry.labels["ru"]), entry.code


def test_official_wording_is_kept_where_a_source_is_named():
    """Labels that name Instruction No. 367 or Order No. 440 are the words of those texts (a
    label whose source says the form's line breaks were joined, or that gives a declined
    word in the nominative, is checked by reading)."""
    from .conftest import ROOT

    found = [path / "shared" / "sources" / "official" for path in (ROOT.parent, ROOT.parent.parent)]
    sources = next((path for path in found if path.is_dir()), None)
    if sources is None:
        pytest.skip("the official texts are not beside the repository")
    texts = {"367": {lang: (sources / f"instruction-367-inspection-{lang}.md").read_text(encoding="utf-8").casefold()
                     for lang in ("kk", "ru")},
             "440": {lang: (sources / f"order-440-passport-forms-{lang}-2026-07-12.md").read_text(encoding="utf-8").casefold()
                     for lang in ("kk", "ru")}}
    checked = 0
    for name in vocabulary_names():
        for entry in vocabulary(name).entries.values():
            if not entry.source or "joined" in entry.source or "composed" in entry.source:
                continue
            act = "367" if "367" in entry.source else "440"
            for lang in ("kk", "ru"):
                if f"{lang}: its word in the nominative" not in entry.source:
                    assert entry.labels[lang].casefold() in texts[act][lang], (name, entry.code, lang)
            checked += 1
    assert checked >= 15


# --- branches ---

def test_the_branch_prints_its_name_in_the_document_language():
    data = _refusal()
    assert "Филиал НАО «Государственная корпорация «Правительство для граждан» по городу Астана" in _text(
        kz.render("notice-refusal", data, "ru"))
    assert "Астана қаласы бойынша филиалы" in _text(kz.render("notice-refusal", data, "kk"))


def test_an_operator_file_adds_and_overrides_branches(tmp_path, monkeypatch):
    branches = tmp_path / "branches.yaml"
    branches.write_text(
        "terms:\n"
        "  shymkent: {kk: \"Шымкент қаласы бойынша филиал\", ru: \"Филиал по городу Шымкент\"}\n"
        "  astana: {kk: \"Астана филиалы (оператор)\", ru: \"Филиал Астана (оператор)\"}\n", encoding="utf-8")
    monkeypatch.setenv(BRANCHES_ENV, str(branches))
    assert "Филиал по городу Шымкент" in _text(kz.render("notice-refusal", _refusal(branch="shymkent"), "ru"))
    assert "Филиал Астана (оператор)" in _text(kz.render("notice-refusal", _refusal(), "ru"))
    monkeypatch.delenv(BRANCHES_ENV)
    with pytest.raises(kz.DataValidationError):
        kz.validate("notice-refusal", _refusal(branch="shymkent"))


def test_a_broken_operator_branches_file_is_an_error_naming_it(tmp_path, monkeypatch):
    branches = tmp_path / "branches.yaml"
    branches.write_text("terms:\n  shymkent: {kk: \"Шымкент\"}\n", encoding="utf-8")
    monkeypatch.setenv(BRANCHES_ENV, str(branches))
    with pytest.raises(kz.DataValidationError) as info:
        kz.validate("notice-refusal", _refusal(branch="shymkent"))
    assert info.value.problems[0].rule == "branches_file"
    assert str(branches) in info.value.problems[0].message


# --- addresses ---

ADDRESS = {"region": {"kk": "Астана қаласы", "ru": "город Астана"},
           "city_district": {"kk": "Есіл ауданы", "ru": "район Есиль"},
           "street": {"kk": "Мәңгілік Ел даңғылы", "ru": "проспект Мангилик Ел"},
           "house": "55", "building": "2", "apartment": "45", "postal_code": "010000", "registration_code": "0201500034256"}


def test_an_address_is_one_line_per_language_without_repeating_the_city():
    from kzcadastre_docs.models.parts import Address

    model = Address.model_validate({**ADDRESS, "settlement": {"kk": "Астана", "ru": "г. Астана"}})
    assert address(model, "kk") == "010000, Астана қаласы, Есіл ауданы, Мәңгілік Ел даңғылы, 55 үй, 2 корпус, 45 пәтер"
    assert address(model, "ru") == "010000, город Астана, район Есиль, проспект Мангилик Ел, дом 55, корпус 2, кв. 45"
    assert model.registration_code == "0201500034256"


def test_a_regional_address_keeps_district_and_settlement():
    from kzcadastre_docs.models.parts import Address

    model = Address.model_validate({"region": {"kk": "Алматы облысы", "ru": "Алматинская область"},
                                    "district": {"kk": "Іле ауданы", "ru": "Илийский район"},
                                    "settlement": {"kk": "Өтеген батыр кенті", "ru": "поселок Отеген батыр"},
                                    "street": {"kk": "Абай көшесі", "ru": "улица Абая"}, "house": "17"})
    assert address(model, "ru") == "Алматинская область, Илийский район, поселок Отеген батыр, улица Абая, дом 17"


def test_a_registration_code_is_digits():
    with pytest.raises(kz.DataValidationError) as info:
        kz.validate("notice-refusal", _refusal(object_address={**ADDRESS, "registration_code": "РКА-1"}))
    assert info.value.problems[0].field == "object_address.registration_code"


# --- the schema shows both forms ---

def test_the_schema_shows_a_text_as_a_string_or_kk_ru():
    schema = kz.schema("notice-refusal")
    reasons = schema["properties"]["reasons"]
    kinds = [option.get("type") for option in reasons["anyOf"]]
    assert kinds == ["string", "object"]
    assert set(reasons["anyOf"][1]["properties"]) == {"kk", "ru"}
    assert reasons["anyOf"][1]["additionalProperties"] is False
    validator = Draft202012Validator(schema)
    assert not list(validator.iter_errors(json.loads(REFUSAL.read_text(encoding="utf-8"))))
    assert list(validator.iter_errors(_refusal(reasons={"en": "x"})))


def test_the_schema_lists_a_vocabulary_s_codes_and_the_free_text_form():
    schema = kz.schema("conclusion")
    room = schema["$defs"]["Room"]["properties"]["purpose"]
    codes, free = room["anyOf"]
    assert "kitchen" in codes["enum"] and free["required"] == ["kk", "ru"]
    validator = Draft202012Validator(schema)
    data = json.loads((SAMPLES / "conclusion" / "apartment-astana.json").read_text(encoding="utf-8"))
    assert not list(validator.iter_errors(data))
    data["object"]["floors"][0]["rooms"][0]["purpose"] = "kitchn"
    assert list(validator.iter_errors(data))


def test_localized_text_equality_and_plain_value():
    assert LocalizedText("Абрис № 1").plain == "Абрис № 1"
    assert LocalizedText({"kk": "а", "ru": "б"}) == LocalizedText({"ru": "б", "kk": "а"})
    with pytest.raises(TypeError, match="no language"):
        str(LocalizedText({"kk": "а", "ru": "б"}))


def test_the_label_filter_prints_a_resolved_code_and_plain_output_prints_it_too():
    from kzcadastre_docs.models.localized import localize
    from kzcadastre_docs.models.vocabularies import Term
    from kzcadastre_docs.rendering.environment import make_environment

    context, fallbacks = localize({"room": {"purpose": Term("room_purpose", "kitchen")}}, "ru")
    template = make_environment().from_string("{{ room.purpose }} / {{ room.purpose|label }}")
    assert template.render(lang="ru", **context) == "кухня / кухня"
    assert fallbacks == []


def test_a_named_floor_level_prints_in_the_document_language(tmp_path):
    data = json.loads((SAMPLES / "passport-apartment" / "apartment-astana.json").read_text(encoding="utf-8"))
    data["floor"] = {"kk": "жертөле", "ru": "подвал"}
    ru, kk = _text(kz.render("passport-apartment", data, "ru")), _text(kz.render("passport-apartment", data, "kk"))
    assert "Этаж: подвал" in ru and "жертөле" not in ru
    assert "Қабаты: жертөле" in kk and "подвал" not in kk
    source = tmp_path / "data.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for name in ("подвал", "жертөле"):
        result = CliRunner().invoke(main, ["draw", "floor-plan", "--data", str(source), "--floor", name,
                                           "-o", str(tmp_path / f"{name}.png")])
        assert result.exit_code == 0, result.output


def test_a_batch_file_gives_a_text_in_two_languages_as_two_columns():
    from kzcadastre_docs.jobs.records import unflatten

    record = unflatten({"reasons.kk": "Құжаттар толық емес.", "reasons.ru": "Документы неполные.", "branch": "astana"})
    assert record == {"reasons": {"kk": "Құжаттар толық емес.", "ru": "Документы неполные."}, "branch": "astana"}
    assert kz.validate("notice-refusal", _refusal(**record)).reasons.text("ru") == "Документы неполные."


def test_a_case_names_the_document_whose_text_lacks_the_case_language(tmp_path):
    data = json.loads((SAMPLES / "notice-incomplete" / "house-almaty-region.json").read_text(encoding="utf-8"))
    data["missing"] = [{"kk": "Жер учаскесіне сәйкестендіру құжаты"}]
    (tmp_path / "notice.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    case = tmp_path / "case.yaml"
    case.write_text("case_number: '1'\nlang: ru\ndocuments:\n  - form: notice-incomplete\n    data: notice.json\n",
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["bundle", str(case), "-o", str(tmp_path / "case.zip"), "--docx-zip"])
    assert result.exit_code == 2, result.output
    assert "documents[0].data.missing[0]" in result.output and "missing_language" in result.output
    assert not (tmp_path / "case.zip").exists()
    assert kz.load_case(case, lang="kk").lang == "kk"  # the Kazakh bundle has its text
