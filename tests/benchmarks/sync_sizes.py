"""How many bytes sync bookkeeping takes beside the data it describes, on both ends.

Pages as the database stores them (tables and their indexes, free space inside pages included):
SQLite's `dbstat`, on a plain copy of the encrypted laptop store (SQLCipher has no `dbstat`), and
`pg_total_relation_size` on PostgreSQL.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

import psycopg
import sqlcipher3

from fieldtech.models.registry import MODELS, OFFICE_ONLY
from fieldtech.store.cipher import key_pragma

LAPTOP_METADATA = frozenset({"record_versions", "digest_buckets", "outbox", "local_settings"})
OFFICE_METADATA = frozenset(
    {
        "record_meta",
        "change_log",
        "device_jobs",
        "device_digests",
        "device_sync_state",
        "applied_mutations",
    }
)
LAPTOP_DATA = frozenset(t for t in MODELS if t not in OFFICE_ONLY)


def _sqlite_sizes(path: Path) -> dict[str, int]:
    """Bytes per table, its indexes counted with it."""
    with sqlite3.connect(path) as connection:
        owners = dict(
            connection.execute(
                "SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')"
            )
        )
        sizes: dict[str, int] = {}
        for name, size in connection.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"):
            table = owners.get(name, name)
            sizes[table] = sizes.get(table, 0) + int(size)
    return sizes


def laptop_sizes(store: Path, key: bytes) -> dict[str, int]:
    with tempfile.TemporaryDirectory(prefix="bench-plain-") as temp:
        plain = Path(temp) / "plain.db"
        connection = sqlcipher3.connect(str(store))
        try:
            connection.execute(key_pragma(key))
            connection.execute(f"ATTACH DATABASE '{plain}' AS plaintext KEY ''")
            connection.execute("SELECT sqlcipher_export('plaintext')")
            connection.execute("DETACH DATABASE plaintext")
        finally:
            connection.close()
        return _sqlite_sizes(plain)


def office_sizes(url: str) -> dict[str, int]:
    if url.startswith("sqlite:///"):
        return _sqlite_sizes(Path(url.removeprefix("sqlite:///")))
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as connection:
        rows = connection.execute(
            "SELECT relname, pg_total_relation_size(oid) FROM pg_class "
            "WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace"
        ).fetchall()
    return {str(name): int(size) for name, size in rows}


def share(sizes: dict[str, int], metadata: frozenset[str], data: frozenset[str]) -> tuple[int, int]:
    """(metadata bytes, data bytes)."""
    return (
        sum(v for k, v in sizes.items() if k in metadata),
        sum(v for k, v in sizes.items() if k in data),
    )
