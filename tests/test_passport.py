"""The passport forms of Order No. 440: fixed text against the official source, the
duplicate, the computed explication, bad input, the edition warning, the barcode."""

from __future__ import annotations

import copy
from decimal import Decimal
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import kzcadastre_docs as kz
from kzcadastre_docs.cli import main
from kzcadastre_docs.docx import Package, document_text
from kzcadastre_docs.docx.xmltext import paragraph_texts
from kzcadastre_docs.errors import DataValidationError

from .conftest import SAMPLES

OFFICIAL = Path("/work/shared/sources/official")
#: Each passport form: its sample, and where its text starts and ends in the sources.
PASSPORTS = {
    "passport-land": ("land-almaty-region", {"ru": ("> *Форма 1*", "> *Приложение 2 к приказу*"),
                                             "kk": ("> *Н-1 нысан*", "> *Қазақстан Республикасы*  \n> *Әділет министрлігінің*")}),
    "passport-building": ("business-centre-astana", {"ru": ("> *Форма Ф-2*", "> *Приложение 3 к приказу*"),
                                                     "kk": ("> *Н-2 нысан*", "> *Бұйрыққа*  \n> *3-қосымша*")}),
    "passport-apartment": ("apartment-astana", {"ru": ("> *Форма Ф-3*", "> *Приложение 4 к приказу*"),
                                                "kk": ("> *Н-3 нысаны*", "> *Бұйрыққа*  \n> *4-қосымша*")}),
    "passport-house": ("house-almaty-region", {"ru": ("> *Форма 4*", "> *Приложение 5 к приказу*"),
                                               "kk": ("> *Н-4 нысан*", "> *Бұйрыққа*  \n> *5-қосымша*")}),
    "passport-parking": ("parking-astana", {"ru": ("> *Форма Ф-19*", "> *Приложение 20 к приказу*"),
                                            "kk": ("> *Н-19 нысаны*", "> *Бұйрыққа*  \n> *20-қосымша*")}),
    "passport-storage": ("storage-astana", {"ru": ("> *Форма ф-20*", "> *Приложение 21 к приказу*"),
                                            "kk": ("> *Н-20 нысаны*", "> *Бұйрыққа 21-қосымша*")}),
}
#: Words the mirror breaks at its table lines, as the templates write them whole; and the
#: forms' sample data row of the adjacent plots' table ("от А / до Б"), filled from the data.
MIRROR_BREAKS = {"салын-ған": "салынған", "тротуар- лар": "тротуарлар", "қабыр-ғасы": "қабырғасы",
                 "қондырғы- ларынан": "қондырғыларынан", "электро-": "электро",
                 # Form 2
                 "отопи-тельной": "отопительной", "Аража- бын": "Аражабын", "қабат- тардың": "қабаттардың",
                 "Ойық- тар": "Ойықтар", "жұмыс-тары": "жұмыстары", "қондыр- ғыларынан": "қондырғыларынан",
                 "отын- мен": "отынмен", "аудан- дық": "аудандық", "қазан- дығынан": "қазандығынан",
                 "өзге- рістер": "өзгерістер", "отыр- ылғызылған": "отырғызылған",
                 "қабырға және ара қабырға- лар": "Қабырға және ара қабырғалар"}
#: Where the mirror scrambles Form 2's text (a word moved into the next cell, a stray word, a
#: Markdown line break), the words as the form prints them.
MIRROR_SCRAMBLES = {"расположен в помещений многоквартирном": "расположен в многоквартирном",
                    "участок смежный земельный участок": "смежный земельный участок", "қажет)\\": "қажет)",
                    "қажет) 16. Энергия": "қажет)\n16. Энергия", "Дене- Шынықтыру": "Дене-Шынықтыру"}
SAMPLE_ROWS = {"от А", "до Б", "А-дан", "Б-ға дейін",
               "[Image]"}  # and the mirror's placeholder for a picture (Form 2: the barcode beside a footer)
LATIN_LOOKALIKES = str.maketrans({"ə": "ә", "i": "і"})


def _data(form: str) -> dict:
    sample, _ = PASSPORTS[form]
    return json.loads((SAMPLES / form / f"{sample}.json").read_text(encoding="utf-8"))


def _text(form: str, data: dict, lang: str) -> str:
    """The text of the body, then of the headers and footers."""
    package = Package.from_bytes(kz.render(form, data, lang))
    return "\n".join(paragraph_texts(package.get("word/document.xml"))) + "\n" + document_text(package)


def _pieces(text: str, lang: str) -> list[str]:
    pieces = []
    for line in text.split("\n"):
        line = re.sub(r"^[>#\s]+", "", line.strip()).strip("*").strip()
        for piece in re.split(r"«_+»|_{2,}", line):
            piece = " ".join(piece.split())
            if lang == "kk":
                piece = piece.translate(LATIN_LOOKALIKES)
            for broken, whole in {**MIRROR_BREAKS, **MIRROR_SCRAMBLES}.items():
                piece = piece.replace(broken, whole)
            for part in piece.split("\n"):  # a scrambled cell that holds two of the form's lines
                part = " ".join(part.replace("|", " ").split())  # the mirror's stray table pipes
                if part and part not in SAMPLE_ROWS:
                    pieces.append(part)
    return pieces


def fixed_fragments(form: str, lang: str) -> tuple[list[str], list[str]]:
    """The source's fixed words: (the lines outside tables, in order; the table cells), each
    split at its blanks (runs of "_", «___»), without the mirror's markup."""
    start, end = PASSPORTS[form][1][lang]
    source = (OFFICIAL / f"order-440-passport-forms-{lang}-2026-07-12.md").read_text(encoding="utf-8")
    begin = source.index(start)
    section = source[begin:source.index(end, begin)]
    lines, cells = [], []
    for index, part in enumerate(re.split(r"<table>|</table>", section)):
        if index % 2 == 0:
            lines += _pieces(part, lang)
        else:
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", part, flags=re.S):
                cells += _pieces(" ".join(cell.split()), lang)
    return lines, cells


def _in_order(fragments: list[str], text: str) -> list[str]:
    flat = " ".join(text.split())
    position, missing = 0, []
    for fragment in fragments:
        found = flat.find(fragment, position)
        if found < 0:
            missing.append(fragment)
        else:
            position = found + len(fragment)
    return missing


@pytest.mark.skipif(not OFFICIAL.is_dir(), reason="the official sources are not on this machine")
@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("form", list(PASSPORTS))
def test_every_fixed_line_of_the_source_in_order(form, lang):
    lines, cells = fixed_fragments(form, lang)
    assert len(lines) > 10 and len(cells) > 2
    text = _text(form, _data(form), lang)
    assert _in_order(lines, text) == []
    flat = " ".join(text.split())
    assert [cell for cell in cells if cell not in flat] == []


def test_fidelity_check_can_fail():
    lines, cells = fixed_fragments("passport-apartment", "ru")
    text = _text("passport-apartment", _data("passport-apartment"), "ru").replace("Этажность", "Этажи")
    assert _in_order(lines, text) != []
    assert "нежилая площадь" in cells


@pytest.mark.parametrize("lang, word", [("kk", "ТЕЛНҰСҚА"), ("ru", "ДУБЛИКАТ")])
@pytest.mark.parametrize("form", list(PASSPORTS))
def test_every_passport_can_be_a_duplicate(form, lang, word):
    data = _data(form)
    assert word not in _text(form, data, lang)
    data["duplicate"] = {"issued_on": "2026-12-01"}
    text = _text(form, data, lang)
    assert text.count(word) >= 2  # the mark on the first page and the header of every page
    assert ("2026 жылғы 1 желтоқсан" if lang == "kk" else "1 декабря 2026 года") in text


def test_apartment_explication_is_computed():
    text = " ".join(_text("passport-apartment", _data("passport-apartment"), "ru").split())
    # loggia 4,5 m² enters the total as 2,3 (x 0.5, rounded); useful 50,2; total 52,5
    assert "7 лоджия 2,3 4,5" in text
    assert "Полезная площадь 50,2" in text
    assert "Итого 52,5 30,6 19,6 4,5 –" in text


@pytest.mark.parametrize("change, field, rule", [
    (lambda d: d["rooms"][0].update(kind="sauna"), "rooms[0].kind", "vocabulary"),
    (lambda d: d["rooms"][0].update(kind="office"), "rooms[0].kind", "room_kind"),
    (lambda d: d["rooms"][0].update(kind={"kk": "сауна", "ru": "сауна"}), "rooms[0].kind", "room_kind"),
    (lambda d: d["rooms"][6].update(kind="living_room", name="балкон"), "rooms[6].kind", "summer_room_counted"),
    (lambda d: d["rooms"][6].update(counts_as="living"), "rooms[6].counts_as", "summer_room_counted"),
    (lambda d: d["rooms"][0].update(area="6.25"), "rooms[0].area", "decimal_max_places"),
    (lambda d: d["declared"].update(total="52.6"), "declared.total", "declared_area"),
    (lambda d: d["rooms"].append({"number": "8", "kind": "veranda", "area": "3.0"}), "rooms[7].kind",
     "room_not_in_form"),
])
def test_bad_input_names_the_field(change, field, rule):
    data = copy.deepcopy(_data("passport-apartment"))
    change(data)
    with pytest.raises(DataValidationError) as caught:
        kz.validate("passport-apartment", data)
    assert (field, rule) in [(p.field, p.rule) for p in caught.value.problems]


def test_bad_input_exits_2_and_writes_nothing(tmp_path):
    data = copy.deepcopy(_data("passport-apartment"))
    data["declared"]["living"] = "31.0"
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["render", "passport-apartment", "--data", str(source), "--lang", "both",
                                       "-o", f"{tmp_path / 'out'}/"])
    assert result.exit_code == 2
    assert "declared.living" in result.output and "30.6" in result.output and "31.0" in result.output
    assert not (tmp_path / "out").exists()


def test_earlier_edition_warns_in_cli_and_properties(tmp_path):
    data = _data("passport-apartment")
    data["document_date"] = "2026-05-04"
    warnings = kz.warnings("passport-apartment", data)
    assert [w.rule for w in warnings] == ["passport_earlier_edition"]
    document = kz.render_document("passport-apartment", data, "ru")
    core = Package.from_bytes(document.docx).get("docProps/core.xml").decode("utf-8")
    assert "прежняя редакция" in core
    assert "прежняя редакция" not in document_text(Package.from_bytes(document.docx))
    source = tmp_path / "old.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "passport-apartment", "--data", str(source), "--message-lang", "en"])
    assert result.exit_code == 0 and "earlier edition" in result.output


def test_without_plan_warns_and_leaves_the_place_blank():
    data = _data("passport-apartment")
    del data["plan"]
    assert "passport_without_plan" in [w.rule for w in kz.warnings("passport-apartment", data)]
    package = Package.from_bytes(kz.render("passport-apartment", data, "ru"))
    assert len([name for name in package.names() if name.startswith("word/media/")]) == 1  # the QR code alone
    assert "Масштаб __________" in document_text(package)


def test_qr_payload_in_the_docx_names_the_passport():
    from kzcadastre_docs.barcode import Payload
    import io
    import zxingcpp
    from PIL import Image

    data = _data("passport-apartment")
    package = Package.from_bytes(kz.render("passport-apartment", data, "kk"))
    texts = []
    for name in package.names():
        if name.startswith("word/media/"):
            texts += [c.text for c in zxingcpp.read_barcodes(Image.open(io.BytesIO(package.get(name))))]
    payload = Payload.decode(texts[0])
    assert (payload.form, payload.order_number, payload.issued_on) == ("F3", "21-2026-004512", "2026-11-20")
    assert payload.digest == kz.validate("passport-apartment", data).payload().digest


@pytest.mark.libreoffice
def test_barcode_round_trip_through_the_pdf(converter, tmp_path):
    data = _data("passport-apartment")
    pdf = tmp_path / "passport.pdf"
    pdf.write_bytes(kz.to_pdf(kz.render_document("passport-apartment", data, "ru"), converter=converter))
    report = kz.verify_barcode(pdf, data)
    assert report.ok and report.payload.cadastral_number == "21:320:105:2015:2:45"
    changed = copy.deepcopy(data)
    changed["rooms"][0]["area"] = "6.3"
    changed["declared"] = None
    bad = kz.verify_barcode(pdf, changed)
    assert not bad.ok and [c.what for c in bad.checks if not c.ok] == ["data digest (SHA-256)"]
    runner = CliRunner()
    data_file = tmp_path / "data.json"
    data_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert runner.invoke(main, ["verify-barcode", str(pdf), "--data", str(data_file)]).exit_code == 0
    data_file.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    assert runner.invoke(main, ["verify-barcode", str(pdf), "--data", str(data_file)]).exit_code == 1


def test_verify_barcode_without_a_code_exits_1(tmp_path):
    from PIL import Image

    Image.new("L", (100, 100), 255).save(tmp_path / "blank.png")
    result = CliRunner().invoke(main, ["verify-barcode", str(tmp_path / "blank.png")])
    assert result.exit_code == 1 and "no KZCP1 QR code" in result.output


def test_date_of_issue_is_in_the_payload():
    model = kz.validate("passport-apartment", _data("passport-apartment"))
    assert model.payload().issued_on == dt.date(2026, 11, 20).isoformat()


def test_shipped_passport_templates_match_their_sources():
    import subprocess
    import sys

    from .conftest import ROOT

    result = subprocess.run([sys.executable, str(ROOT / "tools" / "build_passport_templates.py"), "--check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("form", list(PASSPORTS))
def test_render_passport_picks_the_form_from_the_object_type(form, tmp_path):
    sample, _ = PASSPORTS[form]
    result = CliRunner().invoke(main, ["render", "passport", "--data", str(SAMPLES / form / f"{sample}.json"),
                                       "--lang", "ru", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = [path.name for path in tmp_path.glob(f"{form}.*.ru.docx")] + (
        [f"{form}.ru.docx"] if (tmp_path / f"{form}.ru.docx").is_file() else [])
    assert len(written) == 1, sorted(p.name for p in tmp_path.iterdir())  # <form>.<key>.ru.docx


def test_render_passport_without_object_type_exits_2(tmp_path):
    data = _data("passport-apartment")
    del data["object_type"]
    source = tmp_path / "data.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["render", "passport", "--data", str(source), "-o", f"{tmp_path / 'out'}/"])
    assert result.exit_code == 2 and "object_type" in result.output
    assert not (tmp_path / "out").exists()


def test_an_active_signer_signs_the_qr_payload():
    import io

    import zxingcpp
    from PIL import Image

    from kzcadastre_docs.barcode import Payload
    from kzcadastre_docs.barcode.signer import payload_signer

    data = _data("passport-parking")
    with payload_signer(lambda payload: payload.with_signature("0123456789abcdef", b"\x01" * 65)):
        package = Package.from_bytes(kz.render("passport-parking", data, "ru"))
    [qr] = [package.get(name) for name in package.names() if name.startswith("word/media/")
            and zxingcpp.read_barcodes(Image.open(io.BytesIO(package.get(name))))]
    payload = Payload.decode(zxingcpp.read_barcodes(Image.open(io.BytesIO(qr)))[0].text)
    assert payload.signer == "0123456789abcdef" and payload.signature_bytes() == b"\x01" * 65
    assert payload.signed_part() == kz.validate("passport-parking", data).payload().signed_part()


def test_the_land_plan_is_drawn_from_the_outline_or_left_blank_with_a_warning():
    data = _data("passport-land")
    package = Package.from_bytes(kz.render("passport-land", data, "ru"))
    assert len([n for n in package.names() if n.startswith("word/media/")]) == 2  # the QR code and the plan
    del data["land"]["outline"]
    assert "land.outline" in [w.field for w in kz.warnings("passport-land", data)]
    package = Package.from_bytes(kz.render("passport-land", data, "ru"))
    assert len([n for n in package.names() if n.startswith("word/media/")]) == 1
    assert "Масштаб 1: 500" in document_text(package)  # the data's scale where nothing is drawn


@pytest.mark.parametrize("change, field", [
    (lambda d: d["buildings"][1].update(litera="a1"), "buildings[1].litera"),   # Latin "a": not a Russian letter
    (lambda d: d["buildings"][2].update(litera="Г"), "buildings[2].litera"),    # Г is given with a number only
    (lambda d: d["buildings"].append({"litera": "Б1", "name": "пристройка"}), "buildings[5].litera"),  # no main Б
    (lambda d: d["rooms"][7].update(litera="в1"), "rooms[7].litera"),           # not among the buildings
    (lambda d: d["site_plan"]["items"][4].update(litera="1"), "site_plan.items[4].litera"),
])
def test_a_litera_that_breaks_the_scheme_is_refused(change, field):
    data = copy.deepcopy(_data("passport-house"))
    change(data)
    with pytest.raises(DataValidationError) as caught:
        kz.validate("passport-house", data)
    assert (field, "litera_scheme") in [(p.field, p.rule) for p in caught.value.problems]


def test_a_cold_extension_stays_out_of_the_house_total():
    model = kz.validate("passport-house", _data("passport-house"))
    totals = model.totals()
    assert totals.total == Decimal("79.2") and totals.excluded == Decimal("9.6")  # veranda а1, p. 89
