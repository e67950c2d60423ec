"""Case files are confined: `data:` paths stay inside the case's root, name regular files
of bounded size, and are refused (exit 2) without being read (issue 16, item 3)."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from click.testing import CliRunner

from kzcadastre_docs.cli import main
from kzcadastre_docs.jobs.case import CaseFileError, load_case

from .conftest import SAMPLES

ABRIS = json.loads((SAMPLES / "abris" / "house-almaty-region.json").read_text(encoding="utf-8"))
SECRET = {"document_date": "2026-11-24", "password": "hunter2-secret-value"}


@pytest.fixture
def case_dir(tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "abris.json").write_text(json.dumps(ABRIS, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "secret.json").write_text(json.dumps(SECRET), encoding="utf-8")
    return folder


def _case(folder, data):
    path = folder / "case.json"
    path.write_text(json.dumps({"documents": [{"form": "abris", "data": data}]}), encoding="utf-8")
    return path


def _refused(path, **kwargs):
    with pytest.raises(CaseFileError) as caught:
        load_case(path, **kwargs)
    problems = caught.value.problems
    assert [p.field for p in problems] == ["documents[0].data"]
    text = caught.value.describe()
    assert "hunter2" not in text
    return problems[0]


def test_a_data_file_in_the_case_folder_is_read(case_dir):
    assert len(load_case(_case(case_dir, "abris.json")).entries) == 1


@pytest.mark.parametrize("data", ["../secret.json", "sub/../../secret.json"])
def test_a_path_out_of_the_case_folder_is_refused(case_dir, data):
    assert _refused(_case(case_dir, data)).rule == "data_path"


def test_an_absolute_path_is_refused(case_dir):
    assert _refused(_case(case_dir, str(case_dir.parent / "secret.json"))).rule == "data_path"


def test_a_symlink_out_of_the_root_is_refused(case_dir):
    (case_dir / "link.json").symlink_to(case_dir.parent / "secret.json")
    assert _refused(_case(case_dir, "link.json")).rule == "data_path"


def test_a_symlink_inside_the_root_is_followed(case_dir):
    (case_dir / "link.json").symlink_to(case_dir / "abris.json")
    assert len(load_case(_case(case_dir, "link.json")).entries) == 1


def test_root_widens_the_confinement(case_dir):
    root = case_dir.parent
    shutil.copy(case_dir / "abris.json", root / "shared.json")
    path = _case(case_dir, "../shared.json")
    _refused(path)
    assert len(load_case(path, root=root).entries) == 1


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_device_is_refused_without_reading_it(case_dir):
    (case_dir / "zero.json").symlink_to("/dev/zero")
    problem = _refused(_case(case_dir, "zero.json"), root="/")
    assert problem.rule == "data_path" and "regular file" in problem.message


def test_a_fifo_is_refused_without_blocking(case_dir):
    os.mkfifo(case_dir / "pipe.json")
    problem = _refused(_case(case_dir, "pipe.json"))
    assert "regular file" in problem.message


def test_a_huge_data_file_is_refused_without_reading_it(case_dir, monkeypatch):
    from kzcadastre_docs import files

    monkeypatch.setattr(files, "MAX_DATA_BYTES", 1000)
    (case_dir / "big.json").write_text(json.dumps({"x": "a" * 5000}), encoding="utf-8")
    problem = _refused(_case(case_dir, "big.json"))
    assert "larger than" in problem.message


def test_a_loaded_file_with_unknown_fields_does_not_echo_their_values(case_dir):
    (case_dir / "other.json").write_text(json.dumps(dict(ABRIS, password="hunter2-secret-value")), encoding="utf-8")
    with pytest.raises(CaseFileError) as caught:
        load_case(_case(case_dir, "other.json"))
    assert "documents[0].data.password" in caught.value.describe()
    assert "hunter2" not in caught.value.describe()


def test_a_50_mb_value_is_quoted_short(case_dir):
    (case_dir / "long.json").write_text(json.dumps(dict(ABRIS, document_date="9" * 1_000_000)), encoding="utf-8")
    with pytest.raises(CaseFileError) as caught:
        load_case(_case(case_dir, "long.json"))
    assert len(caught.value.describe()) < 2000 and "…(1000000)" in caught.value.describe()


def test_bundle_refuses_an_escaping_case_with_exit_2_and_root_option(case_dir, tmp_path):
    path = _case(case_dir, "../secret.json")
    target = tmp_path / "out.zip"
    result = CliRunner().invoke(main, ["bundle", str(path), "--docx-zip", "-o", str(target)])
    assert result.exit_code == 2 and "documents[0].data" in result.output and "hunter2" not in result.output
    assert not target.exists()


def test_validate_refuses_a_device_as_data(tmp_path):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    result = CliRunner().invoke(main, ["validate", "abris", "--data", str(link)])
    assert result.exit_code == 2 and "regular file" in result.output


def test_the_sample_case_needs_the_samples_root():
    case = SAMPLES / "cases" / "house-almaty-region.yaml"
    with pytest.raises(CaseFileError):
        load_case(case)
    assert len(load_case(case, root=SAMPLES).entries) == 6
