"""The inventory file is append-only: documents are added, never removed or rewritten."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import kzcadastre_docs as kz
from kzcadastre_docs.docx import Package, document_text
from kzcadastre_docs.jobs.inventory import InventoryError, add_abris, add_document, check_append_only, next_abris_sequence

from .conftest import SAMPLES

SAMPLE = json.loads((SAMPLES / "inventory-file" / "house-almaty-region.json").read_text(encoding="utf-8"))


@pytest.fixture
def file():
    return kz.validate("inventory-file", SAMPLE)


def test_adding_a_document_keeps_every_entry_and_appends(file):
    after = add_document(file, document="Телнұсқа", date=dt.date(2026, 12, 10), sheets=7, form="cadastral-passport",
                         document_date=dt.date(2026, 12, 10))
    assert len(after.entries) == len(file.entries) + 1
    assert after.entries[:-1] == file.entries
    assert after.entries[-1].number == 6 and after.document_date == dt.date(2026, 12, 10)
    assert check_append_only(file, after) == []
    assert file.entries[-1].number == 5  # the file given is not changed


def test_superseding_marks_the_old_entry_and_keeps_it_in_place(file):
    after = add_document(file, document="Кадастрлық паспорт (жаңа)", date=dt.date(2026, 12, 10), sheets=7, supersedes=5,
                         document_date=dt.date(2026, 12, 10))
    old = after.entries[4]
    assert (old.status.value, old.superseded_by, old.document) == ("superseded", 6, file.entries[4].document)
    assert check_append_only(file, after) == []
    with pytest.raises(InventoryError, match="already superseded"):
        add_document(after, document="x", date=dt.date(2026, 12, 10), sheets=1, supersedes=5)
    with pytest.raises(InventoryError, match="no entry 9"):
        add_document(after, document="x", date=dt.date(2026, 12, 10), sheets=1, supersedes=9)


def test_a_new_abris_gets_the_next_number_and_never_replaces_the_earlier_one(file):
    assert next_abris_sequence(file) == 3
    after = add_abris(file, date=dt.date(2026, 12, 10), sheets=1, document_date=dt.date(2026, 12, 10))
    new = after.entries[-1]
    assert (new.document.plain, new.sequence, new.form) == ("Абрис № 3", 3, "abris")
    abrises = [e for e in after.entries if e.form == "abris"]
    assert [(e.sequence, e.status.value) for e in abrises] == [(1, "superseded"), (2, "superseded"), (3, "current")]
    assert abrises[1].superseded_by == new.number
    assert check_append_only(file, after) == []


def test_the_register_stays_chronological(file):
    with pytest.raises(InventoryError, match="chronological"):
        add_document(file, document="x", date=dt.date(2025, 1, 1), sheets=1)


def test_check_append_only_catches_removal_rewriting_and_unmarking(file):
    fewer = file.model_copy(update={"entries": file.entries[1:]})
    assert any("lost entries" in p for p in check_append_only(file, fewer))
    rewritten = file.model_copy(update={"entries": [file.entries[0].model_copy(update={"sheets": 2}), *file.entries[1:]]})
    assert check_append_only(file, rewritten) == ["entry 1 was changed, not only marked superseded"]
    unmarked = file.model_copy(update={"entries": [file.entries[0].model_copy(update={"status": "current", "superseded_by": None}),
                                                   *file.entries[1:]]})
    assert any("no longer marked" in p for p in check_append_only(file, unmarked))


@pytest.mark.parametrize(("change", "field", "rule"), [
    ({"superseded_by": 1}, "entries[1].superseded_by", "superseded_by"),  # must be a later entry
    ({"status": "current"}, "entries[1].status", "superseded_by"),  # superseded_by set but not marked
])
def test_inconsistent_supersession_is_refused(change, field, rule):
    data = json.loads(json.dumps(SAMPLE))
    data["entries"][1].update(change)
    with pytest.raises(kz.DataValidationError) as caught:
        kz.validate("inventory-file", data)
    assert [(p.field, p.rule) for p in caught.value.problems] == [(field, rule)]


def test_abris_sequence_numbers_run_in_order():
    data = json.loads(json.dumps(SAMPLE))
    data["entries"][2]["sequence"] = 5
    with pytest.raises(kz.DataValidationError) as caught:
        kz.validate("inventory-file", data)
    assert [(p.field, p.rule) for p in caught.value.problems] == [("entries[2].sequence", "sequence")]


def test_the_register_prints_superseded_entries_marked_in_place(file):
    text = document_text(Package.from_bytes(kz.render("inventory-file", SAMPLE, "ru")))
    first = text.index("Абрис № 1")
    assert text.index("погашен (записью 3)") > first
    assert text.index("Абрис № 2") > text.index("погашен (записью 3)")


# --- the command a clerk uses ---

def _run(*args):
    from click.testing import CliRunner

    from kzcadastre_docs.cli import main

    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_cli_adds_in_place_and_keeps_every_entry(tmp_path):
    path = tmp_path / "file.json"
    path.write_text(json.dumps(SAMPLE, ensure_ascii=False), encoding="utf-8")
    before = kz.validate("inventory-file", json.loads(path.read_text(encoding="utf-8")))
    result = _run("inventory-add", path, "--abris", "--date", "2026-12-10", "--sheets", "1",
                  "--document-date", "2026-12-10")
    assert result.exit_code == 0, result.output
    assert "entry 6 added (Абрис № 3, 2026-12-10); entry 3 marked superseded" in result.output
    after = kz.validate("inventory-file", json.loads(path.read_text(encoding="utf-8")))
    assert check_append_only(before, after) == [] and len(after.entries) == 6


def test_cli_refuses_an_entry_out_of_order_and_leaves_the_file_as_it_was(tmp_path):
    path = tmp_path / "file.yaml"
    import yaml

    path.write_text(yaml.safe_dump(SAMPLE, allow_unicode=True), encoding="utf-8")
    original = path.read_bytes()
    result = _run("inventory-add", path, "--document", "Акт", "--date", "2020-01-01", "--sheets", "1")
    assert result.exit_code == 2 and "chronological" in result.output
    assert path.read_bytes() == original
    assert _run("inventory-add", path, "--date", "2026-12-10", "--sheets", "1").exit_code == 2  # no --document
