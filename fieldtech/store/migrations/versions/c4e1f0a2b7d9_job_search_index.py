"""Full-text index `jobs_fts` for the instant job search: ticket number, customer name and phone,
item serial and model, kept current by triggers.

Trigram tokens match any 3-character fragment in any script (part of a phone number, a serial, a
Chinese name), which word tokenizers cannot. Rows share the job's rowid: VACUUM may renumber the
rowids of a table without an INTEGER PRIMARY KEY, so run `fieldtech.store.search.rebuild` after one.

Revision ID: c4e1f0a2b7d9
Revises: a3f9c2d41e07
Create Date: 2026-11-25 04:05:00
"""

from __future__ import annotations

from alembic import op

revision: str = "c4e1f0a2b7d9"
down_revision: str | None = "a3f9c2d41e07"
branch_labels: str | None = None
depends_on: str | None = None

_ROWS = """
    SELECT j.rowid, j.ticket_number, c.name, c.phone,
           coalesce(i.serial, ''), coalesce(i.model, '')
    FROM jobs AS j
    JOIN customers AS c ON c.id = j.customer_id
    LEFT JOIN customer_items AS i ON i.id = j.item_id
"""
_INSERT = "INSERT INTO jobs_fts (rowid, ticket_number, customer_name, phone, serial, model)" + _ROWS


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE jobs_fts USING fts5("
        "ticket_number, customer_name, phone, serial, model, tokenize = 'trigram')"
    )
    op.execute(_INSERT)
    op.execute(
        f"CREATE TRIGGER jobs_fts_insert AFTER INSERT ON jobs BEGIN "
        f"{_INSERT} WHERE j.rowid = new.rowid; END"
    )
    op.execute(
        "CREATE TRIGGER jobs_fts_delete AFTER DELETE ON jobs BEGIN "
        "DELETE FROM jobs_fts WHERE rowid = old.rowid; END"
    )
    op.execute(
        f"CREATE TRIGGER jobs_fts_update AFTER UPDATE OF ticket_number, customer_id, item_id "
        f"ON jobs BEGIN DELETE FROM jobs_fts WHERE rowid = old.rowid; "
        f"{_INSERT} WHERE j.rowid = new.rowid; END"
    )
    op.execute(
        f"CREATE TRIGGER jobs_fts_customer AFTER UPDATE OF name, phone ON customers BEGIN "
        f"DELETE FROM jobs_fts WHERE rowid IN (SELECT rowid FROM jobs WHERE customer_id = new.id); "
        f"{_INSERT} WHERE j.customer_id = new.id; END"
    )
    op.execute(
        f"CREATE TRIGGER jobs_fts_item AFTER UPDATE OF serial, model ON customer_items BEGIN "
        f"DELETE FROM jobs_fts WHERE rowid IN (SELECT rowid FROM jobs WHERE item_id = new.id); "
        f"{_INSERT} WHERE j.item_id = new.id; END"
    )


def downgrade() -> None:
    for trigger in ("item", "customer", "update", "delete", "insert"):
        op.execute(f"DROP TRIGGER jobs_fts_{trigger}")
    op.execute("DROP TABLE jobs_fts")
