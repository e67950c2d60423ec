"""The public API: validate data, render documents, describe forms.

    >>> import kzcadastre_docs as kz
    >>> [f.slug for f in kz.forms()][:2]
    ['requirements-new-object', 'requirements-duplicate']
    >>> docx = kz.render("annex-1", {"document_date": "2026-11-24"}, "kk")
    >>> docx[:2]
    b'PK'
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .docx.coreprops import CORE_PART, core_properties
from .errors import DataValidationError, Problem, TemplateCheckError, UnsupportedLanguageError
from .forms import FormSpec, TextProvenance, all_forms, modelled_form, renderable_form
from .i18n.formatting import check_lang
from .models.base import DocumentModel
from .models.localized import Fallback, localize
from .rendering import Renderer
from .files import atomic_write
from .forms.editions import Edition, get_edition
from .forms.editions import choose as choose_edition
from .forms.metadata import document_metadata
from .pdf import Converter, DocumentMetadata, shared_converter

LANG_TAGS = {"kk": "kk-KZ", "ru": "ru-RU"}

_renderers: dict[Path | None, Renderer] = {}
_renderers_lock = threading.Lock()


def renderer(templates_dir: str | Path | None = None) -> Renderer:
    """The shared renderer for a templates directory (None: the shipped templates)."""
    key = Path(templates_dir).resolve() if templates_dir else None
    with _renderers_lock:
        if key not in _renderers:
            _renderers[key] = Renderer(key)
        return _renderers[key]


def forms() -> list[FormSpec]:
    """Every registered form, in annex order."""
    return all_forms()


def schema(form: str) -> dict:
    """The JSON Schema of a form's data.

    >>> schema("requirements-duplicate")["properties"]["document_date"]["anyOf"][0]
    {'format': 'date', 'type': 'string'}
    """
    spec = modelled_form(form)
    result = spec.model.model_json_schema()
    result["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    result["title"] = spec.title.get("ru", spec.slug)
    result.setdefault("description", spec.description)
    return result


def validate(form: str, data: Mapping[str, Any] | DocumentModel) -> DocumentModel:
    """The form's model built from `data`, or DataValidationError naming each bad field.

    First the fields (types, formats, ranges), then the rules that relate fields (totals,
    date order); every problem found is reported, each with its full field path.
    """
    spec = modelled_form(form)
    if isinstance(data, DocumentModel) and not isinstance(data, spec.model):
        data = data.model_dump()
    if isinstance(data, spec.model):
        model = data
    else:
        if not isinstance(data, Mapping):
            raise DataValidationError(
                spec.slug, [Problem("", "model_type", f"the data must be an object, not {type(data).__name__}")])
        try:
            model = spec.model.model_validate(dict(data))
        except ValidationError as exc:
            raise DataValidationError(spec.slug, [problem_from_error(error) for error in exc.errors()]) from None
    problems = [_rule_problem(loc, rule, ctx) for loc, rule, ctx in model.violations()]
    if problems:
        raise DataValidationError(spec.slug, problems)
    return model


def warnings(form: str, data: Mapping[str, Any] | DocumentModel) -> list[Problem]:
    """Findings that do not stop a document, each with its field path: a building standing
    beyond the plot, a room whose outline gives another area than the explication, rooms
    that overlap. The data must be valid (DataValidationError otherwise).
    """
    model = validate(form, data)
    return [_rule_problem(loc, rule, ctx) for loc, rule, ctx in model.warnings()]


def field_path(loc: tuple) -> str:
    """A location as a readable path.

    >>> field_path(("object", "floors", 0, "rooms", 3, "area"))
    'object.floors[0].rooms[3].area'
    """
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def problem_from_error(error: dict) -> Problem:
    """A pydantic error as a Problem: its field path (without union tags), type, message, value."""
    loc = tuple(part for part in error["loc"] if part not in _UNION_TAGS)
    value = error.get("input")
    if isinstance(value, (dict, list)) or error["type"] == "extra_forbidden":
        value = None  # a field the model does not know: its value is never quoted
    return Problem(field_path(loc), error["type"], error["msg"], value, dict(error.get("ctx") or {}))


def _rule_problem(loc: tuple, rule: str, ctx: dict) -> Problem:
    from .i18n.messages import render_message

    return Problem(field_path(loc), rule, render_message(rule, ctx, "en", rule), None, ctx)


# Discriminated unions add the tag to the location (applicant.individual.iin); drop it.
_UNION_TAGS = frozenset({"individual", "organisation"})


def context_for(spec: FormSpec, model: DocumentModel, lang: str, text_provenance: TextProvenance | None = None,
                *, allow_fallback: bool = False, edition: Edition | None = None) -> dict[str, Any]:
    """What a template sees: the model's fields, `lang`, `form`, `provenance_notice` and
    `edition` (its id and the Rules' wording in that edition, in `lang`).

    Every localized value (a text in two languages, a vocabulary code, a branch) is
    resolved to its `lang` text, so that templates print `{{ field }}`. A value without a
    `lang` text is a DataValidationError naming the field and the missing language, unless
    `allow_fallback`; `localized_context` returns the fallbacks as well.
    """
    return localized_context(spec, model, lang, text_provenance, allow_fallback=allow_fallback, edition=edition)[0]


def localized_context(spec: FormSpec, model: DocumentModel, lang: str, text_provenance: TextProvenance | None = None,
                      *, allow_fallback: bool = False, edition: Edition | None = None
                      ) -> tuple[dict[str, Any], list[Problem]]:
    """The context of `context_for`, and a warning for each value printed in the other language."""
    edition = edition or choose_edition(spec.document_date_or_none(model)).edition
    context, fallbacks = localize(model.model_dump(mode="python"), lang)
    if spec.compute is not None:
        # Computed values come from the data, whose fallbacks are already listed.
        context.update(localize(_compute(spec, model, lang, edition), lang)[0])
    problems = [_fallback_problem(found, allow_fallback) for found in fallbacks]
    if problems and not allow_fallback:
        raise DataValidationError(spec.slug, problems)
    context.update(
        lang=lang,
        form={"slug": spec.slug, "annex": spec.annex, "title": spec.title[lang], "provenance": spec.provenance.value},
        provenance_notice=spec.provenance_notice(lang, text_provenance, edition),
        edition={"id": edition.id, "wording": {key: value[lang] for key, value in edition.wording.items()}},
    )
    return context, problems


def _compute(spec: FormSpec, model: DocumentModel, lang: str, edition: Edition) -> dict[str, Any]:
    """The form's computed names; a compute function that takes `edition` gets it."""
    import inspect

    if "edition" in inspect.signature(spec.compute).parameters:
        return spec.compute(model, lang, edition=edition)
    return spec.compute(model, lang)


#: What a document's properties say when some values are printed in the other language.
_FALLBACK_NOTE = {
    "kk": "Қазақ тіліндегі мәтіні жоқ мәліметтер орыс тілінде берілген: {fields}.",
    "ru": "Сведения без текста на русском языке приведены на казахском: {fields}.",
}


def fallback_note(fallbacks: list[Problem] | tuple[Problem, ...], lang: str) -> str:
    """The properties' line about values printed in the other language ("" when none).

    >>> fallback_note([Problem("reasons", "language_fallback", "")], "ru")
    'Сведения без текста на русском языке приведены на казахском: reasons.'
    """
    if not fallbacks:
        return ""
    return _FALLBACK_NOTE[lang].format(fields=", ".join(problem.field for problem in fallbacks))


def missing_languages(form: str, data: Mapping[str, Any] | DocumentModel, lang: str) -> list[Problem]:
    """The localized values of valid `data` that have no `lang` text (rule `missing_language`),
    without rendering: what a `lang` document would refuse.

    >>> import json, pathlib
    >>> data = json.loads(pathlib.Path("samples/notice-refusal/business-centre-astana.json").read_text())
    >>> data["reasons"] = {"kk": "Құжаттар толық емес."}
    >>> [(p.field, p.rule) for p in missing_languages("notice-refusal", data, "ru")]
    [('reasons', 'missing_language')]
    >>> missing_languages("notice-refusal", data, "kk")
    []
    """
    check_lang(lang)
    model = validate(form, data)
    return [_fallback_problem(found, False) for found in localize(model.model_dump(mode="python"), lang)[1]]


def _fallback_problem(found: Fallback, allowed: bool) -> Problem:
    from .i18n.messages import render_message

    rule = "language_fallback" if allowed else "missing_language"
    context = {"missing": found.missing, "used": found.used}
    return Problem(field_path(found.path), rule, render_message(rule, context, "en", rule), None, context)


def operator_template(templates_dir: str | Path | None, slug: str, lang: str) -> Path | None:
    """The operator's template for (slug, lang) in `templates_dir`, if it holds one."""
    if templates_dir is None:
        return None
    path = Path(templates_dir) / lang / f"{slug}.docx"
    if not os.path.lexists(path):
        return None
    if not path.is_file():  # a folder, a device such as /dev/zero, a pipe, a broken link
        from .forms.template_check import TemplateProblem

        raise TemplateCheckError([TemplateProblem(str(path), "", "is not a regular file; nothing was read")])
    return path


@dataclass(frozen=True)
class RenderedDocument:
    """One rendered document: its DOCX bytes and what its properties say."""

    form: str
    lang: str
    docx: bytes
    metadata: DocumentMetadata
    #: Localized values printed in the other language (render with allow_fallback=True).
    fallbacks: tuple[Problem, ...] = ()
    #: The edition of Order No. 156 the document was made in ("" for a form without editions).
    edition: str = ""
    #: What the user should know: an earlier edition applied, a text that is not shipped.
    warnings: tuple[str, ...] = ()


def render_document(
    form: str, data: Mapping[str, Any] | DocumentModel, lang: str, *, templates_dir: str | Path | None = None,
    allow_fallback: bool = False, edition: str | None = None,
) -> RenderedDocument:
    """Validate and render one document; `render` returns its bytes (see there).

    A localized value without a `lang` text is a DataValidationError (rule
    `missing_language`, naming the field and the language) unless `allow_fallback`: then the
    other language's text is printed and listed in `fallbacks`. `edition` (YYYY-MM-DD, see
    `forms.editions`) picks an edition of Order No. 156; by default the document uses the
    edition in force on its date.
    """
    check_lang(lang)
    spec = renderable_form(form)
    if lang not in spec.languages:
        raise UnsupportedLanguageError("form {slug!r} has no {lang} template", slug=spec.slug, lang=lang, field="--lang")
    if edition:
        get_edition(edition)  # an unknown edition is a usage error before anything else
    model = validate(spec.slug, data)
    chosen = choose_edition(spec.document_date_or_none(model), edition)
    found = [chosen.warning] if chosen.warning and spec.editions else []
    own = operator_template(templates_dir, spec.slug, lang)
    text_provenance = None
    if own is not None:
        from .forms.template_check import check_operator_template

        problems = check_operator_template(own, spec.slug)
        if problems:
            raise TemplateCheckError(problems)
        text_provenance = TextProvenance.OPERATOR
        found.append(f"{lang}/{spec.slug}.docx is the operator's template: its wording is not checked "
                     f"against the official text")
    elif spec.editions and chosen.edition.id not in spec.editions:
        found.append(f"{spec.slug}: no {lang} text of the {chosen.edition.id} edition is shipped")
    context, fallbacks = localized_context(spec, model, lang, text_provenance, allow_fallback=allow_fallback,
                                           edition=chosen.edition)
    metadata = document_metadata(spec, model, lang)
    properties = core_properties(
        title=metadata.title,
        subject=metadata.subject,
        keywords="; ".join(metadata.keywords),
        description=" ".join(filter(None, (
            spec.properties_note(model, lang) if spec.properties_note and text_provenance is None
            else spec.provenance_notice(lang, text_provenance, chosen.edition), fallback_note(fallbacks, lang)))),
        creator="kzcadastre-docs",
        created=spec.document_date(model),
        language=LANG_TAGS[lang],
    )
    engine = renderer(templates_dir if own is not None else None)
    template_edition = chosen.edition.id if spec.editions and own is None else None
    docx = engine.render(spec.slug, lang, context, {CORE_PART: properties}, edition=template_edition)
    return RenderedDocument(spec.slug, lang, docx, metadata, tuple(fallbacks),
                            chosen.edition.id if spec.editions else "", tuple(found))


def render(
    form: str, data: Mapping[str, Any] | DocumentModel, lang: str, *, templates_dir: str | Path | None = None,
    allow_fallback: bool = False, edition: str | None = None,
) -> bytes:
    """The DOCX bytes of one document. Same input, same bytes.

    `templates_dir` is an operator's templates directory (`<dir>/<lang>/<slug>.docx`): a
    template found there is used instead of the shipped one, after the template check
    (TemplateCheckError if it does not fit the form); forms it lacks use the shipped ones.
    `edition` picks an edition of Order No. 156 (default: the one in force on the
    document's date).
    """
    return render_document(form, data, lang, templates_dir=templates_dir, allow_fallback=allow_fallback,
                           edition=edition).docx


def to_pdf(document: RenderedDocument, *, pdf_a: bool = False, converter: Converter | None = None) -> bytes:
    """The PDF (PDF/A-2b if `pdf_a`) of a rendered document, with its title, subject and
    keywords. `converter` defaults to the process-wide one (`pdf.shared_converter()`).

    The PDF carries LibreOffice's conversion time, so unlike the DOCX its bytes differ
    from run to run; its text and pages do not.
    """
    converter = converter or shared_converter()
    return converter.convert(document.docx, pdf_a=pdf_a, metadata=document.metadata,
                             name=f"{document.form} ({document.lang})")


def render_pdf(
    form: str,
    data: Mapping[str, Any] | DocumentModel,
    lang: str,
    *,
    pdf_a: bool = False,
    converter: Converter | None = None,
    templates_dir: str | Path | None = None,
    allow_fallback: bool = False,
    edition: str | None = None,
) -> bytes:
    """The PDF of one document: `render`, then `to_pdf`.

    Raises OfficeNotFoundError (saying what to install) where LibreOffice is missing, and
    ConversionError where a document cannot be converted.
    """
    document = render_document(form, data, lang, templates_dir=templates_dir, allow_fallback=allow_fallback,
                               edition=edition)
    return to_pdf(document, pdf_a=pdf_a, converter=converter)


def render_to(
    path: str | Path,
    form: str,
    data: Mapping[str, Any] | DocumentModel,
    lang: str,
    *,
    overwrite: bool = False,
    templates_dir: str | Path | None = None,
    allow_fallback: bool = False,
    edition: str | None = None,
) -> Path:
    """Render and write atomically; an existing file is kept unless `overwrite`."""
    content = render(form, data, lang, templates_dir=templates_dir, allow_fallback=allow_fallback, edition=edition)
    return atomic_write(path, content, overwrite=overwrite)
