"""Annex 2: list of basic requirements of the duplicate service ("№ 2 Тізбе")."""

from ..computed.application_block import COMPUTED_NAMES, block_context
from ...models.requirements import DuplicateRequirementsData
from ..spec import FormSpec, Provenance, TextProvenance

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
    editions=("2026-01-22",),
    text_provenance={"kk": TextProvenance.OFFICIAL, "ru": TextProvenance.TRANSLATION},
    notes=(
        "Kazakh: the official text of Annex 2 of Order No. 65, cleaned only of the extraction's broken line joins.",
        "Russian: the project's translation; the Russian text of the order was not available.",
        "Row 8 breaks off after 'шлюзі арқылы' in the source; the missing end is not supplied.",
        "The lunch break is 13:00-14:30 here (13:00-14:00 in Annex 1), as the source has it.",
    ),
)
