"""PAdES signatures on a PDF with pyHanko: baseline B-B, and B-T when a timestamp authority
is given; a visible signature block (name, position, certificate serial, time) under the
head's signature caption; a duplicate's mark "Телнұсқа" / "Дубликат" in the signature's
reason and in the block.

The signature is an incremental update: the signed bytes are the original PDF followed by
the new revision, so a PDF/A-2b file keeps its XMP (pdfaid) and everything PDF/A needs; the
block's text is set in the bundled DejaVu Sans Condensed, embedded (PDF/A forbids
non-embedded fonts), on an opaque appearance without transparency.
"""

from __future__ import annotations

import asyncio
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import datetime, timedelta, timezone
from io import BytesIO
from pathlib import Path

from ..i18n.catalogue import N_, Message
from ..i18n.system import DAMAGED_FILE, library_reason
from .errors import SigningError, SigningInputError
from .keys import SigningKey, serial_hex, subject_name, subject_title
from .placement import DEFAULT_ANCHORS, Placement, find_placement

#: Why pyHanko refused a PDF, or a timestamp authority's answer (their own words go to the log).
UNSIGNABLE = N_("the signing library cannot handle this PDF")
UNUSABLE_ANSWER = N_("its answer cannot be used")

#: Kazakhstan's time (UTC+5 since 1 March 2024): the block prints the signing time in it.
KZ_TIME = timezone(timedelta(hours=5), "UTC+5")
FIELD_NAME = "Signature"
#: The block's font: has every Kazakh letter; embedded as a subset.
BLOCK_FONT = Path(__file__).resolve().parent.parent / "data" / "fonts" / "DejaVuSansCondensed.ttf"

#: The duplicate's electronic mark (paragraph 11 of the Rules), per language.
DUPLICATE_MARK = {"kk": "Телнұсқа", "ru": "Дубликат"}

_BLOCK_TEXT = {
    "kk": ("Электрондық цифрлық қолтаңбамен қол қойылды", "Қол қойған", "Лауазымы", "Сертификат №",
           "Қол қойылған уақыты"),
    "ru": ("Подписано электронной цифровой подписью", "Подписант", "Должность", "Сертификат №",
           "Время подписания"),
}


@dataclass(frozen=True)
class SignatureOptions:
    """What goes into a signature besides the key.

    `lang` chooses the block's language (default: the PDF's /Lang, else kk). `duplicate`
    None means: a duplicate if the PDF's title carries the mark (the library's duplicates
    do). `placement` overrides the search for `anchors`; `visible=False` makes no block.
    `tsa_url` asks a timestamp authority (RFC 3161) for a signature timestamp: PAdES B-T.
    """

    reason: str | None = None
    location: str | None = None
    lang: str | None = None
    duplicate: bool | None = None
    visible: bool = True
    placement: Placement | None = None
    anchors: tuple[str, ...] = DEFAULT_ANCHORS
    signer_name: str | None = None
    signer_position: str | None = None
    tsa_url: str | None = None
    tsa_timeout: float = 10.0
    field_name: str = FIELD_NAME
    signing_time: datetime | None = field(default=None, compare=False)


def open_pdf(pdf: bytes, *, name: str = "PDF"):
    """A pyHanko incremental writer over the PDF's bytes; SigningInputError if it is not a PDF."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError

    if not pdf.lstrip()[:5] == b"%PDF-":
        raise SigningInputError("{name}: not a PDF file", name=name)
    class _KeepMetadata(IncrementalPdfFileWriter):
        """Leaves the information dictionary and the XMP as they are.

        pyHanko would otherwise write a new XMP packet of its own into the signed revision
        (it does not re-read the one a PDF/A file has), which drops the pdfaid entries: the
        file would stop declaring PDF/A. The signature itself carries the signing time.
        """

        def _update_meta(self):
            return None

    try:
        writer = _KeepMetadata(BytesIO(pdf), strict=False)
        writer.root  # noqa: B018 - reads the catalog now, so that a broken file fails here
        _ = writer.prev.root["/Pages"]
    except (PdfError, KeyError, ValueError, TypeError, IndexError) as exc:
        raise SigningInputError("{name}: cannot be read as a PDF ({detail})", name=name,
                                detail=library_reason(exc, DAMAGED_FILE)) from None
    if writer.prev.encrypted:
        raise SigningInputError("{name}: the PDF is encrypted; sign an unencrypted file", name=name)
    return writer


def document_language(pdf: bytes) -> str:
    """'kk' or 'ru' from the PDF catalog's /Lang; 'kk' when absent or another language."""
    from pypdf import PdfReader

    try:
        lang = str(PdfReader(BytesIO(pdf)).trailer["/Root"].get("/Lang", ""))
    except Exception:  # noqa: BLE001 - a language guess must not fail signing
        return "kk"
    return "ru" if lang.lower().startswith("ru") else "kk"


def is_duplicate(pdf: bytes) -> bool:
    """Whether the PDF's title carries the duplicate's mark (as the library's duplicates do)."""
    from pypdf import PdfReader

    try:
        title = str((PdfReader(BytesIO(pdf)).metadata or {}).get("/Title", ""))
    except Exception:  # noqa: BLE001
        return False
    return any(mark.upper() in title.upper() for mark in DUPLICATE_MARK.values())


def _resolve(pdf: bytes, options: SignatureOptions) -> tuple[str, bool]:
    lang = options.lang or document_language(pdf)
    duplicate = is_duplicate(pdf) if options.duplicate is None else options.duplicate
    return lang, duplicate


def reason_text(options: SignatureOptions, lang: str, duplicate: bool) -> str | None:
    """The signature's reason: the duplicate's mark first, then the caller's reason.

    >>> reason_text(SignatureOptions(reason="Заключение"), "ru", True)
    'Дубликат. Заключение'
    >>> reason_text(SignatureOptions(), "kk", True)
    'Телнұсқа'
    >>> reason_text(SignatureOptions(), "kk", False) is None
    True
    """
    parts = [DUPLICATE_MARK[lang]] if duplicate else []
    if options.reason:
        parts.append(options.reason)
    return ". ".join(parts) or None


def block_lines(certificate, options: SignatureOptions, lang: str, duplicate: bool, when: datetime) -> list[str]:
    """The visible block's lines."""
    heading, signer, position_word, serial_word, time_word = _BLOCK_TEXT[lang]
    lines = [f"{DUPLICATE_MARK[lang].upper()}"] if duplicate else []
    lines.append(heading)
    lines.append(f"{signer}: {options.signer_name or subject_name(certificate)}")
    position = options.signer_position if options.signer_position is not None else subject_title(certificate)
    if position:
        lines.append(f"{position_word}: {position}")
    lines.append(f"{serial_word} {serial_hex(certificate)}")
    lines.append(f"{time_word}: {when.astimezone(KZ_TIME):%d.%m.%Y %H:%M:%S} (UTC+5)")
    return lines


#: The characters the block can print: Latin, Latin-1, Cyrillic (with every Kazakh letter),
#: the numero sign, dashes and quotes.
_BLOCK_CHARACTERS = (list(range(0x20, 0x7F)) + list(range(0xA0, 0x100)) + list(range(0x400, 0x530))
                     + [0x2013, 0x2014, 0x201C, 0x201D, 0x201E, 0x2116])


@lru_cache(maxsize=1)
def _block_font_bytes() -> bytes:
    """The block's font, cut to the characters it prints and scaled to 1000 units per em.

    pyHanko writes a TrueType font's glyph widths in the font's own units, while a PDF reads
    them as thousandths of an em: DejaVu's 2048 units would spread the letters twice as far
    apart as they should be. The font is rescaled in memory, once per process.
    """
    import logging

    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
    font = TTFont(str(BLOCK_FONT))
    options = subset.Options()
    options.hinting = False
    options.layout_features = []  # no shaping tables: Cyrillic and Latin need none, and subsetting is faster
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=_BLOCK_CHARACTERS)
    subsetter.subset(font)
    scale_upem(font, 1000)
    out = BytesIO()
    font.save(out)
    return out.getvalue()


def _font_factory():
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

    class _BlockFont(GlyphAccumulatorFactory):
        def create_font_engine(self, writer, obj_stream=None):
            if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
                obj_stream = writer.prepare_object_stream()
            return GlyphAccumulator(writer=writer, font_handle=BytesIO(_block_font_bytes()),
                                    font_size=self.font_size, obj_stream=obj_stream)

    return _BlockFont(str(BLOCK_FONT))


def _stamp_style(lines: list[str]):
    from pyhanko.pdf_utils.layout import AxisAlignment, Margins, SimpleBoxLayoutRule
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    text = "\n".join(line.replace("%", "%%") for line in lines)
    return TextStampStyle(
        stamp_text=text,
        text_box_style=TextBoxStyle(font=_font_factory(), font_size=7,
                                    leading=9, text_color=(0.05, 0.15, 0.45)),
        inner_content_layout=SimpleBoxLayoutRule(x_align=AxisAlignment.ALIGN_MIN, y_align=AxisAlignment.ALIGN_MID,
                                                 margins=Margins(6, 4, 6, 4)),
        border_width=1,
        border_color=(0.05, 0.15, 0.45),
        background=None,
    )


@dataclass
class _Prepared:
    """A PDF prepared for one signature: pyHanko's signer object and session settings."""

    pdf_signer: object
    writer: object
    when: datetime


def _pdf_signer(pdf: bytes, signer, certificate, options: SignatureOptions, *, name: str):
    """The pyHanko PdfSigner for this PDF and these options, and its writer."""
    from pyhanko.sign import signers
    from pyhanko.sign.fields import InvisSigSettings, SigFieldSpec, SigSeedSubFilter
    writer = open_pdf(pdf, name=name)
    lang, duplicate = _resolve(pdf, options)
    when = options.signing_time or datetime.now(timezone.utc)
    field_name = _free_field_name(writer, options.field_name)
    meta = signers.PdfSignatureMetadata(
        field_name=field_name, md_algorithm="sha256", subfilter=SigSeedSubFilter.PADES,
        reason=reason_text(options, lang, duplicate), location=options.location,
        name=options.signer_name or subject_name(certificate),
    )
    timestamper = None
    if options.tsa_url:
        from .timestamps import UrllibTimeStamper

        timestamper = UrllibTimeStamper(options.tsa_url, timeout=options.tsa_timeout)
    placement = block_placement(pdf, options) if options.visible else None
    if placement is not None:
        page_count = int(writer.prev.root["/Pages"]["/Count"])
        page = placement.page if placement.page >= 0 else page_count + placement.page
        if not 0 <= page < page_count:
            raise SigningInputError("{name}: the signature block's page {page} is not in the PDF ({count} pages)",
                                    name=name, page=placement.page + 1 if placement.page >= 0 else placement.page,
                                    count=page_count, field="--box")
        spec = SigFieldSpec(field_name, on_page=page, box=tuple(int(round(v)) for v in placement.box))
        style = _stamp_style(block_lines(certificate, options, lang, duplicate, when))
    else:
        spec = SigFieldSpec(field_name, invis_sig_settings=InvisSigSettings(set_print_flag=True,
                                                                            set_hidden_flag=False))
        style = None
    pdf_signer = _pdf17_signer_class()(meta, signer=signer, timestamper=timestamper, new_field_spec=spec,
                                   stamp_style=style)
    return _Prepared(pdf_signer, writer, when)


def block_placement(pdf: bytes, options: SignatureOptions) -> Placement | None:
    """Where the visible block goes in this PDF: the options' placement, else the search
    (kzcadastre_docs.signing.placement); None where no free place is found."""
    from pypdf import PdfReader

    if not options.visible:
        return None
    if options.placement is not None:
        return options.placement
    try:
        return find_placement(PdfReader(BytesIO(pdf)), options.anchors)
    except Exception:  # noqa: BLE001 - a page pypdf cannot read: sign without a block rather than fail
        return None


def _pdf17_signer_class():
    """pyHanko's PdfSigner, keeping the file at PDF 1.7.

    For ECDSA and EdDSA keys pyHanko declares PDF 2.0 (the ISO 32002 extension); a PDF/A-2
    file is PDF 1.7 and must stay so. PAdES with ETSI.CAdES.detached and ECDSA is defined on
    PDF 1.7 (the ESIC extension), which is all that is declared here.
    """
    from pyhanko.sign import signers
    from pyhanko.sign.signers.constants import ESIC_EXTENSION_1

    class _Pdf17Signer(signers.PdfSigner):
        def register_extensions(self, pdf_out, *, md_algorithm):
            pdf_out.ensure_output_version(version=(1, 7))
            if pdf_out.output_version < (2, 0):
                pdf_out.register_extension(ESIC_EXTENSION_1)

    return _Pdf17Signer


def _free_field_name(writer, base: str) -> str:
    """`base`, or `base`2, `base`3... when the PDF already has a field of that name."""
    from pyhanko.sign.fields import enumerate_sig_fields

    taken = {name for name, _, _ in enumerate_sig_fields(writer.prev, filled_status=None)}
    if base not in taken:
        return base
    number = 2
    while f"{base}{number}" in taken:
        number += 1
    return f"{base}{number}"


def _session(prepared: _Prepared):
    session = prepared.pdf_signer.init_signing_session(prepared.writer)
    session.system_time = prepared.when
    return session


def sign_pdf(pdf: bytes, key: SigningKey, options: SignatureOptions | None = None, *, name: str = "PDF") -> bytes:
    """The PDF with one more signature (PAdES B-B; B-T with options.tsa_url)."""
    options = options or SignatureOptions()
    signer = _simple_signer(key)
    with pyhanko_errors(name):
        prepared = _pdf_signer(pdf, signer, key.certificate, options, name=name)
        return _run(_sign(prepared))


@contextmanager
def pyhanko_errors(name: str):
    """pyHanko's own errors (a PDF it cannot sign) as SigningError, with a message, never a traceback."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign.general import SigningError as PyhankoSigningError

    try:
        yield
    except (PdfError, PyhankoSigningError) as exc:
        raise SigningError("{name}: cannot be signed: {detail}", name=name,
                           detail=library_reason(exc, UNSIGNABLE)) from None


def _simple_signer(key: SigningKey):
    from asn1crypto import keys as asn1_keys
    from cryptography.hazmat.primitives import serialization
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    store = SimpleCertificateStore()
    store.register_multiple([asn1_certificate(c) for c in key.chain])
    # The key is handed over in memory (PKCS#8 DER), never written anywhere.
    private = asn1_keys.PrivateKeyInfo.load(key.private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))

    class _LoadedKeySigner(signers.SimpleSigner):
        """Signs with the key object already loaded: pyHanko would parse the DER key again
        for every signature (for RSA, with its slow consistency check)."""

        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
            from pyhanko_certvalidator.util import get_pyca_cryptography_hash

            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
            loaded = key.private_key
            if mechanism == "rsassa_pkcs1v15" and isinstance(loaded, rsa.RSAPrivateKey):
                return loaded.sign(data, padding.PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))
            if mechanism == "ecdsa" and isinstance(loaded, ec.EllipticCurvePrivateKey):
                return loaded.sign(data, ec.ECDSA(get_pyca_cryptography_hash(digest_algorithm)))
            if mechanism == "ed25519" and isinstance(loaded, ed25519.Ed25519PrivateKey):
                return loaded.sign(data)
            return super().sign_raw(data, digest_algorithm)

    return _LoadedKeySigner(signing_cert=asn1_certificate(key.certificate), signing_key=private, cert_registry=store)


def asn1_certificate(certificate):
    """The asn1crypto form of a cryptography certificate (what pyHanko takes)."""
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization

    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


async def _sign(prepared: _Prepared) -> bytes:
    from pyhanko.sign.signers.pdf_signer import PdfCMSSignedAttributes

    session = _session(prepared)
    validation_info = await session.perform_presign_validation(prepared.writer)
    reserved = await session.estimate_signature_container_size(validation_info, tight=False)
    tbs = session.prepare_tbs_document(validation_info=validation_info, bytes_reserved=reserved)
    digest, output = tbs.digest_tbs_document()
    post = await tbs.perform_signature(
        document_digest=digest.document_digest,
        pdf_cms_signed_attrs=PdfCMSSignedAttributes(signing_time=session.system_time),
    )
    await post.post_signature_processing(output)
    return output.getvalue()


def _run(coroutine):
    from pyhanko.sign.timestamps.common_utils import TimestampRequestError

    try:
        return asyncio.run(coroutine)
    except TimestampRequestError as exc:
        detail = exc.args[0] if exc.args and isinstance(exc.args[0], Message) else library_reason(exc, UNUSABLE_ANSWER)
        raise SigningError("the timestamp authority did not give a timestamp: {detail}", detail=detail,
                           field="--tsa-url") from None
