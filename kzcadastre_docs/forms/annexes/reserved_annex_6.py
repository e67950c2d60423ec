"""Annex 6: a reserved number.

Order No. 65 amends the upper-right header of Annex 6 but its text does not say what the
annex is. The number is registered so that it is listed and explained; there is no
template and none is invented.
"""

from ..spec import FormSpec, Provenance

FORM = FormSpec(
    slug="reserved-annex-6",
    annex=6,
    title={
        "kk": "6-қосымша (мазмұны қолжетімсіз)",
        "ru": "Приложение 6 (содержание недоступно)",
    },
    provenance=Provenance.RESERVED,
    description="Annex 6 of the Rules: its official content is not available (the order amends only its header).",
    notes=("The order's text does not say what Annex 6 is; it is not rendered and no content is invented.",),
)
