"""Uploads of attachment bytes begun but not finished, so a laptop resumes where it stopped.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 05:35:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import fieldtech.models.base

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment_uploads",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("received", sa.BigInteger(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("started_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_attachment_uploads")),
    )


def downgrade() -> None:
    op.drop_table("attachment_uploads")
