"""The office's version of each synced record, kept on the laptop for the end-of-sync digests.

Revision ID: f1a8c3e5d2b4
Revises: e5b2d7c1a9f3
Create Date: 2026-11-25 05:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "f1a8c3e5d2b4"
down_revision: str | None = "e5b2d7c1a9f3"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "record_versions",
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("scope", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_record_versions")),
    )
    op.create_index(op.f("ix_record_versions_scope"), "record_versions", ["scope"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_record_versions_scope"), table_name="record_versions")
    op.drop_table("record_versions")
