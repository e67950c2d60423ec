"""Commands and options of electronic signatures: sign, verify, and --sign for render, batch
and bundle."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from ..errors import EXIT_FAILURE, EXIT_INVALID
from ..i18n.catalogue import describe, gettext as _
from .app import main
from .common import OutputPath, atomic_write, document_lang_option
from .ui import emit, fail, say, warn

#: The environment variable holding the PKCS#12 file's password, unless --password-env names another.
PASSWORD_ENV = "KZCADASTRE_KEY_PASSWORD"


def load_key(pkcs12: Path, password_env: str | None):
    """The signing key of a PKCS#12 file, its password read from the environment (a password
    never appears on a command line, where other users of the machine could read it)."""
    from ..signing import load_pkcs12

    name = password_env or PASSWORD_ENV
    password = os.environ.get(name)
    if password_env and password is None:
        raise click.UsageError(_("--password-env {name}: the environment variable is not set").format(name=password_env))
    return load_pkcs12(pkcs12, password)


def _placement(value: str | None):
    from ..signing import Placement

    if value is None:
        return None
    try:
        return Placement.parse(value)
    except ValueError as exc:
        reason = exc.args[0] if exc.args else exc
        raise click.BadParameter(describe(reason) if isinstance(reason, str) else str(exc), param_hint="--box") from None


def signing_options(function):
    """--sign KEY.p12, --password-env VAR and --tsa-url URL: sign each PDF written."""
    function = click.option("--tsa-url", help="With --sign: a timestamp authority (RFC 3161) for PAdES B-T.")(function)
    function = click.option("--password-env", metavar="VAR",
                            help="With --sign: the environment variable holding the key file's password "
                                 "(default KZCADASTRE_KEY_PASSWORD).")(function)
    return click.option("--sign", "sign_key", type=click.Path(dir_okay=False, path_type=Path), metavar="KEY.p12",
                        help="Sign every PDF (PAdES) with this PKCS#12 key; implies --pdf.")(function)


class PdfSigner:
    """The --sign options at work: called with PDF bytes, returns them signed; `barcodes()`
    is the context in which rendering signs the QR payloads with the same key."""

    def __init__(self, key, options):
        self.key = key
        self.options = options

    def __call__(self, pdf: bytes, name: str = "PDF") -> bytes:
        from ..signing import sign_pdf

        _warn_without_block(pdf, self.options, name)
        return sign_pdf(pdf, self.key, self.options, name=name)

    def barcodes(self):
        from ..signing.barcode import barcode_signing

        return barcode_signing(self.key)


def _warn_without_block(pdf: bytes, options, name: str) -> None:
    from ..signing.pades import block_placement, open_pdf

    open_pdf(pdf, name=name)  # a file that is not a readable PDF is refused before any warning
    if options.visible and block_placement(pdf, options) is None:
        warn(_("{name}: no free place for the visible signature block; signed without one "
               "(--box PAGE:X1,Y1,X2,Y2 puts it somewhere)").format(name=name))


def pdf_signer(sign_key: Path | None, password_env: str | None, tsa_url: str | None, **options) -> PdfSigner | None:
    """The signer of the --sign options, or None without --sign. The key is loaded (and
    checked) now, before anything is rendered."""
    if sign_key is None:
        if password_env or tsa_url:
            raise click.UsageError(_("--password-env and --tsa-url go with --sign"))
        return None
    from ..signing import SignatureOptions

    return PdfSigner(load_key(sign_key, password_env), SignatureOptions(tsa_url=tsa_url, **options))


def barcodes_signed_by(sign: PdfSigner | None):
    """The context for rendering: QR payloads signed by `sign`'s key, or nothing to do."""
    from contextlib import nullcontext

    return nullcontext() if sign is None else sign.barcodes()


def block_options(function):
    """The signature's reason, location, duplicate mark, timestamp and visible block."""
    options = [
        click.option("--tsa-url", help="A timestamp authority (RFC 3161): the signature gets a timestamp (PAdES B-T)."),
        click.option("--reason", help="The signature's reason (a duplicate's mark comes first)."),
        click.option("--location", help="The signature's location, e.g. the branch's city."),
        click.option("--duplicate/--not-duplicate", default=None,
                     help="Mark the signature as a duplicate's (Телнұсқа / Дубликат); default: from the PDF's title."),
        document_lang_option(choices=("kk", "ru"), default=None,
                             help_text="Language of the signature block: kk (or kz) or ru (default: the PDF's "
                                       "language, else kk)."),
        click.option("--position", "signer_position", help="The signer's position printed in the block "
                                                           "(default: the certificate's title)."),
        click.option("--anchor", "anchors", multiple=True,
                     help="Text under which the block goes (repeatable; default: the head's signature captions)."),
        click.option("--box", help="Put the block here instead: PAGE:X1,Y1,X2,Y2 in points (page 1 = first, -1 = last)."),
        click.option("--invisible", is_flag=True, help="Sign without a visible block."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _signature_options(tsa_url, reason, location, duplicate, lang, signer_position, anchors, box, invisible):
    from ..signing import SignatureOptions
    from ..signing.placement import DEFAULT_ANCHORS

    return SignatureOptions(reason=reason, location=location, lang=lang, duplicate=duplicate,
                            visible=not invisible, placement=_placement(box), anchors=tuple(anchors) or DEFAULT_ANCHORS,
                            signer_position=signer_position, tsa_url=tsa_url)


def _read_pdf(file: Path) -> bytes:
    from ..signing import SigningInputError

    try:
        return file.read_bytes()
    except OSError as exc:
        raise SigningInputError("{file}: cannot be read ({detail})", file=file, detail=exc.strerror or exc) from None


def _refuse_existing(output: Path, force: bool, suffix: str | None = None) -> None:
    if output.exists() and not force:
        raise fail("already exists (use --force to replace): {files}", code="output_exists", field="-o",
                   files=output)
    if suffix and output.suffix.lower() != suffix:
        raise fail("-o {path}: the result is a {suffix} file", code="output_suffix", field="-o", path=output,
                   suffix=suffix)


@main.command("sign")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--pkcs12", "pkcs12", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The signer's key and certificate (.p12/.pfx): RSA, ECDSA or Ed25519.")
@click.option("--password-env", metavar="VAR", help="The environment variable holding the key file's password "
                                                     "(default KZCADASTRE_KEY_PASSWORD).")
@click.option("-o", "--output", type=OutputPath(dir_okay=False, path_type=Path), required=True,
              help="The signed PDF.")
@click.option("--force", is_flag=True, help="Replace an existing output.")
@block_options
def sign_command(file, pkcs12, password_env, output, force, **block):
    """Sign FILE.pdf (PAdES B-B; B-T with --tsa-url) with a PKCS#12 key, writing OUTPUT.

    Exit 0 signed; 2 unusable input (key, password, certificate, PDF), nothing written;
    1 other failure (a timestamp authority that does not answer)."""
    from ..signing import sign_pdf
    from ..signing.keys import certificate_summary

    _refuse_existing(output, force, ".pdf")
    options = _signature_options(**block)
    pdf = _read_pdf(file)
    key = load_key(pkcs12, password_env)
    _warn_without_block(pdf, options, str(file))
    signed = sign_pdf(pdf, key, options, name=str(file))
    atomic_write(output, signed, overwrite=force)
    signer = certificate_summary(key.certificate)
    say((_("wrote {path} (signed by {signer}, timestamped)") if options.tsa_url else
         _("wrote {path} (signed by {signer})")).format(path=output, signer=signer))
    emit({"output": str(output), "signer": signer, "timestamped": bool(options.tsa_url)})


@main.command("sign-prepare")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--certificate", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The signer's certificate (PEM or DER), e.g. exported from NCALayer.")
@click.option("-o", "--output", type=OutputPath(dir_okay=False, path_type=Path), required=True,
              help="The prepared document (JSON: the PDF with its placeholder, and what to sign).")
@click.option("--to-sign", "to_sign", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the bytes the external signer must sign (a detached CMS over them).")
@click.option("--reserved", type=click.IntRange(1024, 1 << 20), default=None,
              help="Bytes kept for the CMS (default 24576).")
@click.option("--force", is_flag=True, help="Replace existing outputs.")
@block_options
def sign_prepare_command(file, certificate, output, to_sign, reserved, force, **block):
    """Step 1 of signing with an external signer (a GOST key in NCALayer or a Kalkan service):
    prepare FILE.pdf and write what must be signed. Step 2 is sign-finish."""
    from ..signing import DEFAULT_RESERVED, prepare_external
    from ..signing.keys import load_certificates

    _refuse_existing(output, force)
    if to_sign is not None:
        _refuse_existing(to_sign, force)
    options = _signature_options(**block)
    pdf = _read_pdf(file)
    certificates = load_certificates(certificate)
    _warn_without_block(pdf, options, str(file))
    prepared = prepare_external(pdf, certificates[0], options, reserved=reserved or DEFAULT_RESERVED, name=str(file))
    if to_sign is not None:
        atomic_write(to_sign, prepared.signed_bytes(), overwrite=force)
    atomic_write(output, json.dumps(prepared.to_dict(), indent=1).encode("utf-8"), overwrite=force)
    say((_("wrote {path} and {to_sign}; SHA-256 of the data to sign: {digest}") if to_sign else
         _("wrote {path}; SHA-256 of the data to sign: {digest}")).format(path=output, to_sign=to_sign,
                                                                          digest=prepared.digest.hex()))
    emit({"output": str(output), "to_sign": str(to_sign) if to_sign else None, "sha256": prepared.digest.hex()})


@main.command("sign-finish")
@click.argument("prepared_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--cms", "cms_file", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The external signer's detached CMS over the prepared data: DER, PEM or base64.")
@click.option("-o", "--output", type=OutputPath(dir_okay=False, path_type=Path), required=True,
              help="The signed PDF.")
@click.option("--force", is_flag=True, help="Replace an existing output.")
def sign_finish_command(prepared_file, cms_file, output, force):
    """Step 2 of signing with an external signer: put its CMS into the prepared document.
    The CMS is checked first (detached SignedData by the prepared certificate, over the
    prepared data); exit 1 if it does not fit, 2 for unreadable files."""
    from ..signing import PreparedDocument, SigningInputError, finish_external

    _refuse_existing(output, force)
    try:
        prepared = PreparedDocument.from_dict(json.loads(prepared_file.read_text(encoding="utf-8")))
    except OSError as exc:
        raise SigningInputError("{file}: cannot be read ({detail})", file=prepared_file,
                                detail=exc.strerror or exc) from None
    except (ValueError, KeyError, TypeError):
        raise SigningInputError("{file}: not a document prepared by sign-prepare", file=prepared_file) from None
    signed = finish_external(prepared, _cms_bytes(cms_file))
    atomic_write(output, signed, overwrite=force)
    say(_("wrote {path}").format(path=output))
    emit({"output": str(output)})


def _cms_bytes(path: Path) -> bytes:
    """A CMS file's DER: as is, from PEM, or from base64 text (as NCALayer returns it)."""
    import base64
    import binascii

    from ..signing import SigningInputError

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SigningInputError("{file}: cannot be read ({detail})", file=path, detail=exc.strerror or exc) from None
    if data[:1] == b"\x30":  # DER: a SEQUENCE
        return data
    text = b"".join(line for line in data.splitlines() if not line.startswith(b"-----"))
    try:
        return base64.b64decode(text, validate=False)
    except (binascii.Error, ValueError):
        raise SigningInputError("{file}: neither DER nor base64 (PEM) CMS", file=path) from None


@main.command("verify")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--trust", "trust", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Trusted root certificates (PEM or DER; repeatable). Without it, chains are not checked.")
@click.option("--intermediate", "intermediates", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Intermediate CA certificates not carried in the signatures (repeatable).")
@click.option("--data", "data_file", type=click.Path(dir_okay=False, path_type=Path),
              help="The document's data (.json, .yaml): compare the barcode's payload with it.")
def verify_command(file, trust, intermediates, data_file):
    """Verify every signature of FILE.pdf (integrity, signer, certificate validity and chain,
    signing time, changes after signing) and its barcode (signature, payload; with --data
    against the data). Exit 0 valid, 1 invalid, 2 unreadable input."""
    from ..files import load_data
    from ..signing.keys import load_certificates
    from ..signing.verify import verify_file

    roots = [c for path in trust for c in load_certificates(path)]
    others = [c for path in intermediates for c in load_certificates(path)]
    data = load_data(data_file) if data_file is not None else None
    report = verify_file(file, roots, data=data, intermediates=others)
    emit(_report_json(report), lambda: _print_report(report))
    sys.exit(0 if report.ok else EXIT_FAILURE)


def _report_json(report) -> dict:
    """The report as JSON, its problems in the message language."""
    data = report.as_dict()
    data["problems"] = [describe(problem) for problem in report.problems]
    for item, signature in zip(data["signatures"], report.signatures):
        item["problems"] = [describe(problem) for problem in signature.problems]
    if isinstance(data.get("barcode"), dict) and "problems" in data["barcode"]:
        data["barcode"] = {**data["barcode"], "problems": [describe(p) for p in data["barcode"]["problems"]]}
    return data


def _state(ok: bool) -> str:
    return _("VALID") if ok else _("INVALID")


def _print_report(report) -> None:
    for problem in report.problems:
        click.echo(f"{report.file}: {describe(problem)}")
    for number, item in enumerate(report.signatures, 1):
        click.echo(_("signature {number} ({field}): {state}").format(number=number, field=item.field,
                                                                      state=_state(item.ok)))
        click.echo(_("  signer: {signer}").format(signer=item.signer) + (f", {item.position}" if item.position else ""))
        click.echo(_("  certificate: serial {serial}, issued by {issuer}, valid {start} to {end}").format(
            serial=item.certificate_serial, issuer=item.issuer, start=item.certificate_not_before,
            end=item.certificate_not_after))
        stamp = ""
        if item.timestamp:
            stamp = _("; timestamp {time} ({state})").format(time=item.timestamp, state=_state(item.timestamp_valid))
        click.echo(_("  signed at: {time} (claimed)").format(time=item.signing_time) + stamp)
        chain = (_("not checked (no --trust)") if item.trusted is None else _("trusted") if item.trusted
                 else _("NOT trusted"))
        click.echo(_("  level: {level}; integrity: {integrity}; chain: {chain}").format(
            level=item.level, integrity=_("intact") if item.intact else _("BROKEN"), chain=chain))
        if item.reason:
            click.echo(_("  reason: {reason}").format(reason=item.reason))
        click.echo(_("  document: unchanged since signing") if not item.changed_after_signing
                   else _("  document: changed after signing ({changes})").format(changes=item.later_changes))
        for problem in item.problems:
            click.echo(_("  problem: {problem}").format(problem=describe(problem)))
    if report.barcode is not None:
        barcode = report.barcode
        click.echo(_("barcode: {state}").format(state=_state(barcode["valid"]))
                   + (f" ({barcode['payload']})" if barcode.get("payload") else ""))
        if barcode.get("signed_by"):
            click.echo(_("  signed by: {signer}, serial {serial}").format(signer=barcode["signed_by"]["signer"],
                                                                          serial=barcode["signed_by"]["serial"]))
        for problem in barcode["problems"]:
            click.echo(_("  problem: {problem}").format(problem=describe(problem)))
    verdict = _("{file}: valid") if report.ok else _("{file}: NOT valid")
    click.echo(verdict.format(file=report.file)
               + ("" if report.revocation_checked else _(" (revocation not checked)")))


__all__ = ["EXIT_INVALID", "PASSWORD_ENV", "PdfSigner", "barcodes_signed_by", "load_key", "pdf_signer",
           "signing_options"]
