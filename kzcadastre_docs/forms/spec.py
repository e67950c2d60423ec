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
RESERVED_CONTEXT_NAMES = frozenset({"lang", "form", "provenance_notice", "edition"})


class Provenance(str, Enum):
    """Where a form's wording comes from."""

    OFFICIAL_TEXT = "official-text"  # word for word from the order's annex, in the edition in force
    PRESCRIBED_CONTENT = "prescribed-content"  # the Rules say what it contains; no form is approved
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


#: What a document's properties (description) say about its wording, by text provenance.
#: An official text gets its act, edition and source instead (`FormSpec.provenance_notice`).
PROVENANCE_NOTICE = {
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


#: The text provenance of an official form shipped in both languages.
OFFICIAL_BOTH = {"kk": TextProvenance.OFFICIAL, "ru": TextProvenance.OFFICIAL}

#: The editions every official annex is shipped in (ids of `forms.editions`).
OFFICIAL_EDITIONS = ("2026-01-22", "2026-07-12")

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
    #: The editions of Order No. 156 (ids, `forms.editions`) with a shipped official text.
    editions: tuple[str, ...] = ()
    #: Where the content is prescribed (a notice: no approved form), what prescribes it.
    prescribed_by: str = ""
    #: What a document's properties say of its wording, from its data: (model, lang) -> text.
    #: Without it, the provenance notice.
    properties_note: Callable[[DocumentModel, str], str] | None = None
    #: What the properties say about the wording, by language, for a form whose text is not
    #: an annex of the Rules (its own act is named here).
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

    def provenance_notice(self, lang: str, text_provenance: TextProvenance | None = None,
                          edition: Any = None) -> str:
        """What the document's properties say about its wording.

        >>> from kzcadastre_docs.forms import get_form
        >>> from kzcadastre_docs.forms.editions import get_edition
        >>> print(get_form("annex-1").provenance_notice("kk", edition=get_edition("2026-01-22")))
        Ресми мәтін: Қазақстан Республикасы Әділет министрінің 2013 жылғы 6 мамырдағы № 156 бұйрығы, 1-қосымша, 2026-01-22 редакциясы (Қазақстан Республикасы Әділет министрінің 2026 жылғы 22 қаңтардағы № 65 бұйрығы); дереккөзі: https://zan.gov.kz/client/#!/doc/72959/kaz/22.01.2026
        """
        if text_provenance is None and lang in self.source_notice:
            return self.source_notice[lang]
        provenance = text_provenance or self.text_provenance[lang]
        if provenance is TextProvenance.OFFICIAL and edition is not None:
            from .editions import act_name

            if lang == "kk":
                text = (f"Ресми мәтін: {act_name(lang)}, {self.annex}-қосымша, {edition.id} редакциясы "
                        f"({edition.amended_by[lang]}); дереккөзі: {edition.source[lang]}")
            else:
                text = (f"Официальный текст: {act_name(lang)}, приложение {self.annex}, редакция {edition.id} "
                        f"({edition.amended_by[lang]}); источник: {edition.source[lang]}")
            if edition.id not in self.editions:
                text += {"kk": " (бұл редакцияның мәтіні жеткізілмеген: басқа редакцияның мәтіні басылды)",
                         "ru": " (текст этой редакции не поставляется: напечатан текст другой редакции)"}[lang]
            return text
        if provenance is TextProvenance.OFFICIAL:
            return {"kk": "Ресми мәтін.", "ru": "Официальный текст."}[lang]
        if self.provenance is Provenance.PRESCRIBED_CONTENT and provenance is not TextProvenance.OPERATOR:
            return {"kk": "Хабарламаның бекітілген нысаны жоқ: мазмұны Қағидаларда белгіленген.",
                    "ru": "Утвержденной формы уведомления нет: его содержание установлено Правилами."}[lang]
        return PROVENANCE_NOTICE[(provenance, lang)]

    def document_date_or_none(self, data: DocumentModel) -> date | None:
        """The document's own date, if it has one (it decides the edition)."""
        return getattr(data, "document_date", None)

    def document_date(self, data: DocumentModel) -> date:
        """The date a document carries in its properties: its own, else the order's."""
        return getattr(data, "document_date", None) or ORDER_DATE

    def edition_summaries(self) -> list[dict]:
        """The editions this form has, with act, date in force, amending order and source."""
        from .editions import get_edition

        return [get_edition(edition).summary() for edition in self.editions]

    def summary(self) -> dict:
        """The form as plain data (what `forms --format json` prints for it)."""
        return {
            "slug": self.slug,
            "annex": self.annex,
            "provenance": self.provenance.value,
            "languages": list(self.languages),
            "title": dict(self.title),
            "text_provenance": {lang: value.value for lang, value in self.text_provenance.items()},
            "editions": self.edition_summaries(),
            "prescribed_by": self.prescribed_by or None,
            "notes": list(self.notes),
        }
