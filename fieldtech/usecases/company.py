"""The company settings from the synced tables the office writes: one reading for both ends.

The office edits `company_profile`, `product_categories` and `calendar_overrides`; a laptop holds
copies of them after a pull, so its documents, warranty decisions and working-day rules follow the
office without anything being typed twice.
"""

from __future__ import annotations

import base64
import hashlib
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldtech.company import CompanySettings
from fieldtech.models import CalendarOverride, CompanyProfile, ProductCategory
from fieldtech.models.companyprofile import COMPANY_PROFILE_ID

LOGO_SUFFIX = {"image/png": ".png", "image/jpeg": ".jpg"}


def profile_dict(profile: CompanyProfile) -> dict[str, Any]:
    """The profile row as `CompanySettings.from_dict` reads it."""
    return {
        "name": profile.name,
        "address": profile.address,
        "phone": profile.phone,
        "currency": profile.currency,
        "tax_rate": profile.tax_rate,
        "timezone": profile.timezone,
        "calendar_country": profile.calendar_country,
        "document_language": profile.document_language,
        **({"depreciation": profile.depreciation} if profile.depreciation else {}),
    }


def category_dicts(categories: list[ProductCategory]) -> list[dict[str, Any]]:
    return [
        {
            "code": c.code,
            "name": c.name,
            "warranty_months": c.warranty_months,
            "labour": {"basis": c.labour_basis, "amount": str(c.labour_rate)},
        }
        for c in categories
    ]


def settings_from_tables(session: Session, logo_dir: Path | None = None) -> CompanySettings | None:
    """The settings the office configured, or None while it has configured nothing yet.

    Parts the office left alone keep the built-in defaults. The logo is written once per content
    hash under `logo_dir` (the temporary folder by default), as the document renderer reads a file.
    """
    profile = session.get(CompanyProfile, COMPANY_PROFILE_ID)
    categories = list(session.scalars(select(ProductCategory).order_by(ProductCategory.code)))
    overrides = list(session.scalars(select(CalendarOverride).order_by(CalendarOverride.day)))
    if profile is None and not categories and not overrides:
        return None
    data: dict[str, Any] = {}
    if profile is not None:
        data |= profile_dict(profile)
        logo = logo_file(profile, logo_dir)
        data["logo_path"] = str(logo) if logo else None
    if categories:
        data["categories"] = category_dicts(categories)
    data["extra_days_off"] = [o.day.isoformat() for o in overrides if not o.working]
    data["extra_working_days"] = [o.day.isoformat() for o in overrides if o.working]
    return CompanySettings.from_dict(data)


def logo_file(profile: CompanyProfile, folder: Path | None = None) -> Path | None:
    """The profile's logo as a file named by its hash; None when there is none or it is damaged."""
    if not profile.logo_data or profile.logo_type not in LOGO_SUFFIX:
        return None
    try:
        data = base64.b64decode(profile.logo_data, validate=True)
    except ValueError:
        return None
    digest = hashlib.sha256(data).hexdigest()
    if digest != profile.logo_sha256:
        return None
    where = (folder or Path(tempfile.gettempdir())) / "fieldtech-logos"
    path = where / f"{digest}{LOGO_SUFFIX[profile.logo_type]}"
    if not path.exists():
        where.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(path)
    return path
