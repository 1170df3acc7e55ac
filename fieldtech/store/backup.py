"""Rotating backups of the store with SQLite's online backup API, encrypted with the store's key."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fieldtech.store.cipher import (
    SQLITE_CORRUPT,
    SQLITE_NOTADB,
    DatabaseError,
    connect_raw,
    error_code,
)
from fieldtech.store.errors import BackupError
from fieldtech.store.integrity import (
    IntegrityResult,
    Verdict,
    check_store_file,
    mark_check_needed,
)

if TYPE_CHECKING:
    from fieldtech.store.engine import Store

BACKUPS_DIR = "backups"
DEFAULT_KEEP = 7
_STAMP = "%Y%m%dT%H%M%S.%fZ"
_NAME = re.compile(r"^store-(\d{8}T\d{6}\.\d{6}Z)\.db$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime


def backups_dir(store_path: Path) -> Path:
    """Backups live beside the store, in the technician's own profile folder."""
    return store_path.parent / BACKUPS_DIR


def list_backups(store_path: Path) -> list[Backup]:
    """The store's backups, newest first; other files in the folder are ignored."""
    folder = backups_dir(store_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match:
            taken = dt.datetime.strptime(match.group(1), _STAMP).replace(tzinfo=dt.UTC)
            found.append(Backup(path, taken))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def make_backup(
    store: Store, *, keep: int = DEFAULT_KEEP, now: dt.datetime | None = None
) -> Backup:
    """Copy a consistent snapshot of the open store into `backups/`, then keep only the newest `keep`.

    The copy is written under a temporary name, checked in full, made durable, and renamed: a crash
    mid-backup leaves no half backup, and a copy of a damaged store never pushes a good backup out
    of the rotation. The destination is keyed with the store's key before the copy, so the backup
    is encrypted exactly like the store. Reads the whole file twice: run it off the UI thread.
    """
    if keep < 1:
        raise ValueError("keep: must be at least 1, or there would be no backup to recover from")
    taken = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    folder = backups_dir(store.path)
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"store-{taken.strftime(_STAMP)}.db"
    partial = final.with_name(final.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        _copy(store, partial)
        result = check_store_file(partial, store.key, full=True)
    except DatabaseError as exc:
        partial.unlink(missing_ok=True)
        if error_code(exc) not in (SQLITE_CORRUPT, SQLITE_NOTADB):
            raise
        result = IntegrityResult(Verdict.DAMAGED, (str(exc),))
    if not result.ok:
        partial.unlink(missing_ok=True)
        mark_check_needed(store.path, "; ".join(result.problems))
        raise BackupError(
            f"backup: the store failed its integrity check while being copied "
            f"({result.problems[0]}); the earlier backups were kept, and the store is repaired "
            "at the next start",
            problems=list(result.problems),
        )
    _fsync(partial)
    os.replace(partial, final)
    _fsync(folder)
    for old in list_backups(store.path)[keep:]:
        old.path.unlink(missing_ok=True)
    return Backup(final, taken)


def _copy(store: Store, target_path: Path) -> None:
    source = store.engine.raw_connection()
    try:
        target = connect_raw(target_path, store.key)
        try:
            source.driver_connection.backup(target)  # type: ignore[union-attr]
            # A backup is one self-contained file: no WAL beside it to lose when copied.
            target.execute("PRAGMA journal_mode = DELETE").fetchall()
        finally:
            target.close()
    finally:
        source.close()


def _fsync(path: Path) -> None:
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if path.is_dir() else os.O_RDONLY
    try:
        fd = os.open(path, flags)
    except OSError:
        return  # Windows cannot open a folder to flush it; NTFS journals the rename itself.
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


BACKUP_EVERY = dt.timedelta(hours=24)


def backup_if_due(
    store: Store, *, every: dt.timedelta = BACKUP_EVERY, now: dt.datetime | None = None
) -> Backup | None:
    """Make the day's backup when the newest is older than `every` (or there is none).

    Called after a sync and by the app's background worker, never on the start-up path: a backup
    of a large store takes seconds.
    """
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    newest = list_backups(store.path)
    if newest and moment - newest[0].taken_at < every:
        return None
    return make_backup(store, now=moment)
