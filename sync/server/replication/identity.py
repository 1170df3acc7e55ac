"""A laptop's identity at sign-in and after: its technician, receipt prefix and ticket blocks."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldtech.models import utcnow
from fieldtech.rules.numbering import generate_device_prefix
from sync.protocol.schemas import PROTOCOL_VERSION, HelloRequest, HelloResponse, TicketBlockGrant
from sync.server.replication.scope import DeviceContext
from sync.server.replication.tables import DevicePrefix, LentTicketBlock
from sync.server.tickets import reserve_numbers

BLOCK_SIZE = 20
LEND_BELOW = 5


def _prefix(session: Session, ctx: DeviceContext) -> str:
    row = session.get(DevicePrefix, ctx.device_id)
    if row is not None:
        return row.prefix
    taken = set(session.scalars(select(DevicePrefix.prefix)))
    for length in (4, 4, 4, 5, 5, 6):
        candidate = generate_device_prefix(length)
        if candidate not in taken:
            session.add(DevicePrefix(device_id=ctx.device_id, prefix=candidate))
            session.flush()
            return candidate
    raise RuntimeError("no free device prefix found; the prefix space is nearly used up")


def _months(now: dt.datetime, timezone: str) -> list[str]:
    local = now.astimezone(ZoneInfo(timezone))
    following = (local.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return [local.strftime("%Y%m"), following.strftime("%Y%m")]


def hello(
    session: Session, ctx: DeviceContext, request: HelloRequest, timezone: str
) -> HelloResponse:
    """Lend blocks for this month and next wherever the laptop runs low (caller commits)."""
    now = utcnow()
    prefix = _prefix(session, ctx)
    grants = []
    for month in _months(now, timezone):
        if request.blocks_left.get(month, 0) >= LEND_BELOW:
            continue
        numbers = reserve_numbers(session, month, BLOCK_SIZE)
        session.add(
            LentTicketBlock(
                device_id=ctx.device_id, month=month, first=numbers.start, last=numbers[-1]
            )
        )
        grants.append(TicketBlockGrant(month=month, first=numbers.start, last=numbers[-1]))
    return HelloResponse(
        protocol=PROTOCOL_VERSION,
        technician_id=ctx.technician_id,
        device_prefix=prefix,
        blocks=grants,
        server_time=now,
    )
