"""Exactly what a customer signs, as plain data: the content whose hash binds the signature."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldtech.models import (
    AdviceNote,
    ChargeLine,
    Diagnosis,
    Job,
    PartUsed,
    Payment,
    PickupReceipt,
    ReturnReceipt,
    Visit,
)


def _rows(session: Session, model: Any, job: Job, order: Any) -> list[Any]:
    return list(session.scalars(select(model).where(model.job_id == job.id).order_by(order)))


def repair_slip_content(session: Session, job: Job) -> dict[str, Any]:
    """The repair slip's content for the job's current revision (ids keep identical lines apart)."""
    item = job.item
    return {
        "document": "repair_slip",
        "ticket": job.ticket_number,
        "revision": job.revision,
        "customer": {
            "name": job.customer.name,
            "phone": job.customer.phone,
            "address": job.customer.address,
        },
        "item": None
        if item is None
        else {
            "brand": item.brand,
            "model": item.model,
            "serial": item.serial,
            "purchase_date": item.purchase_date,
        },
        "fault": job.fault_description,
        "visits": [
            {"arrived": v.arrived_at, "departed": v.departed_at}
            for v in _rows(session, Visit, job, Visit.arrived_at)
        ],
        "diagnoses": [
            {
                "symptoms": d.symptoms,
                "cause": d.cause,
                "fault_code": d.fault_code,
                "checks": d.checks_done,
            }
            for d in _rows(session, Diagnosis, job, Diagnosis.created_at)
        ],
        "parts": [
            {
                "id": p.id,
                "number": p.part_number,
                "description": p.description,
                "quantity": p.quantity,
                "serial_removed": p.serial_removed,
                "serial_fitted": p.serial_fitted,
                "unit_price": p.unit_price,
            }
            for p in _rows(session, PartUsed, job, PartUsed.created_at)
        ],
        "charges": [
            {
                "id": c.id,
                "kind": c.kind,
                "description": c.description,
                "quantity": c.quantity,
                "unit_price": c.unit_price,
                "tax_rate": c.tax_rate,
            }
            for c in _rows(session, ChargeLine, job, ChargeLine.created_at)
        ],
        "payments": [
            {"id": p.id, "method": p.method, "amount": p.amount, "receipt": p.receipt_number}
            for p in _rows(session, Payment, job, Payment.taken_at)
        ],
        "advice": [n.text for n in _rows(session, AdviceNote, job, AdviceNote.created_at)],
    }


def pickup_receipt_content(receipt: PickupReceipt) -> dict[str, Any]:
    job = receipt.job
    item = job.item
    return {
        "document": "pickup_receipt",
        "receipt": receipt.receipt_number,
        "ticket": job.ticket_number,
        "revision": receipt.revision,
        "customer": {"name": job.customer.name, "phone": job.customer.phone},
        "item": None
        if item is None
        else {"brand": item.brand, "model": item.model, "serial": item.serial},
        "condition": receipt.condition,
        "accessories": list(receipt.accessories),
        "reason": receipt.reason,
        "taken_at": receipt.taken_at,
        "promised_return_date": receipt.promised_return_date,
    }


def return_receipt_content(receipt: ReturnReceipt) -> dict[str, Any]:
    pickup = receipt.pickup
    return {
        "document": "return_receipt",
        "receipt": receipt.receipt_number,
        "pickup_receipt": pickup.receipt_number,
        "ticket": pickup.job.ticket_number,
        "revision": receipt.revision,
        "customer": {"name": pickup.job.customer.name},
        "returned_at": receipt.returned_at,
        "work_done": receipt.work_done,
        "condition_on_return": receipt.condition_on_return,
        "charges_total": receipt.charges_total,
    }
