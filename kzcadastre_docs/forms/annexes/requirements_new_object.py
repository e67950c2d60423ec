"""Annex 1: list of basic requirements of the new-object service ("№ 1 Тізбе")."""

from ..computed.application_block import COMPUTED_NAMES, block_context
from ...models.requirements import NewObjectRequirementsData
from ..spec import OFFICIAL_BOTH, OFFICIAL_EDITIONS, FormSpec, Provenance

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
    editions=OFFICIAL_EDITIONS,
    text_provenance=OFFICIAL_BOTH,
    notes=(
        "The official text of Annex 1 in kk and ru, in both editions (tools/official_text/, taken from the "
        "consolidated texts of zan.gov.kz by tools/extract_official.py).",
        "With an application, an attachment follows the list: the computed schedule, fee and the documents "
        "presented, in the document's language.",
    ),
)
