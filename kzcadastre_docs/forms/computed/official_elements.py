"""The element rows of the official Annex 9 table, with their sub-rows, from a litera's elements.

The official table has 14 numbered elements, four of them in two sub-rows (19 rows):
foundation; outer and inner load-bearing walls; partitions; slabs (attic / between floors);
roof; floors (first / upper floors); openings (windows / doors); finishing (inside /
outside); heating; electricity; sewerage; water supply (cold / hot); stairs; other works.
Each of our structural elements goes to one row (a slab or floor by its `part`, default the
between-floors slab and the first floor); several elements of one row are joined.

>>> from kzcadastre_docs.models.parts import MainCharacteristics
>>> main = MainCharacteristics(litera="А", name="residential_house", year_built=2025, floors_above_ground=1,
...     total_area="80.00", elements=[{"element": "roofing", "description": "металлочерепица", "wear_percent": 5},
...                                   {"element": "roof_structure", "description": "деревянная стропильная"}])
>>> rows = official_element_rows(main, "ru")
>>> len(rows), rows[5]["description"], rows[5]["wear"], rows[0]["description"]
(19, 'металлочерепица; деревянная стропильная', '5', '—')
"""

from __future__ import annotations

from typing import Any

from ...i18n.form_fields import DASH
from ...models.labels import label
from ...models.localized import text_in
from ...models.parts import MainCharacteristics, StructuralElement

#: The official rows, in order (a key per row).
ROWS = ("foundation", "walls", "partitions", "slab_attic", "slab_between", "roof", "floor_first", "floor_upper",
        "windows", "doors", "finish_inside", "finish_outside", "heating", "electricity", "sewerage", "water_cold",
        "water_hot", "stairs", "other")

_BY_KIND = {
    "foundations": "foundation", "external_walls": "walls", "internal_walls": "walls", "partitions": "partitions",
    "roof_structure": "roof", "roofing": "roof", "windows": "windows", "doors": "doors",
    "interior_finish": "finish_inside", "exterior_finish": "finish_outside", "heating": "heating",
    "electricity": "electricity", "sewerage": "sewerage", "water_supply": "water_cold", "hot_water": "water_hot",
    "gas": "other", "ventilation": "other", "lifts": "other", "other": "other",
}
_BY_PART = {("slabs", "attic"): "slab_attic", ("slabs", "between_floors"): "slab_between", ("slabs", None): "slab_between",
            ("floors", "first_floor"): "floor_first", ("floors", "upper_floors"): "floor_upper",
            ("floors", None): "floor_first", ("other", "stairs"): "stairs"}
#: Elements whose row gathers several kinds print their kind's name before the description.
_NAMED = {"gas", "ventilation", "lifts"}


def row_of(element: StructuralElement) -> str:
    """The official row an element goes to."""
    kind = element.element.value
    part = getattr(element, "part", None)
    return _BY_PART.get((kind, part)) or _BY_KIND[kind]


def official_element_rows(main: MainCharacteristics, lang: str) -> list[dict[str, Any]]:
    """The 19 rows (description, condition, wear %), a dash where nothing is recorded."""
    gathered: dict[str, list[StructuralElement]] = {key: [] for key in ROWS}
    for element in main.elements:
        gathered[row_of(element)].append(element)
    rows = []
    for key in ROWS:
        elements = gathered[key]
        descriptions = []
        for element in elements:
            text = text_in(element.description, lang)
            if element.element.value in _NAMED:
                text = f"{label(element.element, lang)}: {text}"
            descriptions.append(text)
        conditions = [text_in(label(e.condition, lang, "technical_condition") if e.condition else None, lang)
                      for e in elements]
        wears = [str(e.wear_percent) for e in elements if e.wear_percent is not None]
        rows.append({"key": key, "description": "; ".join(descriptions) or DASH,
                     "condition": "; ".join(c for c in conditions if c) or DASH,
                     "wear": "; ".join(dict.fromkeys(wears)) or DASH})
    return rows
