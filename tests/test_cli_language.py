"""The command line in the clerk's language: no English in a kk or ru run (help included), the
rule that picks the language, numbers as the documents print them, the catalogue complete."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

import kzcadastre_docs as kz
from kzcadastre_docs.cli import main
from kzcadastre_docs.i18n import catalogue

from .conftest import ROOT, SAMPLES

#: Latin words a Kazakh or Russian clerk meets as they are: names of formats and programs,
#: option values and codes typed on the command line.
ALLOWED = {
    "kk", "ru", "en", "kz", "both", "text", "json", "docx", "pdf", "zip", "png", "yaml", "yml", "csv", "xlsx",
    "jsonl", "JSON", "YAML", "CSV", "XLSX", "DOCX", "PDF", "PNG", "UTF", "UTC", "LibreOffice", "Schema", "dpi",
    "soffice", "uno", "Python", "Windows", "Bash", "UUID", "dask", "tcp", "host", "local", "slug", "annex", "N",
    "pip", "install", "kzcadastre", "docs", "true", "false", "entry", "passport", "duplicate", "correction",
    "abris", "other", "apartment", "house", "garage", "KZT", "OUTPUT", "ADDRESS", "NDS", "KZCADASTRE", "LANG",
    "LC", "ALL", "MESSAGES", "batch", "floor", "plan", "x", "M2", "HH", "MM", "T", "Kurban",
    # data keys and default paths the help quotes
    "lang", "level", "samples", "out",
    "fr",  # a value the test typed, quoted back
    "SQLite", "PostgreSQL", "psycopg", "URL", "primary", "secondary",  # programs; kinds of number (codes)
    "PAdES", "PKCS", "RFC", "RSA", "ECDSA", "Ed", "PEM", "DER", "CMS", "SignedData", "GOST", "base",  # standards
    "NCALayer", "Kalkan",  # the national signing programs
    "QR", "rooms",
    "AA", "BBB", "CCC",  # the parts of a cadastral number as the Rules letter them (point 13)
}


def _command_names(command) -> set[str]:
    names = set()
    for name, sub in getattr(command, "commands", {}).items():
        names |= {name, *_command_names(sub)}
    return names


ALLOWED |= {part for name in _command_names(main) for part in name.split("-")}
ALLOWED |= {form.slug for form in kz.forms()}


def english_words(text: str) -> list[str]:
    """The Latin-letter words of `text` that are not option names, paths, codes or ALLOWED.

    >>> english_words("Қате: --data ФАЙЛ; d.json: no such file")
    ['no', 'such', 'file']
    """
    found = []
    for token in text.split():
        token = token.strip("()[]{},;:.!?'\"«»<>")
        if not token or token.startswith("-") or any(mark in token for mark in "/\\._=|@:<>%"):
            continue
        if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", token):  # form slugs, choice values
            continue
        for word in re.findall(r"[A-Za-z]+", token):
            if word not in ALLOWED and len(word) > 1:
                found.append(word)
    return found


def all_commands():
    def walk(command, path):
        yield path
        if isinstance(command, click.Group):
            for name, sub in sorted(command.commands.items()):
                yield from walk(sub, [*path, name])

    return list(walk(main, []))


@pytest.fixture
def clerk(request):
    lang = request.param

    def run(*args, env=None, **kwargs):
        runner = CliRunner()
        result = runner.invoke(main, ["--message-lang", lang, *map(str, args)] if args and args[0] == "--help"
                               else [*map(str, args[:1]), "--message-lang", lang, *map(str, args[1:])],
                               env=env, prog_name="kzcadastre-docs", **kwargs)
        return result

    run.lang = lang
    return run


BOTH = pytest.mark.parametrize("clerk", ["kk", "ru"], indirect=True)


@BOTH
@pytest.mark.parametrize("path", all_commands(), ids=lambda p: " ".join(p) or "main")
def test_help_has_no_english(clerk, path):
    result = CliRunner().invoke(main, [*path, "--message-lang", clerk.lang, "--help"], prog_name="kzcadastre-docs")
    assert result.exit_code == 0, result.output
    assert english_words(result.output) == [], result.output


@BOTH
def test_a_clerks_day_has_no_english(clerk, tmp_path):
    bad = json.loads((SAMPLES / "application-entry" / "apartment-astana.json").read_text(encoding="utf-8"))
    bad["applicant"]["iin"] = "900721404563"
    bad_file = tmp_path / "bad.json"
    bad_file.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    data = SAMPLES / "requirements-new-object" / "astana-branch.json"
    records = tmp_path / "in.jsonl"
    records.write_text(data.read_text(encoding="utf-8").replace("\n", " ") + "\n[1]\n", encoding="utf-8")
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    with open(tmp_path / "doc.pdf", "wb") as handle:
        writer.write(handle)
    outputs = []
    for args, status in [
        (("forms",), 0),
        (("validate", "application-entry", "--data", bad_file), 2),
        (("validate", "application-entry", "--data", tmp_path / "none.json"), 2),
        (("render", "annex-1", "--data", broken, "-o", f"{tmp_path}/o/"), 2),
        (("render", "annex-1", "--data", data, "-o", tmp_path / "q" / "c"), 2),
        (("render", "annex-1", "--data", data, "--lang", "kk", "-o", tmp_path / "c.pdf"), 2),
        (("render", "annex-1", "--data", data, "-o", f"{tmp_path}/out/"), 0),
        (("render", "annex-1", "--data", data, "-o", f"{tmp_path}/out/"), 2),
        (("render", "annex-99", "--data", data, "-o", f"{tmp_path}/out/"), 2),
        (("render", "annex-1", "--data", data), 2),
        (("render", "annex-1", "--data", data, "--lang", "fr", "-o", f"{tmp_path}/out/"), 2),
        (("deadline", "--service", "passport", "--object-type", "other", "--area", "1 500",
          "--submitted", "24.11.2026 10:00", "--objection-received", "27.11.2026"), 0),
        (("deadline", "--service", "passport", "--object-type", "other", "--submitted", "24.11.2026 10:00"), 2),
        (("deadline", "--service", "passport", "--object-type", "apartment", "--submitted", "24.11.2026"), 2),
        (("fee", "--service", "passport", "--object-type", "other", "--area", "1 500,5", "--on", "24.11.2026"), 0),
        (("bundle", SAMPLES / "cases" / "house-almaty-region.yaml", "-o", tmp_path / "case.zip"), 2),
        (("batch", "--form", "annex-1", "--input", records, "-o", tmp_path / "b", "--scheduler", "tcp://h:1"), 2),
        (("batch", "--form", "annex-1", "--input", records, "-o", tmp_path / "b"), 1),
        (("describe", "annex-11"), 2),
        (("cadastral", "parse", "21:320:135:0722:1:0"), 2),
        (("cadastral", "parse", "20:015:004:165:1"), 0),
        (("cadastral", "assign", "--land-plot", "21:320:135:0722", "--premise", "106", "--specialist", "Ахметова А",
          "--position", "chief_inspection_specialist", "--date", "20.07.2026", "--register", tmp_path / "r.sqlite"), 0),
        (("cadastral", "assign", "--land-plot", "21:320:135:0722", "--primary", "7", "--specialist", "Ахметова А",
          "--position", "chief_inspection_specialist", "--date", "20.07.2026", "--register", tmp_path / "r.sqlite"), 2),
        (("cadastral", "show", "21:320:135:0722:1", "--register", tmp_path / "r.sqlite"), 0),
        (("cadastral", "show", "21:320:135:0722:9", "--register", tmp_path / "r.sqlite"), 2),
        (("sign", tmp_path / "doc.pdf", "--pkcs12", tmp_path / "none.p12", "-o", tmp_path / "s.pdf"), 2),
        (("sign", tmp_path / "doc.pdf", "--pkcs12", tmp_path / "none.p12", "-o", tmp_path / "s.pdf", "--box", "x"), 2),
        (("verify", tmp_path / "doc.pdf"), 1),
    ]:
        result = clerk(*args)
        assert result.exit_code == status, (args, result.output)
        outputs.append(result.output)
    errors = (tmp_path / "b" / "errors.jsonl").read_text(encoding="utf-8")
    outputs.append("\n".join(json.loads(line)["message"] for line in errors.splitlines()))
    text = "\n".join(outputs)
    assert english_words(text) == [], text
    assert "Traceback" not in text


@BOTH
def test_numbers_money_and_areas_print_as_in_the_documents(clerk):
    result = clerk("fee", "--service", "passport", "--object-type", "other", "--area", "120", "--on", "24.11.2026")
    assert result.exit_code == 0, result.output
    currency = {"kk": "теңге", "ru": "тенге"}[clerk.lang]
    assert re.search(r"\d{1,3}(\u00a0\d{3})*,\d\d " + currency, result.output), result.output
    assert "KZT" not in result.output and not re.search(r"\d\.\d\d", result.output)


@BOTH
def test_identifier_messages_keep_the_detail(clerk, tmp_path):
    data = json.loads((SAMPLES / "application-entry" / "apartment-astana.json").read_text(encoding="utf-8"))
    data["applicant"]["iin"] = "900721404563"
    path = tmp_path / "d.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = clerk("validate", "application-entry", "--data", path)
    assert result.exit_code == 2
    from kzcadastre_docs.law.identifiers import check_digit

    word = "ал" if clerk.lang == "kk" else "а должна быть"
    assert f"3, {word} {check_digit('90072140456')}" in result.output, result.output


def test_the_language_rule():
    assert catalogue.choose_language(None, {"KZCADASTRE_LANG": "kz"}) == "kk"
    assert catalogue.choose_language("ru", {"KZCADASTRE_LANG": "kk"}) == "ru"
    assert catalogue.choose_language(None, {"KZCADASTRE_LANG": "", "LC_ALL": "kk_KZ.UTF-8", "LANG": "ru_RU"}) == "kk"
    assert catalogue.choose_language(None, {"LANG": "de_DE.UTF-8"}) == "en"
    with pytest.raises(Exception, match="'fr' is not a message language"):
        catalogue.choose_language(None, {"KZCADASTRE_LANG": "fr"})


def test_kz_in_the_environment_means_kazakh_and_an_unknown_value_is_an_error():
    runner = CliRunner()
    result = runner.invoke(main, ["forms"], env={"KZCADASTRE_LANG": "kz"})
    assert result.exit_code == 0 and "ҚОСЫМША" in result.output
    result = runner.invoke(main, ["forms"], env={"KZCADASTRE_LANG": "klingon"})
    assert result.exit_code == 2 and "KZCADASTRE_LANG" in result.output and "klingon" in result.output
    result = runner.invoke(main, ["forms", "--message-lang", "fr"])
    assert result.exit_code == 2 and "fr" in result.output


def test_the_catalogue_is_complete_and_compiled():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "messages.py"), "--check"], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_english_words_finds_english():
    assert english_words("Usage: kzcadastre-docs render [OPTIONS] FORM") == ["Usage", "OPTIONS", "FORM"]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("value", ["0", "0.5", "18288", "1234567.89", "20.00"])
def test_message_numbers_agree_with_the_documents(lang, value):
    from decimal import Decimal

    from kzcadastre_docs.i18n import formatting

    assert catalogue.number(Decimal(value), lang) == formatting.number(Decimal(value), lang, places=2)
    assert catalogue.money(Decimal(value), lang) == formatting.money(Decimal(value), lang)
    assert catalogue.area(Decimal(value), lang) == formatting.area(Decimal(value), lang)


@BOTH
@pytest.mark.parametrize("form", ["annex-1", "conclusion", "passport-apartment", "notice-surcharge"])
def test_describe_has_no_english_but_the_data_keys(clerk, form):
    """describe shows the form's data keys (what a data file is written with) and codes as they
    are; every other word is in the clerk's language."""
    import json as json_module

    result = clerk("describe", form)
    assert result.exit_code == 0, result.output
    keys = set(re.findall(r'"([A-Za-z_][A-Za-z0-9_]*)"\s*:', json_module.dumps(kz.schema(form))))
    keys |= {"astana", "new_object", "duplicate", "total_area", "living_area", "floors_above_ground", "rooms",
             "purpose", "structure", "litera", "object", "floors", "plan", "plot_outline", "site_plan", "dacha",
             "storeroom", "apartment", "dormitory_room", "individual_house", "individual_garage", "other", "land_plot",
             "parking_place"}
    words = [word for word in english_words(result.output) if word not in keys]
    assert words == [], result.output
