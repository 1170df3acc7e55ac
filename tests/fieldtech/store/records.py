"""Small builders of real rows for the store tests: a customer, their item and a job."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session, sessionmaker

from fieldtech.domain.enums import JobCategory
from fieldtech.models import Customer, CustomerItem, Job

CHINESE_NAME = "Zhang Wei 张伟"


def _job(ticket: str, name: str, phone: str, serial: str, model: str) -> Job:
    customer = Customer(name=name, phone=phone, address="18 Jianguo Road, Beijing")
    item = CustomerItem(customer=customer, brand="Haier", model=model, serial=serial)
    return Job(
        ticket_number=ticket,
        customer=customer,
        item=item,
        category=JobCategory.PRODUCT_FAULT,
        fault_description="Washer stops mid-cycle with water left in the drum",
    )


def add_job(
    sessions: sessionmaker[Session],
    *,
    ticket: str = "202611-001",
    name: str = CHINESE_NAME,
    phone: str = "138 0013 8000",
    serial: str = "SN-2024-000117",
    model: str = "WM-8000",
) -> uuid.UUID:
    """One committed job for a new customer and item; returns the job's id."""
    with sessions.begin() as session:
        job = _job(ticket, name, phone, serial, model)
        session.add(job)
        session.flush()
        return job.id


def add_jobs(sessions: sessionmaker[Session], tickets: Iterable[str]) -> None:
    """Many jobs in one transaction, each for its own customer and item."""
    with sessions.begin() as session:
        for n, ticket in enumerate(tickets):
            session.add(
                _job(ticket, f"Customer {n}", f"139 0000 {n:04d}", f"SN-{n:06d}", "WM-8000")
            )


def count_jobs(connection: Connection | Session) -> int:
    return int(connection.execute(select(func.count()).select_from(Job)).scalar_one())
