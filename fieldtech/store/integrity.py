"""Integrity checks of an encrypted store file: tell a wrong key from damage, and remember suspicion.

A full `PRAGMA quick_check` reads every page, about 100 MB/s here with decryption: fine for a
young store, seconds for years of jobs. So start-up checks everything only while the file is small
(`FULL_CHECK_MAX_BYTES`) or when a "check needed" marker says an earlier run saw damage; otherwise
it checks the tables whose loss could not be re-synced from the office (the outbox of unsent
changes, device settings, lent ticket numbers, the conflict log). The whole file is checked by
`verify_store` in the background and by every backup, and any SQLITE_CORRUPT met while working
sets the marker, so damage anywhere leads to recovery at the next start.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from fieldtech.store.cipher import SQLITE_NOTADB, DatabaseError, connect_raw, error_code

log = logging.getLogger(__name__)

FULL_CHECK_MAX_BYTES = 8 * 1024 * 1024  # ~3,800 jobs: whole-file check ~85 ms here
LOCAL_ONLY_TABLES = ("alembic_version", "outbox", "local_settings", "ticket_blocks", "conflicts")
MARKER_SUFFIX = ".check-needed"
_MAX_PROBLEMS = 20


class Verdict(StrEnum):
    OK = "ok"
    WRONG_KEY = "wrong_key"
    DAMAGED = "damaged"


@dataclass(frozen=True)
class IntegrityResult:
    verdict: Verdict
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.verdict is Verdict.OK


def check_store_file(
    path: Path, key: bytes, *, full: bool = False, tables: Sequence[str] | None = None
) -> IntegrityResult:
    """Check `path` with `key`: `PRAGMA quick_check` of the whole file, or of `tables` only.

    SQLCipher verifies a page's HMAC whenever it reads it, so quick_check also catches tampering
    and bit rot in live data; `full` adds `cipher_integrity_check`, which covers free pages too.
    A missing or empty file (and no WAL) is OK: it is a store not yet written.
    """
    if _size(path) == 0 and _size(_wal(path)) == 0:
        return IntegrityResult(Verdict.OK)
    connection = connect_raw(path, key)
    try:
        try:
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        except DatabaseError as exc:
            if error_code(exc) == SQLITE_NOTADB:
                return _wrong_key_or_damaged(connection, path)
            return IntegrityResult(Verdict.DAMAGED, (str(exc),))
        pragmas = (
            ["PRAGMA quick_check"]
            if tables is None
            else [f'PRAGMA quick_check("{t}")' for t in tables if t in names]
        )
        if full:
            pragmas.append("PRAGMA cipher_integrity_check")
        problems = []
        try:
            for pragma in pragmas:
                problems += [str(r[0]) for r in connection.execute(pragma) if r[0] != "ok"]
        except DatabaseError as exc:
            problems.append(str(exc))
    finally:
        connection.close()
    if problems:
        return IntegrityResult(Verdict.DAMAGED, tuple(problems[:_MAX_PROBLEMS]))
    return IntegrityResult(Verdict.OK)


def startup_check(path: Path, key: bytes) -> IntegrityResult:
    """The check `open_store` runs: whole file when small or suspect, local-only tables otherwise."""
    size = _size(path) + _size(_wal(path))
    whole = size <= FULL_CHECK_MAX_BYTES or needs_check(path)
    result = check_store_file(path, key, tables=None if whole else LOCAL_ONLY_TABLES)
    if result.ok and whole:
        clear_check_needed(path)
    return result


def verify_store(path: Path, key: bytes) -> IntegrityResult:
    """Check the whole file (on its own connection, fine while the store is open and in use).

    Meant for a background task after start-up; on damage the marker makes the next start
    recover from the newest good backup.
    """
    result = check_store_file(path, key, full=True)
    if result.verdict is Verdict.DAMAGED:
        mark_check_needed(path, "; ".join(result.problems))
    return result


def marker_path(path: Path) -> Path:
    return path.with_name(path.name + MARKER_SUFFIX)


def needs_check(path: Path) -> bool:
    return marker_path(path).exists()


def mark_check_needed(path: Path, reason: str) -> None:
    """Ask the next start to check the whole file (and recover it if it is damaged)."""
    try:
        marker_path(path).write_text(reason + "\n", encoding="utf-8")
    except OSError:
        log.exception("could not mark %s for a full check", path)
    log.error("store %s looks damaged (%s); it is checked in full at the next start", path, reason)


def clear_check_needed(path: Path) -> None:
    marker_path(path).unlink(missing_ok=True)


def _size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _wrong_key_or_damaged(connection: Any, path: Path) -> IntegrityResult:
    """The first page did not decrypt: with a wrong key no page does, with damage most still do."""
    try:
        rows = connection.execute("PRAGMA cipher_integrity_check").fetchall()
    except DatabaseError as exc:
        return IntegrityResult(Verdict.WRONG_KEY, (str(exc),))
    failures = [str(row[0]) for row in rows]
    pages = max(1, path.stat().st_size // _page_size(connection))
    if len(failures) >= pages:
        return IntegrityResult(Verdict.WRONG_KEY, ("no page of the file decrypts with this key",))
    return IntegrityResult(Verdict.DAMAGED, tuple(failures[:_MAX_PROBLEMS]))


def _page_size(connection: Any) -> int:
    row = connection.execute("PRAGMA cipher_page_size").fetchone()
    return int(row[0]) if row and int(row[0]) > 0 else 4096
