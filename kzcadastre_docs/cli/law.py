"""Commands about the Rules' arithmetic: deadline and fee."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..i18n import catalogue
from ..i18n.catalogue import N_, gettext as _

from .app import main
from ..law.codes import OBJECT_TYPES, SERVICES
from .common import AREA, DATE, DATETIME, _LazyModule
from .ui import emit, is_json, warn


rules = _LazyModule("kzcadastre_docs.law.rules")
fees = _LazyModule("kzcadastre_docs.law.fees")
# The choices come from law.codes (no models), so that --help starts without the library.
SERVICE_CHOICE = click.Choice(SERVICES)
OBJECT_TYPE_CHOICE = click.Choice(OBJECT_TYPES)


@main.command()
@click.option("--service", type=SERVICE_CHOICE, required=True, help="The service: entry, passport, duplicate, correction.")
@click.option("--object-type", type=OBJECT_TYPE_CHOICE, required=True, help="The kind of object.")
@click.option("--area", type=AREA, help="Total area in m², as 1500, 1 500 or 1 500,50 (needed for objects of type other).")
@click.option("--first-category", is_flag=True, help="The object is of the first complexity category.")
@click.option("--submitted", type=DATETIME, required=True,
              help="When the application was submitted: DD.MM.YYYY HH:MM or YYYY-MM-DDTHH:MM, local time (the time "
                   "is required); with Z or +HH:MM converted to Kazakhstan time (UTC+5 since 1 March 2024).")
@click.option("--objection-received", type=DATE, help="Date an objection to a preliminary refusal was received.")
def deadline(service, object_type, area, first_category, submitted, objection_received):
    """The dates the Rules fix for an application: acceptance, due date, refusal, extension."""
    result = rules.schedule(service, object_type, submitted, area=area, first_category=first_category,
                            objection_received=objection_received)
    lang = catalogue.language()

    def text():
        for line in rules.explain(result, lang):
            click.echo(line)
        for warning in result.warnings:
            warn(catalogue.describe(warning, lang))

    emit({**result.to_json(), "explanation": rules.explain(result, lang),
          "warnings": [catalogue.describe(w, lang) for w in result.warnings]}, text)


_FEE_TEXT = {
    "tariff": N_("Tariff"), "total": N_("Full price"), "base": N_("Base, paid at application"),
    "surcharge": N_("Surcharge, paid at the result"), "vat": N_("VAT included ({rate}%)"), "words": N_("In words"),
    "free": N_("Free of charge (paragraph 7 of the Rules)."),
    "unofficial": N_("NOT OFFICIAL: this tariff is an example, not the official price list."),
}


@main.command()
@click.option("--service", type=SERVICE_CHOICE, required=True, help="The service: entry, passport, duplicate, correction.")
@click.option("--object-type", type=OBJECT_TYPE_CHOICE, required=True, help="The kind of object.")
@click.option("--area", type=AREA, help="Total area in m², as 1500, 1 500 or 1 500,50.")
@click.option("--first-category", is_flag=True, help="The object is of the first complexity category.")
@click.option("--on", "on", type=DATE, required=True,
              help="Date of the application, DD.MM.YYYY or YYYY-MM-DD (chooses the tariff and the VAT rate).")
@click.option("--tariff", type=click.Path(exists=True, path_type=Path), default=None,
              help="A tariff file or a folder of them (default: the shipped example, which is not official).")
def fee(service, object_type, area, first_category, on, tariff):
    """The fee for a service: full price, base and surcharge, VAT, amount in words."""
    result = fees.compute_fee(service, object_type, on, area=area, first_category=first_category, tariff=tariff)
    lang = catalogue.language()
    words_lang = "ru" if lang == "en" else lang
    if is_json():
        emit({**result.to_json(), "warnings": [catalogue.describe(w, lang) for w in result.warnings]})
        return
    if result.service in fees.FREE_SERVICES:
        click.echo(_(_FEE_TEXT.get("free", "")))
        return
    if not result.official:
        warn(_(_FEE_TEXT.get("unofficial", "")))
    click.echo(f"{_(_FEE_TEXT['tariff'])}: {result.tariff_id} ({result.tariff_title.get(words_lang, '')})")
    click.echo(f"{_(_FEE_TEXT['total'])}: {catalogue.money(result.total)}")
    click.echo(f"{_(_FEE_TEXT['base'])}: {catalogue.money(result.base)}")
    click.echo(f"{_(_FEE_TEXT['surcharge'])}: {catalogue.money(result.surcharge)}")
    rate = catalogue.number(result.vat_rate, places=None)
    click.echo(f"{_(_FEE_TEXT['vat']).format(rate=rate)}: {catalogue.money(result.vat_amount)}")
    click.echo(f"{_(_FEE_TEXT['words'])}: {result.in_words()[words_lang]}")
