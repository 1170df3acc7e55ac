"""SQLCipher at the driver level: keying a raw connection and the per-connection pragmas."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3

KEY_BYTES = 32
BUSY_TIMEOUT_MS = 5000
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_NOTADB = 26

DatabaseError = sqlcipher3.dbapi2.DatabaseError
OperationalError = sqlcipher3.dbapi2.OperationalError


def check_key(key: bytes) -> None:
    if not isinstance(key, bytes) or len(key) != KEY_BYTES:
        raise ValueError(f"key: must be {KEY_BYTES} random bytes (from the credential store)")


def key_pragma(key: bytes) -> str:
    """`PRAGMA key` with a raw 256-bit key: SQLCipher skips its slow passphrase KDF for these."""
    check_key(key)
    return f"PRAGMA key = \"x'{key.hex()}'\""


def apply_key(dbapi_connection: Any, key: bytes) -> None:
    """Key a fresh connection; before anything else touches the file, as SQLCipher requires."""
    cursor = dbapi_connection.cursor()
    try:
        # SQLCipher logs every failed page decryption to stderr by default; we report instead.
        cursor.execute("PRAGMA cipher_log_level = NONE")
        cursor.execute(key_pragma(key))
    finally:
        cursor.close()


def apply_pragmas(dbapi_connection: Any, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
    """Durability and safety settings that SQLite keeps per connection, not in the file."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA journal_mode = WAL").fetchall()
    finally:
        cursor.close()


def connect_raw(path: Path, key: bytes) -> Any:
    """A keyed driver connection in autocommit mode, for checks, backups and recovery."""
    connection = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        apply_key(connection, key)
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except BaseException:
        connection.close()
        raise
    return connection


def error_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of a driver error (SQLITE_FULL, SQLITE_NOTADB...)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None
