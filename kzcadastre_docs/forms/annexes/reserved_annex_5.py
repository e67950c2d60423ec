"""Annex 5: a reserved number.

Order No. 65 amends the upper-right header of Annex 5 but its text does not say what the
annex is. The number is registered so that it is listed and explained; there is no
template and none is invented.
"""

from ..spec import FormSpec, Provenance

FORM = FormSpec(
    slug="reserved-annex-5",
    annex=5,
    title={
        "kk": "5-қосымша (мазмұны қолжетімсіз)",
        "ru": "Приложение 5 (содержание недоступно)",
    },
    provenance=Provenance.RESERVED,
    description="Annex 5 of the Rules: its official content is not available (the order amends only its header).",
    notes=("The order's text does not say what Annex 5 is; it is not rendered and no content is invented.",),
)
