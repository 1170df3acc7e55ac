"""A covering index for paging the jobs list: creation order with the filter columns included,
so PostgreSQL finds a page's job ids (and counts matches) from the index alone, however deep
the page, instead of reading every skipped job's row.

Office-only like 0011: named `office_*`, left out of the schema comparison.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-25 07:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

INCLUDED = ["status", "category", "urgency", "technician_id"]


def upgrade() -> None:
    # Newest first, ties by id: exactly the list's default order, so no sort step is needed.
    columns: list[str | sa.TextClause] = [sa.text("created_at DESC"), "id"]
    op.create_index("office_jobs_list", "jobs", columns, postgresql_include=INCLUDED)


def downgrade() -> None:
    op.drop_index("office_jobs_list", table_name="jobs")
