"""The fault-case library every technician holds: past repairs by model and fault code.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 07:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fault_cases",
        sa.Column("brand", sa.String(length=100), nullable=False),
        sa.Column("model", sa.String(length=100), nullable=False),
        sa.Column("category_code", sa.String(length=64), nullable=False),
        sa.Column("fault_code", sa.String(length=64), nullable=False),
        sa.Column("symptoms", sa.Text(), nullable=False),
        sa.Column("cause", sa.Text(), nullable=False),
        sa.Column("work_done", sa.Text(), nullable=False),
        sa.Column("parts", sa.JSON(), nullable=False),
        sa.Column("repaired_on", sa.Date(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
                "fixed",
                "not_fixed",
                "taken_to_workshop",
                name="faultoutcome",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fault_cases")),
    )
    op.create_index(
        "ix_fault_cases_model_repaired_on",
        "fault_cases",
        ["model", "repaired_on", "id"],
        unique=False,
    )
    op.create_index(
        "ix_fault_cases_fault_code_repaired_on",
        "fault_cases",
        ["fault_code", "repaired_on", "id"],
        unique=False,
    )
    op.create_index(
        "ix_fault_cases_model_fault_code",
        "fault_cases",
        ["model", "fault_code", "repaired_on", "id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_fault_cases_model_fault_code", table_name="fault_cases")
    op.drop_index("ix_fault_cases_fault_code_repaired_on", table_name="fault_cases")
    op.drop_index("ix_fault_cases_model_repaired_on", table_name="fault_cases")
    op.drop_table("fault_cases")
