"""Commands about the Rules' arithmetic: deadline and fee."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..law import fees, rules
from ..i18n.messages import MESSAGE_LANGUAGES, message_language

from .app import main
from .common import (_parse_area, _parse_date, _parse_datetime)


SERVICE_CHOICE = click.Choice(rules.SERVICES)


OBJECT_TYPE_CHOICE = click.Choice(rules.OBJECT_TYPES)


@main.command()
@click.option("--service", type=SERVICE_CHOICE, required=True)
@click.option("--object-type", type=OBJECT_TYPE_CHOICE, required=True)
@click.option("--area", help="Total area in m² (needed for objects of type other).")
@click.option("--first-category", is_flag=True, help="The object is of the first complexity category.")
@click.option("--submitted", required=True, help="When the application was submitted: YYYY-MM-DDTHH:MM, local time; with Z or +HH:MM converted to Kazakhstan time (UTC+5 since 1 March 2024).")
@click.option("--objection-received", help="Date an objection to a preliminary refusal was received.")
@click.option("--lang", type=click.Choice(MESSAGE_LANGUAGES), default=None, help="Language of the explanation.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def deadline(service, object_type, area, first_category, submitted, objection_received, lang, fmt):
    """The dates the Rules fix for an application: acceptance, due date, refusal, extension."""
    result = rules.schedule(
        service, object_type, _parse_datetime(submitted), area=_parse_area(area), first_category=first_category,
        objection_received=_parse_date(objection_received, "--objection-received") if objection_received else None,
    )
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return
    for line in rules.explain(result, message_language(lang)):
        click.echo(line)
    for warning in result.warnings:
        click.echo(f"warning: {warning}")


_FEE_TEXT = {
    "en": {"tariff": "Tariff", "total": "Full price", "base": "Base, paid at application", "surcharge": "Surcharge, paid at the result",
           "vat": "VAT included ({rate}%)", "words": "In words", "free": "Free of charge (paragraph 7 of the Rules).",
           "unofficial": "NOT OFFICIAL: this tariff is an example, not the official price list."},
    "kk": {"tariff": "Тариф", "total": "Толық құны", "base": "Базалық құны (өтініш бергенде)", "surcharge": "Қосымша ақы (нәтиже алғанда)",
           "vat": "ҚҚС қоса алғанда ({rate}%)", "words": "Жазбаша", "free": "Өтеусіз (Қағидалардың 7-тармағы).",
           "unofficial": "РЕСМИ ЕМЕС: бұл тариф мысал ғана, ресми баға тізбесі емес."},
    "ru": {"tariff": "Тариф", "total": "Полная стоимость", "base": "Базовая стоимость (при подаче)", "surcharge": "Доплата (при получении результата)",
           "vat": "В том числе НДС ({rate}%)", "words": "Прописью", "free": "Бесплатно (пункт 7 Правил).",
           "unofficial": "НЕ ОФИЦИАЛЬНО: этот тариф является примером, а не официальным прейскурантом."},
}


@main.command()
@click.option("--service", type=SERVICE_CHOICE, required=True)
@click.option("--object-type", type=OBJECT_TYPE_CHOICE, required=True)
@click.option("--area", help="Total area in m².")
@click.option("--first-category", is_flag=True, help="The object is of the first complexity category.")
@click.option("--on", "on", required=True, help="Date of the application (chooses the tariff and the VAT rate).")
@click.option("--tariff", type=click.Path(exists=True, path_type=Path), default=None,
              help="A tariff file or a folder of them (default: the shipped example, which is not official).")
@click.option("--lang", type=click.Choice(MESSAGE_LANGUAGES), default=None, help="Language of the text output.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def fee(service, object_type, area, first_category, on, tariff, lang, fmt):
    """The fee for a service: full price, base and surcharge, VAT, amount in words."""
    result = fees.compute_fee(service, object_type, _parse_date(on, "--on"), area=_parse_area(area),
                              first_category=first_category, tariff=tariff)
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return
    lang = message_language(lang)
    text = _FEE_TEXT[lang]
    if result.service in fees.FREE_SERVICES:
        click.echo(text["free"])
        return
    if not result.official:
        click.echo(text["unofficial"])
    doc_lang = "ru" if lang == "en" else lang
    click.echo(f"{text['tariff']}: {result.tariff_id} ({result.tariff_title.get(doc_lang, '')})")
    click.echo(f"{text['total']}: {result.total:.2f} KZT")
    click.echo(f"{text['base']}: {result.base:.2f} KZT")
    click.echo(f"{text['surcharge']}: {result.surcharge:.2f} KZT")
    click.echo(f"{text['vat'].format(rate=f'{result.vat_rate:g}')}: {result.vat_amount:.2f} KZT")
    click.echo(f"{text['words']}: {result.in_words()[doc_lang]}")

