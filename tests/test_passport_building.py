"""Form 2 of Order No. 440 (passport-building): the figures computed from the explication
(totals by floor and for the building, the purpose by predominant area, the volume), the
non-residential premises by use, and bad input."""

from __future__ import annotations

import copy
import json
from decimal import Decimal as D

import pytest
from click.testing import CliRunner

import kzcadastre_docs as kz
from kzcadastre_docs.cli import main
from kzcadastre_docs.errors import DataValidationError
from kzcadastre_docs.forms.passport.building import EXPLICATION_USES, compute

from .conftest import SAMPLES

SAMPLE = SAMPLES / "passport-building" / "business-centre-astana.json"


def _data() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def test_totals_by_floor_and_for_the_building():
    model = kz.validate("passport-building", _data())
    floors = model.floor_totals()
    assert list(floors) == ["1", "2", "3", "4", "5"]
    # Floor 1: 48.6 + 18.2 + 212.4 + 36.8 + 3.1 + 86.5 + 22.4, no summer rooms.
    assert floors["1"].total == D("428.0")
    # An upper floor: 24.6 + 18.2 + 96.3 + 32.5 + 6.4 + 118.7 + 3.2, and a 6.0 m² balcony x 0.3 (p. 86.1).
    assert floors["2"].useful == D("299.9") and floors["2"].total == D("301.7")
    assert model.totals().total == floors["1"].total + 4 * floors["2"].total == D("1634.8")


def test_general_data_print_the_computed_figures():
    doc = compute(kz.validate("passport-building", _data()), "ru")["doc"]
    general = doc["general"]
    assert (general["total"], general["summer"], general["living"], general["non_living"]) == (
        "1\u00a0634,8", "24,0", "0,0", "1\u00a0627,6")  # a no-break space groups thousands
    assert general["volume"] == "11\u00a0995"  # 612.0 m² x 19.60 m (p. 101), whole m³ (p. 102)
    assert general["purpose"] == "административно-офисное (А)"


def test_purpose_follows_the_predominant_area():
    data = _data()
    for room in data["rooms"]:
        if room["use"] == "office" and room["floor"] in ("2", "3", "4"):
            room["use"] = "trade"
    doc = compute(kz.validate("passport-building", data), "kk")["doc"]
    assert doc["general"]["purpose"] == "сауда (А)"


def test_non_residential_premises_by_use_main_and_auxiliary():
    doc = compute(kz.validate("passport-building", _data()), "ru")["doc"]
    main_row, auxiliary = doc["non_residential"]
    # columns: living, then trade, industrial, warehouse, household, garage, office, catering, ... , total
    assert main_row[1] == "212,4" and main_row[6] == "990,0" and main_row[7] == "86,5" and main_row[-1] == "1\u00a0288,9"
    assert auxiliary[1] == "39,9" and auxiliary[-1] == "345,9"


def test_explication_rows_put_each_area_in_its_use_column():
    doc = compute(kz.validate("passport-building", _data()), "kk")["doc"]
    balcony = next(row for row in doc["rooms"] if row["name"] == "балкон")
    assert (balcony["total"], balcony["useful"]) == ("1,8", "")
    assert balcony["uses"][EXPLICATION_USES["kk"].index("office")] == "1,8"


@pytest.mark.parametrize("change, field, rule", [
    (lambda d: d["rooms"][0].update(use="education"), "rooms[0].use", "room_not_in_form"),
    (lambda d: d["rooms"][0].update(use="school"), "rooms[0].use", "literal_error"),
    (lambda d: d["rooms"][1].update(number="1", premise="1"), "rooms[1].number", "duplicate"),
    (lambda d: d["rooms"][0].update(litera="A"), "rooms[0].litera", "litera_scheme"),  # Latin "A"
    (lambda d: d["buildings"].append(dict(d["buildings"][1])), "buildings[3].litera", "litera_scheme"),
    (lambda d: d["elements"].append({"element": "foundation"}), "elements[18].element", "duplicate"),
    (lambda d: d.update(declared={"total": "1634.9"}), "declared.total", "declared_area"),
    (lambda d: d["rooms"][5].update(kind="sauna"), "rooms[5].kind", "vocabulary"),
])
def test_bad_input_names_the_field(change, field, rule):
    data = _data()
    change(data)
    with pytest.raises(DataValidationError) as caught:
        kz.validate("passport-building", data)
    assert (field, rule) in [(p.field, p.rule) for p in caught.value.problems], caught.value.problems


def _tied_purposes() -> DataValidationError:
    """The error of a building whose trade and office premises have the same area."""
    data = _data()
    data["rooms"] = [
        {"floor": "1", "premise": "1", "number": "1", "kind": "shop", "counts_as": "non_living", "area": "50.0",
         "use": "trade"},
        {"floor": "1", "premise": "2", "number": "1", "kind": "office", "counts_as": "non_living", "area": "50.0",
         "use": "office"},
    ]
    with pytest.raises(DataValidationError) as caught:
        kz.validate("passport-building", data)
    return caught.value


def test_no_predominant_purpose_is_an_error():
    caught = _tied_purposes()
    assert ("rooms", "predominant_purpose") in [(p.field, p.rule) for p in caught.problems]


def test_render_passport_of_another_building_exits_2_on_bad_data_and_writes_nothing(tmp_path):
    data = copy.deepcopy(_data())
    data["rooms"][0]["use"] = "education"
    source = tmp_path / "data.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["render", "passport", "--data", str(source), "--lang", "ru",
                                       "-o", str(tmp_path / "out.docx")])
    assert result.exit_code == 2 and "rooms[0].use" in result.output
    assert not (tmp_path / "out.docx").exists()


def test_declared_volume_that_differs_is_a_warning():
    data = _data()
    data["general"]["volume"] = "12000"
    assert "declared_volume" in [w.rule for w in kz.warnings("passport-building", data)]


@pytest.mark.parametrize(("lang", "names", "area"), [("ru", "административно-офисное, торговое", "50,0"),
                                                     ("kk", "әкімшілік-кеңсе, сауда", "50,0"),
                                                     ("en", "office, trade", "50.0")])
def test_a_tie_of_purposes_names_them_as_the_form_does(lang, names, area):
    """The tied uses are named by item 14's words in the reader's language, not by their codes."""
    (problem,) = [p for p in _tied_purposes().problems if p.rule == "predominant_purpose"]
    unit = "m²" if lang == "en" else "м²"
    assert names in problem.text(lang) and f"{area}\u00a0{unit}" in problem.text(lang).replace(" ", "\u00a0"), \
        problem.text(lang)
