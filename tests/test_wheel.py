"""The built wheel carries the templates, and an installed copy renders outside the source tree."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(out), str(ROOT)],
        check=True, capture_output=True,
    )
    (path,) = out.glob("kzcadastre_docs-*.whl")
    return path


@pytest.mark.slow
def test_wheel_contains_every_template(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {f"kzcadastre_docs/templates/{p.relative_to(ROOT / 'templates').as_posix()}"
               for p in (ROOT / "templates").rglob("*.docx")}
    assert shipped and shipped <= names


@pytest.mark.slow
def test_installed_wheel_renders_from_its_own_templates(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    script = (
        "import kzcadastre_docs as kz, kzcadastre_docs.api as api, pathlib;"
        "assert pathlib.Path(kz.__file__).is_relative_to(pathlib.Path(r'%s'));"
        "print(api.renderer().templates_dir);"
        "print(len(kz.render('annex-1', {'document_date': '2026-11-24'}, 'kk')))" % target
    )
    # -I: ignore the environment's paths (and the source tree); add the install target explicitly.
    result = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, r'{target}'); " + script],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )
    assert result.returncode == 0, result.stderr
    templates_dir, size = result.stdout.split()
    assert templates_dir.startswith(str(target)) and int(size) > 10_000
