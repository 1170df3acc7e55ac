"""Sync bookkeeping: the commit-ordered change log, record stamps, applied mutations, device jobs.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 04:17:17.774730
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import fieldtech.models.base

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "applied_mutations",
        sa.Column("mutation_id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("applied_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("mutation_id", name=op.f("pk_applied_mutations")),
    )
    with op.batch_alter_table("applied_mutations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_applied_mutations_device_id"), ["device_id"], unique=False
        )

    op.create_table(
        "change_log",
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_change_log")),
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_change_log_record_id"), ["record_id"], unique=False)

    op.create_table(
        "record_meta",
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("job_id", sa.Uuid(), nullable=True),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("creator_technician_id", sa.Uuid(), nullable=True),
        sa.Column("stamps", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_record_meta")),
    )
    with op.batch_alter_table("record_meta", schema=None) as batch_op:
        batch_op.create_index("ix_record_meta_job_id_table", ["job_id", "table_name"], unique=False)

    sync_clock = op.create_table(
        "sync_clock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_clock")),
    )
    # The one clock row every writing transaction locks (sync.server.replication.capture).
    op.bulk_insert(sync_clock, [{"id": 1, "value": 0}])
    op.create_table(
        "device_jobs",
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["devices.id"],
            name=op.f("fk_device_jobs_device_id_devices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("device_id", "job_id", name=op.f("pk_device_jobs")),
    )


def downgrade() -> None:
    op.drop_table("device_jobs")
    op.drop_table("sync_clock")
    with op.batch_alter_table("record_meta", schema=None) as batch_op:
        batch_op.drop_index("ix_record_meta_job_id_table")

    op.drop_table("record_meta")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_log_record_id"))

    op.drop_table("change_log")
    with op.batch_alter_table("applied_mutations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_applied_mutations_device_id"))

    op.drop_table("applied_mutations")
