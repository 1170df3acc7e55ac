"""Closed vocabularies of the after-sales rules; the UI translates these codes, never the domain."""

from __future__ import annotations

from enum import StrEnum


class Channel(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    ONLINE = "online"
    ON_SITE = "on_site"


class JobCategory(StrEnum):
    PRODUCT_FAULT = "product_fault"
    USAGE_QUESTION = "usage_question"
    RETURN_EXCHANGE = "return_exchange"
    COMPLAINT = "complaint"


SUB_CATEGORIES: dict[JobCategory, tuple[str, ...]] = {
    JobCategory.PRODUCT_FAULT: (
        "no_power",
        "noise",
        "leak",
        "not_heating",
        "not_cooling",
        "error_code",
        "other",
    ),
    JobCategory.USAGE_QUESTION: ("installation", "operation", "maintenance", "other"),
    JobCategory.RETURN_EXCHANGE: ("return", "exchange"),
    JobCategory.COMPLAINT: ("product_quality", "packaging", "staff", "other"),
}


class Urgency(StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"
    MAJOR = "major"


class JobStatus(StrEnum):
    NEW = "new"
    ASSIGNED = "assigned"
    CONFIRMED = "confirmed"
    EN_ROUTE = "en_route"
    ON_SITE = "on_site"
    AWAITING_SIGNATURE = "awaiting_signature"
    SIGNED = "signed"
    ITEM_IN_WORKSHOP = "item_in_workshop"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class FaultOutcome(StrEnum):
    """How a repair in the fault-case library ended."""

    FIXED = "fixed"
    NOT_FIXED = "not_fixed"
    TAKEN_TO_WORKSHOP = "taken_to_workshop"


class PaymentMethod(StrEnum):
    CASH = "cash"
    CARD = "card"
    TRANSFER = "transfer"


class ChargeKind(StrEnum):
    LABOUR = "labour"
    PART = "part"
    CALL_OUT = "call_out"
    OTHER = "other"


class AttachmentKind(StrEnum):
    PHOTO = "photo"
    SIGNATURE = "signature"
    DOCUMENT = "document"
    OTHER = "other"


class DocumentKind(StrEnum):
    REPAIR_SLIP = "repair_slip"
    PICKUP_RECEIPT = "pickup_receipt"
    RETURN_RECEIPT = "return_receipt"


class SignerRole(StrEnum):
    CUSTOMER = "customer"
    TECHNICIAN = "technician"


class MovementKind(StrEnum):
    TAKEN = "taken"
    IN_WORKSHOP = "in_workshop"
    REPAIRED = "repaired"
    RETURNED = "returned"


class FollowUpKind(StrEnum):
    SATISFACTION = "satisfaction"  # about 7 days after the visit
    MAJOR_CASE = "major_case"  # 30 days after a major case


class ComplaintConcern(StrEnum):
    PRODUCT_QUALITY = "product_quality"
    PRODUCT_FUNCTION = "product_function"
    PACKAGING = "packaging"
    STAFF_ATTITUDE = "staff_attitude"
    STAFF_NEGLIGENCE = "staff_negligence"


class ComplaintRoute(StrEnum):
    QUALITY_CONTROL = "quality_control"
    WAREHOUSE = "warehouse"
    SALES_MANAGEMENT = "sales_management"


class ComplaintStatus(StrEnum):
    OPEN = "open"
    REPLIED = "replied"
    CLOSED = "closed"


class Side(StrEnum):
    """Which end of the sync wrote a value."""

    OFFICE = "office"
    TECHNICIAN = "technician"


class OutboxOp(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"
