"""Sync work run off the GUI thread: one sync with the engine, and what the status area reads.

Plain functions over the store and plain data back; the engine opens its own sessions, so its
writes and the database worker's are serialised by the store's BEGIN IMMEDIATE.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select, update

from fieldtech.domain.enums import Side
from fieldtech.models import OutboxEntry
from fieldtech.models.syncstate import ConflictEntry
from fieldtech.store.backup import backup_if_due
from fieldtech.store.engine import Store
from fieldtech.usecases.attachments import attachment_hashes, drop_bytes_let_go
from fieldtech.usecases.common import Db
from fieldtech.usecases.device import get_setting, put_setting
from sync.client.errors import SyncState
from ui.commands.sync import SERVER_SETTING, _wipe
from ui.profile import CURRENT_FILE, credentials, data_dir

if TYPE_CHECKING:
    from sync.client.engine import Progress

LAST_SYNC_SETTING = "ui_last_sync_at"


@dataclass(frozen=True)
class SyncFacts:
    """What the status area shows between syncs, read from the store."""

    waiting: int
    last_success: dt.datetime | None
    unseen_conflicts: int


@dataclass(frozen=True)
class SyncOutcome:
    state: SyncState
    detail: str = ""
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    rejected: int = 0
    evicted: int = 0


@dataclass(frozen=True)
class ConflictRow:
    """One entry of the conflict log, with its values decoded for display."""

    id: uuid.UUID
    table: str
    field: str
    kept_value: str
    lost_value: str
    kept_side: Side
    reason: str
    created_at: dt.datetime
    seen: bool


def read_facts(db: Db) -> SyncFacts:
    with db() as session:
        waiting = int(session.scalar(select(func.count()).select_from(OutboxEntry)) or 0)
        unseen = session.scalar(
            select(func.count()).select_from(ConflictEntry).where(ConflictEntry.seen.is_(False))
        )
        stamp = get_setting(session, LAST_SYNC_SETTING)
    last = dt.datetime.fromisoformat(stamp) if stamp else None
    return SyncFacts(waiting=waiting, last_success=last, unseen_conflicts=int(unseen or 0))


def sync_now(
    args: argparse.Namespace, store: Store, progress: Progress | None = None
) -> SyncOutcome:
    """Run one sync; a success is stamped in the store and followed by the day's backup."""
    with store.read_sessions() as session:
        server = get_setting(session, SERVER_SETTING)
    token = credentials(args).device_token(store.path.parent)
    if server is None or token is None:
        return SyncOutcome(state=SyncState.SIGNED_OUT, detail="this laptop is not signed in")
    # The protocol's schemas and the HTTP stack load with the first sync, not at start-up.
    from sync.client.engine import SyncEngine
    from sync.client.http import HttpTransport

    engine = SyncEngine(store.sessions, HttpTransport(server, token), progress=progress)
    held = attachment_hashes(store.read_sessions)
    report = engine.sync()
    drop_bytes_let_go(store.sessions, held)
    if report.ok:
        with store.sessions.begin() as session:
            put_setting(session, LAST_SYNC_SETTING, dt.datetime.now(dt.UTC).isoformat())
        backup_if_due(store)
    return SyncOutcome(
        state=report.state,
        detail=report.message,
        pushed=report.pushed,
        pulled=report.pulled,
        conflicts=report.conflicts,
        rejected=report.rejected,
        evicted=report.evicted,
    )


def wipe_store(args: argparse.Namespace, store: Store) -> None:
    """Close the store, then delete it, its backups and its key (the office asked for it)."""
    profile = store.path.parent
    store.close()
    _wipe(args, profile)
    (data_dir(args) / CURRENT_FILE).unlink(missing_ok=True)


def list_conflicts(db: Db, limit: int = 500) -> list[ConflictRow]:
    """The newest entries of the conflict log first."""
    with db() as session:
        rows = session.scalars(
            select(ConflictEntry).order_by(ConflictEntry.created_at.desc()).limit(limit)
        ).all()
        return [
            ConflictRow(
                id=row.id,
                table=row.table_name,
                field=row.field,
                kept_value=_shown(row.kept_value),
                lost_value=_shown(row.lost_value),
                kept_side=row.kept_side,
                reason=row.reason,
                created_at=row.created_at,
                seen=row.seen,
            )
            for row in rows
        ]


def mark_seen(db: Db, ids: list[uuid.UUID]) -> int:
    if not ids:
        return 0
    with db.begin() as session:
        result = session.execute(
            update(ConflictEntry).where(ConflictEntry.id.in_(ids)).values(seen=True)
        )
        return int(getattr(result, "rowcount", 0) or 0)


def _shown(stored: str | None) -> str:
    """A logged value as text: JSON strings unquoted, other JSON values as written."""
    if stored is None:
        return ""
    try:
        value = json.loads(stored)
    except ValueError:
        return stored
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
