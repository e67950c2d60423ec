"""Drawings: golden images (with a small tolerance), same data same bytes, print size, the
font's Kazakh letters, pictures in the DOCX, and `kzcadastre-docs draw`."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

import kzcadastre_docs as kz
from kzcadastre_docs.cli import main
from kzcadastre_docs.docx import Package
from kzcadastre_docs.drawing import DPI, draw_floor_plan, draw_site
from kzcadastre_docs.models.parts import Floor
from kzcadastre_docs.forms.annexes.abris import draw_abris
from kzcadastre_docs.drawing.canvas import font
from kzcadastre_docs.errors import TemplateError
from kzcadastre_docs.rendering import InlineImage, PreparedTemplate, make_environment

from .conftest import SAMPLES
from .docx_fixtures import docx_with
from .image_compare import image_difference


def _data(form: str, case: str) -> dict:
    return json.loads((SAMPLES / form / f"{case}.json").read_text(encoding="utf-8"))


FLOORS = Path(__file__).parent / "fixtures" / "floors"


def _floor(name: str) -> dict:
    return json.loads((FLOORS / f"{name}.json").read_text(encoding="utf-8"))


def _drawings():
    abris = kz.validate("abris", _data("abris", "house-almaty-region"))
    yield SAMPLES / "abris" / "house-almaty-region.abris.png", draw_abris(abris)
    for case in ("apartment-astana.floor-9", "house-almaty-region-duplicate.floor-1"):
        yield FLOORS / f"{case}.png", draw_floor_plan(Floor.model_validate(_floor(case)))


DRAWINGS = list(_drawings())


@pytest.mark.parametrize("golden, drawing", DRAWINGS, ids=[path.name for path, _ in DRAWINGS])
def test_drawing_matches_its_golden_image(golden, drawing, update_goldens):
    if update_goldens:
        golden.write_bytes(drawing.png)
        pytest.skip(f"golden rewritten: {golden.name} (look at it)")
    assert golden.is_file(), f"no golden {golden}; run `make goldens` and look at it"
    difference = image_difference(golden.read_bytes(), drawing.png)
    assert difference is None, f"{golden.name}: {difference}"


def test_the_image_comparison_notices_a_changed_drawing():
    data = copy.deepcopy(_data("abris", "house-almaty-region"))
    data["legend"][0]["outline"] = [[7.0, 20.0], [18.04, 20.0], [18.04, 28.12], [7.0, 28.12], [7.0, 20.0]]  # moved 2 m
    moved = draw_abris(kz.validate("abris", data))
    assert image_difference(DRAWINGS[0][1].png, moved.png) is not None


def test_same_data_same_bytes():
    again = list(_drawings())
    assert [drawing.png for _, drawing in again] == [drawing.png for _, drawing in DRAWINGS]


@pytest.mark.parametrize("golden, drawing", DRAWINGS, ids=[path.name for path, _ in DRAWINGS])
def test_drawings_are_at_print_resolution_and_true_size(golden, drawing):
    image = Image.open(io.BytesIO(drawing.png))
    assert image.info["dpi"] == pytest.approx((DPI, DPI), abs=0.01)
    assert image.width == round(drawing.width_cm / 2.54 * DPI)
    assert image.height == round(drawing.height_cm / 2.54 * DPI)
    assert image.info.keys() <= {"dpi"}  # no time stamp, no text
    assert drawing.scale in (50, 100, 200, 400, 500)


def test_the_scale_is_the_largest_standard_one_that_fits():
    abris = DRAWINGS[0][1]
    # The plot is 40 m deep: 10 cm at 1:400, which fits 13 cm less the margins; 1:200 would need 20 cm.
    assert abris.scale == 400


def test_the_font_has_every_kazakh_letter():
    face = font(40)
    missing = face.getmask("\ue000")  # a private-use character: the font's "missing" box
    for letter in "ӘәҒғҚқҢңӨөҰұҮүҺһІі":
        mask = face.getmask(letter)
        assert mask.getbbox() is not None, letter
        assert (mask.size, bytes(mask)) != (missing.size, bytes(missing)), f"{letter} is drawn as a missing glyph"


# -- pictures in the DOCX ---------------------------------------------------------------------

def _media(docx: bytes) -> dict[str, bytes]:
    return {name: data for name, data in Package.from_bytes(docx).parts if name.startswith("word/media/")}


def test_the_abris_document_embeds_its_drawing():
    docx = kz.render("abris", _data("abris", "house-almaty-region"), "kk")
    package = Package.from_bytes(docx)
    assert _media(docx) == {"word/media/kz-picture-1.png": DRAWINGS[0][1].png}
    assert 'Target="media/kz-picture-1.png"' in package.get("word/_rels/document.xml.rels").decode()
    assert 'Extension="png"' in package.get("[Content_Types].xml").decode()
    body = package.get("word/document.xml").decode()
    assert 'r:embed="rIdKzPicture1"' in body
    width_emu = round(DRAWINGS[0][1].width_cm * 360000)
    assert f'cx="{width_emu}"' in body
    assert "Масштабы 1:400" in body


def test_the_house_passport_embeds_its_site_plan_and_building_plan():
    from kzcadastre_docs.forms.passport.apartment import PLAN_SCALES

    data = _data("passport-house", "house-almaty-region")
    docx = kz.render("passport-house", data, "ru")
    media = _media(docx)
    model = kz.validate("passport-house", data)
    site = draw_site(model.site_plan, f"Site plan, {model.cadastral_number}")
    plan = draw_floor_plan(model.floor_model(), PLAN_SCALES, 11)
    pictures = list(media.values())
    assert len(pictures) == 4  # the QR code (one picture, on every page), the plot's plan, the site plan, the building plan
    assert any(image_difference(site.png, picture) is None for picture in pictures)
    assert any(image_difference(plan.png, picture) is None for picture in pictures)
    assert plan.scale in PLAN_SCALES  # Instruction No. 367, p. 58


def test_a_passport_without_geometry_keeps_the_forms_blank_place():
    data = _data("passport-apartment", "apartment-astana")
    del data["plan"]
    docx = kz.render("passport-apartment", data, "ru")
    assert len(_media(docx)) == 1  # the QR code only
    body = Package.from_bytes(docx).get("word/document.xml").decode()
    assert "Масштаб __________" in body and "контур" not in body


def _picture() -> InlineImage:
    return InlineImage(DRAWINGS[1][1].png, 3.0, 2.0, "a plan")


def test_only_placed_pictures_are_added_to_the_package():
    template = PreparedTemplate(docx_with("{{ one }}", "text"), make_environment(), "t.docx")
    docx = template.render({"lang": "kk", "one": _picture(), "two": _picture()})
    assert list(_media(docx)) == ["word/media/kz-picture-1.png"]
    assert template.render({"lang": "kk", "one": None, "two": _picture()}) == \
        template.render({"lang": "kk", "one": None, "two": None})  # nothing placed, nothing added


def test_a_picture_outside_the_body_is_an_error():
    from docx import Document

    document = Document()
    document.sections[0].header.paragraphs[0].add_run("{{ one }}")
    document.add_paragraph("body")
    buffer = io.BytesIO()
    document.save(buffer)
    template = PreparedTemplate(Package.from_bytes(buffer.getvalue()), make_environment(), "t.docx")
    with pytest.raises(TemplateError, match="document body only"):
        template.render({"lang": "kk", "one": _picture()})


# -- the command ------------------------------------------------------------------------------

def test_cli_draws_the_abris(tmp_path):
    target = tmp_path / "abris.png"
    result = CliRunner().invoke(main, ["draw", "abris", "--data", str(SAMPLES / "abris" / "house-almaty-region.json"),
                                       "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == DRAWINGS[0][1].png
    assert "1:400" in result.output
    again = CliRunner().invoke(main, ["draw", "abris", "--data", str(SAMPLES / "abris" / "house-almaty-region.json"),
                                      "-o", str(target)])
    assert again.exit_code == 2 and "already exists" in again.output


def test_cli_draws_each_floor_of_a_multi_floor_object(tmp_path):
    data = copy.deepcopy(_data("conclusion", "apartment-astana"))
    data["object"]["floors"][0] = _floor("apartment-astana.floor-9")
    second = copy.deepcopy(data["object"]["floors"][0])
    second["level"] = "мансарда"
    data["object"]["floors"].append(second)
    data["object"].update(total_area="103.20", living_area="62.00", useful_area="103.20")
    source = tmp_path / "two-floors.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["draw", "floor-plan", "--data", str(source), "-o", str(tmp_path / "plan.png")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.glob("plan-*.png")) == ["plan-9.png", "plan-мансарда.png"]
    only = CliRunner().invoke(main, ["draw", "floor-plan", "--data", str(source), "--floor", "9",
                                     "-o", str(tmp_path / "nine.png")])
    assert only.exit_code == 0 and (tmp_path / "nine.png").is_file()


@pytest.mark.parametrize("kind, case, message", [
    ("floor-plan", ("conclusion", "apartment-astana"), "no floor has a plan"),
    ("abris", ("notice-incomplete", "house-almaty-region"), "no site geometry in the data"),
])
def test_cli_draw_without_geometry_exits_2(tmp_path, kind, case, message):
    result = CliRunner().invoke(main, ["draw", kind, "--data", str(SAMPLES / case[0] / f"{case[1]}.json"),
                                       "-o", str(tmp_path / "x.png")])
    assert result.exit_code == 2 and message in result.output
    assert not list(tmp_path.iterdir())


def test_validate_prints_warnings_and_still_exits_0(tmp_path):
    data = copy.deepcopy(_data("abris", "house-almaty-region"))
    data["legend"][1]["outline"] = [[22, 33], [28, 33], [28, 37], [22, 37], [22, 33]]
    source = tmp_path / "abris.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "abris", "--data", str(source), "--message-lang", "ru"])
    assert result.exit_code == 0
    assert "Предупреждение: legend[1].outline: Г: 11,80 м² контура лежит за границей земельного участка" in result.output
    as_json = CliRunner().invoke(main, ["validate", "abris", "--data", str(source), "--format", "json"])
    assert json.loads(as_json.output)["warnings"][0]["rule"] == "outside_plot"


def test_a_document_in_both_languages_draws_its_plans_once(monkeypatch):
    import kzcadastre_docs.drawing as drawing

    drawing._recent.clear()
    calls = []
    original = drawing.draw_floor_plan
    monkeypatch.setattr(drawing, "draw_floor_plan",
                        lambda floor, *args, **kw: (calls.append(floor.key), original(floor, *args, **kw))[1])
    data = _data("passport-apartment", "apartment-astana")
    kk, ru = kz.render("passport-apartment", data, "kk"), kz.render("passport-apartment", data, "ru")
    assert calls == ["9"]
    assert _media(kk) == _media(ru)
    changed = copy.deepcopy(data)
    changed["plan"][0]["outline"][2] = [2.0, 3.2]
    changed["plan"][0]["outline"][3] = [0, 3.2]
    kz.render("passport-apartment", changed, "kk")
    assert calls == ["9", "9"]  # other geometry, drawn anew
