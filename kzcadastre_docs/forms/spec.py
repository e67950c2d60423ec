"""What the library knows about one document kind: its identity, provenance and model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from ..models.base import DocumentModel

#: The date of Order No. 65, the source of every annex; a document without a date of its
#: own carries this one in its properties.
ORDER_DATE = date(2026, 1, 22)

#: Names the engine puts into every rendering context; no model field may use them.
RESERVED_CONTEXT_NAMES = frozenset({"lang", "form", "provenance_notice"})


class Provenance(str, Enum):
    """Where a form's wording comes from."""

    OFFICIAL_TEXT = "official-text"  # word for word from the order (Kazakh)
    RECONSTRUCTED = "reconstructed"  # built from the Rules' paragraphs; not the official form
    RESERVED = "reserved"  # the annex number exists; its content is not known

    def __str__(self) -> str:
        return self.value


class TextProvenance(str, Enum):
    """Where the wording of one language's template comes from."""

    OFFICIAL = "official"
    TRANSLATION = "translation"  # the project's translation of the official Kazakh text
    RECONSTRUCTED = "reconstructed"
    OPERATOR = "operator"  # a template the operator supplied (--templates); the library cannot vouch for it

    def __str__(self) -> str:
        return self.value


#: The line each document prints about its own wording (footer), by text provenance.
PROVENANCE_NOTICE = {
    (TextProvenance.OFFICIAL, "kk"): "Мәтін: Қазақстан Республикасы Әділет министрінің 2026 жылғы 22 қаңтардағы № 65 бұйрығы.",
    (TextProvenance.OFFICIAL, "ru"): "Текст: приказ Министра юстиции Республики Казахстан от 22 января 2026 года № 65.",
    (TextProvenance.TRANSLATION, "kk"): "Бейресми аударма.",
    (TextProvenance.TRANSLATION, "ru"): (
        "Неофициальный перевод с казахского текста приказа Министра юстиции Республики Казахстан "
        "от 22 января 2026 года № 65; официальный текст на русском языке не использовался."
    ),
    (TextProvenance.RECONSTRUCTED, "kk"): "Нысан қайта құрастырылған: ресми нысанның мәтіні қолжетімсіз, бұл ресми нысан емес.",
    (TextProvenance.RECONSTRUCTED, "ru"): "Форма реконструирована: официальный текст формы недоступен, это не официальная форма.",
    (TextProvenance.OPERATOR, "kk"): "Нысан үлгісін оператор ұсынды.",
    (TextProvenance.OPERATOR, "ru"): "Шаблон формы предоставлен оператором.",
}


#: The text provenance of a reconstructed form shipped in both languages.
RECONSTRUCTED_BOTH = {"kk": TextProvenance.RECONSTRUCTED, "ru": TextProvenance.RECONSTRUCTED}


@dataclass(frozen=True)
class FormSpec:
    """A registered document kind.

    `languages` lists the languages with a shipped template; a form with none is registered
    (so that it is listed and its annex number known) but cannot be rendered yet.
    """

    slug: str
    annex: int | None
    title: dict[str, str]
    provenance: Provenance
    description: str
    model: type[DocumentModel] | None = None
    text_provenance: dict[str, TextProvenance] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    #: Computes what the templates show beyond the data (dates, amounts): (model, lang) -> names.
    compute: Callable[[DocumentModel, str], dict[str, Any]] | None = None
    #: The names `compute` adds, so that the template check knows them.
    computed_names: tuple[str, ...] = ()
    #: What a document's properties say of its wording, from its data: (model, lang) -> text.
    #: Without it, the provenance notice.
    properties_note: Callable[[DocumentModel, str], str] | None = None
    #: The footer's statement of where the wording comes from, by language, for a form whose
    #: text is not Order No. 65's (PROVENANCE_NOTICE says that order).
    source_notice: dict[str, str] = field(default_factory=dict)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(lang for lang in ("kk", "ru") if lang in self.text_provenance)

    @property
    def renderable(self) -> bool:
        return self.model is not None and bool(self.languages)

    def annex_label(self, lang: str) -> str:
        if self.annex is None:
            return ""
        return f"{self.annex}-қосымша" if lang == "kk" else f"Приложение {self.annex}"

    def provenance_notice(self, lang: str, text_provenance: TextProvenance | None = None) -> str:
        if text_provenance is None and lang in self.source_notice:
            return self.source_notice[lang]
        return PROVENANCE_NOTICE[(text_provenance or self.text_provenance[lang], lang)]

    def document_date(self, data: DocumentModel) -> date:
        """The date a document carries in its properties: its own, else the order's."""
        return getattr(data, "document_date", None) or ORDER_DATE

    def summary(self) -> dict:
        """The form as plain data (what `forms --format json` prints for it)."""
        return {
            "slug": self.slug,
            "annex": self.annex,
            "provenance": self.provenance.value,
            "languages": list(self.languages),
            "title": dict(self.title),
            "text_provenance": {lang: value.value for lang, value in self.text_provenance.items()},
            "notes": list(self.notes),
        }
