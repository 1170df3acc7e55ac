"""The additive digest of what a device should hold, per bucket, kept while nothing changes.

Adding up a scope means hashing every record's (id, version): at ten thousand jobs that is most
of a quiet sync's time. The sums are stored with the change-log head they were taken at; while
the head stays put and the device's held jobs do not change, the stored sums are still true.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from fieldtech.store.digest import BucketTotal, bucket_totals
from sync.server.replication.capture import head
from sync.server.replication.scope import DeviceContext, held_jobs, held_versions
from sync.server.replication.tables import DeviceDigest


def _upsert(session: Session, values: dict[str, Any]) -> None:
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(DeviceDigest).values(**values)
    statement = statement.on_conflict_do_update(
        index_elements=[DeviceDigest.device_id],
        set_={"seq": statement.excluded.seq, "totals": statement.excluded.totals},
    )
    session.execute(statement)


def device_totals(session: Session, ctx: DeviceContext) -> dict[int, BucketTotal]:
    """Per bucket, the sums of every record the device should have, given the jobs it holds."""
    # The head first: whatever the scope query sees is at least this new, so stored sums are
    # never labelled newer than what they describe.
    seq = head(session.connection())
    stored = session.get(DeviceDigest, ctx.device_id)
    if stored is not None and stored.seq == seq:
        return {int(b): BucketTotal(*v) for b, v in stored.totals.items()}
    totals = bucket_totals(held_versions(session, ctx, held_jobs(session, ctx.device_id)))
    encoded = {str(b): list(t) for b, t in totals.items()}
    _upsert(session, {"device_id": ctx.device_id, "seq": seq, "totals": encoded})
    return totals


def forget_totals(session: Session, device_id: uuid.UUID) -> None:
    """The device's held jobs changed: its stored sums no longer describe its scope."""
    session.execute(delete(DeviceDigest).where(DeviceDigest.device_id == device_id))
