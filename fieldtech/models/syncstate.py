"""Local bookkeeping of sync: the outbox, the conflict log, lent ticket-number blocks, settings."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import BigInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from fieldtech.domain.enums import OutboxOp, Side
from fieldtech.domain.ids import new_id
from fieldtech.models.base import Base, utcnow
from fieldtech.models.jobs import _enum
from fieldtech.store.versions import TableCode, UuidBytes


class OutboxEntry(Base):
    """One captured change waiting to be pushed; written in the transaction that made the change."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    mutation_id: Mapped[uuid.UUID] = mapped_column(unique=True, default=new_id)
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[uuid.UUID] = mapped_column(index=True)
    op: Mapped[OutboxOp] = mapped_column(_enum(OutboxOp))
    # Changed fields only (all fields on insert), JSON-encoded by fieldtech.store.codec.
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # The pull cursor when the edit was made: office changes after it were not seen by the editor.
    base_cursor: Mapped[int] = mapped_column(default=0, server_default="0")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ConflictEntry(Base):
    """A value that lost a merge, or a change the office refused: kept so nothing is lost silently."""

    __tablename__ = "conflicts"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[uuid.UUID] = mapped_column(index=True)
    field: Mapped[str] = mapped_column(String(64), default="")
    kept_value: Mapped[str | None] = mapped_column(Text)
    lost_value: Mapped[str | None] = mapped_column(Text)
    kept_side: Mapped[Side] = mapped_column(_enum(Side))
    reason: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    seen: Mapped[bool] = mapped_column(default=False)


class TicketBlock(Base):
    """Ticket numbers the office lent to this device for one month, used offline in order."""

    __tablename__ = "ticket_blocks"
    __table_args__ = (UniqueConstraint("month", "first"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    month: Mapped[str] = mapped_column(String(6))  # YYYYMM
    first: Mapped[int]
    last: Mapped[int]
    next_number: Mapped[int]


class LocalSetting(Base):
    """Small device-local values: device prefix, receipt sequence, technician id, sync cursor."""

    __tablename__ = "local_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class RecordVersion(Base):
    """The office's version of each synced record on this laptop: what the digests compare.

    Compact (fieldtech.store.versions): ids as 16 bytes, the table as a number, no rowid and no
    index beside the primary key, so it costs a fraction of the data it describes.
    """

    __tablename__ = "record_versions"
    __table_args__ = ({"sqlite_with_rowid": False},)

    record_id: Mapped[uuid.UUID] = mapped_column(UuidBytes, primary_key=True)
    table_name: Mapped[str] = mapped_column("table_code", TableCode)
    # The job that scopes the record (the record itself for customers and items; None: global).
    scope: Mapped[uuid.UUID | None] = mapped_column(UuidBytes)
    version: Mapped[int]
    # fieldtech.store.digest.record_hash(record_id, version); triggers sum it into DigestBucket.
    digest: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


class DigestBucket(Base):
    """Count and hash sums of the record versions in one digest bucket.

    Kept by triggers on `record_versions` (migrations 0acce27f3220, 7b2e4c9d1a60), never written
    by the app, so they always describe what the table holds.
    """

    __tablename__ = "digest_buckets"

    bucket: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    count: Mapped[int]
    sum_high: Mapped[int] = mapped_column(BigInteger)
    sum_low: Mapped[int] = mapped_column(BigInteger)
