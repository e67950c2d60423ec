"""Rendering machinery: a sandboxed Jinja environment over docxtpl's pre-processing.

Layers: `environment` (Jinja, filters) and `template` (one DOCX template prepared once,
rendered many times) stand on `kzcadastre_docs.docx`; `engine` maps forms and languages to
prepared templates.
"""

from .engine import Renderer, default_templates_dir
from .environment import make_environment
from .pictures import InlineImage
from .template import PreparedTemplate

__all__ = ["InlineImage", "PreparedTemplate", "Renderer", "default_templates_dir", "make_environment"]
