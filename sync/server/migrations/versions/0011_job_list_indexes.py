"""Indexes the jobs list reads by on a large office: a technician's jobs by creation time, and
trigram indexes (PostgreSQL) so a search for part of a ticket number, name, phone, model or
serial finds its rows without reading every job.

They serve office-only queries, so the shared models do not declare them; they are named
`office_*` and the schema comparison leaves that prefix out.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-25 07:50:00
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

SEARCHED = {
    "office_jobs_ticket_trgm": ("jobs", "ticket_number"),
    "office_customers_name_trgm": ("customers", "name"),
    "office_customers_phone_trgm": ("customers", "phone"),
    "office_customer_items_model_trgm": ("customer_items", "model"),
    "office_customer_items_serial_trgm": ("customer_items", "serial"),
}


def upgrade() -> None:
    op.create_index("office_jobs_technician_created_at", "jobs", ["technician_id", "created_at"])
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, (table, column) in SEARCHED.items():
        op.execute(f"CREATE INDEX {name} ON {table} USING gin (lower({column}) gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in SEARCHED:
            op.execute(f"DROP INDEX IF EXISTS {name}")
    op.drop_index("office_jobs_technician_created_at", table_name="jobs")
