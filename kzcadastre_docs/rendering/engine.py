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
        self._prepared: dict[tuple[str, str], PreparedTemplate] = {}
        self._lock = threading.Lock()

    def template_path(self, slug: str, lang: str) -> Path:
        return self.templates_dir / lang / f"{slug}.docx"

    def prepared(self, slug: str, lang: str) -> PreparedTemplate:
        key = (slug, lang)
        with self._lock:
            template = self._prepared.get(key)
            if template is None:
                path = self.template_path(slug, lang)
                if not path.is_file():
                    raise FormNotAvailableError("no {lang} template for form {slug!r}: {path} does not exist", lang=lang,
                                                slug=slug, path=path)
                template = PreparedTemplate.load(path, self.env, name=f"{lang}/{slug}.docx", bounded=self.bounded)
                self._prepared[key] = template
            return template

    def render(
        self, slug: str, lang: str, context: Mapping[str, Any], extra_parts: Mapping[str, bytes] | None = None
    ) -> bytes:
        return self.prepared(slug, lang).render(context, extra_parts)
