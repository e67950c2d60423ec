"""The conclusion's discrepancy table (Annex 3): title-document data against measured data.

Paragraph 6 of the Rules: after the inspection, the provider records the discrepancies
between the identification and technical data of the title document and what the
inspection found. The comparison below is the project's; the order lists no items and no
tolerances, so both are stated here and printed in the conclusion:

- areas (total, living) differ when they are more than `tolerance` apart (default 0.05 m²,
  the rounding of an explication to 0.01 m² over a few rooms);
- counts (floors above ground, rooms) and the purpose differ when they are not equal (the
  purpose compared without case and repeated spaces);
- a building or structure differs when its litera is on one side only (compared only when
  the inspection's list is given: None means the structures were not recorded).

The kind of change of each row is a default a clerk may override per item
(`change_kind_overrides` in the data, keyed by `Difference.key`):

- a building or structure found but not declared: new construction; declared but not
  found: demolition;
- a different number of floors: reconstruction;
- a larger total area: extension, or reconstruction if the floors changed too; a smaller
  one: re-planning, or reconstruction if the floors changed;
- a different living area or number of rooms: re-planning;
- a different purpose: re-equipment;
- a room whose area computed from its outline on the floor plan differs from the
  explication's by more than 0.10 m² (`plan_rows`, when the conclusion asks for them):
  re-planning.

>>> from decimal import Decimal
>>> from types import SimpleNamespace as Data
>>> declared = Data(purpose="тұрғын үй", total_area=Decimal("120.00"), living_area=None,
...                 floors_above_ground=1, rooms=4, structures=["А", "Г"])
>>> measured = Data(purpose="Тұрғын  үй", total_area=Decimal("134.50"), living_area=Decimal("80.00"),
...                 floors_above_ground=1, rooms=4)
>>> [(d.key, d.difference, d.change_kind.value) for d in compare(declared, measured, ["А", "Г", "Г1"])]
[('total_area', Decimal('14.50'), 'extension'), ('structure:Г1', None, 'new_construction')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ...models.localized import LANGUAGES, Localizable, text_in
from ...models.parts import AREA_TOLERANCE, ChangeKind

#: Default tolerance for areas, m² (printed in the conclusion).
DEFAULT_AREA_TOLERANCE = AREA_TOLERANCE


@dataclass(frozen=True)
class Difference:
    """One computed row: the item, both values, the difference and the kind of change."""

    key: str  # "total_area", "living_area", "floors_above_ground", "rooms", "purpose", "structure:<litera>",
    #           "room_area:<level>:<room number>"
    declared: Any  # None: not stated (or, for a structure, absent)
    actual: Any
    difference: Decimal | int | None
    change_kind: ChangeKind

    @property
    def item(self) -> str:
        """The labels.yaml key of the item (a structure's litera is in `key`)."""
        return self.key.split(":", 1)[0]

    @property
    def litera(self) -> str | None:
        return self.key.split(":", 1)[1] if self.item == "structure" else None

    @property
    def room(self) -> tuple[str, str] | None:
        """(floor level, room number) of a room_area row."""
        if self.item != "room_area":
            return None
        level, number = self.key.split(":", 1)[1].rsplit(":", 1)
        return level, number


def _same_text(a: Any, b: Any) -> bool:
    """Texts equal but for case and repeated spaces; localized values (vocabulary terms,
    texts in two languages) equal in both languages."""
    if isinstance(a, Localizable) or isinstance(b, Localizable):
        return all(_same_text(text_in(a, lang) or "", text_in(b, lang) or "") for lang in LANGUAGES)
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def compare(declared, measured, measured_structures: Iterable[str] | None, *, tolerance: Decimal = DEFAULT_AREA_TOLERANCE,
            overrides: Mapping[str, ChangeKind] | None = None) -> list[Difference]:
    """Every item where the title document (`declared`) and the inspection (`measured`) differ.

    `declared` has purpose, total_area, living_area, floors_above_ground, rooms, structures
    (literas); `measured` the same fields but structures, given as `measured_structures`.
    Items the title document does not state (None) are not compared.
    """
    overrides = overrides or {}
    rows: list[Difference] = []
    floors_changed = (declared.floors_above_ground is not None
                      and declared.floors_above_ground != measured.floors_above_ground)

    def add(key, was, now, difference, kind):
        rows.append(Difference(key, was, now, difference, overrides.get(key, kind)))

    if declared.purpose is not None and not _same_text(declared.purpose, measured.purpose):
        add("purpose", declared.purpose, measured.purpose, None, ChangeKind.RE_EQUIPMENT)
    delta = measured.total_area - declared.total_area
    if abs(delta) > tolerance:
        kind = ChangeKind.RECONSTRUCTION if floors_changed else (
            ChangeKind.EXTENSION if delta > 0 else ChangeKind.RE_PLANNING)
        add("total_area", declared.total_area, measured.total_area, delta, kind)
    if declared.living_area is not None and measured.living_area is not None:
        delta = measured.living_area - declared.living_area
        if abs(delta) > tolerance:
            add("living_area", declared.living_area, measured.living_area, delta, ChangeKind.RE_PLANNING)
    if floors_changed:
        add("floors_above_ground", declared.floors_above_ground, measured.floors_above_ground,
            measured.floors_above_ground - declared.floors_above_ground, ChangeKind.RECONSTRUCTION)
    if declared.rooms is not None and declared.rooms != measured.rooms:
        add("rooms", declared.rooms, measured.rooms, measured.rooms - declared.rooms, ChangeKind.RE_PLANNING)
    if measured_structures is None:
        return rows
    found = list(dict.fromkeys(measured_structures))
    listed = list(dict.fromkeys(declared.structures))
    for litera in found:
        if litera not in listed:
            add(f"structure:{litera}", None, litera, None, ChangeKind.NEW_CONSTRUCTION)
    for litera in listed:
        if litera not in found:
            add(f"structure:{litera}", litera, None, None, ChangeKind.DEMOLITION)
    return rows


def plan_rows(floors, overrides: Mapping[str, ChangeKind] | None = None) -> list[Difference]:
    """A row for each room whose area from its plan outline is off the explication's.

    Declared is the explication's area, actual the area of the outline (see
    `kzcadastre_docs.models.shapes.area_differences` for the tolerance).
    """
    overrides = overrides or {}
    rows = []
    for floor in floors:
        for found in floor.plan_area_differences():
            key = f"room_area:{floor.key}:{found.number}"
            rows.append(Difference(key, found.declared, found.computed, found.difference,
                                   overrides.get(key, ChangeKind.RE_PLANNING)))
    return rows
