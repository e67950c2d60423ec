"""Annex 2: list of basic requirements of the duplicate service ("№ 2 Тізбе")."""

from ..computed.application_block import COMPUTED_NAMES, block_context
from ...models.requirements import DuplicateRequirementsData
from ..spec import OFFICIAL_BOTH, OFFICIAL_EDITIONS, FormSpec, Provenance

FORM = FormSpec(
    slug="requirements-duplicate",
    annex=2,
    title={
        "kk": "\"Жылжымайтын мүлік объектісінің кадастрлық паспортының телнұсқасын беру\" мемлекеттік қызмет көрсетуге қойылатын негізгі талаптардың тізбесі",
        "ru": "Перечень основных требований к оказанию государственной услуги «Выдача дубликата кадастрового паспорта объекта недвижимости»",
    },
    provenance=Provenance.OFFICIAL_TEXT,
    description="List of basic requirements of the service issuing a duplicate of the cadastral passport.",
    model=DuplicateRequirementsData,
    compute=lambda model, lang, edition=None: block_context(model, lang, ("duplicate",), edition),
    computed_names=COMPUTED_NAMES,
    editions=OFFICIAL_EDITIONS,
    text_provenance=OFFICIAL_BOTH,
    notes=(
        "The official text of Annex 2 in kk and ru, in both editions (tools/official_text/, taken from the "
        "consolidated texts of zan.gov.kz by tools/extract_official.py).",
        "With an application, an attachment follows the list: the computed schedule, fee and the documents "
        "presented, in the document's language.",
    ),
)
