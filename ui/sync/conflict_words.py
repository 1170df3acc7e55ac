"""Plain words for the conflict log: which record, which side kept its value, and why."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from fieldtech.domain.enums import Side
from ui import labels

CONTEXT = "ConflictWords"

TABLES = {
    "jobs": QT_TRANSLATE_NOOP("ConflictWords", "Job"),
    "visits": QT_TRANSLATE_NOOP("ConflictWords", "Visit"),
    "diagnoses": QT_TRANSLATE_NOOP("ConflictWords", "Diagnosis"),
    "advice_notes": QT_TRANSLATE_NOOP("ConflictWords", "Advice note"),
    "customers": QT_TRANSLATE_NOOP("ConflictWords", "Customer"),
    "customer_items": QT_TRANSLATE_NOOP("ConflictWords", "Customer's item"),
    "parts_used": QT_TRANSLATE_NOOP("ConflictWords", "Part used"),
    "van_stock": QT_TRANSLATE_NOOP("ConflictWords", "Van stock"),
    "charge_lines": QT_TRANSLATE_NOOP("ConflictWords", "Charge"),
    "payments": QT_TRANSLATE_NOOP("ConflictWords", "Payment"),
    "signatures": QT_TRANSLATE_NOOP("ConflictWords", "Signature"),
    "attachments": QT_TRANSLATE_NOOP("ConflictWords", "Photo or document"),
    "pickup_receipts": QT_TRANSLATE_NOOP("ConflictWords", "Pickup receipt"),
    "return_receipts": QT_TRANSLATE_NOOP("ConflictWords", "Return receipt"),
    "item_movements": QT_TRANSLATE_NOOP("ConflictWords", "Workshop movement"),
}

REASONS = {
    "same_field_edit": QT_TRANSLATE_NOOP(
        "ConflictWords", "You and the office changed the same field"
    ),
    "frozen": QT_TRANSLATE_NOOP(
        "ConflictWords", "The customer had already signed: a change needs a new signature"
    ),
    "not_your_job": QT_TRANSLATE_NOOP("ConflictWords", "The job is not assigned to you"),
    "not_yours": QT_TRANSLATE_NOOP("ConflictWords", "It belongs to another technician"),
    "missing_job": QT_TRANSLATE_NOOP("ConflictWords", "The job is not at the office"),
    "deleted": QT_TRANSLATE_NOOP("ConflictWords", "The office had deleted the record"),
    "missing": QT_TRANSLATE_NOOP("ConflictWords", "The office does not have the record"),
    "not_writable": QT_TRANSLATE_NOOP("ConflictWords", "Only the office may change this"),
    "unknown_field": QT_TRANSLATE_NOOP("ConflictWords", "The office does not know this field"),
    "bad_value": QT_TRANSLATE_NOOP("ConflictWords", "The office could not read the value"),
    "constraint": QT_TRANSLATE_NOOP("ConflictWords", "The office's records do not allow it"),
}

KEPT = {
    Side.OFFICE: QT_TRANSLATE_NOOP("ConflictWords", "The office's value was kept"),
    Side.TECHNICIAN: QT_TRANSLATE_NOOP("ConflictWords", "Your value was kept"),
}


def tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def record_text(table: str, field: str) -> str:
    """'Job · appointment start': the record kind in words, then the field as the data names it."""
    kind = tr(TABLES[table]) if table in TABLES else table.replace("_", " ")
    if not field:
        return kind
    known = labels.ERROR_FIELDS.get(field)
    return f"{kind} · {labels.tr(known) if known else field.replace('_', ' ')}"


def reason_text(reason: str) -> str:
    if reason in REASONS:
        return tr(REASONS[reason])
    return tr(QT_TRANSLATE_NOOP("ConflictWords", "The office refused the change (%1)")).replace(
        "%1", reason
    )


def kept_text(side: Side) -> str:
    return tr(KEPT[side])
