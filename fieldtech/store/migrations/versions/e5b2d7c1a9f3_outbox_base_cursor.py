"""Outbox entries remember the sync cursor at the time of the edit, so the office can tell a change
made without seeing its own newer value (a genuine clash) from one made after it.

Revision ID: e5b2d7c1a9f3
Revises: c4e1f0a2b7d9
Create Date: 2026-11-25 04:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "e5b2d7c1a9f3"
down_revision: str | None = "c4e1f0a2b7d9"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("base_cursor", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("base_cursor")
