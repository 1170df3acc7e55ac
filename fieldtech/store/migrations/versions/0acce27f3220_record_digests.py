"""Digest sums kept by triggers: each record version carries its hash, each bucket its totals.

The end-of-sync check then reads 17 small rows instead of rehashing the store, and it still
sees any change to `record_versions`, however it was made.

Revision ID: 0acce27f3220
Revises: e9c3a7f5b2d6
Create Date: 2026-11-25 07:30:00
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

from fieldtech.store.digest import DIGEST_BUCKETS, bucket_totals, record_hash

revision: str = "0acce27f3220"
down_revision: str | None = "e9c3a7f5b2d6"
branch_labels: str | None = None
depends_on: str | None = None

# The bucket of a stored scope: its last hex digit (UUIDs are 32 lowercase hex digits on SQLite).
_BUCKET = (
    "CASE WHEN {row}.scope IS NULL THEN {glob} "
    "ELSE instr('0123456789abcdef', lower(substr({row}.scope, -1))) - 1 END"
)


def _add(row: str, sign: str) -> str:
    bucket = _BUCKET.format(row=row, glob=DIGEST_BUCKETS)
    return (
        f"UPDATE digest_buckets SET count = count {sign} 1, "
        f"sum_high = sum_high {sign} ({row}.digest >> 31), "
        f"sum_low = sum_low {sign} ({row}.digest & 2147483647) "
        f"WHERE bucket = {bucket};"
    )


TRIGGERS = {
    "record_versions_digest_insert": f"AFTER INSERT ON record_versions BEGIN {_add('NEW', '+')} END",
    "record_versions_digest_delete": f"AFTER DELETE ON record_versions BEGIN {_add('OLD', '-')} END",
    "record_versions_digest_update": (
        f"AFTER UPDATE ON record_versions BEGIN {_add('OLD', '-')} {_add('NEW', '+')} END"
    ),
}


def upgrade() -> None:
    # A plain ADD COLUMN: a batch rebuild of this table would drop the triggers below.
    op.add_column(
        "record_versions",
        sa.Column("digest", sa.BigInteger(), nullable=False, server_default="0"),
    )
    op.create_table(
        "digest_buckets",
        sa.Column("bucket", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("sum_high", sa.BigInteger(), nullable=False),
        sa.Column("sum_low", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("bucket", name=op.f("pk_digest_buckets")),
    )
    connection = op.get_bind()
    # Versions already held get their hashes, and the buckets their sums, before the triggers
    # exist: from then on the triggers keep both in step.
    held = [
        (None if scope is None else uuid.UUID(scope), uuid.UUID(rid), version)
        for rid, scope, version in connection.execute(
            sa.text("SELECT record_id, scope, version FROM record_versions")
        )
    ]
    if held:
        connection.execute(
            sa.text("UPDATE record_versions SET digest = :d WHERE record_id = :r"),
            [{"d": record_hash(rid, version), "r": rid.hex} for _, rid, version in held],
        )
    connection.execute(
        sa.text(
            "INSERT INTO digest_buckets (bucket, count, sum_high, sum_low) VALUES (:b, :c, :h, :l)"
        ),
        [{"b": b, "c": t.records, "h": t.high, "l": t.low} for b, t in bucket_totals(held).items()],
    )
    for name, body in TRIGGERS.items():
        connection.exec_driver_sql(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    connection = op.get_bind()
    for name in TRIGGERS:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("digest_buckets")
    with op.batch_alter_table("record_versions") as batch:
        batch.drop_column("digest")
