"""Recording an item's movement from the office: checked order, version precondition, audit.

The movement is an ordinary synced record written through the office session, so change capture
logs it and the technician's laptop receives it with its job on the next sync.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldtech.domain.enums import MovementKind
from fieldtech.domain.errors import NotFoundError, ValidationError
from fieldtech.models import ItemMovement, PickupReceipt, utcnow
from sync.server import audit
from sync.server.auth import Principal
from sync.server.register_queries import NEXT_KINDS
from sync.server.schemas.register import MovementCreate, MovementRow

CLOCK_SKEW = dt.timedelta(minutes=5)


class MovementConflictError(Exception):
    """Another movement was recorded after the one the clerk saw; nothing was saved."""

    def __init__(self, changed_by: str, changed_at: dt.datetime, since: list[MovementRow]) -> None:
        super().__init__(f"changed by {changed_by} at {changed_at.isoformat()}")
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.since = since


def _history(session: Session, pickup_id: uuid.UUID) -> list[ItemMovement]:
    return list(
        session.scalars(
            select(ItemMovement)
            .where(ItemMovement.pickup_id == pickup_id)
            .order_by(ItemMovement.at, ItemMovement.created_at, ItemMovement.id)
        )
    )


def record_movement(
    session: Session, who: Principal, pickup_id: uuid.UUID, body: MovementCreate
) -> ItemMovement:
    """Adds the movement if it follows the item's current state; the caller commits."""
    pickup = session.get(PickupReceipt, pickup_id, with_for_update=True, populate_existing=True)
    if pickup is None:
        raise NotFoundError(f"pickup receipt {pickup_id}: no such item in the register")
    history = _history(session, pickup.id)
    last = history[-1] if history else None
    if (last.id if last else None) != body.expected_last_movement_id:
        ids = [m.id for m in history]
        seen = (
            ids.index(body.expected_last_movement_id) + 1
            if body.expected_last_movement_id in ids
            else 0
        )
        since = [MovementRow.model_validate(m) for m in history[seen:]]
        changed_by = last.by_name if last and last.by_name else "another client"
        raise MovementConflictError(changed_by, last.at if last else pickup.taken_at, since)
    state = last.kind if last else MovementKind.TAKEN
    allowed = NEXT_KINDS[state]
    if body.kind not in allowed:
        options = ", ".join(k.value for k in allowed) or "nothing: it was returned"
        raise ValidationError("kind", f"the item is {state.value}; next can be {options}")
    now = utcnow()
    at = body.at or now
    if at > now + CLOCK_SKEW:
        raise ValidationError("at", "is in the future; give the time it happened")
    earliest = last.at if last else pickup.taken_at
    if at < earliest:
        raise ValidationError(
            "at", f"is before the item's last movement ({earliest.isoformat()}); check the time"
        )
    movement = ItemMovement(
        pickup_id=pickup.id,
        kind=body.kind,
        at=at,
        by_name=who.user.display_name or who.user.username,
        note=body.note,
    )
    session.add(movement)
    session.flush()
    audit.record(
        session,
        who,
        "register.movement",
        "pickup_receipt",
        pickup.id,
        {"kind": [state, body.kind], "at": at, "note": body.note},
        note=pickup.receipt_number,
    )
    return movement
