"""Recovery of a damaged store: move the file aside (never delete it) and restore the newest good backup."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from fieldtech.store.backup import Backup, list_backups
from fieldtech.store.errors import StoreCorruptError
from fieldtech.store.integrity import check_store_file, clear_check_needed

log = logging.getLogger(__name__)

_SIDE_FILES = ("-wal", "-shm")


@dataclass(frozen=True)
class RecoveryReport:
    """What happened to a damaged store, in fields the UI translates and one plain sentence for logs."""

    store_path: Path
    problems: tuple[str, ...]
    damaged_path: Path | None
    restored_from: Backup | None

    @property
    def restored(self) -> bool:
        return self.restored_from is not None

    def summary(self) -> str:
        where = (
            f"the damaged file was moved to {self.damaged_path} (not deleted)"
            if self.damaged_path
            else f"the damaged file was left in place at {self.store_path}"
        )
        if self.restored_from is None:
            return (
                f"The store {self.store_path} failed its integrity check and no good backup was "
                f"found; {where}. Keep that file for support; syncing again restores what the office has."
            )
        taken = self.restored_from.taken_at.strftime("%Y-%m-%d %H:%M UTC")
        return (
            f"The store {self.store_path} failed its integrity check; {where}. The backup of "
            f"{taken} was restored: everything saved up to then is kept; changes made after it "
            "exist only in the damaged file."
        )


def move_aside(store_path: Path, *, now: dt.datetime | None = None) -> Path:
    """Rename the store and its WAL/SHM files to `corrupt-<UTC timestamp>.db*` in the same folder."""
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    aside = store_path.with_name(f"corrupt-{stamp}.db")
    for suffix in _SIDE_FILES:
        side = store_path.with_name(store_path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    os.replace(store_path, aside)
    return aside


def newest_good_backup(store_path: Path, key: bytes) -> Backup | None:
    """The newest backup that opens with `key` and passes the full check (every page's HMAC too)."""
    for backup in list_backups(store_path):
        result = check_store_file(backup.path, key, full=True)
        if result.ok:
            return backup
        log.warning("backup %s is not usable: %s", backup.path, "; ".join(result.problems))
    return None


def recover_store(store_path: Path, key: bytes, problems: tuple[str, ...]) -> RecoveryReport:
    """Replace a damaged store by its newest good backup, keeping the damaged file beside it.

    Without a good backup the damaged file stays where it is, untouched, and `StoreCorruptError`
    carries the report: starting empty is the user's decision (`move_aside`), never ours. The
    "check needed" marker stays too, so the next start checks the whole file again.
    """
    backup = newest_good_backup(store_path, key)
    if backup is None:
        report = RecoveryReport(store_path, problems, None, None)
        raise StoreCorruptError(
            f"store: {report.summary()}", report, path=str(store_path), problems=list(problems)
        )
    damaged = move_aside(store_path)
    partial = store_path.with_name(store_path.name + ".restoring")
    shutil.copyfile(backup.path, partial)
    with open(partial, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, store_path)
    clear_check_needed(store_path)
    report = RecoveryReport(store_path, problems, damaged, backup)
    log.error("%s Problems: %s", report.summary(), "; ".join(problems))
    return report
