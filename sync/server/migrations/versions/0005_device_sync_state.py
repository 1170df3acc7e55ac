"""Per device, the newest pull sequence it sent, so a late replayed request changes nothing.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 04:47:43.350931
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "device_sync_state",
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("last_pull_sequence", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["devices.id"],
            name=op.f("fk_device_sync_state_device_id_devices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_device_sync_state")),
    )


def downgrade() -> None:
    op.drop_table("device_sync_state")
