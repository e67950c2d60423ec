"""Batches: every record ends as files or as rows of errors.jsonl; safe, stable names;
--skip-existing does no work twice; processes and a dask cluster give the same files."""

from __future__ import annotations

import copy
import csv
import json

import pytest
from click.testing import CliRunner

from kzcadastre_docs.jobs import batch as batch_module
from kzcadastre_docs.jobs.batch import output_name, render_many, run_batch
from kzcadastre_docs.cli import main
from kzcadastre_docs.jobs.records import read_records, unflatten

from .conftest import SAMPLES

FORM = "notice-data-entered"
SAMPLE = json.loads((SAMPLES / FORM / "apartment-astana.json").read_text(encoding="utf-8"))
BAD = {10: "date", 500: "json", 777: "iin"}  # 0-based positions of bad records among 1000


def _records(count: int = 1000) -> list[str]:
    lines = []
    for index in range(count):
        record = copy.deepcopy(SAMPLE)
        record["number"] = f"21-2026-N-{index:05d}"
        kind = BAD.get(index)
        if kind == "json":
            lines.append("{not json")
            continue
        if kind == "date":
            record["document_date"] = "2026-13-01"
        if kind == "iin":
            record["applicant"]["iin"] = "061211600013"  # wrong check digit
        lines.append(json.dumps(record, ensure_ascii=False))
    return lines


@pytest.fixture(scope="module")
def jsonl(tmp_path_factory):
    path = tmp_path_factory.mktemp("input") / "records.jsonl"
    path.write_text("\n".join(_records()) + "\n", encoding="utf-8")
    return path


def _errors(folder) -> list[dict]:
    return [json.loads(line) for line in (folder / "errors.jsonl").read_text(encoding="utf-8").splitlines()]


def _files(folder) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def local_run(jsonl, tmp_path_factory):
    output = tmp_path_factory.mktemp("local")
    result = CliRunner().invoke(main, ["batch", "--form", FORM, "--input", str(jsonl), "-o", str(output)])
    return output, result


def test_a_1000_record_batch_accounts_for_every_record(local_run):
    output, result = local_run
    assert result.exit_code == 1, result.output  # some records failed
    assert "1000 record(s): 997 written (1994 files), 0 skipped, 3 failed" in result.output
    errors = _errors(output)
    assert sorted({row["record"] for row in errors}) == [index + 1 for index in sorted(BAD)]
    by_record = {row["record"]: row for row in errors}
    assert by_record[11]["field"] == "document_date" and by_record[11]["value"] == "2026-13-01"
    assert by_record[501]["rule"] == "record" and "invalid JSON" in by_record[501]["message"]
    assert by_record[778]["field"] == "applicant.iin"
    written = {name.split("_", 1)[0] for name in _files(output) if name.endswith(".docx")}
    assert len(written) == 997 and {f"{number:06d}" for number in by_record}.isdisjoint(written)
    for name in ("000001_21-320-105-2015-2-45.kk.docx", "001000_21-320-105-2015-2-45.ru.docx"):
        assert (output / name).read_bytes()[:2] == b"PK"


def test_a_clean_batch_exits_0_with_an_empty_report(tmp_path):
    source = tmp_path / "ok.jsonl"
    source.write_text(json.dumps(SAMPLE, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", "--form", FORM, "--input", str(source), "-o", str(tmp_path / "out"),
                                       "--lang", "kk"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "errors.jsonl").read_text() == ""
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["000001_21-320-105-2015-2-45.kk.docx",
                                                                    "errors.jsonl"]


def test_skip_existing_does_no_work_twice(jsonl, tmp_path, monkeypatch):
    output = tmp_path / "out"
    run_batch(FORM, jsonl, output, langs=("kk",))
    (output / "000002_21-320-105-2015-2-45.kk.docx").unlink()
    rendered = []
    original = batch_module.render_record
    monkeypatch.setattr(batch_module, "render_record", lambda form, number, *a, **k: (
        rendered.append(number), original(form, number, *a, **k))[1])
    summary = run_batch(FORM, jsonl, output, langs=("kk",), skip_existing=True)
    # Only the deleted file's record and the three bad records are looked at again.
    assert sorted(rendered) == [2, 11, 778]
    assert (summary.written, summary.skipped, summary.failed) == (1, 996, 3)


def test_existing_files_are_not_replaced_without_force(jsonl, tmp_path):
    output = tmp_path / "out"
    run_batch(FORM, jsonl, output, langs=("ru",))
    victim = output / "000003_21-320-105-2015-2-45.ru.docx"
    victim.write_bytes(b"edited by hand")
    summary = run_batch(FORM, jsonl, output, langs=("ru",))
    assert summary.failed == 1000 and victim.read_bytes() == b"edited by hand"
    rules = [row["rule"] for row in _errors(output)]
    assert rules.count("output_exists") == 997 and len(rules) == 1000  # the 3 bad records fail as before
    run_batch(FORM, jsonl, output, langs=("ru",), force=True)
    assert victim.read_bytes()[:2] == b"PK"


def test_jobs_give_the_same_files(jsonl, local_run, tmp_path):
    output = tmp_path / "jobs2"
    result = CliRunner().invoke(main, ["batch", "--form", FORM, "--input", str(jsonl), "-o", str(output),
                                       "--jobs", "2"])
    assert result.exit_code == 1
    assert _files(output) == _files(local_run[0])


@pytest.fixture(scope="module")
def dask_cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        yield cluster


def test_a_dask_cluster_gives_the_same_files_and_report(jsonl, local_run, dask_cluster, tmp_path):
    output = tmp_path / "dask"
    result = CliRunner().invoke(main, ["batch", "--form", FORM, "--input", str(jsonl), "-o", str(output),
                                       "--executor", "dask", "--scheduler", dask_cluster.scheduler_address])
    assert result.exit_code == 1, result.output
    assert _files(output) == _files(local_run[0])  # errors.jsonl included


def test_dask_needs_a_scheduler(jsonl, tmp_path):
    result = CliRunner().invoke(main, ["batch", "--form", FORM, "--input", str(jsonl), "-o", str(tmp_path),
                                       "--executor", "dask"])
    assert result.exit_code == 2 and "--scheduler" in result.output


# -- names --------------------------------------------------------------------------------------

@pytest.mark.parametrize("data, name", [
    ({"cadastral_number": "03:047:158:219:1"}, "000005_03-047-158-219-1"),
    ({"cadastral_number": "03:047:158:219:1/2"}, "000005_03-047-158-219-1-2"),
    ({"number": "Хабарлама № 5"}, "000005_Хабарлама-5"),
    ({"number": "..\\\\con:prn*?"}, "000005_con-prn"),
    ({"number": "   "}, "000005"),
    ({}, "000005"),
    (None, "000005"),
])
def test_names_are_safe(data, name):
    assert output_name(5, data) == name
    assert "/" not in name and "\\" not in name and ":" not in name


def test_names_never_collide_and_are_stable():
    same = {"cadastral_number": "03:047:158:219:1"}
    names = [output_name(number, same) for number in range(1, 101)]
    assert len(set(names)) == 100
    assert names == [output_name(number, same) for number in range(1, 101)]


def test_render_many_yields_in_input_order_and_honours_decide():
    records = [dict(SAMPLE, number=f"N-{i}") for i in range(5)]
    results = list(render_many(FORM, records, langs=["kk"], decide=lambda number, name: number == 2 or None))
    assert [r.number for r in results] == [1, 2, 3, 4, 5]
    assert results[1].skipped and not results[1].files
    assert all(r.ok for r in results)


# -- input formats ------------------------------------------------------------------------------

def _flat(data: dict, prefix: str = "") -> dict[str, str]:
    flat = {}
    for key, value in data.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            flat.update(_flat(value, path))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    flat.update(_flat(item, f"{path}[{index}]"))
                else:
                    flat[f"{path}[{index}]"] = item
        else:
            flat[path] = value
    return flat


def test_unflatten_builds_nested_data():
    assert unflatten(_flat(SAMPLE)) == SAMPLE


def test_csv_input(tmp_path):
    flat = _flat(SAMPLE)
    source = tmp_path / "records.csv"
    with open(source, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(flat)
        writer.writerow(flat.values())
        writer.writerow(["" for _ in flat])  # an empty row is a bad record, not the end
        writer.writerow([*flat.values(), "extra"])
    records = list(read_records(source))
    assert [r.number for r in records] == [1, 2, 3]
    assert records[0].data == SAMPLE
    assert records[1].problem.message == "the row is empty"
    assert records[2].problem.message == f"the row has {len(flat) + 1} cells but the header names {len(flat)} fields"


def test_xlsx_input(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    flat = _flat(SAMPLE)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(flat))
    sheet.append(list(flat.values()))
    row = dict(flat)
    row["applicant.iin"] = 61211600012  # typed as a number: the leading zero is lost
    sheet.append(list(row.values()))
    source = tmp_path / "records.xlsx"
    workbook.save(source)
    output = tmp_path / "out"
    summary = run_batch(FORM, source, output, langs=("kk",))
    assert (summary.written, summary.failed) == (1, 1)
    assert _errors(output)[0]["field"] == "applicant.iin"


def test_the_pdf_timeout_reaches_the_converter(tmp_path, monkeypatch):
    from kzcadastre_docs import api

    seen = []
    monkeypatch.setattr(api, "to_pdf", lambda document, pdf_a=False, converter=None: (
        seen.append(converter.timeout), b"%PDF-")[1])
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps(SAMPLE, ensure_ascii=False) + "\n", encoding="utf-8")
    summary = run_batch(FORM, source, tmp_path / "out", langs=("kk",), pdf=True, timeout=7.5)
    assert summary.files == 2 and seen == [7.5]
