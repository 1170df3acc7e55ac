"""Sync metadata made small: compact record stamps, one change-log entry per record.

Record stamps listed every field with its own `[seq, "office"]`, so they weighed more than the
records they describe; they become one stamp for the record plus the fields that differ
(`sync/server/replication/stamps.py`). The change log keeps only each record's latest entry (the
one at the record's version): a pull sends a record's current state, so the older entries only
made devices read the same record again. With one entry per record, and superseded entries
deleted by sequence number, the index on `change_log.record_id` serves nothing and goes.

On SQLite the freed pages stay in the file until a `VACUUM`.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-25 11:00:00
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from sync.server.replication.stamps import columns, compact
from sync.server.replication.stamps import read as read_stamps

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

BATCH = 2000
_META = sa.table(
    "record_meta",
    sa.column("record_id", sa.Uuid()),
    sa.column("table_name", sa.String(64)),
    sa.column("stamps", sa.JSON()),
)


def _rewrite(convert: Any) -> None:
    """Every record's stamps through `convert(table, stamps)`, a batch at a time in id order."""
    connection = op.get_bind()
    update = (
        sa.update(_META)
        .where(_META.c.record_id == sa.bindparam("rid"))
        .values(stamps=sa.bindparam("new", type_=sa.JSON()))
    )
    last = None
    while True:
        query = sa.select(_META.c.record_id, _META.c.table_name, _META.c.stamps)
        if last is not None:
            query = query.where(_META.c.record_id > last)
        rows = connection.execute(query.order_by(_META.c.record_id).limit(BATCH)).all()
        if not rows:
            return
        connection.execute(
            update, [{"rid": rid, "new": convert(table, stamps)} for rid, table, stamps in rows]
        )
        last = rows[-1][0]


def _expanded(table: str, raw: Any) -> dict[str, Any]:
    stamps = read_stamps(raw)
    found = {name: stamps.of(name) for name in columns(table) | set(stamps.fields)}
    return {name: list(stamp) for name, stamp in found.items() if stamp is not None}


def upgrade() -> None:
    op.execute(
        "DELETE FROM change_log WHERE seq < (SELECT record_meta.version FROM record_meta "
        "WHERE record_meta.record_id = change_log.record_id)"
    )
    op.drop_index("ix_change_log_record_id", table_name="change_log")
    _rewrite(compact)


def downgrade() -> None:
    _rewrite(_expanded)
    op.create_index("ix_change_log_record_id", "change_log", ["record_id"])
