"""The fault-case library: derived by the office from signed repair logs, matched on the laptop.

A case is what the next technician needs at a door with the same model showing the same fault
code: the symptoms, the cause, the work done and the parts fitted. It is sent to every laptop, so
it is built from the item and the repair alone, and the free text is scrubbed of the customer's
name, phone, e-mail, address and the item's serial where the technician happened to type them.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from fieldtech.domain.enums import FaultOutcome
from fieldtech.models import (
    Customer,
    CustomerItem,
    Diagnosis,
    FaultCase,
    Job,
    PartUsed,
    PickupReceipt,
    ProductCategory,
)
from fieldtech.usecases.common import current_signature

# Fixed forever: a case's id is uuid5 of this and the job's id, on every office process alike.
FAULT_CASE_NAMESPACE = uuid.UUID("6f1c2b9e-4d3a-5e8f-9a7b-0c1d2e3f4a5b")
REDACTED = "[…]"
_SHORTEST_SECRET = 3


def fault_case_id(job_id: uuid.UUID) -> uuid.UUID:
    """The id of the case a job's repair becomes (the same after a re-signed revision)."""
    return uuid.uuid5(FAULT_CASE_NAMESPACE, str(job_id))


def normalise_fault_code(code: str) -> str:
    """Fault codes compare without case or surrounding space: `e21 ` is `E21`."""
    return code.strip().upper()


def normalise_model(model: str) -> str:
    """Model numbers too (`wm-8000` is `WM-8000`); cases store them so, and the index finds them."""
    return " ".join(model.split()).upper()


def scrub(text: str, secrets: list[str]) -> str:
    """`text` with every occurrence of each secret (case-insensitive) replaced by a marker."""
    for secret in sorted({s.strip() for s in secrets}, key=len, reverse=True):
        if len(secret) >= _SHORTEST_SECRET:
            text = re.sub(re.escape(secret), REDACTED, text, flags=re.IGNORECASE)
    return text


def _outcome(session: Session, job: Job, work_done: str, parts: list[Any]) -> FaultOutcome:
    taken = session.scalar(select(PickupReceipt.id).where(PickupReceipt.job_id == job.id))
    if taken is not None:
        return FaultOutcome.TAKEN_TO_WORKSHOP
    if not work_done.strip() and not parts:
        return FaultOutcome.NOT_FIXED
    return FaultOutcome.FIXED


def derive_fault_case(session: Session, job_id: uuid.UUID) -> FaultCase | None:
    """Create or refresh the case of a signed job, in the caller's transaction (unflushed).

    Returns None (and changes nothing) while the job's current revision is unsigned, or when the
    repair names neither a model nor a fault code, which nothing could ever be matched on.
    """
    job = session.get(Job, job_id)
    if job is None:
        return None
    signature = current_signature(session, job)
    if signature is None:
        return None
    item = session.get(CustomerItem, job.item_id) if job.item_id is not None else None
    diagnosis = session.scalars(
        select(Diagnosis).where(Diagnosis.job_id == job.id).order_by(Diagnosis.created_at.desc())
    ).first()
    model = normalise_model(item.model) if item is not None else ""
    fault_code = normalise_fault_code(diagnosis.fault_code) if diagnosis is not None else ""
    if not model and not fault_code:
        return None
    customer = session.get(Customer, job.customer_id)
    secrets = [signature.printed_name]
    if customer is not None:
        secrets += [customer.name, customer.phone, customer.email, customer.address]
        secrets += customer.address.splitlines()
    if item is not None:
        secrets.append(item.serial)
    category = None
    if item is not None and item.category_id is not None:
        category = session.get(ProductCategory, item.category_id)
    parts = [
        {
            "part_number": p.part_number,
            "description": scrub(p.description, secrets),
            "quantity": p.quantity,
        }
        for p in session.scalars(
            select(PartUsed).where(PartUsed.job_id == job.id).order_by(PartUsed.created_at)
        )
    ]
    work_done = scrub(job.work_done, secrets)
    values: dict[str, Any] = {
        "brand": item.brand.strip() if item is not None else "",
        "model": model,
        "category_code": category.code if category is not None else "",
        "fault_code": fault_code,
        "symptoms": scrub(diagnosis.symptoms if diagnosis else job.fault_description, secrets),
        "cause": scrub(diagnosis.cause if diagnosis else "", secrets),
        "work_done": work_done,
        "parts": parts,
        "repaired_on": signature.signed_at.date(),
        "outcome": _outcome(session, job, work_done, parts),
    }
    fault = session.get(FaultCase, fault_case_id(job.id))
    if fault is None:
        fault = FaultCase(id=fault_case_id(job.id), **values)
        session.add(fault)
    else:
        for key, value in values.items():
            if getattr(fault, key) != value:
                setattr(fault, key, value)
    return fault


class Match(IntEnum):
    """How a case matches the job in hand, best first."""

    MODEL_AND_FAULT_CODE = 0
    FAULT_CODE = 1
    MODEL = 2


@dataclass(frozen=True)
class FaultCaseView:
    """One past repair as the job screen lists it."""

    id: uuid.UUID
    match: Match
    brand: str
    model: str
    category_code: str
    fault_code: str
    symptoms: str
    cause: str
    work_done: str
    parts: tuple[tuple[str, str, int], ...]
    repaired_on: dt.date
    outcome: FaultOutcome


def matching_cases(
    session: Session,
    *,
    model: str,
    fault_code: str,
    exclude_job: uuid.UUID | None = None,
    limit: int = 20,
) -> list[FaultCaseView]:
    """Past repairs of the same model and fault code first, then the same fault code on other
    models, then the same model with other faults; newest first within each group.

    One query per group, each walking its (key, date) index newest first and stopping at `limit`,
    so a lookup costs the rows it returns, not the size of the library.
    """
    code = normalise_fault_code(fault_code)
    model_key = normalise_model(model)
    groups: list[tuple[Match, ColumnElement[bool]]] = []
    if code and model_key:
        groups.append(
            (
                Match.MODEL_AND_FAULT_CODE,
                (FaultCase.fault_code == code) & (FaultCase.model == model_key),
            )
        )
        groups.append(
            (Match.FAULT_CODE, (FaultCase.fault_code == code) & (FaultCase.model != model_key))
        )
        groups.append(
            (Match.MODEL, (FaultCase.model == model_key) & (FaultCase.fault_code != code))
        )
    elif code:
        groups.append((Match.FAULT_CODE, FaultCase.fault_code == code))
    elif model_key:
        groups.append((Match.MODEL, FaultCase.model == model_key))
    found: list[FaultCaseView] = []
    for match, condition in groups:
        if len(found) >= limit:
            break
        query = select(FaultCase).where(condition)
        if exclude_job is not None:
            query = query.where(FaultCase.id != fault_case_id(exclude_job))
        query = query.order_by(FaultCase.repaired_on.desc(), FaultCase.id.desc()).limit(
            limit - len(found)
        )
        found.extend(_view(fault, match) for fault in session.scalars(query))
    return found


def _view(fault: FaultCase, match: Match) -> FaultCaseView:
    parts = tuple(
        (str(p.get("part_number", "")), str(p.get("description", "")), int(p.get("quantity", 1)))
        for p in fault.parts
        if isinstance(p, dict)
    )
    return FaultCaseView(
        id=fault.id,
        match=match,
        brand=fault.brand,
        model=fault.model,
        category_code=fault.category_code,
        fault_code=fault.fault_code,
        symptoms=fault.symptoms,
        cause=fault.cause,
        work_done=fault.work_done,
        parts=parts,
        repaired_on=fault.repaired_on,
        outcome=fault.outcome,
    )
