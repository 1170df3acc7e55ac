"""What the company configures: identity on documents, money, categories, rates, calendar, language."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, TypeVar

from fieldtech.domain.errors import ValidationError
from fieldtech.rules.calendar import WorkingCalendar
from fieldtech.rules.charges import LabourBasis, LabourRate, check_amount, check_rate
from fieldtech.rules.depreciation import DEFAULT_DEPRECIATION_TABLE, DepreciationTable
from fieldtech.rules.warranty import WarrantyDecision, check_warranty_months, warranty_status

SETTINGS_VERSION = 1

_CURRENCY = re.compile(r"[A-Z]{3}", re.ASCII)
_CATEGORY_CODE = re.compile(r"[a-z][a-z0-9_]{0,63}", re.ASCII)
_PHONE = re.compile(r"[0-9+()\-. ]{0,40}", re.ASCII)
_T = TypeVar("_T")


class DocumentLanguage(StrEnum):
    EN = "en"
    ZH = "zh"
    BOTH = "both"


@dataclass(frozen=True, slots=True)
class ProductCategorySettings:
    code: str
    warranty_months: int
    labour_rate: LabourRate
    name: str = ""
    """Shown for a category the company added; the UI translates the default codes itself."""


def _category(code: str, months: int, basis: LabourBasis, amount: str) -> ProductCategorySettings:
    return ProductCategorySettings(code, months, LabourRate(basis, Decimal(amount)))


DEFAULT_CATEGORIES: tuple[ProductCategorySettings, ...] = (
    _category("washing_machine", 24, LabourBasis.PER_HOUR, "80.00"),
    _category("refrigerator", 36, LabourBasis.PER_HOUR, "100.00"),
    _category("air_conditioner", 36, LabourBasis.PER_HOUR, "120.00"),
    _category("water_heater", 24, LabourBasis.PER_HOUR, "80.00"),
    _category("dishwasher", 24, LabourBasis.PER_HOUR, "80.00"),
    _category("oven", 12, LabourBasis.FLAT, "100.00"),
    _category("other", 12, LabourBasis.FLAT, "80.00"),
)


def _text(name: str, value: object, *, required: bool = False, max_len: int = 500) -> str:
    if not isinstance(value, str):
        raise ValidationError(name, "give text")
    if required and not value.strip():
        raise ValidationError(name, "must not be empty; fill it in")
    if len(value) > max_len:
        raise ValidationError(name, f"is too long; keep it under {max_len} characters")
    return value


@dataclass(frozen=True, slots=True)
class CompanySettings:
    """Every field has a default, so `CompanySettings()` is the demo company."""

    name: str = "Huaxin Appliance Service Co., Ltd."
    address: str = "88 Jiangning Road, Jing'an District, Shanghai 200041"
    phone: str = "+86 21 6255 0188"
    logo_path: str | None = None
    currency: str = "CNY"
    tax_rate: Decimal = Decimal("0.13")
    categories: tuple[ProductCategorySettings, ...] = DEFAULT_CATEGORIES
    depreciation: DepreciationTable = DEFAULT_DEPRECIATION_TABLE
    calendar_country: str = "CN"
    calendar_subdivision: str | None = None
    timezone: str = "Asia/Shanghai"
    extra_days_off: frozenset[dt.date] = frozenset()
    extra_working_days: frozenset[dt.date] = frozenset()
    opening: dt.time = dt.time(9, 0)
    closing: dt.time = dt.time(18, 0)
    document_language: DocumentLanguage = DocumentLanguage.BOTH

    def __post_init__(self) -> None:
        _text("name", self.name, required=True, max_len=200)
        _text("address", self.address)
        if not isinstance(self.phone, str) or not _PHONE.fullmatch(self.phone):
            raise ValidationError("phone", "use digits, spaces, + - ( ) only, at most 40")
        if self.logo_path is not None:
            _text("logo_path", self.logo_path, required=True, max_len=1000)
        if not isinstance(self.currency, str) or not _CURRENCY.fullmatch(self.currency):
            raise ValidationError("currency", "give an ISO 4217 code in capitals, such as CNY")
        check_rate("tax_rate", self.tax_rate)
        self._check_categories()
        if not isinstance(self.depreciation, DepreciationTable):
            raise ValidationError("depreciation", "give a depreciation table")
        try:
            DocumentLanguage(self.document_language)
        except ValueError:
            raise ValidationError("document_language", "choose en, zh or both") from None
        self.calendar()

    def _check_categories(self) -> None:
        if not self.categories:
            raise ValidationError("categories", "give at least one product category")
        seen: set[str] = set()
        for i, category in enumerate(self.categories):
            where = f"categories[{i}]"
            if not isinstance(category.code, str) or not _CATEGORY_CODE.fullmatch(category.code):
                raise ValidationError(
                    f"{where}.code", "use lower-case letters, digits and _, starting with a letter"
                )
            if category.code in seen:
                raise ValidationError(
                    f"{where}.code", f"{category.code} is listed twice; keep one entry"
                )
            seen.add(category.code)
            check_warranty_months(category.warranty_months, f"{where}.warranty_months")
            _text(f"{where}.name", category.name, max_len=200)
            if not isinstance(category.labour_rate, LabourRate):
                raise ValidationError(f"{where}.labour_rate", "give a labour rate")

    def calendar(self) -> WorkingCalendar:
        """The working-day calendar every "working days" rule of this company uses."""
        return WorkingCalendar(
            country=self.calendar_country,
            subdivision=self.calendar_subdivision,
            timezone=self.timezone,
            extra_days_off=frozenset(self.extra_days_off),
            extra_working_days=frozenset(self.extra_working_days),
            opening=self.opening,
            closing=self.closing,
        )

    def category(self, code: str) -> ProductCategorySettings:
        for category in self.categories:
            if category.code == code:
                return category
        known = ", ".join(c.code for c in self.categories)
        raise ValidationError("category", f"unknown product category {code!r}; use one of {known}")

    def warranty_months_for(self, code: str) -> int:
        return self.category(code).warranty_months

    def labour_rate_for(self, code: str) -> LabourRate:
        return self.category(code).labour_rate

    def warranty(
        self, code: str, purchase_date: dt.date | None, on_date: dt.date
    ) -> WarrantyDecision:
        """Free or paid for an item of category `code`, with this company's warranty period."""
        return warranty_status(purchase_date, self.warranty_months_for(code), on_date)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types; money and rates as strings so no float ever touches them."""
        return {
            "version": SETTINGS_VERSION,
            "name": self.name,
            "address": self.address,
            "phone": self.phone,
            "logo_path": self.logo_path,
            "currency": self.currency,
            "tax_rate": str(self.tax_rate),
            "categories": [
                {
                    "code": c.code,
                    "name": c.name,
                    "warranty_months": c.warranty_months,
                    "labour": {
                        "basis": str(c.labour_rate.basis),
                        "amount": str(c.labour_rate.amount),
                    },
                }
                for c in self.categories
            ],
            "depreciation": [list(pair) for pair in self.depreciation.to_pairs()],
            "calendar_country": self.calendar_country,
            "calendar_subdivision": self.calendar_subdivision,
            "timezone": self.timezone,
            "extra_days_off": sorted(d.isoformat() for d in self.extra_days_off),
            "extra_working_days": sorted(d.isoformat() for d in self.extra_working_days),
            "opening": self.opening.strftime("%H:%M"),
            "closing": self.closing.strftime("%H:%M"),
            "document_language": str(self.document_language),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CompanySettings:
        """Build from stored settings. Missing keys take their defaults (an older file) and
        unknown keys are ignored (a file written by a newer version of the app)."""
        if not isinstance(data, Mapping):
            raise ValidationError("settings", "the settings must be a JSON object")
        version = data.get("version", SETTINGS_VERSION)
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise ValidationError("version", "give the settings version as a whole number")
        values: dict[str, Any] = {}
        readers: dict[str, Callable[[str, Any], Any]] = {
            "name": _read_str,
            "address": _read_str,
            "phone": _read_str,
            "logo_path": _optional(_read_str),
            "currency": _read_str,
            "tax_rate": _read_decimal,
            "categories": _read_categories,
            "depreciation": _read_depreciation,
            "calendar_country": _read_str,
            "calendar_subdivision": _optional(_read_str),
            "timezone": _read_str,
            "extra_days_off": _read_dates,
            "extra_working_days": _read_dates,
            "opening": _read_time,
            "closing": _read_time,
            "document_language": _read_language,
        }
        for key, reader in readers.items():
            if key in data:
                values[key] = reader(key, data[key])
        return cls(**values)

    @classmethod
    def from_json(cls, text: str | bytes) -> CompanySettings:
        try:
            data = json.loads(text, parse_float=Decimal)
        except (ValueError, TypeError) as exc:
            raise ValidationError("settings", f"the settings are not valid JSON ({exc})") from None
        return cls.from_dict(data)


def _optional(reader: Callable[[str, Any], _T]) -> Callable[[str, Any], _T | None]:
    def read(name: str, value: Any) -> _T | None:
        return None if value is None else reader(name, value)

    return read


def _read_str(name: str, value: Any) -> str:
    return _text(name, value, max_len=1000)


def _read_int(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(name, "give a whole number")
    return value


def _read_decimal(name: str, value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise ValidationError(name, "give a number such as 0.13")
    try:
        return check_amount(name, Decimal(value))
    except InvalidOperation:
        raise ValidationError(name, f"{value!r} is not a number; write it like 0.13") from None


def _read_list(name: str, value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise ValidationError(name, "give a list")
    return value


def _read_dates(name: str, value: Any) -> frozenset[dt.date]:
    days = set()
    for i, item in enumerate(_read_list(name, value)):
        try:
            days.add(dt.date.fromisoformat(item))
        except (TypeError, ValueError):
            raise ValidationError(f"{name}[{i}]", "write the date as YYYY-MM-DD") from None
    return frozenset(days)


def _read_time(name: str, value: Any) -> dt.time:
    if not isinstance(value, str) or not re.fullmatch(r"\d\d:\d\d", value, re.ASCII):
        raise ValidationError(name, "write the time as HH:MM, e.g. 09:00")
    try:
        return dt.time.fromisoformat(value)
    except ValueError:
        raise ValidationError(name, "write the time as HH:MM, e.g. 09:00") from None


def _read_language(name: str, value: Any) -> DocumentLanguage:
    try:
        return DocumentLanguage(value)
    except ValueError:
        raise ValidationError(name, "choose en, zh or both") from None


def _read_categories(name: str, value: Any) -> tuple[ProductCategorySettings, ...]:
    categories = []
    for i, item in enumerate(_read_list(name, value)):
        where = f"{name}[{i}]"
        if not isinstance(item, Mapping):
            raise ValidationError(where, "give code, warranty_months and labour")
        labour = item.get("labour")
        if not isinstance(labour, Mapping):
            raise ValidationError(f"{where}.labour", "give basis and amount")
        try:
            basis = LabourBasis(str(labour.get("basis", "")))
        except ValueError:
            raise ValidationError(f"{where}.labour.basis", "choose per_hour or flat") from None
        amount = _read_decimal(f"{where}.labour.amount", labour.get("amount"))
        categories.append(
            ProductCategorySettings(
                code=_read_str(f"{where}.code", item.get("code")),
                warranty_months=_read_int(f"{where}.warranty_months", item.get("warranty_months")),
                labour_rate=LabourRate(basis, amount),
                name=_read_str(f"{where}.name", item.get("name", "")),
            )
        )
    return tuple(categories)


def _read_depreciation(name: str, value: Any) -> DepreciationTable:
    pairs = _read_list(name, value)
    for i, pair in enumerate(pairs):
        if not isinstance(pair, list):
            raise ValidationError(f"{name}[{i}]", "give a pair [up_to_days, rate]")
    return DepreciationTable.from_pairs(pairs)
