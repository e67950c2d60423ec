"""Commands and options of electronic signatures: sign, verify, and --sign for render, batch
and bundle."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from ..errors import EXIT_FAILURE, EXIT_INVALID
from ..files import atomic_write
from .app import main

#: The environment variable holding the PKCS#12 file's password, unless --password-env names another.
PASSWORD_ENV = "KZCADASTRE_KEY_PASSWORD"


def load_key(pkcs12: Path, password_env: str | None):
    """The signing key of a PKCS#12 file, its password read from the environment (a password
    never appears on a command line, where other users of the machine could read it)."""
    from ..signing import load_pkcs12

    name = password_env or PASSWORD_ENV
    password = os.environ.get(name)
    if password_env and password is None:
        raise click.UsageError(f"--password-env {password_env}: the environment variable is not set")
    return load_pkcs12(pkcs12, password)


def _placement(value: str | None):
    from ..signing import Placement

    if value is None:
        return None
    try:
        return Placement.parse(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--box") from None


def signing_options(function):
    """--sign KEY.p12, --password-env VAR and --tsa-url URL: sign each PDF written."""
    function = click.option("--tsa-url", help="With --sign: a timestamp authority (RFC 3161) for PAdES B-T.")(function)
    function = click.option("--password-env", metavar="VAR",
                            help=f"With --sign: the environment variable holding the key file's password "
                                 f"(default {PASSWORD_ENV}).")(function)
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
        click.echo(f"warning: {name}: no free place for the visible signature block; signed without one "
                   "(--box PAGE:X1,Y1,X2,Y2 puts it somewhere)", err=True)


def pdf_signer(sign_key: Path | None, password_env: str | None, tsa_url: str | None, **options) -> PdfSigner | None:
    """The signer of the --sign options, or None without --sign. The key is loaded (and
    checked) now, before anything is rendered."""
    if sign_key is None:
        if password_env or tsa_url:
            raise click.UsageError("--password-env and --tsa-url go with --sign")
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
        click.option("--lang", type=click.Choice(["kk", "ru"]), default=None,
                     help="The block's language (default: the PDF's language, else kk)."),
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
        raise SigningInputError(f"{file}: cannot be read ({exc.strerror or exc})") from None


def _refuse_existing(output: Path, force: bool) -> None:
    if output.exists() and not force:
        raise click.UsageError(f"already exists (use --force to replace): {output}")


@main.command("sign")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--pkcs12", "pkcs12", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The signer's key and certificate (.p12/.pfx): RSA, ECDSA or Ed25519.")
@click.option("--password-env", metavar="VAR", help=f"The environment variable holding the key file's password "
                                                     f"(default {PASSWORD_ENV}).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The signed PDF.")
@click.option("--force", is_flag=True, help="Replace an existing output.")
@block_options
def sign_command(file, pkcs12, password_env, output, force, **block):
    """Sign FILE.pdf (PAdES B-B; B-T with --tsa-url) with a PKCS#12 key, writing OUTPUT.

    Exit 0 signed; 2 unusable input (key, password, certificate, PDF), nothing written;
    1 other failure (a timestamp authority that does not answer)."""
    from ..signing import sign_pdf
    from ..signing.keys import certificate_summary

    _refuse_existing(output, force)
    options = _signature_options(**block)
    pdf = _read_pdf(file)
    key = load_key(pkcs12, password_env)
    _warn_without_block(pdf, options, str(file))
    signed = sign_pdf(pdf, key, options, name=str(file))
    atomic_write(output, signed, overwrite=force)
    click.echo(f"wrote {output} (signed by {certificate_summary(key.certificate)}"
               + (", timestamped" if options.tsa_url else "") + ")")


@main.command("sign-prepare")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--certificate", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The signer's certificate (PEM or DER), e.g. exported from NCALayer.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
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
    click.echo(f"wrote {output}" + (f" and {to_sign}" if to_sign else "")
               + f"; SHA-256 of the data to sign: {prepared.digest.hex()}")


@main.command("sign-finish")
@click.argument("prepared_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--cms", "cms_file", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The external signer's detached CMS over the prepared data: DER, PEM or base64.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
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
        raise SigningInputError(f"{prepared_file}: cannot be read ({exc.strerror or exc})") from None
    except (ValueError, KeyError, TypeError):
        raise SigningInputError(f"{prepared_file}: not a document prepared by sign-prepare") from None
    signed = finish_external(prepared, _cms_bytes(cms_file))
    atomic_write(output, signed, overwrite=force)
    click.echo(f"wrote {output}")


def _cms_bytes(path: Path) -> bytes:
    """A CMS file's DER: as is, from PEM, or from base64 text (as NCALayer returns it)."""
    import base64
    import binascii

    from ..signing import SigningInputError

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SigningInputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if data[:1] == b"\x30":  # DER: a SEQUENCE
        return data
    text = b"".join(line for line in data.splitlines() if not line.startswith(b"-----"))
    try:
        return base64.b64decode(text, validate=False)
    except (binascii.Error, ValueError):
        raise SigningInputError(f"{path}: neither DER nor base64 (PEM) CMS") from None


@main.command("verify")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--trust", "trust", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Trusted root certificates (PEM or DER; repeatable). Without it, chains are not checked.")
@click.option("--intermediate", "intermediates", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Intermediate CA certificates not carried in the signatures (repeatable).")
@click.option("--data", "data_file", type=click.Path(dir_okay=False, path_type=Path),
              help="The document's data (.json, .yaml): compare the barcode's payload with it.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def verify_command(file, trust, intermediates, data_file, fmt):
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
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        _print_report(report)
    sys.exit(0 if report.ok else EXIT_FAILURE)


def _print_report(report) -> None:
    for problem in report.problems:
        click.echo(f"{report.file}: {problem}")
    for number, item in enumerate(report.signatures, 1):
        click.echo(f"signature {number} ({item.field}): {'VALID' if item.ok else 'INVALID'}")
        click.echo(f"  signer: {item.signer}" + (f", {item.position}" if item.position else ""))
        click.echo(f"  certificate: serial {item.certificate_serial}, issued by {item.issuer}, "
                   f"valid {item.certificate_not_before} to {item.certificate_not_after}")
        click.echo(f"  signed at: {item.signing_time} (claimed)" + (
            f"; timestamp {item.timestamp} ({'valid' if item.timestamp_valid else 'INVALID'})" if item.timestamp else ""))
        click.echo(f"  level: {item.level}; integrity: {'intact' if item.intact else 'BROKEN'}; chain: "
                   + ("not checked (no --trust)" if item.trusted is None else "trusted" if item.trusted else "NOT trusted"))
        if item.reason:
            click.echo(f"  reason: {item.reason}")
        click.echo("  document: " + ("unchanged since signing" if not item.changed_after_signing
                                     else f"changed after signing ({item.later_changes})"))
        for problem in item.problems:
            click.echo(f"  problem: {problem}")
    if report.barcode is not None:
        barcode = report.barcode
        click.echo(f"barcode: {'VALID' if barcode['valid'] else 'INVALID'}"
                   + (f" ({barcode['payload']})" if barcode.get("payload") else ""))
        if barcode.get("signed_by"):
            click.echo(f"  signed by: {barcode['signed_by']['signer']}, serial {barcode['signed_by']['serial']}")
        for problem in barcode["problems"]:
            click.echo(f"  problem: {problem}")
    click.echo(f"{report.file}: " + ("valid" if report.ok else "NOT valid")
               + ("" if report.revocation_checked else " (revocation not checked)"))


__all__ = ["EXIT_INVALID", "PASSWORD_ENV", "PdfSigner", "barcodes_signed_by", "load_key", "pdf_signer",
           "signing_options"]
