"""How each synced record finds the job that scopes it (the table groups live in the domain)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldtech.models import PickupReceipt
from fieldtech.models.registry import (
    GLOBAL_TABLES,
    JOB_TABLES,
    MODELS,
    OFFICE_ONLY,
    SHARED_TABLES,
)

__all__ = ["GLOBAL_TABLES", "JOB_TABLES", "MODELS", "OFFICE_ONLY", "SHARED_TABLES", "job_of"]


def job_of(session: Session, table: str, obj: Any) -> uuid.UUID | None:
    """The job a record belongs to, or None for global, shared and per-technician records."""
    if table == "jobs":
        return obj.id  # type: ignore[no-any-return]
    if table in ("return_receipts", "item_movements"):
        pickup_id = obj.pickup_id
        return session.connection().scalar(
            select(PickupReceipt.job_id).where(PickupReceipt.id == pickup_id)
        )
    if table in JOB_TABLES or table in OFFICE_ONLY:
        return getattr(obj, "job_id", None)
    return None
