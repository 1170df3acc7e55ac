"""What the office configures for every laptop: the company profile and calendar overrides.

Both are global synced tables written only by the office; the laptop builds its
`CompanySettings` (documents, warranty, working days) from them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldtech.models.base import Base, Synced

COMPANY_PROFILE_ID = uuid.UUID("00000000-0000-4000-8000-00000000c0de")
"""The one profile row has a fixed id, so two offices saving at once cannot make two rows."""


class CompanyProfile(Synced, Base):
    __tablename__ = "company_profile"

    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    # A fraction as exact decimal text ("0.13"): Money would round a 6.5 % rate to 0.07.
    tax_rate: Mapped[str] = mapped_column(String(16), default="0")
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    calendar_country: Mapped[str] = mapped_column(String(8), default="CN")
    document_language: Mapped[str] = mapped_column(String(8), default="both")
    # [[up_to_days or null, "rate"], ...] as DepreciationTable.to_pairs() gives them.
    depreciation: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # The logo travels with the row (base64, at most a few hundred KiB) so a laptop prints it
    # offline without a separate download.
    logo_type: Mapped[str] = mapped_column(String(32), default="")
    logo_sha256: Mapped[str] = mapped_column(String(64), default="")
    logo_data: Mapped[str] = mapped_column(Text, default="")


class CalendarOverride(Synced, Base):
    """A day the company treats differently from the public calendar: off, or working."""

    __tablename__ = "calendar_overrides"

    day: Mapped[dt.date] = mapped_column(unique=True)
    working: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(String(200), default="")
