"""--format json on every command: the output matches the command's shipped JSON Schema, and an
error comes as {"error": {...}} on standard output with the exit status unchanged."""

from __future__ import annotations

import json
import os
import shutil
from importlib import resources

import click
import jsonschema
import pytest
from click.testing import CliRunner

from kzcadastre_docs.cli import main

from .conftest import SAMPLES

SCHEMAS = resources.files("kzcadastre_docs") / "data" / "cli_schemas"


def schema_for(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))


def command_paths(command=main, path=()):
    if isinstance(command, click.Group):
        for name, sub in sorted(command.commands.items()):
            yield from command_paths(sub, (*path, name))
    else:
        yield path


def run_json(*args):
    result = CliRunner().invoke(main, [*map(str, args), "--format", "json"], prog_name="kzcadastre-docs")
    return result, (json.loads(result.stdout) if result.stdout.strip() else None)


@pytest.mark.parametrize("path", list(command_paths()), ids=" ".join)
def test_every_command_has_a_schema_and_the_format_option(path):
    name = "-".join(path)
    schema = schema_for(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    command = main
    for part in path:
        command = command.commands[part]
    options = {opt for param in command.params for opt in getattr(param, "opts", [])}
    assert {"--format", "--message-lang"} <= options


def _cases(tmp_path):
    data = SAMPLES / "requirements-new-object" / "astana-branch.json"
    inventory = tmp_path / "inventory.json"
    shutil.copy(SAMPLES / "inventory-file" / "house-almaty-region.json", inventory)
    records = tmp_path / "in.jsonl"
    records.write_text(data.read_text(encoding="utf-8").replace("\n", " ") + "\n", encoding="utf-8")
    samples = tmp_path / "samples"
    (samples / "requirements-duplicate").mkdir(parents=True)
    shutil.copy(SAMPLES / "requirements-duplicate" / "blank.json", samples / "requirements-duplicate")
    return {
        "forms": [("forms",)],
        "describe": [("describe", "annex-2"), ("describe", "annex-5")],
        "schema": [("schema", "annex-2")],
        "validate": [("validate", "requirements-new-object", "--data", data)],
        "render": [("render", "annex-1", "--data", data, "-o", f"{tmp_path}/out/")],
        "preview": [("preview", "annex-1", "--data", data, "--lang", "ru")],
        "demo": [("demo", "--samples", samples, "-o", tmp_path / "demo")],
        "check-templates": [("check-templates",)],
        "bundle": [("bundle", SAMPLES / "cases" / "house-almaty-region.yaml", "--docx-zip", "-o", tmp_path / "c.zip",
                    "--root", SAMPLES)],
        "draw": [("draw", "abris", "--data", SAMPLES / "abris" / "house-almaty-region.json", "-o", tmp_path / "a.png")],
        "batch": [("batch", "--form", "annex-1", "--input", records, "-o", tmp_path / "batch")],
        "inventory-add": [("inventory-add", inventory, "--abris", "--date", "10.12.2026", "--sheets", "1",
                           "--document-date", "10.12.2026")],
        "deadline": [("deadline", "--service", "passport", "--object-type", "other", "--area", "1 000",
                      "--submitted", "24.11.2026 10:00")],
        **_cadastral_cases(tmp_path),
        **_signing_cases(tmp_path),
        **_barcode_cases(tmp_path),
        "fee": [("fee", "--service", "passport", "--object-type", "other", "--area", "1000", "--on", "24.11.2026"),
                ("fee", "--service", "correction", "--object-type", "apartment", "--on", "24.11.2026")],
    }


CLERK = ("--specialist", "Ахметова Айгерим", "--position", "chief_inspection_specialist", "--date", "20.07.2026")


def _cadastral_cases(tmp_path):
    register = ("--register", str(tmp_path / "register.sqlite"))
    plot = "21:320:135:0722"
    return {
        "cadastral-parse": [("cadastral", "parse", "20:015:004:165:1")],
        "cadastral-assign": [("cadastral", "assign", "--land-plot", plot, "--premise", "106", *CLERK, *register),
                             ("cadastral", "assign", "--land-plot", plot, *CLERK, *register),
                             ("cadastral", "assign", "--land-plot", plot, *CLERK, *register),
                             ("cadastral", "assign", "--land-plot", plot, *CLERK, *register)],
        "cadastral-show": [("cadastral", "show", f"{plot}:1", *register)],
        "cadastral-split": [("cadastral", "split", f"{plot}:2", "--into", "2", *CLERK, *register)],
        "cadastral-merge": [("cadastral", "merge", f"{plot}:5", f"{plot}:6", *CLERK, *register)],
        "cadastral-retire": [("cadastral", "retire", f"{plot}:3", *CLERK, *register)],
        "cadastral-record": [("cadastral", "record", "21:320:135:0999:4", *CLERK, *register)],
        "cadastral-permanent": [("cadastral", "assign", "--land-plot", "21:320:136", "--temporary", *CLERK, *register)],
        "cadastral-register": [("cadastral", "register", "--land-plot", plot, *register),
                               ("cadastral", "register", "--land-plot", plot, "-o", f"{tmp_path}/sheets/", *register)],
    }


def _signing_cases(tmp_path):
    import io

    from pypdf import PdfWriter

    from .signing_pki import PASSWORD, issue, make_ca, write_ca

    ca = make_ca()
    key = issue(tmp_path, "rsa", ca)
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    pdf = io.BytesIO()
    writer.write(pdf)
    (tmp_path / "doc.pdf").write_bytes(pdf.getvalue())
    os.environ["KZCADASTRE_KEY_PASSWORD"] = PASSWORD
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs7

    from kzcadastre_docs.signing import SignatureOptions, prepare_external

    prepared = prepare_external(pdf.getvalue(), key.certificate, SignatureOptions(), name="doc.pdf")
    (tmp_path / "prepared.json").write_text(json.dumps(prepared.to_dict()), encoding="utf-8")
    cms = (pkcs7.PKCS7SignatureBuilder().set_data(prepared.signed_bytes()).add_signer(key.certificate, key.key,
                                                                                      hashes.SHA256())
           .sign(Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary]))
    (tmp_path / "answer.der").write_bytes(cms)
    return {
        "sign-prepare": [("sign-prepare", tmp_path / "doc.pdf", "--certificate", key.pem, "-o",
                          tmp_path / "prepared-2.json", "--to-sign", tmp_path / "to-sign.bin")],
        "sign-finish": [("sign-finish", tmp_path / "prepared.json", "--cms", tmp_path / "answer.der", "-o",
                         tmp_path / "finished.pdf")],
        "sign": [("sign", tmp_path / "doc.pdf", "--pkcs12", key.p12, "-o", tmp_path / "signed.pdf")],
        "verify": [("verify", tmp_path / "signed.pdf", "--trust", write_ca(tmp_path, ca))],
    }


def _barcode_cases(tmp_path):
    """A passport's QR code as a picture, taken from the rendered DOCX."""
    import kzcadastre_docs as kz
    from kzcadastre_docs.docx import Package

    source = sorted((SAMPLES / "passport-apartment").glob("*.json"))[0]
    document = kz.render_document("passport-apartment", json.loads(source.read_text(encoding="utf-8")), "ru")
    package = Package.from_bytes(document.docx)
    picture = next(name for name in package.names() if name.startswith("word/media/") and name.endswith(".png"))
    (tmp_path / "qr.png").write_bytes(package.get(picture))
    return {"verify-barcode": [("verify-barcode", tmp_path / "qr.png", "--data", source)]}


def test_every_command_speaks_json_that_fits_its_schema(tmp_path, monkeypatch):
    monkeypatch.setenv("KZCADASTRE_KEY_PASSWORD", "")
    cases = _cases(tmp_path)
    missing = {"-".join(path) for path in command_paths()} - set(cases)
    assert not missing, f"add a JSON case for: {missing}"
    for name, invocations in cases.items():
        for args in invocations:
            result, output = run_json(*args)
            assert result.exit_code == 0, (args, result.output)
            jsonschema.validate(output, schema_for(name if args[1:2] != ("assign",) else "cadastral-assign"))
            if args[:2] == ("cadastral", "assign") and "--temporary" in args:  # then make it permanent
                temporary = output["assigned"][0]["number"]
                result, output = run_json("cadastral", "permanent", temporary, "--land-plot", "21:320:136:0001",
                                          *args[args.index("--specialist"):])
                assert result.exit_code == 0, result.output
                jsonschema.validate(output, schema_for("cadastral-permanent"))


@pytest.mark.parametrize(("args", "status", "code", "field"), [
    (("render", "annex-1", "--data", "missing.json", "-o", "x/"), 2, "data_file", "missing.json"),
    (("render", "annex-1", "--data", "missing.json"), 2, "missing_parameter", "-o"),
    (("render", "annex-77", "--data", SAMPLES / "requirements-new-object" / "astana-branch.json", "-o", "x/"), 2,
     "unknown_form", "FORM"),
    (("deadline", "--service", "passport", "--object-type", "apartment", "--submitted", "24.11.2026"), 2,
     "bad_parameter", "--submitted"),
    (("fee", "--service", "passport", "--object-type", "other", "--on", "2026-11-24"), 2, "fee", "--area"),
    (("bundle", SAMPLES / "cases" / "house-almaty-region.yaml", "-o", "case.zip"), 2, "output_suffix", "-o"),
    (("batch", "--form", "annex-1", "--input", SAMPLES / "cases" / "house-almaty-region.yaml", "-o", "b/",
      "--scheduler", "tcp://h:1"), 2, "usage", None),
    (("nonsense",), 2, "usage", None),
])
def test_errors_come_as_json_on_stdout_with_the_same_status(tmp_path, monkeypatch, args, status, code, field):
    monkeypatch.chdir(tmp_path)
    result, output = run_json(*args)
    assert result.exit_code == status, result.output
    jsonschema.validate(output, schema_for("error"))
    assert output["error"]["code"] == code and output["error"]["field"] == field, output


def test_invalid_data_lists_every_problem_in_the_error(tmp_path):
    data = tmp_path / "d.json"
    data.write_text('{"document_date": "2026-02-30", "branch": 5}', encoding="utf-8")
    result, output = run_json("render", "annex-1", "--data", data, "-o", f"{tmp_path}/o/")
    assert result.exit_code == 2
    jsonschema.validate(output, schema_for("error"))
    assert output["error"]["code"] == "invalid_data"
    assert {p["field"] for p in output["error"]["problems"]} >= {"document_date", "branch"}
    assert not (tmp_path / "o").exists()
