"""Annex 1: list of basic requirements of the new-object service ("№ 1 Тізбе")."""

from ..computed.application_block import COMPUTED_NAMES, block_context
from ...models.requirements import NewObjectRequirementsData
from ..spec import FormSpec, Provenance, TextProvenance

FORM = FormSpec(
    slug="requirements-new-object",
    annex=1,
    title={
        "kk": "Мемлекеттік қызмет көрсетуге қойылатын негізгі талаптардың тізбесі (№ 1 Тізбе)",
        "ru": "Перечень основных требований к оказанию государственной услуги (Перечень № 1)",
    },
    provenance=Provenance.OFFICIAL_TEXT,
    description=(
        "List of basic requirements of the service entering identification and technical data of newly "
        "built real estate, issuing the cadastral passport and the conclusion on discrepancies."
    ),
    model=NewObjectRequirementsData,
    compute=lambda model, lang, edition=None: block_context(model, lang, ("entry", "passport"), edition),
    computed_names=COMPUTED_NAMES,
    editions=("2026-01-22",),
    text_provenance={"kk": TextProvenance.OFFICIAL, "ru": TextProvenance.TRANSLATION},
    notes=(
        "Kazakh: the official text of Annex 1 of Order No. 65, cleaned only of the extraction's broken line joins.",
        "Russian: the project's translation; the Russian text of the order was not available.",
        "Row 8 begins with 'жүгінген кезде:' in the source; words before it, if any, are not in the available text.",
    ),
)
