"""Per device, the change-log head at which the jobs it holds were exactly its technician's scope.

A job comes into a scope or leaves it only through a change to its `jobs` row (assigned,
reassigned, opened, deleted), and every such change is logged. So once the two sets matched at
head S, and the device's held jobs have not changed since, only jobs logged after S need to be
compared again: a quiet pull of a ten-thousand-job laptop no longer reads its whole scope.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from sync.server.replication.tables import DeviceSyncState

RECHECK_AFTER = 20_000
"""More change-log entries than this since the mark: comparing the whole scope is cheaper."""


@dataclass(frozen=True)
class ScopeMark:
    since: int | None
    """Compare only jobs changed after this head; None: compare the whole scope."""
    stored: int | None
    sequence: int | None
    """The device's newest acknowledged pull when read (None: no state row yet)."""

    def remember(self, session: Session, device_id: uuid.UUID, now: int) -> None:
        """The sets matched at head `now` (read before the comparison). Stored only if no pull
        that changed the held jobs committed in between: that one may have been missed."""
        if self.stored == now:
            return
        dialect = session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = insert(DeviceSyncState).values(
            device_id=device_id, last_pull_sequence=-1, scope_seq=now
        )
        if self.sequence is None:
            statement = statement.on_conflict_do_nothing(index_elements=[DeviceSyncState.device_id])
        else:
            statement = statement.on_conflict_do_update(
                index_elements=[DeviceSyncState.device_id],
                set_={"scope_seq": now},
                where=DeviceSyncState.last_pull_sequence == self.sequence,
            )
        session.execute(statement)


def scope_matched(session: Session, device_id: uuid.UUID, now: int) -> ScopeMark:
    """What is known of the device's scope at head `now` (the caller flushed its acks)."""
    row = session.execute(
        select(DeviceSyncState.last_pull_sequence, DeviceSyncState.scope_seq).where(
            DeviceSyncState.device_id == device_id
        )
    ).first()
    if row is None:
        return ScopeMark(since=None, stored=None, sequence=None)
    sequence, stored = row
    usable = stored is not None and 0 <= now - stored <= RECHECK_AFTER
    return ScopeMark(since=stored if usable else None, stored=stored, sequence=sequence)
