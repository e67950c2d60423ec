"""Annex 4: the application for entering the data of newly built real estate.

The official form of both editions (text: tools/official_text/, layout:
tools/template_text/official/application-entry.yaml): the applicant (an individual, or a
legal entity and who acts for it), the documents accepted (the payment document with its
amount in words, the title documents), phone, note, signature and date, "accepted by" with
date and time, and the consent paragraphs. The parts every application of Annexes 4-6 has
(ApplicationBase, applicant_lines) are shared with application_passport.py (Annex 5) and
application_duplicate.py (Annex 6).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import Field

from ...models.base import DocumentModel, RuleViolation
from ...i18n import formatting
from ...i18n.form_fields import DASH
from ...models.localized import text_in
from ...models.parts import (ActReference, Address, Applicant, CadastralNumber, Contacts, LandPlotNumber, ObjectType,
                             Person, date_order)
from ...models.types import Area, DocNumber, LocalizedShort, Money, Year
from ...models.vocabularies import Branch

from ..spec import OFFICIAL_BOTH, OFFICIAL_EDITIONS, FormSpec, Provenance

#: A blank left for the pen.
PEN_LINE = "\u00a0" * 30


class ApplicationObject(DocumentModel):
    """The object as the applicant declares it."""

    object_type: ObjectType = Field(description="Kind of object.")
    address: Address = Field(description="Address of the object.")
    land_plot_cadastral_number: LandPlotNumber | None = Field(None, description="Cadastral number of the land plot.")
    cadastral_number: CadastralNumber | None = Field(None, description="Cadastral number of the object (duplicate).")
    total_area: Area = Field(description="Total area declared, m².")
    rooms: int | None = Field(None, ge=0, le=10000, description="Number of rooms.")
    floors: int | None = Field(None, ge=1, le=200, description="Number of floors.")
    year_commissioned: Year | None = Field(None, description="Year of commissioning.")


class Payment(DocumentModel):
    """The payment document presented with the application."""

    kind: LocalizedShort = Field(description="Kind of the payment document (квитанция, платежное поручение...).")
    number: DocNumber = Field(description="Its number.")
    date: dt.date = Field(description="Its date.")
    amount: Money = Field(description="Amount paid, tenge.")


class ApplicationBase(DocumentModel):
    """What every application of Annexes 4-6 holds: who applies, the payment, the documents,
    the contacts, the note, the acceptance and the consent."""

    document_date: dt.date = Field(description="Date of the application.")
    branch: Branch = Field(description="Branch of the State Corporation at the object's location (addressee): "
                                                 "a code of data/branches.yaml, e.g. astana.")
    applicant: Applicant
    contacts: Contacts = Field(description="How to reach the applicant.")
    attachments: list[LocalizedShort] = Field(default_factory=list, max_length=50, description="Documents attached.")
    consent_personal_data: bool = Field(description="Consent to use restricted personal data (Law on personal data, art. 8).")
    signature: Literal["eds", "otp"] = Field("eds", description="Signed by electronic digital signature or one-time password.")
    payment: Payment | None = Field(None, description="The payment document (item 1 of the documents accepted).")
    note: LocalizedShort | None = Field(None, description="Note printed on the form.")
    accepted_by: Person | None = Field(None, description="The employee who accepted the application; a line for the pen if omitted.")
    accepted_at: dt.datetime | None = Field(None, description="When the application was accepted (date and time).")

    def rules(self) -> Iterator[RuleViolation]:
        if self.accepted_at is not None:
            yield from date_order(("accepted_at",), self.accepted_at.date(), "document_date", self.document_date)
        if self.payment is not None:
            yield from date_order(("document_date",), self.document_date, "payment.date", self.payment.date)


class ApplicationData(ApplicationBase):
    """Annex 4: the application for entering the data of newly built real estate."""

    service: Literal["new_object", "duplicate"] = Field(
        description="new_object: enter the data, cadastral passport and conclusion; duplicate: a duplicate passport.")
    object: ApplicationObject = Field(description="The object.")
    acceptance_act: ActReference | None = Field(None, description="Act of acceptance into operation (new object).")

    def rules(self) -> Iterator[RuleViolation]:
        if self.service != "new_object":  # the duplicate's application is Annex 6
            yield ("service",), "enum", {"expected": "new_object"}
        yield from super().rules()
        if self.service == "new_object" and self.acceptance_act is None:
            yield ("acceptance_act",), "required_for", {"condition": "service is new_object"}
        if self.service == "new_object" and self.object.land_plot_cadastral_number is None:
            yield ("object", "land_plot_cadastral_number"), "required_for", {"condition": "service is new_object"}
        if self.service == "duplicate" and self.object.cadastral_number is None:
            yield ("object", "cadastral_number"), "required_for", {"condition": "service is duplicate"}


def _employee(person: Person | None, lang: str) -> str:
    """"position full name" of an employee, or a line for the pen."""
    if person is None:
        return PEN_LINE
    position = text_in(person.position, lang) if person.position else ""
    return f"{position} {person.full_name}".strip()


def applicant_lines(model: ApplicationBase, lang: str) -> dict[str, Any]:
    """The lines every application of Annexes 4-6 has: who applies (an individual's lines or
    a legal entity's), the payment, the documents, the acceptance; a line for the pen where
    there is no datum."""
    applicant = model.applicant
    individual = applicant.kind == "individual"
    representative = None if individual else applicant.representative
    poa = representative.power_of_attorney if representative else None
    if poa is not None:
        basis = (f"сенімхат № {poa.number}, {formatting.official_date(poa.date, lang, locative=True)}" if lang == "kk"
                 else f"доверенность № {poa.number} от {formatting.official_date(poa.date, lang)}")
    else:
        basis = PEN_LINE
    payment = model.payment
    accepted = model.accepted_at
    return {
        "individual_line": f"{formatting.full_name(applicant)}, {applicant.iin}" if individual else PEN_LINE,
        "org_name": applicant.name if not individual else PEN_LINE,
        "org_bin": applicant.bin if not individual else PEN_LINE,
        "org_representative": f"{representative.full_name}, {representative.iin}" if representative else PEN_LINE,
        "org_basis": basis,
        "pay_kind": payment.kind if payment else PEN_LINE,
        "pay_number": payment.number if payment else PEN_LINE,
        "pay_date": formatting.short_date(payment.date, lang) if payment else PEN_LINE,
        "pay_amount": formatting.money(payment.amount, lang) if payment else PEN_LINE,
        "pay_words": formatting.money_in_words(payment.amount, lang) if payment else PEN_LINE,
        "documents_line": "; ".join(text_in(item, lang) for item in model.attachments) or PEN_LINE,
        "phone": model.contacts.phone or PEN_LINE,
        "note_line": model.note or DASH,
        "accepted_name": _employee(model.accepted_by, lang),
        "accepted_on": accepted.date() if accepted else None,
        "accepted_hour": f"{accepted.hour:02d}" if accepted else "",
        "accepted_minute": f"{accepted.minute:02d}" if accepted else "",
    }


#: The names applicant_lines() computes.
APPLICANT_LINES = ("individual_line", "org_name", "org_bin", "org_representative", "org_basis", "pay_kind",
                   "pay_number", "pay_date", "pay_amount", "pay_words", "documents_line", "phone", "note_line",
                   "accepted_name", "accepted_on", "accepted_hour", "accepted_minute")


FORM = FormSpec(
    slug="application-entry",
    annex=4,
    title={
        "kk": "Құқықтық кадастрдың цифрлық жүйесіне жаңадан құрылған жылжымайтын мүлікке ғимараттардың, құрылыстардың "
              "және (немесе) олардың құрамдастарының сәйкестендіру және техникалық мәліметтерін енгізу бойынша "
              "мемлекеттік қызмет көрсетуге өтініш",
        "ru": "Заявление на оказание государственной услуги по внесению в цифровую систему единого государственного "
              "кадастра недвижимости идентификационных и технических сведений зданий, сооружений и (или) их "
              "составляющих на вновь созданное недвижимое имущество",
    },
    provenance=Provenance.OFFICIAL_TEXT,
    model=ApplicationData,
    description="The application for entering the data of newly built real estate (paragraph 4 of the Rules).",
    text_provenance=OFFICIAL_BOTH,
    editions=OFFICIAL_EDITIONS,
    compute=applicant_lines,
    computed_names=APPLICANT_LINES,
    notes=("The official form of Annex 4 in kk and ru, both editions; the lines of the other kind of applicant "
           "(individual / legal entity) stay blank.",),
)
