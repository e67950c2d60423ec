"""The conclusion's computed discrepancy table: items, differences, tolerances, kinds of change."""

from __future__ import annotations

import json
from decimal import Decimal
from types import SimpleNamespace

import pytest

import kzcadastre_docs as kz
from kzcadastre_docs.forms.computed.discrepancies import compare
from kzcadastre_docs.docx import Package, document_text
from kzcadastre_docs.models.parts import ChangeKind

from .conftest import SAMPLES


def _declared(**changes):
    base = dict(purpose="жеке тұрғын үй", total_area=Decimal("100.00"), living_area=Decimal("60.00"),
                floors_above_ground=1, rooms=4, structures=["А", "Г"])
    return SimpleNamespace(**{**base, **changes})


def _measured(**changes):
    base = dict(purpose="жеке тұрғын үй", total_area=Decimal("100.00"), living_area=Decimal("60.00"),
                floors_above_ground=1, rooms=4)
    return SimpleNamespace(**{**base, **changes})


def _rows(declared, measured, structures=("А", "Г"), **kw):
    return [(d.key, d.declared, d.actual, d.difference, d.change_kind) for d in compare(declared, measured, structures, **kw)]


def test_identical_data_give_no_rows():
    assert _rows(_declared(), _measured()) == []


@pytest.mark.parametrize(("measured", "expected"), [
    ({"total_area": Decimal("100.05")}, []),  # within the tolerance (inclusive)
    ({"total_area": Decimal("100.06")}, [("total_area", Decimal("100.00"), Decimal("100.06"), Decimal("0.06"), ChangeKind.EXTENSION)]),
    ({"total_area": Decimal("96.00")}, [("total_area", Decimal("100.00"), Decimal("96.00"), Decimal("-4.00"), ChangeKind.RE_PLANNING)]),
    ({"living_area": Decimal("55.00")}, [("living_area", Decimal("60.00"), Decimal("55.00"), Decimal("-5.00"), ChangeKind.RE_PLANNING)]),
    ({"rooms": 5}, [("rooms", 4, 5, 1, ChangeKind.RE_PLANNING)]),
    ({"purpose": "  Жеке  тұрғын ҮЙ "}, []),  # case and spaces do not make a difference
    ({"purpose": "дүкен"}, [("purpose", "жеке тұрғын үй", "дүкен", None, ChangeKind.RE_EQUIPMENT)]),
    ({"floors_above_ground": 2, "total_area": Decimal("180.00")}, [
        ("total_area", Decimal("100.00"), Decimal("180.00"), Decimal("80.00"), ChangeKind.RECONSTRUCTION),
        ("floors_above_ground", 1, 2, 1, ChangeKind.RECONSTRUCTION)]),
])
def test_each_item_and_its_default_kind(measured, expected):
    assert _rows(_declared(), _measured(**measured)) == expected


def test_structures_added_and_removed():
    rows = _rows(_declared(), _measured(), structures=["А", "Г1"])
    assert rows == [("structure:Г1", None, "Г1", None, ChangeKind.NEW_CONSTRUCTION),
                    ("structure:Г", "Г", None, None, ChangeKind.DEMOLITION)]
    assert _rows(_declared(), _measured(), structures=None) == []  # not recorded: not compared


def test_items_the_title_document_does_not_state_are_not_compared():
    assert _rows(_declared(living_area=None, rooms=None, purpose=None), _measured(living_area=Decimal("1.00"), rooms=9)) == []


def test_tolerance_and_overrides():
    assert _rows(_declared(), _measured(total_area=Decimal("100.40")), tolerance=Decimal("0.50")) == []
    rows = _rows(_declared(), _measured(total_area=Decimal("120.00")), overrides={"total_area": ChangeKind.NEW_CONSTRUCTION})
    assert rows[0][-1] is ChangeKind.NEW_CONSTRUCTION


def _conclusion(**changes):
    data = json.loads((SAMPLES / "conclusion" / "house-almaty-region.json").read_text(encoding="utf-8"))
    data.update(changes)
    return data


def test_the_conclusion_prints_computed_rows_then_rows_added_by_hand():
    text = document_text(Package.from_bytes(kz.render("conclusion", _conclusion(), "ru")))
    table = text[text.index("Вид изменения"):text.index("Площади сопоставлены")]
    items = ["Общая площадь, м²", "Строение, сооружение (литер Г1)", "Строение, сооружение (литер Г2)", "Кровля"]
    positions = [table.index(item) for item in items]
    assert positions == sorted(positions)
    assert "+3,60\nпристройка" in table and "переоборудование" in table
    assert _marked(kz.render("conclusion", _conclusion(), "ru")) == ["установлено"]


def _marked(docx: bytes) -> list[str]:
    """The words the form marks (bold and underlined): what the conclusion states."""
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = etree.fromstring(Package.from_bytes(docx).get("word/document.xml"))
    marked = []
    for run in root.iter(f"{w}r"):
        props = run.find(f"{w}rPr")
        if props is not None and props.find(f"{w}b") is not None and props.find(f"{w}u") is not None:
            marked.append("".join(t.text or "" for t in run.iter(f"{w}t")))
    return marked


def test_a_conclusion_without_discrepancies_says_so():
    data = _conclusion(discrepancies=[], measured_structures=None)
    data["declared"]["total_area"] = data["object"]["total_area"]
    docx = kz.render("conclusion", data, "kk")
    assert _marked(docx) == ["анықталмаған"]
    assert "Алшақтықтар жоқ." in document_text(Package.from_bytes(docx))
    assert _marked(kz.render("conclusion", data, "ru")) == ["не установлено"]


def test_an_override_for_an_item_that_is_not_in_the_table_is_refused():
    with pytest.raises(kz.DataValidationError) as caught:
        kz.validate("conclusion", _conclusion(change_kind_overrides={"rooms": "other"}))
    assert [p.field for p in caught.value.problems] == ["change_kind_overrides.rooms"]
    assert caught.value.problems[0].rule == "unknown_item"
