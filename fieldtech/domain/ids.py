"""Typed ids: every record carries a client-generated UUID so offline records never collide."""

from __future__ import annotations

import uuid
from typing import NewType

CustomerId = NewType("CustomerId", uuid.UUID)
ItemId = NewType("ItemId", uuid.UUID)
JobId = NewType("JobId", uuid.UUID)
TechnicianId = NewType("TechnicianId", uuid.UUID)
VisitId = NewType("VisitId", uuid.UUID)
AttachmentId = NewType("AttachmentId", uuid.UUID)
ReceiptId = NewType("ReceiptId", uuid.UUID)


def new_id() -> uuid.UUID:
    """A random UUID, looked up at call time so a seeded simulation can make ids repeatable."""
    return uuid.uuid4()
