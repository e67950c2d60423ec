"""Where templates live, and a cache of prepared templates shared across renders."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import FormNotAvailableError
from .environment import make_environment
from .template import PreparedTemplate

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def default_templates_dir() -> Path:
    """The shipped templates: inside the installed package, or the source tree's `templates/`."""
    installed = _PACKAGE_DIR / "templates"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "templates"


class Renderer:
    """Renders templates from one templates directory (`<dir>/<lang>/<slug>.docx`).

    Each template is read and compiled on first use and reused afterwards; the renderer is
    safe to share between threads.
    """

    def __init__(self, templates_dir: str | Path | None = None):
        #: An operator's folder (not the shipped templates): its templates render within limits.
        self.bounded = bool(templates_dir)
        self.templates_dir = Path(templates_dir) if templates_dir else default_templates_dir()
        self.env = make_environment()
        self._prepared: dict[tuple[str, str, str], PreparedTemplate] = {}
        self._lock = threading.Lock()

    def template_path(self, slug: str, lang: str, edition: str | None = None) -> Path:
        """`<dir>/editions/<edition>/<lang>/<slug>.docx` where an edition has its own
        template, else `<dir>/<lang>/<slug>.docx` (the latest edition)."""
        if edition:
            own = self.templates_dir / "editions" / edition / lang / f"{slug}.docx"
            if own.is_file():
                return own
        return self.templates_dir / lang / f"{slug}.docx"

    def prepared(self, slug: str, lang: str, edition: str | None = None) -> PreparedTemplate:
        path = self.template_path(slug, lang, edition)
        key = (slug, lang, str(path))
        with self._lock:
            template = self._prepared.get(key)
            if template is None:
                if not path.is_file():
                    raise FormNotAvailableError("no {lang} template for form {slug!r}: {path} does not exist", lang=lang,
                                                slug=slug, path=path)
                template = PreparedTemplate.load(path, self.env, name=str(path.relative_to(self.templates_dir)),
                                                 bounded=self.bounded)
                self._prepared[key] = template
            return template

    def render(
        self, slug: str, lang: str, context: Mapping[str, Any], extra_parts: Mapping[str, bytes] | None = None,
        *, edition: str | None = None,
    ) -> bytes:
        return self.prepared(slug, lang, edition).render(context, extra_parts)
