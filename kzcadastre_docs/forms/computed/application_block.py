"""The per-application block of Annexes 1 and 2: schedule, fee and checklist, computed.

The block is what a clerk hands an applicant with the requirements list: when the
application is accepted and each result is due (`rules`), what is paid and when (`fees`),
and which of the required documents were attached. Every figure is computed here from the
application's data, never typed into the template.
"""

from __future__ import annotations

import os
from typing import Any

from ...law import fees, rules
from ...law.calendar import default_calendar
from ...models.labels import label
from ...models.requirements import RequirementsListData

#: Environment variable naming a tariff file or folder (default: the shipped example).
TARIFF_ENV = "KZCADASTRE_TARIFF"

RESULTS = {
    "entry": {"kk": "Сәйкестендіру және техникалық мәліметтерді ақпараттық жүйеге енгізу",
              "ru": "Внесение идентификационных и технических сведений в информационную систему"},
    "passport": {"kk": "Кадастрлық паспорт және алшақтықтарды белгілеу туралы қорытынды",
                 "ru": "Кадастровый паспорт и заключение об установлении расхождений"},
    "duplicate": {"kk": "Кадастрлық паспорттың телнұсқасы", "ru": "Дубликат кадастрового паспорта"},
}

PROCEDURES = {
    "notice": {"kk": "бас тарту туралы хабарлама (мерзім үш күннен кем, Қағидалардың 5-1-тармағы)",
               "ru": "уведомление об отказе (срок менее трех дней, пункт 5-1 Правил)"},
    "hearing": {"kk": "алдын ала шешім және тыңдау (мерзім үш күннен асады, Қағидалардың 5-1-тармағы)",
                "ru": "предварительное решение и заслушивание (срок более трех дней, пункт 5-1 Правил)"},
    "undetermined": {"kk": "айқындалмаған: Қағидалардың 5-1-тармағы дәл үш күндік мерзімді қамтымайды",
                     "ru": "не определен: пункт 5-1 Правил не охватывает срок ровно в три дня"},
}

DOCUMENTS = {
    "request": {"kk": "ЭЦҚ-мен немесе бір реттік құпия сөзбен куәландырылған электрондық құжат нысанындағы сұрау салу",
                "ru": "запрос в форме электронного документа, удостоверенного ЭЦП или одноразовым паролем"},
    "acceptance_act": {"kk": "жылжымайтын мүлік объектісін пайдалануға қабылдау актісінің электрондық көшірмесі",
                       "ru": "электронная копия акта приемки объекта недвижимости в эксплуатацию"},
    "land_identification": {"kk": "жер учаскесіне сәйкестендіру құжатының электрондық көшірмесі",
                            "ru": "электронная копия идентификационного документа на земельный участок"},
    "title_document": {"kk": "жылжымайтын мүлік объектісіне құқық белгілейтін құжаттың электрондық көшірмесі",
                       "ru": "электронная копия правоустанавливающего документа на объект недвижимости"},
    "payment": {"kk": "төлемді растайтын құжаттың электрондық көшірмесі (ЭҮТШ арқылы төленгенде талап етілмейді)",
                "ru": "электронная копия документа, подтверждающего оплату (не требуется при оплате через ПШЭП)"},
}
ATTACHED = {True: {"kk": "берілді", "ru": "представлен"}, False: {"kk": "берілмеді", "ru": "не представлен"}}

NOTES = {
    "three_days": {"kk": "Мерзім дәл үш жұмыс күні; тыңдау туралы хабарламаның күні тыңдау өткізілетін жағдай үшін көрсетілген.",
                   "ru": "Срок ровно три рабочих дня; дата уведомления о заслушивании указана на случай его проведения."},
    "unconfirmed_year": {"kk": "{year} жылға арналған демалыс күндерін ауыстыру әлі жарияланбаған; күндер өзгеруі мүмкін.",
                         "ru": "Перенос выходных дней на {year} год еще не опубликован; даты могут измениться."},
    "unofficial_tariff": {"kk": "Сома ресми емес мысал тарифі бойынша есептелген; бұл ресми баға емес.",
                          "ru": "Суммы рассчитаны по примерному тарифу; это не официальные цены."},
}

#: Names this block adds to the rendering context (kept in step with the templates by the tests).
COMPUTED_NAMES = ("applicant_name", "object_label", "schedule", "fee", "checklist", "notes")


def _result_label(service: str, lang: str, edition) -> str:
    if service == "entry" and edition is not None:
        return edition.words("entry_result", lang)
    return RESULTS[service][lang]


def block_context(model: RequirementsListData, lang: str, services: tuple[str, ...], edition=None) -> dict[str, Any]:
    """The computed part of the block; all names empty when there is no application.
    The entry result is named as `edition` (of the Rules) words it."""
    app = model.application
    if app is None:
        return {"applicant_name": None, "object_label": None, "schedule": None, "fee": None, "checklist": [], "notes": []}
    object_type = app.object_type.value
    schedules = [rules.schedule(service, object_type, app.submitted_at, area=app.total_area,
                                first_category=app.first_complexity_category) for service in services]
    main = schedules[-1]  # the result that decides the refusal procedure and the hearing date
    fee = fees.compute_fee(services[-1], object_type, app.submitted_at.date(), area=app.total_area,
                           first_category=app.first_complexity_category, tariff=os.environ.get(TARIFF_ENV) or None)
    notes = []
    if main.refusal_procedure == "undetermined":
        notes.append(NOTES["three_days"][lang])
    years = default_calendar().unconfirmed_years(*(d for s in schedules for d in (s.due_on, s.extension_limit)))
    notes.extend(NOTES["unconfirmed_year"][lang].format(year=year) for year in years)
    if not fee.official:
        notes.append(NOTES["unofficial_tariff"][lang].format(tariff=fee.tariff_id))
    return {
        "applicant_name": app.applicant.full_name,
        "object_label": label(app.object_type, lang),
        "schedule": {
            "submitted_on": app.submitted_at.date(),
            "submitted_time": app.submitted_at.strftime("%H:%M"),
            "accepted_on": main.accepted_on,
            "results": [{"label": _result_label(s.service, lang, edition), "due_on": s.due_on,
                         "working_days": s.working_days} for s in schedules],
            "refusal_procedure": PROCEDURES[main.refusal_procedure][lang],
            "hearing_notice_latest": main.hearing_notice_latest,
            "extension_limit": main.extension_limit,
        },
        "fee": {"total": fee.total, "base": fee.base, "surcharge": fee.surcharge, "vat_rate": f"{fee.vat_rate:g}",
                "vat_amount": fee.vat_amount, "official": fee.official, "tariff_id": fee.tariff_id},
        "checklist": [{"label": DOCUMENTS[key][lang], "status": ATTACHED[key in app.attached][lang]}
                      for key in model.required_documents],
        "notes": notes,
    }
