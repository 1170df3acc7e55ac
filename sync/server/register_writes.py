"""Recording an item's movement from the office: checked order, version precondition, audit.

The movement is an ordinary synced record written through the office session, so change capture
logs it and the technician's laptop receives it with its job on the next sync.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldtech.documents.data import return_receipt_content
from fieldtech.domain.enums import DocumentKind, MovementKind, SignerRole
from fieldtech.domain.errors import NotFoundError, ValidationError
from fieldtech.models import ItemMovement, PickupReceipt, ReturnReceipt, Signature, utcnow
from fieldtech.rules.signing import content_hash
from sync.server import audit
from sync.server.auth import Principal
from sync.server.register_documents import return_receipt_data
from sync.server.register_queries import NEXT_KINDS
from sync.server.schemas.register import CounterReturn, MovementCreate, MovementRow
from sync.server.settings import Settings

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


def _current(
    session: Session, pickup_id: uuid.UUID, expected: uuid.UUID | None
) -> tuple[PickupReceipt, ItemMovement | None, MovementKind]:
    """The item under its row lock, its latest movement and state, if the clerk saw that one."""
    pickup = session.get(PickupReceipt, pickup_id, with_for_update=True, populate_existing=True)
    if pickup is None:
        raise NotFoundError(f"pickup receipt {pickup_id}: no such item in the register")
    history = _history(session, pickup.id)
    last = history[-1] if history else None
    if (last.id if last else None) != expected:
        ids = [m.id for m in history]
        seen = ids.index(expected) + 1 if expected in ids else 0
        since = [MovementRow.model_validate(m) for m in history[seen:]]
        changed_by = last.by_name if last and last.by_name else "another client"
        raise MovementConflictError(changed_by, last.at if last else pickup.taken_at, since)
    return pickup, last, last.kind if last else MovementKind.TAKEN


def _check_next(state: MovementKind, kind: MovementKind) -> None:
    allowed = NEXT_KINDS[state]
    if kind not in allowed:
        options = ", ".join(k.value for k in allowed) or "nothing: it was returned"
        raise ValidationError("kind", f"the item is {state.value}; next can be {options}")


def _clerk(who: Principal) -> str:
    return who.user.display_name or who.user.username


def record_movement(
    session: Session, who: Principal, pickup_id: uuid.UUID, body: MovementCreate
) -> ItemMovement:
    """Adds the movement if it follows the item's current state; the caller commits."""
    pickup, last, state = _current(session, pickup_id, body.expected_last_movement_id)
    _check_next(state, body.kind)
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
        pickup_id=pickup.id, kind=body.kind, at=at, by_name=_clerk(who), note=body.note
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


def counter_receipt_number(pickup: PickupReceipt) -> str:
    """`R-<pickup number without its P->-OF`: unique because pickup numbers are, and no laptop
    issues a number with that ending, so it needs no counter of its own."""
    number = f"R-{pickup.receipt_number.removeprefix('P-')}-OF"
    if len(number) > 32:
        raise ValidationError("pickup_id", "the pickup receipt number is too long to derive from")
    return number


def return_at_counter(
    session: Session, who: Principal, settings: Settings, pickup_id: uuid.UUID, body: CounterReturn
) -> ReturnReceipt:
    """The customer collects the item at the office: a return receipt in the printed name of the
    customer (who signs the printed copy), bound by hash like one signed on a laptop, and the
    "returned" movement. The caller commits; laptops get all three by sync."""
    pickup, _last, state = _current(session, pickup_id, body.expected_last_movement_id)
    _check_next(state, MovementKind.RETURNED)
    number = counter_receipt_number(pickup)
    if session.scalar(select(ReturnReceipt.id).where(ReturnReceipt.receipt_number == number)):
        raise ValidationError("pickup_id", f"return receipt {number} exists already")
    now = utcnow()
    receipt = ReturnReceipt(
        pickup_id=pickup.id,
        receipt_number=number,
        returned_at=now,
        work_done=body.work_done,
        condition_on_return=body.condition_on_return,
        charges_total=body.charges_total,
    )
    session.add(receipt)
    session.flush()
    data = return_receipt_data(session, settings, receipt.id)
    session.add(
        Signature(
            job_id=pickup.job_id,
            document_kind=DocumentKind.RETURN_RECEIPT,
            subject_id=receipt.id,
            revision=receipt.revision,
            signer_role=SignerRole.CUSTOMER,
            printed_name=body.customer_name,
            signed_at=now,
            content_hash=content_hash(return_receipt_content(data)),
        )
    )
    session.add(
        ItemMovement(
            pickup_id=pickup.id,
            kind=MovementKind.RETURNED,
            at=now,
            by_name=_clerk(who),
            note=f"return receipt {number}",
        )
    )
    session.flush()
    audit.record(
        session,
        who,
        "register.return",
        "pickup_receipt",
        pickup.id,
        {
            "kind": [state, MovementKind.RETURNED],
            "return_receipt": number,
            **body.model_dump(exclude={"expected_last_movement_id"}),
        },
        note=pickup.receipt_number,
    )
    return receipt
