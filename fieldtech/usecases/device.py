"""This device's identity and the numbers it issues offline: lent ticket numbers and receipt numbers."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldtech.domain.errors import NumberingError
from fieldtech.models import LocalSetting, TicketBlock
from fieldtech.rules.numbering import format_receipt_number, format_ticket, validate_device_prefix

DEVICE_PREFIX = "device_prefix"
TECHNICIAN_ID = "technician_id"


def get_setting(session: Session, key: str) -> str | None:
    row = session.get(LocalSetting, key)
    return row.value if row else None


def put_setting(session: Session, key: str, value: str) -> None:
    row = session.get(LocalSetting, key)
    if row is None:
        session.add(LocalSetting(key=key, value=value))
    else:
        row.value = value


def set_identity(session: Session, *, device_prefix: str, technician_id: uuid.UUID) -> None:
    """Record who this laptop belongs to and the prefix that makes its receipt numbers unique."""
    put_setting(session, DEVICE_PREFIX, validate_device_prefix(device_prefix))
    put_setting(session, TECHNICIAN_ID, str(technician_id))


def technician_id(session: Session) -> uuid.UUID | None:
    value = get_setting(session, TECHNICIAN_ID)
    return uuid.UUID(value) if value else None


def lend_block(session: Session, *, month: str, first: int, last: int) -> None:
    """Store a block of ticket numbers the office lent to this device (idempotent per block)."""
    existing = session.scalar(
        select(TicketBlock).where(TicketBlock.month == month, TicketBlock.first == first)
    )
    if existing is None:
        session.add(TicketBlock(month=month, first=first, last=last, next_number=first))


def next_ticket_number(session: Session, today: dt.date) -> str:
    """The next number of the current month's lent block; refuses plainly when none is left."""
    month = f"{today.year:04d}{today.month:02d}"
    block = session.scalar(
        select(TicketBlock)
        .where(TicketBlock.month == month, TicketBlock.next_number <= TicketBlock.last)
        .order_by(TicketBlock.first)
        .limit(1)
    )
    if block is None:
        raise NumberingError(
            f"no ticket numbers left for {month} on this laptop; connect and sync to get a new block"
        )
    number = block.next_number
    block.next_number = number + 1
    return format_ticket(month, number)


def next_receipt_number(session: Session, kind: str) -> str:
    """Receipt numbers are unique across devices offline: device prefix plus a local sequence."""
    prefix = get_setting(session, DEVICE_PREFIX)
    if prefix is None:
        raise NumberingError("this laptop has no device prefix yet; sign in to the office once")
    key = f"receipt_seq:{kind}"
    seq = int(get_setting(session, key) or "0") + 1
    put_setting(session, key, str(seq))
    return format_receipt_number(kind, prefix, seq)


def ensure_demo_identity(session: Session) -> uuid.UUID:
    """A stand-alone identity for a store that never signed in (demo data, benchmarks)."""
    from fieldtech.models import Technician

    existing = technician_id(session)
    if existing is not None:
        return existing
    tech = Technician(username="demo", display_name="Demo Technician")
    session.add(tech)
    session.flush()
    set_identity(session, device_prefix="DEMQ", technician_id=tech.id)
    return tech.id


def blocks_left(session: Session) -> dict[str, int]:
    """Unused lent ticket numbers, by month: what the office is told when asked for more."""
    left: dict[str, int] = {}
    for block in session.scalars(select(TicketBlock)):
        left[block.month] = left.get(block.month, 0) + max(0, block.last - block.next_number + 1)
    return left
