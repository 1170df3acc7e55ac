"""What a job's documents say, from the store and the company settings: one source for the PDF a
customer takes home and for the hash their signature binds, so the printed code always verifies."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from fieldtech.company import CompanySettings
from fieldtech.documents import build
from fieldtech.documents.data import (
    CompanyHeader,
    PickupReceiptData,
    RepairSlipData,
    ReturnReceiptData,
    WarrantyInfo,
    pickup_receipt_content,
    repair_slip_content,
    return_receipt_content,
)
from fieldtech.domain.errors import FieldTechError
from fieldtech.models import Job
from fieldtech.rules.signing import content_hash
from fieldtech.rules.warranty import warranty_status
from fieldtech.usecases.company import settings_from_tables
from fieldtech.usecases.device import get_setting, put_setting

COMPANY_SETTING = "company_settings"


def company_settings(session: Session) -> CompanySettings:
    """The company profile the office sent this laptop (the built-in defaults until it does)."""
    synced = settings_from_tables(session)
    if synced is not None:
        return synced
    stored = get_setting(session, COMPANY_SETTING)
    return CompanySettings.from_json(stored) if stored else CompanySettings()


def save_company_settings(session: Session, settings: CompanySettings) -> None:
    put_setting(session, COMPANY_SETTING, settings.to_json())


def company_header(settings: CompanySettings) -> CompanyHeader:
    return CompanyHeader(
        name=settings.name,
        address=settings.address,
        phone=settings.phone,
        logo_path=Path(settings.logo_path) if settings.logo_path else None,
        currency=settings.currency,
        time_zone=settings.timezone,
    )


def warranty_for(job: Job, settings: CompanySettings) -> WarrantyInfo:
    """Free or paid from the item's category warranty, on the day of the visit."""
    item = job.item
    if item is None or item.category is None:
        return build.NO_WARRANTY
    visit = job.visits[-1] if job.visits else None
    on = (
        visit.arrived_at.astimezone(dt.UTC).date()
        if visit and visit.arrived_at
        else dt.datetime.now(dt.UTC).date()
    )
    try:
        decision = warranty_status(item.purchase_date, item.category.warranty_months, on)
    except FieldTechError:
        return build.NO_WARRANTY
    return WarrantyInfo(decision.in_warranty, decision.reason.value)


def repair_slip_for(session: Session, job_id: uuid.UUID) -> RepairSlipData:
    settings = company_settings(session)
    job = session.get(Job, job_id)
    warranty = warranty_for(job, settings) if job is not None else build.NO_WARRANTY
    return build.repair_slip_data(
        session, job_id, company_header(settings), warranty, work_done=job.work_done if job else ""
    )


def pickup_receipt_for(session: Session, receipt_id: uuid.UUID) -> PickupReceiptData:
    header = company_header(company_settings(session))
    return build.pickup_receipt_data(session, receipt_id, header)


def return_receipt_for(session: Session, receipt_id: uuid.UUID) -> ReturnReceiptData:
    header = company_header(company_settings(session))
    return build.return_receipt_data(session, receipt_id, header)


def repair_slip_hash(session: Session, job_id: uuid.UUID) -> str:
    return content_hash(repair_slip_content(repair_slip_for(session, job_id)))


def pickup_receipt_hash(session: Session, receipt_id: uuid.UUID) -> str:
    return content_hash(pickup_receipt_content(pickup_receipt_for(session, receipt_id)))


def return_receipt_hash(session: Session, receipt_id: uuid.UUID) -> str:
    return content_hash(return_receipt_content(return_receipt_for(session, receipt_id)))


def document_for(session: Session, kind: str, job_id: uuid.UUID) -> Any:
    """The data of a job's latest document of `kind` (repair-slip, pickup-receipt, return-receipt)."""
    if kind == "repair-slip":
        return repair_slip_for(session, job_id)
    if kind == "pickup-receipt":
        return pickup_receipt_for(session, build.latest_pickup_for_job(session, job_id))
    return return_receipt_for(session, build.latest_return_for_job(session, job_id))
