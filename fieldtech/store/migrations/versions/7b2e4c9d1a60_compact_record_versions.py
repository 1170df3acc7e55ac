"""Record versions stored compactly: 16-byte ids, table numbers, no rowid, no scope index.

At 10,000 jobs the table and its two indexes took about 190 bytes a record, 53% of the data it
describes; the `WITHOUT ROWID` layout keyed by the record id takes about 60. The digests are
unchanged (same hashes, same buckets), so `digest_buckets` is kept as it is; the triggers that
keep it are made again for the new spelling of the scope.

Revision ID: 7b2e4c9d1a60
Revises: 5c7e9a1d3f20
Create Date: 2026-11-25 10:20:00
"""

from __future__ import annotations

from alembic import op

from fieldtech.store.digest import DIGEST_BUCKETS
from fieldtech.store.versions import TABLE_CODES

revision: str = "7b2e4c9d1a60"
down_revision: str | None = "5c7e9a1d3f20"
branch_labels: str | None = None
depends_on: str | None = None

TRIGGER_NAMES = (
    "record_versions_digest_insert",
    "record_versions_digest_delete",
    "record_versions_digest_update",
)

# The bucket of a stored scope is its last hex digit: the low half of its last byte.
_BYTES_BUCKET = (
    "CASE WHEN {row}.scope IS NULL THEN {glob} "
    "ELSE instr('0123456789ABCDEF', substr(hex({row}.scope), -1)) - 1 END"
)
_TEXT_BUCKET = (
    "CASE WHEN {row}.scope IS NULL THEN {glob} "
    "ELSE instr('0123456789abcdef', lower(substr({row}.scope, -1))) - 1 END"
)


def _add(bucket: str, row: str, sign: str) -> str:
    where = bucket.format(row=row, glob=DIGEST_BUCKETS)
    return (
        f"UPDATE digest_buckets SET count = count {sign} 1, "
        f"sum_high = sum_high {sign} ({row}.digest >> 31), "
        f"sum_low = sum_low {sign} ({row}.digest & 2147483647) "
        f"WHERE bucket = {where};"
    )


def _triggers(bucket: str) -> dict[str, str]:
    return dict(
        zip(
            TRIGGER_NAMES,
            (
                f"AFTER INSERT ON record_versions BEGIN {_add(bucket, 'NEW', '+')} END",
                f"AFTER DELETE ON record_versions BEGIN {_add(bucket, 'OLD', '-')} END",
                "AFTER UPDATE ON record_versions BEGIN "
                f"{_add(bucket, 'OLD', '-')} {_add(bucket, 'NEW', '+')} END",
            ),
            strict=True,
        )
    )


def _case(column: str, pairs: dict[str, int] | dict[int, str]) -> str:
    whens = " ".join(f"WHEN {k!r} THEN {v!r}" for k, v in pairs.items())
    return f"CASE {column} {whens} END"


def _drop_triggers() -> None:
    for name in TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")


def upgrade() -> None:
    _drop_triggers()
    op.execute(
        "CREATE TABLE record_versions_compact ("
        "record_id BLOB NOT NULL, table_code SMALLINT NOT NULL, scope BLOB, "
        "version INTEGER NOT NULL, digest BIGINT DEFAULT '0' NOT NULL, "
        "CONSTRAINT pk_record_versions PRIMARY KEY (record_id)) WITHOUT ROWID"
    )
    # An unknown table name leaves table_code NULL, which the NOT NULL refuses: nothing half-done.
    op.execute(
        "INSERT INTO record_versions_compact (record_id, table_code, scope, version, digest) "
        f"SELECT unhex(record_id), {_case('table_name', TABLE_CODES)}, unhex(scope), version, "
        "digest FROM record_versions"
    )
    op.execute("DROP INDEX IF EXISTS ix_record_versions_scope")
    op.execute("DROP TABLE record_versions")
    op.execute("ALTER TABLE record_versions_compact RENAME TO record_versions")
    for name, body in _triggers(_BYTES_BUCKET).items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    _drop_triggers()
    op.execute(
        "CREATE TABLE record_versions_text ("
        "record_id CHAR(32) NOT NULL, table_name VARCHAR(64) NOT NULL, scope CHAR(32), "
        "version INTEGER NOT NULL, digest BIGINT DEFAULT '0' NOT NULL, "
        "CONSTRAINT pk_record_versions PRIMARY KEY (record_id))"
    )
    names = {code: name for name, code in TABLE_CODES.items()}
    op.execute(
        "INSERT INTO record_versions_text (record_id, table_name, scope, version, digest) "
        f"SELECT lower(hex(record_id)), {_case('table_code', names)}, "
        "CASE WHEN scope IS NULL THEN NULL ELSE lower(hex(scope)) END, version, digest "
        "FROM record_versions"
    )
    op.execute("DROP TABLE record_versions")
    op.execute("ALTER TABLE record_versions_text RENAME TO record_versions")
    op.execute("CREATE INDEX ix_record_versions_scope ON record_versions (scope)")
    for name, body in _triggers(_TEXT_BUCKET).items():
        op.execute(f"CREATE TRIGGER {name} {body}")
