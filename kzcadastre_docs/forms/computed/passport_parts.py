"""What the passport forms compute for their pages: the title block as printed, the date of
issue, the order number, the duplicate's date and the QR code of the official footer.

The footer of every page of every form (12.07.2026 edition) states that the document is
equal to a paper one (Digital Code, art. 62 p. 2) and that the barcode holds the data
signed by the State Corporation; the QR code (`kzcadastre_docs.barcode`) stands beside it.
"""

from __future__ import annotations

from typing import Any

from ...barcode import qr_png
from ...barcode.signer import signed
from ...i18n import formatting
from ...models.passport import (DASH, DUPLICATE_WORD, EDITION, EDITION_DATE, QR_CM, LandPlotInfo, PassportBase, date_parts,
                                street_line, text)
from ...drawing import plot_picture
from ...rendering.pictures import InlineImage


def title_block(model: PassportBase, lang: str) -> dict[str, str]:
    """Items 1-8 and the subdivision as printed (a dash where there is no value)."""
    address = model.address
    return {
        "subdivision": text(model.subdivision, lang),
        "region": text(address.region, lang),
        "district": text(address.district, lang),
        "settlement": text(address.settlement, lang),
        "city_district": text(address.city_district, lang),
        "address": street_line(address, lang),
        "register_code": address.registration_code or DASH,
        "cadastral_number": str(model.cadastral_number),
        "cadastral_file_number": model.cadastral_file_number,
    }


def issue(model: PassportBase, lang: str) -> dict[str, Any]:
    """Date of issue, order number, the duplicate's date, the QR code."""
    payload = signed(model.payload())  # signed when a signing key is active (render --sign)
    return {
        "date": date_parts(model.document_date, lang),
        "order_number": model.order_number,
        "duplicate_date": formatting.official_date(model.duplicate.issued_on, lang) if model.duplicate else "",
        "duplicate_word": DUPLICATE_WORD[lang],
        "qr": InlineImage(qr_png(payload.encode()), QR_CM, QR_CM, f"QR {payload.form} {payload.cadastral_number}"),
    }


def properties_note(model: PassportBase, lang: str) -> str:
    """What the document properties say of its wording: the edition, and a warning when the
    passport is dated before that edition came into force."""
    note = EDITION[lang]
    if model.document_date < EDITION_DATE:
        note += ("; ЕСКЕРТУ: паспорттың күні 2026 жылғы 12 шілдеден бұрын, онда бұрынғы редакция қолданылған"
                 if lang == "kk" else
                 "; ВНИМАНИЕ: паспорт датирован ранее 12.07.2026, тогда действовала прежняя редакция")
    return note


#: How the land pages print the area's unit.
_UNIT = {("m2", "kk"): "шаршы метр", ("m2", "ru"): "квадратный метр", ("ha", "kk"): "гектар", ("ha", "ru"): "гектар"}
_DIVISIBLE = {(True, "kk"): "бөлінеді", (False, "kk"): "бөлінбейді", (True, "ru"): "делимый", (False, "ru"): "неделимый"}


def land_pages(land: LandPlotInfo, lang: str) -> dict[str, Any]:
    """The land pages of Forms 1, 2 and 4 as printed: the general data's values in the form's
    order, the line measures, the adjacent and foreign plots, the plan's scale."""
    places = 0 if land.unit.value == "m2" else 4
    area = f"{formatting.number(land.area, lang, places=places)} {_UNIT[(land.unit.value, lang)]}"
    if land.share is not None:
        area += f"; {text(land.share, lang)}"
    return {
        "general": [str(land.cadastral_number), text(land.ownership, lang), text(land.right, lang),
                    text(land.lease, lang), area, text(land.category, lang), text(land.purpose, lang),
                    text(land.functional_zone, lang), text(land.restrictions, lang), _DIVISIBLE[(land.divisible, lang)]],
        "scale": _plot_scale(land),
        "measures_public_map": [{"points": m.points, "length": formatting.number(m.length, lang, places=2)}
                                for m in land.measures_public_map],
        "measures_state_system": [{"points": m.points, "length": formatting.number(m.length, lang, places=2)}
                                  for m in land.measures_state_system],
        "adjacent": [{"start": a.start, "end": a.end, "description": text(a.description, lang)} for a in land.adjacent],
        "foreign": [{"number": f.number, "cadastral_number": str(f.cadastral_number),
                     "area": formatting.number(f.area, lang, places=places)} for f in land.foreign_plots],
    }


def land_plan(model: PassportBase):
    """The plan of the land plot (the land pages), drawn from its outline; None without one."""
    land = model.land
    if land.outline is None:
        return None
    return plot_picture(land.outline, land.north_bearing, f"Land plot {land.cadastral_number}")


def _plot_scale(land: LandPlotInfo) -> str:
    """The plan's scale: the drawing's where the outline is drawn, else the data's, else the blank."""
    if land.outline is not None:
        return str(plot_picture(land.outline, land.north_bearing, f"Land plot {land.cadastral_number}").scale)
    return str(land.scale) if land.scale else "______________"
