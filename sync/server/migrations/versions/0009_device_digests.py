"""Per device, the digest sums of what it should hold, and the change-log head they were taken at.

While nothing has changed since, a quiet sync is answered from this row instead of adding up the
device's whole scope again.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25 07:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "device_digests",
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("totals", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["devices.id"],
            name=op.f("fk_device_digests_device_id_devices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_device_digests")),
    )


def downgrade() -> None:
    op.drop_table("device_digests")
