"""Visits by time, for the follow-up call list: the calls due in a window are found from the
visits of that window instead of grouping every visit ever recorded.

Office-only like 0011: named `office_*`, left out of the schema comparison.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-25 07:58:00
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("office_visits_departed_at", "visits", ["departed_at"])
    op.create_index("office_visits_arrived_at", "visits", ["arrived_at"])


def downgrade() -> None:
    op.drop_index("office_visits_arrived_at", table_name="visits")
    op.drop_index("office_visits_departed_at", table_name="visits")
