"""Small builders of real rows for the store tests: a customer, their item and a job."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session, sessionmaker

from fieldtech.domain.enums import JobCategory
from fieldtech.models import Customer, CustomerItem, Job

CHINESE_NAME = "Zhang Wei 张伟"


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
        customer = Customer(name=name, phone=phone, address="18 Jianguo Road, Beijing")
        item = CustomerItem(customer=customer, brand="Haier", model=model, serial=serial)
        job = Job(
            ticket_number=ticket,
            customer=customer,
            item=item,
            category=JobCategory.PRODUCT_FAULT,
            fault_description="Washer stops mid-cycle with water left in the drum",
        )
        session.add(job)
        session.flush()
        return job.id


def add_jobs(sessions: sessionmaker[Session], tickets: Iterable[str]) -> None:
    for n, ticket in enumerate(tickets):
        add_job(sessions, ticket=ticket, name=f"Customer {n}", serial=f"SN-{n:06d}")


def count_jobs(connection: Connection | Session) -> int:
    return int(connection.execute(select(func.count()).select_from(Job)).scalar_one())
