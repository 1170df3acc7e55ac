"""The fault-case library: what fixed a model's fault before, with no customer data in it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Index, String, Text
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
    # Newest first within a model or a fault code, straight from the index: a lookup reads only
    # the rows it shows, however large the library grows.
    __table_args__ = (
        Index("ix_fault_cases_model_repaired_on", "model", "repaired_on", "id"),
        Index("ix_fault_cases_fault_code_repaired_on", "fault_code", "repaired_on", "id"),
        Index("ix_fault_cases_model_fault_code", "model", "fault_code", "repaired_on", "id"),
    )

    brand: Mapped[str] = mapped_column(String(100), default="")
    model: Mapped[str] = mapped_column(String(100), default="")
    category_code: Mapped[str] = mapped_column(String(64), default="")
    fault_code: Mapped[str] = mapped_column(String(64), default="")
    symptoms: Mapped[str] = mapped_column(Text, default="")
    cause: Mapped[str] = mapped_column(Text, default="")
    work_done: Mapped[str] = mapped_column(Text, default="")
    # [{"part_number": str, "description": str, "quantity": int}, ...]
    parts: Mapped[list[Any]] = mapped_column(default=list)
    repaired_on: Mapped[dt.date]
    outcome: Mapped[FaultOutcome] = mapped_column(_enum(FaultOutcome))
