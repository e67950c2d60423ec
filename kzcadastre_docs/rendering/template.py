"""One DOCX template, prepared once (parsed, pre-processed, compiled) and rendered many times.

docxtpl's pre-processing joins tags that Word split across runs and understands its
`{%p %}`, `{%tr %}`, `{%tc %}` and `{%r %}` tags; we apply it once per template instead of
once per render, compile the result in our sandboxed environment, and write the package
deterministically.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import Environment, TemplateError as JinjaTemplateError, meta

from ..docx.package import Package, PackageWriter
from ..errors import KzcadastreError, TemplateError
from ..i18n.catalogue import Message
from . import limits
from .jinja_messages import VALUE_ERRORS, raised_in
from .pictures import Placement

#: Parts that carry document text and so may carry template tags.
TEMPLATED_PART = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_TAG_START = re.compile(r"\{[{%#]")
_NEW_PARAGRAPH = re.compile(r"<w:p([ >])")
_MARKED_PARAGRAPH = re.compile(r"\n<w:p([ >])")
#: A text element holding a character that docxtpl's resolve_listing turns into markup.
_LISTING_TEXT = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\a\n\f]")


def preprocess(xml: str) -> str:
    """docxtpl's cleaning of a part's XML (its functions use no instance state).

    >>> preprocess('<w:t>{{</w:t></w:r><w:r><w:t>name }}</w:t>')
    '<w:t xml:space="preserve">{{name }}</w:t>'
    """
    xml = DocxTemplate.patch_xml(None, xml)
    # One paragraph a line, so that Jinja's line numbers point near the error.
    return _NEW_PARAGRAPH.sub(r"\n<w:p\1", xml)


def postprocess(xml: str) -> str:
    """Undo the line marks and turn tabs and line feeds in values into Word markup.

    docxtpl's pass over every paragraph is skipped when no text holds a tab, line feed,
    \\a or \\f: it would change nothing.
    """
    xml = _MARKED_PARAGRAPH.sub(r"<w:p\1", xml)
    if not _LISTING_TEXT.search(xml):
        return xml
    return DocxTemplate.resolve_listing(None, xml)


class PreparedTemplate:
    """A template ready to render: the package read once and every tagged part compiled."""

    def __init__(self, package: Package, env: Environment, name: str, *, bounded: bool = False):
        self.name = name
        #: An operator's template: each part's rendering has a time and size limit (see `limits`).
        self.bounded = bounded
        self.package = package
        self.writer = PackageWriter(package)  # the unchanged parts are compressed once
        self.env = env
        self.compiled = {}
        for part, data in package.parts:
            if not TEMPLATED_PART.match(part):
                continue
            xml = data.decode("utf-8")
            if not _TAG_START.search(xml):
                continue
            source = preprocess(xml)
            try:
                code = env.compile(source, name=f"{name}:{part}", filename=f"{name}:{part}")
            except JinjaTemplateError as exc:
                raise _template_error(exc, name, part, source) from exc
            self.compiled[part] = env.template_class.from_code(env, code, env.make_globals(None), None)

    @classmethod
    def load(cls, path: Path, env: Environment, name: str | None = None, *, bounded: bool = False
             ) -> PreparedTemplate:
        return cls(Package.read(path), env, name or str(path), bounded=bounded)

    def variables(self) -> set[str]:
        """Names the template reads from the top level of its context."""
        names: set[str] = set()
        for part, data in self.package.parts:
            if part in self.compiled:
                names |= meta.find_undeclared_variables(self.env.parse(preprocess(data.decode("utf-8"))))
        return names

    def render_parts(self, context: Mapping[str, Any], placement: Placement | None = None) -> dict[str, bytes]:
        rendered = {}
        for part, template in self.compiled.items():
            if placement is not None:
                placement.part = part
            try:
                xml = self._render_part(template, context)
            except JinjaTemplateError as exc:
                source = preprocess(self.package.get(part).decode("utf-8"))
                raise _template_error(exc, self.name, part, source) from exc
            except VALUE_ERRORS as exc:  # Python's own, from the template's expressions (not from ours)
                if isinstance(exc, KzcadastreError) or not raised_in(exc, f"{self.name}:{part}"):
                    raise
                source = preprocess(self.package.get(part).decode("utf-8"))
                raise _template_error(exc, self.name, part, source) from exc
            except RecursionError:
                raise TemplateError(self.name, part, Message("the template calls itself too deeply (a macro without "
                                                             "end)")) from None
            rendered[part] = postprocess(xml).encode("utf-8")
        return rendered

    def _render_part(self, template, context: Mapping[str, Any]) -> str:
        if not self.bounded:
            return template.render(context)
        with limits.time_limit(limits.RENDER_SECONDS):
            try:
                return limits.bounded_output(template.root_render_func(template.new_context(dict(context))))
            except Exception:  # noqa: BLE001 - Jinja's own handling: its exceptions with template lines
                return self.env.handle_exception()

    def render(self, context: Mapping[str, Any], extra_parts: Mapping[str, bytes] | None = None) -> bytes:
        with Placement(context) as placement:
            parts = self.render_parts(context, placement)
            if placement.pictures:
                parts.update(placement.parts({name: data for name, data in self.package.parts}))
        if extra_parts:
            parts.update(extra_parts)
        return self.writer.write(parts)


def _template_error(exc: Exception, name: str, part: str, source: str) -> TemplateError:
    """Jinja's error about a part, as the library's TemplateError: a catalogue message with the
    line and its text; Jinja's own text kept for programs (`TemplateError.as_dict`)."""
    from .jinja_messages import explain

    explained = explain(exc, source, f"{name}:{part}")
    return TemplateError(name, part, explained.message(), line=explained.line, detail=explained.raw)
