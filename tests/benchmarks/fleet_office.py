"""The fleet benchmark's office: N technicians, each with a signed-in device and a few jobs that
the device already holds, written in bulk into a migrated PostgreSQL database."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass, field

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker

from fieldtech.domain.enums import JobCategory, JobStatus
from fieldtech.models import Customer, CustomerItem, Job, Technician
from sync.server import migrate
from sync.server.db import make_engine
from sync.server.models import Device, Role, User
from sync.server.replication.capture import CLOCK_ID
from sync.server.replication.tables import DeviceJob, SyncClock
from sync.server.security import hash_password, token_hash
from tests.benchmarks.bench_sync import _log_existing_rows

SEEDED_AT = dt.datetime(2026, 11, 1, 8, tzinfo=dt.UTC)


@dataclass
class SimulatedLaptop:
    """What one simulated laptop knows: its token, its jobs, and where its pull stopped."""

    index: int
    technician_id: uuid.UUID
    token: str
    jobs: list[uuid.UUID]
    cursor: int = 0
    sequence: int = 0
    received: list[str] = field(default_factory=list)


def prepare(url: str, technicians: int, jobs_each: int) -> list[SimulatedLaptop]:
    """Migrate and fill the office; every device is signed in and holds its jobs already."""
    migrate.upgrade(url)
    engine = make_engine(url)
    fleet: list[SimulatedLaptop] = []
    try:
        password = hash_password("fleet password")  # one real Argon2 hash, salted once
        rows: dict[type, list[dict[str, object]]] = {
            m: [] for m in (Technician, User, Device, Customer, CustomerItem, Job, DeviceJob)
        }
        for n in range(technicians):
            tech_id = uuid.UUID(int=0x7EC0000000000000 << 64 | n)
            token = f"fleet-{n}-{uuid.uuid4().hex}"
            user_id, device_id = uuid.uuid4(), uuid.uuid4()
            rows[Technician].append(
                {"id": tech_id, "username": f"fleet{n:05d}", "display_name": f"Fleet {n}"}
            )
            rows[User].append(
                {
                    "id": user_id,
                    "username": f"fleet{n:05d}",
                    "role": Role.TECHNICIAN,
                    "password_hash": password,
                    "technician_id": tech_id,
                }
            )
            rows[Device].append(
                {
                    "id": device_id,
                    "user_id": user_id,
                    "name": f"laptop {n}",
                    "token_hash": token_hash(token),
                    "app_version": "1.0.0",
                }
            )
            jobs = []
            for k in range(jobs_each):
                customer_id, item_id, job_id = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
                number = n * jobs_each + k
                rows[Customer].append(
                    {
                        "id": customer_id,
                        "name": f"Customer {number}",
                        "phone": f"138{number:08d}",
                        "address": f"{number} Fleet Road",
                        "created_at": SEEDED_AT,
                        "updated_at": SEEDED_AT,
                    }
                )
                rows[CustomerItem].append(
                    {
                        "id": item_id,
                        "customer_id": customer_id,
                        "brand": "Acme",
                        "model": "WM-800",
                        "serial": hashlib.sha1(str(number).encode()).hexdigest()[:12],
                        "created_at": SEEDED_AT,
                        "updated_at": SEEDED_AT,
                    }
                )
                rows[Job].append(
                    {
                        "id": job_id,
                        "ticket_number": f"202001-{number:05d}",
                        "customer_id": customer_id,
                        "item_id": item_id,
                        "category": JobCategory.PRODUCT_FAULT,
                        "technician_id": tech_id,
                        "status": JobStatus.ON_SITE,
                        "created_at": SEEDED_AT,
                        "updated_at": SEEDED_AT,
                    }
                )
                rows[DeviceJob].append({"device_id": device_id, "job_id": job_id})
                jobs.append(job_id)
            fleet.append(SimulatedLaptop(n, tech_id, token, jobs))
        with sessionmaker(engine).begin() as session:
            for model in (Technician, User, Device, Customer, CustomerItem, Job, DeviceJob):
                for start in range(0, len(rows[model]), 2000):
                    session.execute(insert(model), rows[model][start : start + 2000])
        _log_existing_rows(sessionmaker(engine, expire_on_commit=False))
        head = current_head(sessionmaker(engine))
        for tech in fleet:
            tech.cursor = head
    finally:
        engine.dispose()
    return fleet


def current_head(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return int(session.scalar(select(SyncClock.value).where(SyncClock.id == CLOCK_ID)) or 0)
