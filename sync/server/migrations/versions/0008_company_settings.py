"""Company settings: profile, labour rates, calendar overrides, parts catalogue, van stock moves.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 07:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import fieldtech.models.base

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

MONEY = fieldtech.models.base.Money(precision=14, scale=2)


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
    op.create_table(
        "parts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("part_number", sa.String(length=64), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("unit_price", MONEY, nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parts")),
        sa.UniqueConstraint("part_number", name=op.f("uq_parts_part_number")),
    )
    op.create_table(
        "van_stock_movements",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("technician_id", sa.Uuid(), nullable=False),
        sa.Column("part_number", sa.String(length=64), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("issue", "replenish", "count", name="stockmove", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("change", sa.Integer(), nullable=False),
        sa.Column("quantity_after", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["technician_id"],
            ["technicians.id"],
            name=op.f("fk_van_stock_movements_technician_id_technicians"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_van_stock_movements_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_van_stock_movements")),
    )
    op.create_index(op.f("ix_van_stock_movements_at"), "van_stock_movements", ["at"])
    op.create_index(
        op.f("ix_van_stock_movements_technician_id"), "van_stock_movements", ["technician_id"]
    )


def downgrade() -> None:
    op.drop_table("van_stock_movements")
    op.drop_table("parts")
    _company_settings_downgrade()
