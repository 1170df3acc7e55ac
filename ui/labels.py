"""Display text for the domain's codes (status, urgency, payment method, warranty reason, errors).

The domain speaks in codes; this is the one place that turns them into translated words. Strings
are marked with QT_TRANSLATE_NOOP so lupdate collects them under the "Labels" context.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from fieldtech.domain.enums import ChargeKind, JobStatus, PaymentMethod, Urgency
from fieldtech.domain.errors import FieldTechError, ValidationError
from fieldtech.rules.warranty import WarrantyReason

CONTEXT = "Labels"

STATUS = {
    JobStatus.NEW: QT_TRANSLATE_NOOP("Labels", "New"),
    JobStatus.ASSIGNED: QT_TRANSLATE_NOOP("Labels", "Assigned"),
    JobStatus.CONFIRMED: QT_TRANSLATE_NOOP("Labels", "Confirmed"),
    JobStatus.EN_ROUTE: QT_TRANSLATE_NOOP("Labels", "On the way"),
    JobStatus.ON_SITE: QT_TRANSLATE_NOOP("Labels", "On site"),
    JobStatus.AWAITING_SIGNATURE: QT_TRANSLATE_NOOP("Labels", "Awaiting signature"),
    JobStatus.SIGNED: QT_TRANSLATE_NOOP("Labels", "Signed"),
    JobStatus.ITEM_IN_WORKSHOP: QT_TRANSLATE_NOOP("Labels", "In workshop"),
    JobStatus.CLOSED: QT_TRANSLATE_NOOP("Labels", "Closed"),
    JobStatus.CANCELLED: QT_TRANSLATE_NOOP("Labels", "Cancelled"),
}

URGENCY = {
    Urgency.NORMAL: QT_TRANSLATE_NOOP("Labels", "Normal"),
    Urgency.URGENT: QT_TRANSLATE_NOOP("Labels", "Urgent"),
    Urgency.MAJOR: QT_TRANSLATE_NOOP("Labels", "Major"),
}

PAYMENT = {
    PaymentMethod.CASH: QT_TRANSLATE_NOOP("Labels", "Cash"),
    PaymentMethod.CARD: QT_TRANSLATE_NOOP("Labels", "Card"),
    PaymentMethod.TRANSFER: QT_TRANSLATE_NOOP("Labels", "Transfer"),
}

CHARGE = {
    ChargeKind.LABOUR: QT_TRANSLATE_NOOP("Labels", "Labour"),
    ChargeKind.PART: QT_TRANSLATE_NOOP("Labels", "Part"),
    ChargeKind.CALL_OUT: QT_TRANSLATE_NOOP("Labels", "Call-out"),
    ChargeKind.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
}

WARRANTY = {
    WarrantyReason.IN_WARRANTY: QT_TRANSLATE_NOOP("Labels", "In warranty until %1: free repair"),
    WarrantyReason.EXPIRED: QT_TRANSLATE_NOOP("Labels", "Warranty ended on %1: paid repair"),
    WarrantyReason.NO_PURCHASE_DATE: QT_TRANSLATE_NOOP(
        "Labels", "No purchase date: paid repair until the customer shows proof of purchase"
    ),
    WarrantyReason.NO_WARRANTY: QT_TRANSLATE_NOOP(
        "Labels", "This product has no warranty: paid repair"
    ),
}

ERROR_FIELDS = {
    "symptoms": QT_TRANSLATE_NOOP("Labels", "Symptoms"),
    "cause": QT_TRANSLATE_NOOP("Labels", "Cause"),
    "fault_code": QT_TRANSLATE_NOOP("Labels", "Fault code"),
    "checks_done": QT_TRANSLATE_NOOP("Labels", "Checks done"),
    "part_number": QT_TRANSLATE_NOOP("Labels", "Part number"),
    "quantity": QT_TRANSLATE_NOOP("Labels", "Quantity"),
    "unit_price": QT_TRANSLATE_NOOP("Labels", "Price"),
    "amount": QT_TRANSLATE_NOOP("Labels", "Amount"),
    "receipt_number": QT_TRANSLATE_NOOP("Labels", "Receipt number"),
    "description": QT_TRANSLATE_NOOP("Labels", "Description"),
    "advice": QT_TRANSLATE_NOOP("Labels", "Advice"),
    "customer_name": QT_TRANSLATE_NOOP("Labels", "Customer name"),
    "photo": QT_TRANSLATE_NOOP("Labels", "Photo"),
    "photos": QT_TRANSLATE_NOOP("Labels", "Photos"),
    "condition": QT_TRANSLATE_NOOP("Labels", "Condition"),
    "accessories": QT_TRANSLATE_NOOP("Labels", "Accessories"),
    "reason": QT_TRANSLATE_NOOP("Labels", "Reason"),
    "technician_name": QT_TRANSLATE_NOOP("Labels", "Technician name"),
    "customer_signature": QT_TRANSLATE_NOOP("Labels", "Customer signature"),
    "technician_signature": QT_TRANSLATE_NOOP("Labels", "Technician signature"),
    "work_done": QT_TRANSLATE_NOOP("Labels", "Work done"),
    "condition_on_return": QT_TRANSLATE_NOOP("Labels", "Condition on return"),
    "charges_total": QT_TRANSLATE_NOOP("Labels", "Charges"),
}


def tr(text: object) -> str:
    """Translate a string marked with QT_TRANSLATE_NOOP("Labels", ...) (typed `object` by the stubs)."""
    return QCoreApplication.translate(CONTEXT, str(text))


def status_text(status: JobStatus) -> str:
    return tr(STATUS[status])


def urgency_text(urgency: Urgency) -> str:
    return tr(URGENCY[urgency])


def payment_text(method: PaymentMethod) -> str:
    return tr(PAYMENT[method])


def charge_text(kind: ChargeKind) -> str:
    return tr(CHARGE[kind])


def warranty_text(reason: WarrantyReason, expires_on: dt.date | None) -> str:
    text = tr(WARRANTY[reason])
    return text.replace("%1", expires_on.isoformat()) if expires_on else text


def error_text(error: FieldTechError) -> str:
    """The error to show: the field's translated name, then the domain's plain-English reason.

    The reasons themselves are English sentences from the domain; translating them by code is
    left for when the domain grows a code per reason.
    """
    if isinstance(error, ValidationError):
        field = ERROR_FIELDS.get(error.field)
        return f"{tr(field) if field else error.field}: {error.reason}"
    return error.message


def local_time(value: dt.datetime) -> str:
    return value.astimezone().strftime("%H:%M")


def local_date_time(value: dt.datetime) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M")
