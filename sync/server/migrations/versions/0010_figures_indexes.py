"""Indexes the service figures read by: each figure is a range on one timestamp, and repeat
repairs look up earlier jobs of the same item.

The indexes serve an office-only report, so the shared models (which the laptop store follows)
do not declare them; they are named `figures_*` and the schema comparison leaves that prefix out.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25 07:25:00
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

INDEXES = {
    "figures_jobs_created_at": ("jobs", ["created_at"]),
    "figures_jobs_item_created_at": ("jobs", ["item_id", "created_at"]),
    "figures_follow_ups_called_at": ("follow_ups", ["called_at"]),
    "figures_complaints_created_at": ("complaints", ["created_at"]),
    "figures_parts_used_created_at": ("parts_used", ["created_at"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
