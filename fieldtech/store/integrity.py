"""Start-up integrity check of an encrypted store file: tells a wrong key from a damaged file."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from fieldtech.store.cipher import SQLITE_NOTADB, DatabaseError, connect_raw, error_code

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


def check_store_file(path: Path, key: bytes, *, full: bool = False) -> IntegrityResult:
    """Check `path` with `key`: `PRAGMA quick_check`, and with `full` also every page's HMAC.

    quick_check reads every b-tree page, and SQLCipher verifies a page's HMAC whenever it reads it,
    so tampering or bit rot anywhere in live data already fails it; `full` adds
    `cipher_integrity_check`, which also covers free pages (used for backups, off the start-up path).
    A missing or empty file is OK: it is a store not yet written.
    """
    if not path.exists() or path.stat().st_size == 0:
        return IntegrityResult(Verdict.OK)
    connection = connect_raw(path, key)
    try:
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
        except DatabaseError as exc:
            if error_code(exc) == SQLITE_NOTADB:
                return _wrong_key_or_damaged(connection, path)
            return IntegrityResult(Verdict.DAMAGED, (str(exc),))
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
            problems = [str(row[0]) for row in rows if row[0] != "ok"]
            if full:
                rows = connection.execute("PRAGMA cipher_integrity_check").fetchall()
                problems += [str(row[0]) for row in rows]
        except DatabaseError as exc:
            problems = [str(exc)]
    finally:
        connection.close()
    if problems:
        return IntegrityResult(Verdict.DAMAGED, tuple(problems[:_MAX_PROBLEMS]))
    return IntegrityResult(Verdict.OK)


def _wrong_key_or_damaged(connection: Any, path: Path) -> IntegrityResult:
    """The first page did not decrypt: with a wrong key no page does, with damage most pages still do."""
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
