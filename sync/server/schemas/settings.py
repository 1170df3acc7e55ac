"""Company settings as the API accepts and shows them: profile, categories, depreciation, calendar."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from fieldtech.company import DocumentLanguage
from fieldtech.rules.charges import LabourBasis
from fieldtech.rules.warranty import MAX_WARRANTY_MONTHS
from sync.server.schemas.common import StrictModel

EARLIEST_OVERRIDE = dt.date(2000, 1, 1)
LATEST_OVERRIDE = dt.date(2099, 12, 31)
MAX_MONEY = Decimal("999999999999.99")
CATEGORY_CODE = r"^[a-z][a-z0-9_]{0,63}$"
PHONE = r"^[0-9+()\-. ]*$"


class CompanyProfileUpdate(StrictModel):
    """The whole profile, as the settings page saves it."""

    name: str = Field(min_length=1, max_length=200)
    address: str = Field(default="", max_length=2000)
    phone: str = Field(default="", max_length=40, pattern=PHONE)
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    tax_rate: Decimal = Field(ge=0, le=1, max_digits=6, decimal_places=4)
    timezone: str = Field(default="Asia/Shanghai", min_length=1, max_length=64)
    calendar_country: str = Field(default="CN", pattern=r"^[A-Z]{2}$")
    document_language: DocumentLanguage = DocumentLanguage.BOTH


class CompanyProfilePublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    name: str
    address: str
    phone: str
    currency: str
    tax_rate: str
    timezone: str
    calendar_country: str
    document_language: str
    logo_type: str
    logo_sha256: str
    updated_at: dt.datetime | None


class CategoryIn(StrictModel):
    name: str = Field(default="", max_length=200)
    warranty_months: int = Field(ge=0, le=MAX_WARRANTY_MONTHS)
    labour_basis: LabourBasis = LabourBasis.PER_HOUR
    labour_rate: Decimal = Field(ge=0, le=MAX_MONEY, max_digits=14, decimal_places=2)


class CategoryCreate(CategoryIn):
    code: str = Field(pattern=CATEGORY_CODE)


class CategoryPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    name: str
    warranty_months: int
    labour_basis: str
    labour_rate: Decimal


class DepreciationBandIn(StrictModel):
    """Items sold at most `up_to_days` ago (null on the last band: any older) lose `rate`."""

    up_to_days: int | None = Field(default=None, ge=0, le=36_500)
    rate: Decimal = Field(ge=0, le=1, max_digits=6, decimal_places=4)


class DepreciationUpdate(StrictModel):
    bands: list[DepreciationBandIn] = Field(min_length=1, max_length=50)


class DepreciationBandPublic(BaseModel):
    up_to_days: int | None
    rate: Decimal


class DepreciationPublic(BaseModel):
    bands: list[DepreciationBandPublic]


class CalendarOverrideIn(StrictModel):
    working: bool
    note: str = Field(default="", max_length=200)


class CalendarOverridePublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    day: dt.date
    working: bool
    note: str
