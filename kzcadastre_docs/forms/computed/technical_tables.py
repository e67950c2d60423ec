"""Tables computed for the technical documents (Annexes 9 and 10, the cadastral passport).

Each function takes validated model parts and returns plain rows for a template; totals
are computed here, never typed into a template.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ...models.labels import label
from ...models.parts import Floor, MainCharacteristics, ServiceBuilding, Structure, StructuralElementKind

ZERO = Decimal("0.00")


def element_rows(main: MainCharacteristics, lang: str) -> list[dict[str, Any]]:
    """The Annex 9 table: every structural element in the form's order, described or not.

    >>> from kzcadastre_docs.models.parts import MainCharacteristics
    >>> main = MainCharacteristics(litera="А", name="residential_house", year_built=2025, floors_above_ground=1,
    ...                            total_area="80.00", elements=[{"element": "roofing", "description": "металлочерепица"}])
    >>> rows = element_rows(main, "ru")
    >>> len(rows), rows[6]["name"], rows[6]["description"].text("ru"), rows[0]["description"]
    (21, 'Кровля', 'металлочерепица', '')
    """
    rows = []
    for kind in StructuralElementKind:
        described = [element for element in main.elements if element.element is kind]
        for element in described or [None]:
            rows.append({
                "number": len(rows) + 1,
                "name": label(kind, lang),
                "description": element.description if element else "",
                "condition": (element.condition or "") if element else "",
                "wear_percent": element.wear_percent if element else None,
                "note": (element.note or "") if element else "",
            })
    return rows


def explication(floors: list[Floor]) -> dict[str, Any]:
    """Per floor: its rooms and totals; and the object's totals (which must equal its areas).

    >>> from kzcadastre_docs.models.parts import Floor
    >>> floor = Floor(level="1", rooms=[{"number": "1", "purpose": "living_room", "area": "18.40", "living_area": "18.40"},
    ...                                 {"number": "2", "purpose": "kitchen", "area": "10.20", "auxiliary_area": "10.20"}])
    >>> table = explication([floor])
    >>> table["floors"][0]["total_area"], table["total_area"], table["auxiliary_area"]
    (Decimal('28.60'), Decimal('28.60'), Decimal('10.20'))
    """
    result_floors = []
    totals = {"total_area": ZERO, "living_area": ZERO, "auxiliary_area": ZERO, "rooms": 0}
    for floor in floors:
        floor_totals = {"total_area": floor.total_area, "living_area": floor.living_area,
                        "auxiliary_area": floor.auxiliary_area}
        result_floors.append({"level": floor.level, "rooms": [room.model_dump() for room in floor.rooms], **floor_totals})
        for name, value in floor_totals.items():
            totals[name] += value
        totals["rooms"] += len(floor.rooms)
    return {"floors": result_floors, **totals}


def service_totals(buildings: list[ServiceBuilding], structures: list[Structure]) -> dict[str, Any]:
    """Totals of the Annex 10 tables: built-up area and volume of the buildings, counts.

    >>> service_totals([], [])
    {'buildings': 0, 'built_up_area': Decimal('0.00'), 'volume': Decimal('0.00'), 'structures': 0}
    """
    return {
        "buildings": len(buildings),
        "built_up_area": sum((building.built_up_area for building in buildings), ZERO),
        "volume": sum((building.volume for building in buildings if building.volume is not None), ZERO),
        "structures": len(structures),
    }
