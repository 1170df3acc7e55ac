"""Office-side sync bookkeeping tables.

`sync_clock` is one row whose lock every writing transaction takes when it first flushes a synced
record, so change-log sequence numbers are handed out in commit order on PostgreSQL as on SQLite:
a reader can never see seq N+1 committed while N is still in flight (the trap of cursors built on
auto-increment ids).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from fieldtech.models import utcnow
from sync.server.models import BigId, OfficeBase


class SyncClock(OfficeBase):
    __tablename__ = "sync_clock"

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class ChangeLogEntry(OfficeBase):
    """One record changed in one transaction, at sequence number `seq` (commit order)."""

    __tablename__ = "change_log"

    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=False)
    table_name: Mapped[str] = mapped_column(String(64))
    # One entry per record, its latest (capture.record_changes deletes the one it supersedes).
    record_id: Mapped[uuid.UUID]
    # The job the record belongs to (None for global, shared and van stock records): a pull
    # reads the entries of the jobs its device holds, not the whole fleet's.
    job_id: Mapped[uuid.UUID | None]


class RecordMeta(OfficeBase):
    """Sync facts about one record: its job (scope), version, tombstone and per-field stamps."""

    __tablename__ = "record_meta"
    __table_args__ = (Index("ix_record_meta_job_id_table", "job_id", "table_name"),)

    record_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    job_id: Mapped[uuid.UUID | None]
    version: Mapped[int] = mapped_column(BigInteger)
    deleted: Mapped[bool] = mapped_column(default=False)
    # The technician who created the record (jobs opened at a customer's door stay theirs).
    creator_technician_id: Mapped[uuid.UUID | None]
    # Which side last wrote each field, at which seq: how a push tells a genuine clash from a
    # stale base. Compact, one stamp plus the fields that differ (replication/stamps.py).
    stamps: Mapped[list[Any]] = mapped_column(default=list)


class AppliedMutation(OfficeBase):
    """Exactly once: a mutation id seen again gets the stored answer, not a second apply."""

    __tablename__ = "applied_mutations"

    mutation_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    device_id: Mapped[uuid.UUID] = mapped_column(index=True)
    result: Mapped[dict[str, Any]] = mapped_column(default=dict)
    applied_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class DeviceJob(OfficeBase):
    """Jobs a device confirmed it holds: what to evict when a job is reassigned away."""

    __tablename__ = "device_jobs"

    device_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True
    )
    job_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)


class DevicePrefix(OfficeBase):
    """The prefix that makes a laptop's receipt numbers unique without the network."""

    __tablename__ = "device_prefixes"

    device_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True
    )
    prefix: Mapped[str] = mapped_column(String(8), unique=True)


class LentTicketBlock(OfficeBase):
    """Ticket numbers lent to a laptop for one month, so a job opened offline is numbered at once."""

    __tablename__ = "lent_ticket_blocks"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    device_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("devices.id", ondelete="CASCADE"), index=True
    )
    month: Mapped[str] = mapped_column(String(6))
    first: Mapped[int]
    last: Mapped[int]
    lent_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class DeviceSyncState(OfficeBase):
    """Per device: the newest pull it sent, so a late, replayed request changes nothing."""

    __tablename__ = "device_sync_state"

    device_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True
    )
    last_pull_sequence: Mapped[int] = mapped_column(BigInteger, default=-1)
    # The change-log head at which the device's held jobs were exactly its technician's scope
    # (None: not known to); only jobs changed after it can have come in or gone out since.
    scope_seq: Mapped[int | None] = mapped_column(BigInteger, default=None)


class AttachmentUpload(OfficeBase):
    """An upload begun but not finished: the bytes wait in a partial file until the hash checks."""

    __tablename__ = "attachment_uploads"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    size: Mapped[int] = mapped_column(BigInteger)
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class DeviceDigest(OfficeBase):
    """The digest sums of what a device should hold, taken at change-log head `seq`.

    Valid while the head has not moved and the device's held jobs are unchanged (the pull that
    records a change to them drops this row), so a quiet sync need not add up its scope again.
    """

    __tablename__ = "device_digests"

    device_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(BigInteger)
    # bucket -> [count, sum of high halves, sum of low halves] (fieldtech.store.digest)
    totals: Mapped[dict[str, Any]]
