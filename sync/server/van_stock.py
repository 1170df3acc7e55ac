"""The parts catalogue and the stock on technicians' vans: issue, replenish and count, each move
recorded with who made it; van lines change through the office session, so laptops get them."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldtech.domain.errors import NotFoundError, ValidationError
from fieldtech.models import Technician, VanStock
from sync.server import audit
from sync.server.auth import Principal
from sync.server.schemas.stock import PartCreate, PartIn, StockMoveIn
from sync.server.stock_models import Part, StockMove, StockMovement

MOVEMENTS_SHOWN = 200


def parts(session: Session, include_inactive: bool = True) -> list[Part]:
    query = select(Part).order_by(Part.part_number)
    if not include_inactive:
        query = query.where(Part.active.is_(True))
    return list(session.scalars(query))


def create_part(session: Session, who: Principal, body: PartCreate) -> Part:
    if session.scalar(select(Part.id).where(Part.part_number == body.part_number)):
        raise ValidationError(
            "part_number", f"{body.part_number} is in the catalogue already; edit it instead"
        )
    part = Part(**body.model_dump())
    session.add(part)
    session.flush()
    audit.record(session, who, "create", "part", part.id, body.model_dump(mode="json"))
    return part


def update_part(session: Session, who: Principal, part_number: str, body: PartIn) -> Part:
    part = session.scalar(select(Part).where(Part.part_number == part_number).with_for_update())
    if part is None:
        raise NotFoundError(f"no part {part_number!r} in the catalogue")
    changed = {}
    for key, value in body.model_dump().items():
        if getattr(part, key) != value:
            changed[key] = [getattr(part, key), value]
            setattr(part, key, value)
    if changed:
        audit.record(session, who, "update", "part", part.id, changed)
    return part


def technician(session: Session, technician_id: uuid.UUID) -> Technician:
    found = session.get(Technician, technician_id)
    if found is None:
        raise NotFoundError(f"no technician {technician_id}")
    return found


def van_lines(session: Session, technician_id: uuid.UUID) -> list[VanStock]:
    return list(
        session.scalars(
            select(VanStock)
            .where(VanStock.technician_id == technician_id)
            .order_by(VanStock.part_number)
        )
    )


def movements(
    session: Session, technician_id: uuid.UUID, limit: int = MOVEMENTS_SHOWN
) -> list[StockMovement]:
    return list(
        session.scalars(
            select(StockMovement)
            .where(StockMovement.technician_id == technician_id)
            .order_by(StockMovement.id.desc())
            .limit(limit)
        )
    )


def move_stock(
    session: Session, who: Principal, technician_id: uuid.UUID, body: StockMoveIn
) -> tuple[VanStock, StockMovement]:
    """Apply one move to a van line (made from the catalogue on the first issue)."""
    technician(session, technician_id)
    line = session.scalar(
        select(VanStock)
        .where(VanStock.technician_id == technician_id, VanStock.part_number == body.part_number)
        .with_for_update()
    )
    if line is None:
        part = session.scalar(select(Part).where(Part.part_number == body.part_number))
        if part is None or not part.active:
            raise ValidationError(
                "part_number", f"{body.part_number} is not an active part of the catalogue"
            )
        if body.kind is not StockMove.ISSUE:
            raise ValidationError(
                "part_number", f"the van holds no {body.part_number}; issue it first"
            )
        line = VanStock(
            technician_id=technician_id,
            part_number=part.part_number,
            description=part.description,
            unit_price=part.unit_price,
            quantity=0,
        )
        session.add(line)
    before = line.quantity
    if body.kind is StockMove.ISSUE:
        if body.quantity < 1:
            raise ValidationError("quantity", "issue at least one part")
        after = before + body.quantity
    elif body.kind is StockMove.REPLENISH:
        if body.quantity <= before:
            raise ValidationError(
                "quantity", f"the van already holds {before}; give a higher target quantity"
            )
        after = body.quantity
    else:
        after = body.quantity
    line.quantity = after
    movement = StockMovement(
        technician_id=technician_id,
        part_number=line.part_number,
        kind=body.kind,
        change=after - before,
        quantity_after=after,
        note=body.note,
        user_id=who.user.id,
        username=who.user.username,
    )
    session.add(movement)
    session.flush()
    audit.record(
        session,
        who,
        str(body.kind),
        "van_stock",
        line.id,
        {"part_number": line.part_number, "quantity": [before, after]},
        note=body.note,
    )
    return line, movement
