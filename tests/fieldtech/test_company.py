"""Company settings: demo defaults, JSON round trip, and a named error for every bad value."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldtech.company import (
    DEFAULT_CATEGORIES,
    CompanySettings,
    DocumentLanguage,
    ProductCategorySettings,
)
from fieldtech.domain.errors import ValidationError
from fieldtech.rules.charges import LabourBasis, LabourRate
from fieldtech.rules.depreciation import DEFAULT_DEPRECIATION_TABLE, DepreciationTable


def test_company_settings_demo_defaults() -> None:
    company = CompanySettings()
    assert company.currency == "CNY"
    assert company.tax_rate == Decimal("0.13")
    assert {c.code: c.warranty_months for c in company.categories} == {
        "washing_machine": 24,
        "refrigerator": 36,
        "air_conditioner": 36,
        "water_heater": 24,
        "dishwasher": 24,
        "oven": 12,
        "other": 12,
    }
    assert company.depreciation == DEFAULT_DEPRECIATION_TABLE
    assert company.document_language is DocumentLanguage.BOTH
    assert company.name


def test_company_settings_lookups_by_category() -> None:
    company = CompanySettings()
    assert company.warranty_months_for("refrigerator") == 36
    assert company.labour_rate_for("oven") == LabourRate(LabourBasis.FLAT, Decimal("100.00"))
    with pytest.raises(ValidationError) as caught:
        company.warranty_months_for("toaster")
    assert caught.value.field == "category"
    assert "washing_machine" in caught.value.message


def test_company_settings_warranty_uses_category_period() -> None:
    company = CompanySettings()
    bought = dt.date(2024, 11, 30)
    assert company.warranty("refrigerator", bought, dt.date(2026, 11, 25)).in_warranty
    decision = company.warranty("oven", bought, dt.date(2026, 11, 25))
    assert not decision.in_warranty
    assert decision.expires_on == dt.date(2025, 11, 30)


def test_company_settings_calendar_uses_overrides() -> None:
    company = CompanySettings(
        extra_days_off=frozenset({dt.date(2026, 10, 9)}),
        extra_working_days=frozenset({dt.date(2026, 10, 11)}),
    )
    calendar = company.calendar()
    assert not calendar.is_working_day(dt.date(2026, 10, 9))
    assert calendar.is_working_day(dt.date(2026, 10, 11))
    assert calendar.add_working_days(dt.date(2026, 9, 30), 3) == dt.date(2026, 10, 11)
    assert calendar.timezone == "Asia/Shanghai"


def test_company_settings_json_round_trip_keeps_every_field() -> None:
    company = CompanySettings(
        name="北京家电维修服务有限公司",
        logo_path="/srv/logo.png",
        currency="USD",
        tax_rate=Decimal("0.0825"),
        categories=(
            *DEFAULT_CATEGORIES[:2],
            ProductCategorySettings(
                "range_hood", 18, LabourRate(LabourBasis.FLAT, Decimal("95.50")), "Range hood"
            ),
        ),
        depreciation=DepreciationTable.from_pairs([(14, "0"), (None, "0.35")]),
        calendar_country="US",
        calendar_subdivision="CA",
        timezone="America/Los_Angeles",
        extra_days_off=frozenset({dt.date(2026, 12, 24), dt.date(2026, 12, 31)}),
        extra_working_days=frozenset({dt.date(2026, 11, 28)}),
        opening=dt.time(8, 30),
        closing=dt.time(17, 0),
        document_language=DocumentLanguage.EN,
    )
    text = company.to_json()
    assert CompanySettings.from_json(text) == company
    assert "北京" in text
    data = json.loads(text)
    assert data["tax_rate"] == "0.0825"
    assert data["extra_days_off"] == ["2026-12-24", "2026-12-31"]


def test_company_settings_from_json_missing_keys_take_defaults_unknown_ignored() -> None:
    company = CompanySettings.from_json('{"name": "Acme Repairs", "fleet_size": 12}')
    assert company == dataclasses.replace(CompanySettings(), name="Acme Repairs")


def test_company_settings_from_json_numbers_read_exactly() -> None:
    company = CompanySettings.from_json('{"tax_rate": 0.13, "depreciation": [[7, 0], [null, 0.5]]}')
    assert company.tax_rate == Decimal("0.13")
    assert company.depreciation.rate_for(8) == Decimal("0.5")


def _category(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "code": "oven",
        "warranty_months": 12,
        "labour": {"basis": "flat", "amount": "100"},
    }
    return {**base, **changes}


BAD_VALUES: list[tuple[dict[str, Any], str]] = [
    ({"name": ""}, "name"),
    ({"name": "   "}, "name"),
    ({"name": 5}, "name"),
    ({"address": ["x"]}, "address"),
    ({"phone": "call me"}, "phone"),
    ({"logo_path": ""}, "logo_path"),
    ({"currency": "yuan"}, "currency"),
    ({"currency": "CN"}, "currency"),
    ({"tax_rate": "13%"}, "tax_rate"),
    ({"tax_rate": "1.3"}, "tax_rate"),
    ({"tax_rate": "-0.1"}, "tax_rate"),
    ({"tax_rate": True}, "tax_rate"),
    ({"categories": []}, "categories"),
    ({"categories": {}}, "categories"),
    ({"categories": ["oven"]}, "categories[0]"),
    ({"categories": [_category(code="Oven")]}, "categories[0].code"),
    ({"categories": [_category(), _category()]}, "categories[1].code"),
    ({"categories": [_category(warranty_months=-1)]}, "categories[0].warranty_months"),
    ({"categories": [_category(warranty_months="12")]}, "categories[0].warranty_months"),
    ({"categories": [_category(labour=None)]}, "categories[0].labour"),
    (
        {"categories": [_category(labour={"basis": "daily", "amount": "1"})]},
        "categories[0].labour.basis",
    ),
    (
        {"categories": [_category(labour={"basis": "flat", "amount": "-5"})]},
        "categories[0].labour.amount",
    ),
    ({"categories": [_category(name=3)]}, "categories[0].name"),
    ({"depreciation": "none"}, "depreciation"),
    ({"depreciation": [[7, "0"], [3, "0.1"], [None, "0.2"]]}, "depreciation[1].up_to_days"),
    ({"depreciation": [7, "0"]}, "depreciation[0]"),
    ({"depreciation": [[7, "0"]]}, "depreciation[0].up_to_days"),
    ({"calendar_country": "ZZ"}, "calendar_country"),
    ({"timezone": "Moon/Base"}, "timezone"),
    ({"extra_days_off": ["2026-13-01"]}, "extra_days_off[0]"),
    ({"extra_days_off": "2026-10-09"}, "extra_days_off"),
    (
        {"extra_days_off": ["2026-10-09"], "extra_working_days": ["2026-10-09"]},
        "extra_working_days",
    ),
    ({"opening": "9am"}, "opening"),
    ({"closing": "25:00"}, "closing"),
    ({"opening": "18:00", "closing": "09:00"}, "closing"),
    ({"document_language": "fr"}, "document_language"),
    ({"version": "one"}, "version"),
]


@pytest.mark.parametrize(("changes", "field"), BAD_VALUES)
def test_company_settings_from_json_bad_value_names_field(
    changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        CompanySettings.from_json(json.dumps(changes))
    assert caught.value.field == field
    assert caught.value.reason


@pytest.mark.parametrize("text", ["not json", "[1, 2]", '"text"'])
def test_company_settings_from_json_not_an_object_raises(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        CompanySettings.from_json(text)
    assert caught.value.field == "settings"


def test_company_settings_constructor_validates_too() -> None:
    with pytest.raises(ValidationError) as caught:
        CompanySettings(tax_rate=Decimal("2"))
    assert caught.value.field == "tax_rate"
    with pytest.raises(ValidationError) as caught:
        CompanySettings(document_language="de")  # type: ignore[arg-type]
    assert caught.value.field == "document_language"


@given(
    tax=st.decimals(min_value=0, max_value=1, places=4),
    months=st.lists(st.integers(min_value=0, max_value=240), min_size=1, max_size=5),
    amount=st.decimals(min_value=0, max_value=10_000, places=2),
    days_off=st.frozensets(st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2026, 6, 30))),
    language=st.sampled_from(DocumentLanguage),
)
def test_company_settings_round_trip_property(
    tax: Decimal,
    months: list[int],
    amount: Decimal,
    days_off: frozenset[dt.date],
    language: DocumentLanguage,
) -> None:
    categories = tuple(
        ProductCategorySettings(f"cat_{i}", m, LabourRate(LabourBasis.PER_HOUR, amount))
        for i, m in enumerate(months)
    )
    company = CompanySettings(
        tax_rate=tax, categories=categories, extra_days_off=days_off, document_language=language
    )
    assert CompanySettings.from_json(company.to_json()) == company
