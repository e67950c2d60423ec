"""The two-stage fee: tariff matching, rounding, VAT by date, the tariff in force."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
import yaml
from click.testing import CliRunner

from kzcadastre_docs.law import fees
from kzcadastre_docs.cli import main

D = date.fromisoformat


def _tariff(tmp_path, name="t.yaml", **overrides):
    data = {
        "id": "test", "official": True, "title": {"kk": "сынақ", "ru": "тест"}, "legal_basis": "test",
        "effective_from": "2026-01-01", "currency": "KZT", "prices_include_vat": True,
        "items": [{"service": "passport", "object_types": ["other"], "fixed": "0", "per_m2": "0.5", "base": "0"}],
    }
    data.update(overrides)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_example_tariff_apartment():
    fee = fees.compute_fee("passport", "apartment", D("2026-11-24"), area=Decimal("51.60"))
    assert (fee.total, fee.base, fee.surcharge) == (Decimal("18288.00"), Decimal("6900.00"), Decimal("11388.00"))
    assert (fee.vat_rate, fee.vat_amount) == (Decimal("16"), Decimal("2522.48"))  # 18288 x 16 / 116
    assert fee.official is False and "NOT the official" in fee.warnings[0]


def test_area_boundaries_first_match_wins():
    at = fees.compute_fee("passport", "other", D("2026-11-24"), area=Decimal("1000"))
    over = fees.compute_fee("passport", "other", D("2026-11-24"), area=Decimal("1000.01"))
    assert at.total == Decimal("130000.00")  # up to 1000 inclusive: 20000 + 110 x 1000
    assert over.total == Decimal("130000.70")  # over 1000: 60000 + 70 x 1000.01
    first = fees.compute_fee("passport", "other", D("2026-11-24"), area=Decimal("2500"), first_category=True)
    assert (first.total, first.base) == (Decimal("315000.00"), Decimal("9000.00"))


def test_no_base_means_the_whole_price_is_paid_at_application():
    fee = fees.compute_fee("duplicate", "apartment", D("2026-11-24"))
    assert (fee.total, fee.base, fee.surcharge) == (Decimal("2500.00"), Decimal("2500.00"), Decimal("0.00"))


def test_correction_is_free():
    fee = fees.compute_fee("correction", "other", D("2026-11-24"))
    assert fee.total == fee.base == fee.vat_amount == Decimal("0.00") and fee.official


def test_price_rounds_half_up_to_the_tiyn(tmp_path):
    fee = fees.compute_fee("passport", "other", D("2026-05-01"), area=Decimal("0.01"), tariff=_tariff(tmp_path))
    assert fee.total == Decimal("0.01")  # 0.5 x 0.01 = 0.005 -> 0.01 (banker's rounding would give 0.00)


def test_vat_rate_follows_the_date(tmp_path):
    path = _tariff(tmp_path, effective_from="2025-01-01", effective_to="2026-12-31",
                   items=[{"service": "entry", "fixed": "1120.00"}])
    assert fees.compute_fee("entry", "apartment", D("2025-12-31"), tariff=path).vat_amount == Decimal("120.00")
    assert fees.compute_fee("entry", "apartment", D("2026-01-01"), tariff=path).vat_amount == Decimal("154.48")


def test_prices_without_vat_get_it_added(tmp_path):
    path = _tariff(tmp_path, prices_include_vat=False, items=[{"service": "entry", "fixed": "1000.00"}])
    fee = fees.compute_fee("entry", "apartment", D("2026-03-01"), tariff=path)
    assert (fee.total, fee.vat_amount) == (Decimal("1160.00"), Decimal("160.00"))


def test_the_tariff_in_force_is_chosen_from_a_directory(tmp_path):
    _tariff(tmp_path, "2025.yaml", id="t2025", effective_from="2025-01-01", effective_to="2025-12-31",
            items=[{"service": "entry", "fixed": "100"}])
    _tariff(tmp_path, "2026.yaml", id="t2026", effective_from="2026-01-01", items=[{"service": "entry", "fixed": "200"}])
    assert fees.compute_fee("entry", "apartment", D("2025-07-01"), tariff=tmp_path).tariff_id == "t2025"
    assert fees.compute_fee("entry", "apartment", D("2026-07-01"), tariff=tmp_path).total == Decimal("200.00")
    with pytest.raises(fees.FeeError, match="no tariff is in force on 2024-12-31"):
        fees.compute_fee("entry", "apartment", D("2024-12-31"), tariff=tmp_path)


def test_no_matching_item_is_a_clear_error(tmp_path):
    with pytest.raises(fees.FeeError, match="no price for service 'duplicate'"):
        fees.compute_fee("duplicate", "other", D("2026-05-01"), area=Decimal(10), tariff=_tariff(tmp_path))
    with pytest.raises(fees.FeeError, match="area is needed"):
        fees.compute_fee("passport", "other", D("2026-05-01"), tariff=_tariff(tmp_path))


def test_invalid_tariff_file_names_the_field(tmp_path):
    path = _tariff(tmp_path, currency="USD")
    with pytest.raises(fees.FeeError, match="currency"):
        fees.load_tariffs(path)


def test_base_larger_than_price_is_an_error(tmp_path):
    path = _tariff(tmp_path, items=[{"service": "entry", "fixed": "100", "base": "200"}])
    with pytest.raises(fees.FeeError, match="base"):
        fees.compute_fee("entry", "apartment", D("2026-03-01"), tariff=path)


def test_fee_command_json():
    result = CliRunner().invoke(main, ["fee", "--service", "passport", "--object-type", "apartment", "--area", "51.60",
                                       "--on", "2026-11-24", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {k: data[k] for k in ("tariff_id", "official", "total", "base", "surcharge", "vat_rate", "vat_amount",
                                 "currency")} == {
        "tariff_id": "example-not-official-2026", "official": False, "total": "18288.00", "base": "6900.00",
        "surcharge": "11388.00", "vat_rate": "16.00", "vat_amount": "2522.48", "currency": "KZT"}
    assert data["in_words"]["ru"] == "восемнадцать тысяч двести восемьдесят восемь тенге 00 тиын"
    assert data["in_words"]["kk"] == "он сегіз мың екі жүз сексен сегіз теңге 00 тиын"


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_fee_text_says_when_the_tariff_is_not_official(lang):
    result = CliRunner().invoke(main, ["fee", "--service", "duplicate", "--object-type", "apartment", "--on", "2026-11-24",
                                       "--message-lang", lang])
    assert result.exit_code == 0
    assert {"kk": "РЕСМИ ЕМЕС", "ru": "НЕ ОФИЦИАЛЬНО", "en": "NOT OFFICIAL"}[lang] in result.output


def test_fee_and_deadline_errors_exit_2():
    runner = CliRunner()
    assert runner.invoke(main, ["fee", "--service", "passport", "--object-type", "other", "--on", "2026-11-24"]).exit_code == 2
    assert runner.invoke(main, ["fee", "--service", "entry", "--object-type", "other", "--on", "31.02.2026"]).exit_code == 2
    assert runner.invoke(main, ["deadline", "--service", "passport", "--object-type", "villa",
                                "--submitted", "2026-11-24T10:00"]).exit_code == 2
    assert runner.invoke(main, ["deadline", "--service", "passport", "--object-type", "other", "--area", "-1",
                                "--submitted", "2026-11-24T10:00"]).exit_code == 2


def test_deadline_command_json_keys():
    result = CliRunner().invoke(main, ["deadline", "--service", "passport", "--object-type", "other", "--area", "1000",
                                       "--submitted", "2026-11-24T10:00", "--objection-received", "2026-11-27",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["accepted_on"] == "2026-11-24" and data["due_on"] == "2026-12-03" and data["working_days"] == 7
    assert data["refusal_procedure"] == "hearing" and data["hearing_notice_latest"] == "2026-11-30"
    assert data["extension_limit"] == "2027-01-24" and data["objection_decision_by"] == "2026-12-01"
    assert "2027" in " ".join(data["warnings"])  # the extension limit falls in an unconfirmed year


def test_deadline_text_in_kazakh():
    result = CliRunner().invoke(main, ["deadline", "--service", "duplicate", "--object-type", "apartment",
                                       "--submitted", "2026-11-24T10:00", "--message-lang", "kk"])
    assert result.exit_code == 0
    assert "2026 жылғы 25 қараша" in result.output and "2-қосымшаның 3-тармағы" in result.output
