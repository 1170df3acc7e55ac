"""Initial office schema: the domain tables shared with the laptop plus the office-only tables.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 03:55:02.706317
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import fieldtech.models.base

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("kept_value", sa.Text(), nullable=True),
        sa.Column("lost_value", sa.Text(), nullable=True),
        sa.Column(
            "kept_side",
            sa.Enum("office", "technician", name="side", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("reason", sa.String(length=64), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("seen", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflicts")),
    )
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conflicts_record_id"), ["record_id"], unique=False)

    op.create_table(
        "customers",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
    )
    op.create_table(
        "product_categories",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("warranty_months", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_categories")),
        sa.UniqueConstraint("code", name=op.f("uq_product_categories_code")),
    )
    op.create_table(
        "technicians",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_technicians")),
        sa.UniqueConstraint("username", name=op.f("uq_technicians_username")),
    )
    op.create_table(
        "customer_items",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("category_id", sa.Uuid(), nullable=True),
        sa.Column("brand", sa.String(length=100), nullable=False),
        sa.Column("model", sa.String(length=100), nullable=False),
        sa.Column("serial", sa.String(length=100), nullable=False),
        sa.Column("purchase_date", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["product_categories.id"],
            name=op.f("fk_customer_items_category_id_product_categories"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_customer_items_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_items")),
    )
    with op.batch_alter_table("customer_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_customer_items_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_customer_items_model"), ["model"], unique=False)
        batch_op.create_index(batch_op.f("ix_customer_items_serial"), ["serial"], unique=False)

    op.create_table(
        "van_stock",
        sa.Column("technician_id", sa.Uuid(), nullable=False),
        sa.Column("part_number", sa.String(length=64), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price", fieldtech.models.base.Money(precision=14, scale=2), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["technician_id"],
            ["technicians.id"],
            name=op.f("fk_van_stock_technician_id_technicians"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_van_stock")),
        sa.UniqueConstraint(
            "technician_id", "part_number", name=op.f("uq_van_stock_technician_id")
        ),
    )
    with op.batch_alter_table("van_stock", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_van_stock_technician_id"), ["technician_id"], unique=False
        )

    op.create_table(
        "jobs",
        sa.Column("ticket_number", sa.String(length=16), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("item_id", sa.Uuid(), nullable=True),
        sa.Column(
            "channel",
            sa.Enum(
                "phone", "email", "online", "on_site", name="channel", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column(
            "category",
            sa.Enum(
                "product_fault",
                "usage_question",
                "return_exchange",
                "complaint",
                name="jobcategory",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("sub_category", sa.String(length=64), nullable=False),
        sa.Column(
            "urgency",
            sa.Enum("normal", "urgent", "major", name="urgency", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("fault_description", sa.Text(), nullable=False),
        sa.Column("preferred_time", sa.String(length=200), nullable=False),
        sa.Column("appointment_start", fieldtech.models.base.UTCDateTime(), nullable=True),
        sa.Column("appointment_end", fieldtech.models.base.UTCDateTime(), nullable=True),
        sa.Column("technician_id", sa.Uuid(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "new",
                "assigned",
                "confirmed",
                "en_route",
                "on_site",
                "awaiting_signature",
                "signed",
                "item_in_workshop",
                "closed",
                "cancelled",
                name="jobstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("first_response_at", fieldtech.models.base.UTCDateTime(), nullable=True),
        sa.Column("closed_at", fieldtech.models.base.UTCDateTime(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_jobs_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["customer_items.id"], name=op.f("fk_jobs_item_id_customer_items")
        ),
        sa.ForeignKeyConstraint(
            ["technician_id"], ["technicians.id"], name=op.f("fk_jobs_technician_id_technicians")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jobs")),
        sa.UniqueConstraint("ticket_number", name=op.f("uq_jobs_ticket_number")),
    )
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_jobs_appointment_start"), ["appointment_start"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_jobs_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_jobs_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_jobs_technician_id"), ["technician_id"], unique=False)

    op.create_table(
        "advice_notes",
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_advice_notes_job_id_jobs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_advice_notes")),
    )
    with op.batch_alter_table("advice_notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_advice_notes_job_id"), ["job_id"], unique=False)

    op.create_table(
        "attachments",
        sa.Column("job_id", sa.Uuid(), nullable=True),
        sa.Column("receipt_id", sa.Uuid(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "photo",
                "signature",
                "document",
                "other",
                name="attachmentkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_attachments_job_id_jobs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachments_job_id"), ["job_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachments_receipt_id"), ["receipt_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachments_sha256"), ["sha256"], unique=False)

    op.create_table(
        "charge_lines",
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "labour",
                "part",
                "call_out",
                "other",
                name="chargekind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("quantity", fieldtech.models.base.Money(precision=14, scale=2), nullable=False),
        sa.Column("unit_price", fieldtech.models.base.Money(precision=14, scale=2), nullable=False),
        sa.Column("tax_rate", fieldtech.models.base.Money(precision=14, scale=2), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_charge_lines_job_id_jobs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_charge_lines")),
    )
    with op.batch_alter_table("charge_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_charge_lines_job_id"), ["job_id"], unique=False)

    op.create_table(
        "complaints",
        sa.Column("job_id", sa.Uuid(), nullable=True),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column(
            "concern",
            sa.Enum(
                "product_quality",
                "product_function",
                "packaging",
                "staff_attitude",
                "staff_negligence",
                name="complaintconcern",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "route",
            sa.Enum(
                "quality_control",
                "warehouse",
                "sales_management",
                name="complaintroute",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("deadline", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("promised_reply_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "open", "replied", "closed", name="complaintstatus", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_complaints_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_complaints_job_id_jobs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaints")),
    )
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_complaints_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_complaints_job_id"), ["job_id"], unique=False)

    op.create_table(
        "follow_ups",
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "satisfaction", "major_case", name="followupkind", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("called_at", fieldtech.models.base.UTCDateTime(), nullable=True),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("escalated", sa.Boolean(), nullable=False),
        sa.Column("escalation_deadline", fieldtech.models.base.UTCDateTime(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_follow_ups_job_id_jobs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_ups")),
    )
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_follow_ups_due_date"), ["due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_follow_ups_job_id"), ["job_id"], unique=False)

    op.create_table(
        "parts_used",
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("part_number", sa.String(length=64), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("serial_removed", sa.String(length=100), nullable=False),
        sa.Column("serial_fitted", sa.String(length=100), nullable=False),
        sa.Column("unit_price", fieldtech.models.base.Money(precision=14, scale=2), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_parts_used_job_id_jobs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parts_used")),
    )
    with op.batch_alter_table("parts_used", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_parts_used_job_id"), ["job_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_parts_used_part_number"), ["part_number"], unique=False
        )

    op.create_table(
        "payments",
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("technician_id", sa.Uuid(), nullable=True),
        sa.Column(
            "method",
            sa.Enum("cash", "card", "transfer", name="paymentmethod", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("amount", fieldtech.models.base.Money(precision=14, scale=2), nullable=False),
        sa.Column("receipt_number", sa.String(length=64), nullable=False),
        sa.Column("taken_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_payments_job_id_jobs")),
        sa.ForeignKeyConstraint(
            ["technician_id"],
            ["technicians.id"],
            name=op.f("fk_payments_technician_id_technicians"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
    )
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payments_job_id"), ["job_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_payments_taken_at"), ["taken_at"], unique=False)

    op.create_table(
        "pickup_receipts",
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("item_id", sa.Uuid(), nullable=True),
        sa.Column("receipt_number", sa.String(length=32), nullable=False),
        sa.Column("technician_id", sa.Uuid(), nullable=True),
        sa.Column("condition", sa.Text(), nullable=False),
        sa.Column("accessories", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("taken_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("promised_return_date", sa.Date(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["customer_items.id"],
            name=op.f("fk_pickup_receipts_item_id_customer_items"),
        ),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("fk_pickup_receipts_job_id_jobs")
        ),
        sa.ForeignKeyConstraint(
            ["technician_id"],
            ["technicians.id"],
            name=op.f("fk_pickup_receipts_technician_id_technicians"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pickup_receipts")),
        sa.UniqueConstraint("receipt_number", name=op.f("uq_pickup_receipts_receipt_number")),
    )
    with op.batch_alter_table("pickup_receipts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pickup_receipts_job_id"), ["job_id"], unique=False)

    op.create_table(
        "signatures",
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column(
            "document_kind",
            sa.Enum(
                "repair_slip",
                "pickup_receipt",
                "return_receipt",
                name="documentkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("subject_id", sa.Uuid(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column(
            "signer_role",
            sa.Enum("customer", "technician", name="signerrole", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("printed_name", sa.String(length=200), nullable=False),
        sa.Column("signed_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("strokes", sa.JSON(), nullable=False),
        sa.Column("image_sha256", sa.String(length=64), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_signatures_job_id_jobs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signatures")),
    )
    with op.batch_alter_table("signatures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signatures_job_id"), ["job_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_signatures_subject_id"), ["subject_id"], unique=False)

    op.create_table(
        "visits",
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("technician_id", sa.Uuid(), nullable=True),
        sa.Column("arrived_at", fieldtech.models.base.UTCDateTime(), nullable=True),
        sa.Column("departed_at", fieldtech.models.base.UTCDateTime(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_visits_job_id_jobs")),
        sa.ForeignKeyConstraint(
            ["technician_id"], ["technicians.id"], name=op.f("fk_visits_technician_id_technicians")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
    )
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visits_job_id"), ["job_id"], unique=False)

    op.create_table(
        "diagnoses",
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("visit_id", sa.Uuid(), nullable=True),
        sa.Column("symptoms", sa.Text(), nullable=False),
        sa.Column("cause", sa.Text(), nullable=False),
        sa.Column("fault_code", sa.String(length=64), nullable=False),
        sa.Column("checks_done", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_diagnoses_job_id_jobs")),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_diagnoses_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_diagnoses")),
    )
    with op.batch_alter_table("diagnoses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_diagnoses_fault_code"), ["fault_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_diagnoses_job_id"), ["job_id"], unique=False)

    op.create_table(
        "item_movements",
        sa.Column("pickup_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "taken",
                "in_workshop",
                "repaired",
                "returned",
                name="movementkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("by_name", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pickup_id"],
            ["pickup_receipts.id"],
            name=op.f("fk_item_movements_pickup_id_pickup_receipts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_movements")),
    )
    with op.batch_alter_table("item_movements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_item_movements_pickup_id"), ["pickup_id"], unique=False
        )

    op.create_table(
        "return_receipts",
        sa.Column("pickup_id", sa.Uuid(), nullable=False),
        sa.Column("receipt_number", sa.String(length=32), nullable=False),
        sa.Column("returned_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("work_done", sa.Text(), nullable=False),
        sa.Column("condition_on_return", sa.Text(), nullable=False),
        sa.Column(
            "charges_total", fieldtech.models.base.Money(precision=14, scale=2), nullable=False
        ),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pickup_id"],
            ["pickup_receipts.id"],
            name=op.f("fk_return_receipts_pickup_id_pickup_receipts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_receipts")),
        sa.UniqueConstraint("receipt_number", name=op.f("uq_return_receipts_receipt_number")),
    )
    with op.batch_alter_table("return_receipts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_return_receipts_pickup_id"), ["pickup_id"], unique=False
        )

    op.create_table(
        "login_failures",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("ip", sa.String(length=64), nullable=False),
        sa.Column("at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failures")),
    )
    with op.batch_alter_table("login_failures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_login_failures_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_login_failures_ip"), ["ip"], unique=False)
        batch_op.create_index(batch_op.f("ix_login_failures_username"), ["username"], unique=False)

    op.create_table(
        "ticket_counters",
        sa.Column("month", sa.String(length=6), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("month", name=op.f("pk_ticket_counters")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "technician",
                "office",
                "supervisor",
                "admin",
                name="role",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("technician_id", sa.Uuid(), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["technician_id"], ["technicians.id"], name=op.f("fk_users_technician_id_technicians")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("technician_id", name=op.f("uq_users_technician_id")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "audit_log",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.Column("session_id", sa.Uuid(), nullable=True),
        sa.Column("client", sa.String(length=300), nullable=False),
        sa.Column("ip", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=True),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_audit_log_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_entity_id"), ["entity_id"], unique=False)

    op.create_table(
        "dashboard_sessions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("expires_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("user_agent", sa.String(length=300), nullable=False),
        sa.Column("ip", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_dashboard_sessions_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dashboard_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_dashboard_sessions_token_hash")),
    )
    with op.batch_alter_table("dashboard_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_dashboard_sessions_expires_at"), ["expires_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_dashboard_sessions_user_id"), ["user_id"], unique=False
        )

    op.create_table(
        "devices",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("app_version", sa.String(length=64), nullable=False),
        sa.Column("pending_changes", sa.Integer(), nullable=False),
        sa.Column("created_at", fieldtech.models.base.UTCDateTime(), nullable=False),
        sa.Column("last_seen_at", fieldtech.models.base.UTCDateTime(), nullable=True),
        sa.Column("last_ip", sa.String(length=64), nullable=False),
        sa.Column("revoked_at", fieldtech.models.base.UTCDateTime(), nullable=True),
        sa.Column("wipe_requested_at", fieldtech.models.base.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_devices_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_devices")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_devices_token_hash")),
    )
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_devices_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_devices_user_id"))

    op.drop_table("devices")
    with op.batch_alter_table("dashboard_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dashboard_sessions_user_id"))
        batch_op.drop_index(batch_op.f("ix_dashboard_sessions_expires_at"))

    op.drop_table("dashboard_sessions")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_entity_id"))
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
    op.drop_table("users")
    op.drop_table("ticket_counters")
    with op.batch_alter_table("login_failures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_login_failures_username"))
        batch_op.drop_index(batch_op.f("ix_login_failures_ip"))
        batch_op.drop_index(batch_op.f("ix_login_failures_at"))

    op.drop_table("login_failures")
    with op.batch_alter_table("return_receipts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_return_receipts_pickup_id"))

    op.drop_table("return_receipts")
    with op.batch_alter_table("item_movements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_movements_pickup_id"))

    op.drop_table("item_movements")
    with op.batch_alter_table("diagnoses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_diagnoses_job_id"))
        batch_op.drop_index(batch_op.f("ix_diagnoses_fault_code"))

    op.drop_table("diagnoses")
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visits_job_id"))

    op.drop_table("visits")
    with op.batch_alter_table("signatures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signatures_subject_id"))
        batch_op.drop_index(batch_op.f("ix_signatures_job_id"))

    op.drop_table("signatures")
    with op.batch_alter_table("pickup_receipts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pickup_receipts_job_id"))

    op.drop_table("pickup_receipts")
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payments_taken_at"))
        batch_op.drop_index(batch_op.f("ix_payments_job_id"))

    op.drop_table("payments")
    with op.batch_alter_table("parts_used", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_parts_used_part_number"))
        batch_op.drop_index(batch_op.f("ix_parts_used_job_id"))

    op.drop_table("parts_used")
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follow_ups_job_id"))
        batch_op.drop_index(batch_op.f("ix_follow_ups_due_date"))

    op.drop_table("follow_ups")
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaints_job_id"))
        batch_op.drop_index(batch_op.f("ix_complaints_customer_id"))

    op.drop_table("complaints")
    with op.batch_alter_table("charge_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_charge_lines_job_id"))

    op.drop_table("charge_lines")
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachments_sha256"))
        batch_op.drop_index(batch_op.f("ix_attachments_receipt_id"))
        batch_op.drop_index(batch_op.f("ix_attachments_job_id"))

    op.drop_table("attachments")
    with op.batch_alter_table("advice_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_advice_notes_job_id"))

    op.drop_table("advice_notes")
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_jobs_technician_id"))
        batch_op.drop_index(batch_op.f("ix_jobs_status"))
        batch_op.drop_index(batch_op.f("ix_jobs_customer_id"))
        batch_op.drop_index(batch_op.f("ix_jobs_appointment_start"))

    op.drop_table("jobs")
    with op.batch_alter_table("van_stock", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_van_stock_technician_id"))

    op.drop_table("van_stock")
    with op.batch_alter_table("customer_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customer_items_serial"))
        batch_op.drop_index(batch_op.f("ix_customer_items_model"))
        batch_op.drop_index(batch_op.f("ix_customer_items_customer_id"))

    op.drop_table("customer_items")
    op.drop_table("technicians")
    op.drop_table("product_categories")
    op.drop_table("customers")
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conflicts_record_id"))

    op.drop_table("conflicts")
