"""Device receipt prefixes issued by the office and the ticket-number blocks lent to devices.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 04:43:41.670097
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import fieldtech.models.base

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "device_prefixes",
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("prefix", sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["devices.id"],
            name=op.f("fk_device_prefixes_device_id_devices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_device_prefixes")),
        sa.UniqueConstraint("prefix", name=op.f("uq_device_prefixes_prefix")),
    )
    op.create_table(
        "lent_ticket_blocks",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("month", sa.String(length=6), nullable=False),
        sa.Column("first", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.Column("lent_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["devices.id"],
            name=op.f("fk_lent_ticket_blocks_device_id_devices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lent_ticket_blocks")),
    )
    with op.batch_alter_table("lent_ticket_blocks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_lent_ticket_blocks_device_id"), ["device_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("lent_ticket_blocks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lent_ticket_blocks_device_id"))

    op.drop_table("lent_ticket_blocks")
    op.drop_table("device_prefixes")
