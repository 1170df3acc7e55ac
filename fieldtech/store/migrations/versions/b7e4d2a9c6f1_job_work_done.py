"""Jobs record the repair actions taken on site, printed on the repair slip.

Revision ID: b7e4d2a9c6f1
Revises: 9d3c5e7a1b42
Create Date: 2026-11-25 04:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "b7e4d2a9c6f1"
down_revision: str | None = "9d3c5e7a1b42"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("work_done", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("work_done")
