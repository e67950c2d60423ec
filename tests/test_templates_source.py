"""The shipped templates are exactly what their text sources build."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def test_shipped_templates_match_their_sources():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "build_templates.py"), "--check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_check_notices_an_edited_source(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import build_templates
    finally:
        sys.path.remove(str(ROOT / "tools"))
    text_dir = tmp_path / "text"
    text_dir.mkdir()
    (text_dir / "official").mkdir()
    for source in (ROOT / "tools" / "template_text").glob("**/*.yaml"):
        target = text_dir / source.relative_to(ROOT / "tools" / "template_text")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    edited = text_dir / "official" / "requirements-duplicate.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Расчет по заявлению", "Расчёт по заявлению"),
                      encoding="utf-8")
    monkeypatch.setattr(build_templates, "TEXT_DIR", text_dir)
    assert build_templates.main(["--check"]) == 1
