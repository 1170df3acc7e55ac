"""Index of jobs in the order the "All jobs" list shows them (newest appointment first).

Reading the 50,000 ids of a big store in list order sorted the whole table on every open of the
list and every cleared search; walking this covering index needs no sort and no table read.
The index belongs to the job list and search (named `jobs_fts_*`), so the models do not declare
it and the schema comparison leaves it out.

Revision ID: 5c7e9a1d3f20
Revises: 0acce27f3220
Create Date: 2026-11-25 08:05:00
"""

from __future__ import annotations

from alembic import op

revision: str = "5c7e9a1d3f20"
down_revision: str | None = "0acce27f3220"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX jobs_fts_list_order ON jobs "
        "(coalesce(appointment_start, created_at) DESC, ticket_number DESC, id)"
    )


def downgrade() -> None:
    op.execute("DROP INDEX jobs_fts_list_order")
