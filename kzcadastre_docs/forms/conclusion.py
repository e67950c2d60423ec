"""Annex 3: conclusion on discrepancies of identification and technical data.

Reconstructed: the order gives only this annex's upper-right header.
Its data model and templates are not written yet, so the form is listed but cannot be rendered.
"""

from .spec import FormSpec, Provenance

FORM = FormSpec(
    slug="conclusion",
    annex=3,
    title={
        "kk": "Жаңадан құрылған жылжымайтын мүліктің жүргізілген мемлекеттік техникалық зерттеп-қарау қорытындылары бойынша сәйкестендіру және техникалық мәліметтерінің алшақтықтарын белгілеу туралы қорытынды",
        "ru": "Заключение об установлении расхождений идентификационных и технических сведений вновь созданного недвижимого имущества по итогам проведенного государственного технического обследования",
    },
    provenance=Provenance.RECONSTRUCTED,
    description="Conclusion on the discrepancies between the title document and the inspection (paragraph 6 of the Rules).",
    notes=("No template in this version: the layout will be reconstructed from FORMS.md; it is not the official form.",),
)
