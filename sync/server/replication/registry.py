"""What syncs: the synced tables by name, and how each record finds the job that scopes it."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldtech.models import (
    AdviceNote,
    Attachment,
    ChargeLine,
    Complaint,
    Customer,
    CustomerItem,
    Diagnosis,
    FollowUp,
    ItemMovement,
    Job,
    PartUsed,
    Payment,
    PickupReceipt,
    ProductCategory,
    ReturnReceipt,
    Signature,
    Technician,
    VanStock,
    Visit,
)

MODELS: dict[str, type[Any]] = {
    m.__tablename__: m
    for m in (
        Technician,
        ProductCategory,
        Customer,
        CustomerItem,
        Job,
        Visit,
        Diagnosis,
        AdviceNote,
        PartUsed,
        VanStock,
        ChargeLine,
        Payment,
        Attachment,
        Signature,
        PickupReceipt,
        ReturnReceipt,
        ItemMovement,
        FollowUp,
        Complaint,
    )
}

GLOBAL_TABLES = frozenset({"technicians", "product_categories"})
"""Every technician holds these (no customer data in them)."""

SHARED_TABLES = frozenset({"customers", "customer_items"})
"""Held by a technician when one of their jobs refers to the record."""

OFFICE_ONLY = frozenset({"follow_ups", "complaints"})
"""Never sent to a laptop."""

JOB_TABLES = frozenset(MODELS) - GLOBAL_TABLES - SHARED_TABLES - OFFICE_ONLY - {"van_stock"}
"""Records that belong to exactly one job (the job itself included)."""

DIGEST_GLOBAL_BUCKET = 16


def job_of(session: Session, table: str, obj: Any) -> uuid.UUID | None:
    """The job a record belongs to, or None for global, shared and per-technician records."""
    if table == "jobs":
        return obj.id  # type: ignore[no-any-return]
    if table in ("return_receipts", "item_movements"):
        pickup_id = obj.pickup_id
        return session.scalar(select(PickupReceipt.job_id).where(PickupReceipt.id == pickup_id))
    if table in JOB_TABLES or table in OFFICE_ONLY:
        return getattr(obj, "job_id", None)
    return None


def bucket_of(key: uuid.UUID, buckets: int = DIGEST_GLOBAL_BUCKET) -> int:
    return key.int % buckets
