"""The outbox read for a push: a batch of waiting changes, spelled as the push request wants them.

Read with one Core query and written straight into the request's JSON form: building a model
object per change and serialising it again cost more than the office's apply of the batch. A
batch holds as many changes as the protocol allows, unless their fields grow past what the
office accepts in one body.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldtech.domain.enums import OutboxOp
from fieldtech.models import OutboxEntry
from sync.protocol.schemas import MAX_PUSH_MUTATIONS, PROTOCOL_VERSION

BATCH_BYTES = 400_000
"""Fields per request, as stored: well under the office's 1 MB body limit once framed."""


@dataclass(frozen=True)
class Waiting:
    """One outbox entry, as a push sends it and settles it."""

    seq: int
    mutation_id: uuid.UUID
    table_name: str
    record_id: uuid.UUID
    op: OutboxOp
    payload: dict[str, Any]
    base_cursor: int
    created_at: dt.datetime


_BATCH = (
    select(
        OutboxEntry.seq,
        OutboxEntry.mutation_id,
        OutboxEntry.table_name,
        OutboxEntry.record_id,
        OutboxEntry.op,
        OutboxEntry.payload,
        OutboxEntry.base_cursor,
        OutboxEntry.created_at,
        func.length(OutboxEntry.payload),
    )
    .order_by(OutboxEntry.seq)
    .limit(MAX_PUSH_MUTATIONS)
)


def next_batch(session: Session) -> tuple[list[Waiting], int]:
    """The oldest waiting changes that fit one request (at least one), and how many wait."""
    batch: list[Waiting] = []
    size = 0
    for *fields, length in session.execute(_BATCH):
        size += int(length or 0)
        if batch and size > BATCH_BYTES:
            break
        batch.append(Waiting(*fields))
    waiting = int(session.scalar(select(func.count()).select_from(OutboxEntry)) or 0)
    return batch, waiting


def push_body(batch: list[Waiting], waiting: int) -> dict[str, Any]:
    """The push request for a batch, as JSON-ready values (what `PushRequest` would dump)."""
    return {
        "protocol": PROTOCOL_VERSION,
        "pending": waiting,
        "mutations": [
            {
                "mutation_id": str(e.mutation_id),
                "table": e.table_name,
                "record_id": str(e.record_id),
                "op": e.op.value,
                "fields": e.payload,
                "base_cursor": e.base_cursor,
                "created_at": e.created_at.isoformat(),
            }
            for e in batch
        ],
    }
