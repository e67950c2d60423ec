"""The engine's fast paths give exactly what the slow ones give: number formatting without
Babel's per-call pattern work, the skipped docxtpl listing pass, the zip writer that
compresses a template's unchanged parts once."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

from docxtpl import DocxTemplate
from hypothesis import given, settings, strategies as st
from babel.numbers import format_decimal

from kzcadastre_docs.i18n import formatting
from kzcadastre_docs.docx.package import CONTENT_TYPES, FIXED_ZIP_TIME, Package, PackageWriter
from kzcadastre_docs.rendering.template import postprocess

from .conftest import SAMPLES


@settings(max_examples=400, deadline=None)
@given(value=st.decimals(min_value=0, max_value=Decimal("1e12"), allow_nan=False, allow_infinity=False,
                         places=4),
       places=st.integers(0, 3), lang=st.sampled_from(["kk", "ru"]))
def test_numbers_match_babel(value, places, lang):
    quantized = value.quantize(Decimal(1).scaleb(-places), rounding="ROUND_HALF_UP")
    pattern = "#,##0" + ("." + "0" * places if places else "")
    expected = format_decimal(quantized, format=pattern, locale=formatting.BABEL_LOCALES[lang])
    assert formatting.number(value, lang, places=places) == expected


def test_negative_numbers_still_go_through_babel():
    assert formatting.number(Decimal("-1234.5"), "ru", places=2) == "-1\xa0234,50"


@given(text=st.text(alphabet=st.sampled_from("ab \t\n\a\fә"), max_size=12))
def test_postprocess_matches_docxtpl(text):
    xml = f'<w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
    assert postprocess("\n" + xml) == DocxTemplate.resolve_listing(None, xml)


def _zipfile_bytes(package: Package) -> bytes:
    """What Python's zipfile writes for the package (the writer's reference)."""
    ordered = sorted(package.parts, key=lambda part: part[0] != CONTENT_TYPES)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in ordered:
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()


def test_the_package_writer_writes_what_zipfile_writes():
    package = Package.from_bytes((SAMPLES / "abris" / "house-almaty-region.kk.docx").read_bytes())
    writer = PackageWriter(package)
    assert writer.write({}) == _zipfile_bytes(package)
    changed = {"word/document.xml": b"<changed/>", "word/media/new.png": b"\x89PNG"}
    assert writer.write(changed) == _zipfile_bytes(package.replaced(changed))
    assert zipfile.ZipFile(io.BytesIO(writer.write(changed))).testzip() is None
