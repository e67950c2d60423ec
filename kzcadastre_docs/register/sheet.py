"""The Учетный лист of one land plot, from the register: the data of the form
`cadastral-register-sheet` (points 34, 35 of the Rules for assigning cadastral numbers)."""

from __future__ import annotations

from .numbers import Entry, Register, RuleError


def sheet_data(register: Register, land_plot: str) -> dict:
    """The form's data for `land_plot`: every number assigned on it, in record order.

    Numbers that have since ended stay on the sheet: it records assignments (point 34).
    """
    entries = register.sheet(land_plot)
    if not entries:
        raise RuleError("land plot", "has no numbers in the register: its sheet has no record yet", (34, 35),
                        land_plot)
    return {"land_plot_cadastral_number": entries[0].land_plot, "records": [_record(entry) for entry in entries]}


def _record(entry: Entry) -> dict:
    return {
        "record": entry.record,
        "land_plot_cadastral_number": entry.land_plot,
        "primary": entry.primary,
        "secondary": entry.secondary,
        "assigned_on": entry.assigned_on.isoformat(),
        "specialist": {"full_name": entry.specialist.name, "position": dict(entry.specialist.position)},
    }
