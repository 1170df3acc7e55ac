"""The fault-case library: what fixed a model's fault before, with no customer data in it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldtech.domain.enums import FaultOutcome
from fieldtech.models.base import Base, Synced
from fieldtech.models.jobs import _enum


class FaultCase(Synced, Base):
    """One finished repair, as the office derived it from a signed repair log.

    Every technician holds every case, so it carries only what helps the next repair: the item's
    model and category, the fault and its cure, and the parts fitted; never a name, address, phone,
    serial or ticket. Its id is derived from the job's (see fieldtech.rules.faultcases), so a
    re-signed job updates its case instead of adding a second one, and the laptop holds no
    reference back to the job.
    """

    __tablename__ = "fault_cases"

    brand: Mapped[str] = mapped_column(String(100), default="")
    model: Mapped[str] = mapped_column(String(100), default="", index=True)
    category_code: Mapped[str] = mapped_column(String(64), default="")
    fault_code: Mapped[str] = mapped_column(String(64), default="", index=True)
    symptoms: Mapped[str] = mapped_column(Text, default="")
    cause: Mapped[str] = mapped_column(Text, default="")
    work_done: Mapped[str] = mapped_column(Text, default="")
    # [{"part_number": str, "description": str, "quantity": int}, ...]
    parts: Mapped[list[Any]] = mapped_column(default=list)
    repaired_on: Mapped[dt.date]
    outcome: Mapped[FaultOutcome] = mapped_column(_enum(FaultOutcome))
