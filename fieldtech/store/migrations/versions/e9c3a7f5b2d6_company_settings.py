"""Company settings the office sends every laptop: profile, labour rates, calendar overrides.

Revision ID: e9c3a7f5b2d6
Revises: d8a4f6b3c1e5
Create Date: 2026-11-25 07:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "e9c3a7f5b2d6"
down_revision: str | None = "d8a4f6b3c1e5"
branch_labels: str | None = None
depends_on: str | None = None

# Money is canonical decimal text on SQLite.
MONEY = sa.String(length=32)


def _synced_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def _company_settings_upgrade() -> None:
    with op.batch_alter_table("product_categories") as batch:
        batch.add_column(
            sa.Column(
                "labour_basis", sa.String(length=16), nullable=False, server_default="per_hour"
            )
        )
        batch.add_column(sa.Column("labour_rate", MONEY, nullable=False, server_default="0.00"))
    op.create_table(
        "company_profile",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("tax_rate", sa.String(length=16), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("calendar_country", sa.String(length=8), nullable=False),
        sa.Column("document_language", sa.String(length=8), nullable=False),
        sa.Column("depreciation", sa.JSON(), nullable=False),
        sa.Column("logo_type", sa.String(length=32), nullable=False),
        sa.Column("logo_sha256", sa.String(length=64), nullable=False),
        sa.Column("logo_data", sa.Text(), nullable=False),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_company_profile")),
    )
    op.create_table(
        "calendar_overrides",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("working", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_overrides")),
        sa.UniqueConstraint("day", name=op.f("uq_calendar_overrides_day")),
    )


def _company_settings_downgrade() -> None:
    op.drop_table("calendar_overrides")
    op.drop_table("company_profile")
    with op.batch_alter_table("product_categories") as batch:
        batch.drop_column("labour_rate")
        batch.drop_column("labour_basis")


def upgrade() -> None:
    _company_settings_upgrade()


def downgrade() -> None:
    _company_settings_downgrade()
