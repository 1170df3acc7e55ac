"""Office writes of the company settings: each validated by the domain rules, audited, and made
through the office session so change capture sends it to every laptop."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldtech.company import CompanySettings
from fieldtech.domain.errors import NotFoundError, ValidationError
from fieldtech.models import CalendarOverride, CompanyProfile, ProductCategory
from fieldtech.models.companyprofile import COMPANY_PROFILE_ID
from fieldtech.rules.depreciation import DepreciationTable
from fieldtech.usecases.company import category_dicts, profile_dict
from sync.server import audit
from sync.server.auth import Principal
from sync.server.schemas.settings import (
    EARLIEST_OVERRIDE,
    LATEST_OVERRIDE,
    CategoryCreate,
    CategoryIn,
    CompanyProfileUpdate,
    DepreciationUpdate,
)

MAX_LOGO_BYTES = 256 * 1024
# A plain file name: letters (any script), digits, space, dot, dash, underscore, brackets;
# no folder separators, no leading dot, no "..", and a picture's extension.
_LOGO_NAME = re.compile(r"[^/\\:\x00-\x1f]{1,200}\.(png|jpe?g)", re.IGNORECASE)
_MAGIC = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}
PROFILE_FIELDS = (
    "name",
    "address",
    "phone",
    "currency",
    "tax_rate",
    "timezone",
    "calendar_country",
    "document_language",
)


def company_profile(session: Session) -> CompanyProfile | None:
    return session.get(CompanyProfile, COMPANY_PROFILE_ID)


def _new_profile(session: Session) -> CompanyProfile:
    default = CompanySettings()
    profile = CompanyProfile(
        id=COMPANY_PROFILE_ID,
        name=default.name,
        address=default.address,
        phone=default.phone,
        currency=default.currency,
        tax_rate=str(default.tax_rate),
        timezone=default.timezone,
        calendar_country=default.calendar_country,
        document_language=str(default.document_language),
        depreciation=[list(pair) for pair in default.depreciation.to_pairs()],
        logo_type="",
        logo_sha256="",
        logo_data="",
    )
    session.add(profile)
    return profile


def profile_for_update(session: Session) -> CompanyProfile:
    """The profile row, locked until commit (created with the defaults on first save)."""
    profile = session.scalar(
        select(CompanyProfile).where(CompanyProfile.id == COMPANY_PROFILE_ID).with_for_update()
    )
    return profile if profile is not None else _new_profile(session)


def profile_view(session: Session) -> CompanyProfile:
    """The saved profile, or an unsaved one holding the defaults (never added to the session)."""
    saved = company_profile(session)
    if saved is not None:
        return saved
    profile = _new_profile(session)
    session.expunge(profile)
    return profile


def _check(session: Session, profile: CompanyProfile) -> None:
    """Refuse, naming the field, anything the domain's CompanySettings would refuse."""
    categories = list(session.scalars(select(ProductCategory).order_by(ProductCategory.code)))
    data: dict[str, Any] = profile_dict(profile)
    if categories:
        data["categories"] = category_dicts(categories)
    CompanySettings.from_dict(data)


def _changes(obj: Any, values: dict[str, Any]) -> dict[str, list[Any]]:
    changed = {}
    for key, value in values.items():
        old = getattr(obj, key)
        if old != value:
            changed[key] = [old, value]
            setattr(obj, key, value)
    return changed


def save_profile(session: Session, who: Principal, body: CompanyProfileUpdate) -> CompanyProfile:
    profile = profile_for_update(session)
    values = {key: getattr(body, key) for key in PROFILE_FIELDS}
    values["tax_rate"] = str(Decimal(body.tax_rate).normalize() if body.tax_rate else Decimal(0))
    values["document_language"] = str(body.document_language)
    changed = _changes(profile, values)
    _check(session, profile)
    if changed:
        audit.record(session, who, "update", "company_profile", profile.id, changed)
    return profile


def check_logo(filename: str, data: bytes) -> str:
    """The logo's media type, from its bytes; refuses path tricks, other files and big ones."""
    name = filename.strip()
    if not _LOGO_NAME.fullmatch(name) or name.startswith(".") or ".." in name:
        raise ValidationError(
            "logo",
            "give a plain file name ending in .png or .jpg, without folders or '..'",
        )
    if not data:
        raise ValidationError("logo", "the file is empty; choose the logo picture")
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(
            "logo", f"the logo is too big; keep it under {MAX_LOGO_BYTES // 1024} KiB"
        )
    for magic, media_type in _MAGIC.items():
        if data.startswith(magic):
            return media_type
    raise ValidationError("logo", "the file is not a PNG or JPEG picture")


def save_logo(session: Session, who: Principal, filename: str, data: bytes) -> CompanyProfile:
    media_type = check_logo(filename, data)
    profile = profile_for_update(session)
    digest = hashlib.sha256(data).hexdigest()
    old = profile.logo_sha256
    profile.logo_type = media_type
    profile.logo_sha256 = digest
    profile.logo_data = base64.b64encode(data).decode("ascii")
    audit.record(
        session,
        who,
        "update",
        "company_profile",
        profile.id,
        {"logo_sha256": [old, digest]},
        note=filename.strip()[:200],
    )
    return profile


def remove_logo(session: Session, who: Principal) -> CompanyProfile:
    profile = profile_for_update(session)
    if profile.logo_sha256:
        audit.record(
            session,
            who,
            "update",
            "company_profile",
            profile.id,
            {"logo_sha256": [profile.logo_sha256, ""]},
        )
    profile.logo_type = profile.logo_sha256 = profile.logo_data = ""
    return profile


def logo_bytes(session: Session) -> tuple[str, bytes] | None:
    profile = company_profile(session)
    if profile is None or not profile.logo_data:
        return None
    return profile.logo_type, base64.b64decode(profile.logo_data)


def depreciation_table(session: Session) -> DepreciationTable:
    profile = company_profile(session)
    if profile is None or not profile.depreciation:
        return CompanySettings().depreciation
    return DepreciationTable.from_pairs(profile.depreciation)


def save_depreciation(
    session: Session, who: Principal, body: DepreciationUpdate
) -> DepreciationTable:
    pairs = [[band.up_to_days, str(band.rate)] for band in body.bands]
    table = DepreciationTable.from_pairs(pairs)
    profile = profile_for_update(session)
    stored = [list(pair) for pair in table.to_pairs()]
    changed = _changes(profile, {"depreciation": stored})
    if changed:
        audit.record(session, who, "update", "company_profile", profile.id, changed)
    return table


def categories(session: Session) -> list[ProductCategory]:
    return list(session.scalars(select(ProductCategory).order_by(ProductCategory.code)))


def create_category(session: Session, who: Principal, body: CategoryCreate) -> ProductCategory:
    if session.scalar(select(ProductCategory.id).where(ProductCategory.code == body.code)):
        raise ValidationError("code", f"the category {body.code} exists already; edit it instead")
    category = ProductCategory(
        code=body.code,
        name=body.name,
        warranty_months=body.warranty_months,
        labour_basis=str(body.labour_basis),
        labour_rate=body.labour_rate,
    )
    session.add(category)
    session.flush()
    audit.record(
        session,
        who,
        "create",
        "product_category",
        category.id,
        {**body.model_dump(mode="json")},
    )
    return category


def update_category(
    session: Session, who: Principal, code: str, body: CategoryIn
) -> ProductCategory:
    category = session.scalar(
        select(ProductCategory).where(ProductCategory.code == code).with_for_update()
    )
    if category is None:
        raise NotFoundError(f"no product category {code!r}")
    changed = _changes(
        category,
        {
            "name": body.name,
            "warranty_months": body.warranty_months,
            "labour_basis": str(body.labour_basis),
            "labour_rate": Decimal(body.labour_rate).quantize(Decimal("0.01")),
        },
    )
    if changed:
        audit.record(session, who, "update", "product_category", category.id, changed)
    return category


def calendar_overrides(session: Session, year: int | None = None) -> list[CalendarOverride]:
    query = select(CalendarOverride).order_by(CalendarOverride.day)
    if year is not None:
        query = query.where(
            CalendarOverride.day >= dt.date(year, 1, 1),
            CalendarOverride.day <= dt.date(year, 12, 31),
        )
    return list(session.scalars(query))


def _check_day(day: dt.date) -> None:
    if not EARLIEST_OVERRIDE <= day <= LATEST_OVERRIDE:
        raise ValidationError(
            "day", f"give a day between {EARLIEST_OVERRIDE} and {LATEST_OVERRIDE}"
        )


def put_override(
    session: Session, who: Principal, day: dt.date, working: bool, note: str
) -> CalendarOverride:
    _check_day(day)
    override = session.scalar(
        select(CalendarOverride).where(CalendarOverride.day == day).with_for_update()
    )
    if override is None:
        override = CalendarOverride(day=day, working=working, note=note)
        session.add(override)
        session.flush()
        audit.record(
            session,
            who,
            "create",
            "calendar_override",
            override.id,
            {"day": day, "working": working, "note": note},
        )
        return override
    changed = _changes(override, {"working": working, "note": note})
    if changed:
        audit.record(session, who, "update", "calendar_override", override.id, changed)
    return override


def delete_override(session: Session, who: Principal, day: dt.date) -> None:
    override = session.scalar(select(CalendarOverride).where(CalendarOverride.day == day))
    if override is None:
        raise NotFoundError(f"no calendar override on {day.isoformat()}")
    audit.record(
        session,
        who,
        "delete",
        "calendar_override",
        override.id,
        {"day": day, "working": override.working},
    )
    session.delete(override)
