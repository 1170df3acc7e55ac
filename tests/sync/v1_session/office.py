"""The office a recorded protocol-1 session starts from: fixed ids and times, so that recording and
replay begin from exactly the same state. Also the bytes of the photos and the signature the
laptop attached, rebuilt from their names (the recording stores only their hashes)."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

from sqlalchemy.orm import Session, sessionmaker

from fieldtech.domain.enums import JobCategory, JobStatus
from fieldtech.models import Customer, CustomerItem, Job, Technician
from sync.server.models import Role, User
from sync.server.security import hash_password
from sync.server.tickets import issue_ticket_number

NOW = dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.UTC)  # the office's clock during the session
USERNAME = "tech.v1"
PASSWORD = "recorded session password"
DEVICE_ID = uuid.UUID("5e55104e-0000-4000-8000-000000000001")
TECHNICIAN_ID = uuid.UUID("5e55104e-0000-4000-8000-0000000000a1")
CUSTOMER_ID = uuid.UUID("5e55104e-0000-4000-8000-0000000000c1")
ITEM_ID = uuid.UUID("5e55104e-0000-4000-8000-0000000000d1")
JOB_ID = uuid.UUID("5e55104e-0000-4000-8000-0000000000e1")
TICKET = "202611-001"


def seed(sessions: sessionmaker[Session]) -> None:
    """The technician's account and one job assigned to them, written through the office's own
    capture (so the change log and record stamps are what a live office would hold)."""
    with sessions.begin() as session:
        ticket = issue_ticket_number(session, NOW, "Asia/Shanghai")
        assert ticket == TICKET, ticket
        session.add(
            Technician(
                id=TECHNICIAN_ID,
                username=USERNAME,
                display_name="Chen Jing 陈静",
                created_at=NOW,
                updated_at=NOW,
            )
        )
        session.flush()
        session.add(
            User(
                username=USERNAME,
                role=Role.TECHNICIAN,
                password_hash=hash_password(PASSWORD),
                technician_id=TECHNICIAN_ID,
            )
        )
        session.add(
            Customer(
                id=CUSTOMER_ID,
                name="王芳",
                phone="+86 138 0000 0000",
                address="1 Road, Beijing",
                created_at=NOW,
                updated_at=NOW,
            )
        )
        session.flush()
        session.add(
            CustomerItem(
                id=ITEM_ID,
                customer_id=CUSTOMER_ID,
                brand="Acme",
                model="WM-800",
                serial="SN123",
                created_at=NOW,
                updated_at=NOW,
            )
        )
        session.flush()
        session.add(
            Job(
                id=JOB_ID,
                ticket_number=TICKET,
                customer_id=CUSTOMER_ID,
                item_id=ITEM_ID,
                category=JobCategory.PRODUCT_FAULT,
                fault_description="drum does not turn",
                technician_id=TECHNICIAN_ID,
                status=JobStatus.ASSIGNED,
                appointment_start=NOW + dt.timedelta(hours=1),
                appointment_end=NOW + dt.timedelta(hours=3),
                created_at=NOW,
                updated_at=NOW,
            )
        )


def blob(name: str, size: int) -> bytes:
    """Deterministic PNG-looking bytes: a PNG signature, then a SHA-256 stream of the name."""
    out = bytearray(b"\x89PNG\r\n\x1a\n")
    counter = 0
    while len(out) < size:
        out += hashlib.sha256(f"{name}:{counter}".encode()).digest()
        counter += 1
    return bytes(out[:size])


BLOBS = {"photo-drum": 300_000, "photo-extra": 5_000, "signature": 3_000}
"""The attachments of the session: two photos (the first spans two upload chunks) and the
customer's signature image."""
