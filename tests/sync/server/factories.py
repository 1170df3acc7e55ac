"""Test data for the office's follow-ups, complaints and figures: jobs with what the field did."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from fieldtech.domain.enums import PaymentMethod
from fieldtech.models import Job, Technician, Visit

UTC = dt.UTC


def db(client: TestClient) -> Session:
    session: Session = client.app.state.sessionmaker()  # type: ignore[attr-defined]
    return session


def technician(client: TestClient, name: str = "Li Wei") -> uuid.UUID:
    with db(client) as session:
        row = Technician(username=f"t{uuid.uuid4().hex[:8]}", display_name=name)
        session.add(row)
        session.commit()
        return row.id


def edit_job(client: TestClient, job_id: str | uuid.UUID, **values: Any) -> None:
    """Sets fields the field or the clock would have set (created_at, first response, ...)."""
    with db(client) as session:
        job = session.get(Job, uuid.UUID(str(job_id)))
        assert job is not None
        for name, value in values.items():
            setattr(job, name, value)
        session.commit()


def visit(
    client: TestClient,
    job_id: str | uuid.UUID,
    arrived: dt.datetime,
    hours: float = 1.0,
    technician_id: uuid.UUID | None = None,
) -> None:
    with db(client) as session:
        session.add(
            Visit(
                job_id=uuid.UUID(str(job_id)),
                technician_id=technician_id,
                arrived_at=arrived,
                departed_at=arrived + dt.timedelta(hours=hours),
            )
        )
        session.commit()


def add(client: TestClient, *rows: Any) -> None:
    with db(client) as session:
        session.add_all(rows)
        session.commit()


def cash(amount: str, job_id: str, technician_id: uuid.UUID, at: dt.datetime) -> Any:
    from fieldtech.models import Payment

    return Payment(
        job_id=uuid.UUID(job_id),
        technician_id=technician_id,
        method=PaymentMethod.CASH,
        amount=Decimal(amount),
        taken_at=at,
    )
