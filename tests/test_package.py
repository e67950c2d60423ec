"""The zip package layer and the XML text layer, on small inputs."""

from __future__ import annotations

import io
import zipfile

import pytest

from kzcadastre_docs.docx import Package, normalise_xml, paragraph_texts
from kzcadastre_docs.docx.package import FIXED_ZIP_TIME, PackageError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _package() -> Package:
    return Package((("word/document.xml", b"<d/>"), ("[Content_Types].xml", b"<t/>"), ("a.bin", b"\x00\x01")))


def test_content_types_first_and_fixed_timestamps():
    with zipfile.ZipFile(io.BytesIO(_package().to_bytes())) as zf:
        infos = zf.infolist()
    assert [i.filename for i in infos] == ["[Content_Types].xml", "word/document.xml", "a.bin"]
    assert {i.date_time for i in infos} == {FIXED_ZIP_TIME}


def test_same_parts_same_bytes():
    assert _package().to_bytes() == _package().to_bytes()


def test_replaced_keeps_order_and_appends_new_parts():
    package = _package().replaced({"word/document.xml": b"<e/>", "new.xml": b"<n/>"})
    assert package.names() == ["word/document.xml", "[Content_Types].xml", "a.bin", "new.xml"]
    assert package.get("word/document.xml") == b"<e/>"


def test_not_a_docx_is_a_clear_error():
    with pytest.raises(PackageError, match="not a DOCX"):
        Package.from_bytes(b"plain text", origin="x.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("other.txt", "x")
    with pytest.raises(PackageError, match="word/document.xml"):
        Package.from_bytes(buffer.getvalue())


def test_paragraph_texts_reads_tabs_breaks_and_page_breaks():
    xml = (
        f'<w:document xmlns:w="{W}"><w:body>'
        "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r></w:p>"
        '<w:p><w:r><w:br w:type="page"/><w:t>d</w:t></w:r></w:p>'
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "</w:body></w:document>"
    )
    assert paragraph_texts(xml.encode()) == ["a\tb\nc", "\fd", "cell"]


def test_normalise_xml_ignores_attribute_order_and_whitespace():
    assert normalise_xml(b'<a x="1" y="2"> <b/></a>') == normalise_xml(b'<a y="2" x="1"><b/></a>')
    assert normalise_xml(b"<a><b/></a>") != normalise_xml(b"<a><c/></a>")
