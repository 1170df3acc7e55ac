"""Two real `fieldtech-office serve` processes on one database behave as one office."""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from fieldtech.models import Job
from sync.server.cli import main
from sync.server.db import make_engine, make_sessionmaker
from sync.server.models import Role
from sync.server.process import OfficeProcess, office_process
from sync.server.users import create_user
from tests.sync.server.conftest import PASSWORD, PostgresDatabases, intake

CREATES_PER_WORKER = 25
EDITS_PER_WORKER = 25
WORKERS_PER_PROCESS = 2
MAX_RETRIES = 30


@pytest.fixture(params=[pytest.param("postgres", marks=pytest.mark.postgres), "sqlite"])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'office.sqlite3'}"
    databases: PostgresDatabases = request.getfixturevalue("postgres_databases")
    return databases.empty()


@pytest.fixture
def two_offices(fresh_url: str) -> Iterator[tuple[str, list[OfficeProcess]]]:
    assert main(["--database-url", fresh_url, "init"]) == 0
    engine = make_engine(fresh_url)
    with make_sessionmaker(engine)() as session:
        for name in ("clerk.a", "clerk.b"):
            create_user(session, name, Role.OFFICE, PASSWORD)
        session.commit()
    engine.dispose()
    with office_process(fresh_url) as first, office_process(fresh_url) as second:
        yield fresh_url, [first, second]


def _token(base_url: str, username: str) -> dict[str, str]:
    body = {
        "username": username,
        "password": PASSWORD,
        "device_id": str(uuid.uuid4()),
        "device_name": f"{username} desk",
    }
    response = httpx.post(f"{base_url}/api/v1/devices/signin", json=body, timeout=30)
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['token']}"}


def _creates(base_url: str, headers: dict[str, str]) -> list[str]:
    with httpx.Client(base_url=base_url, headers=headers, timeout=30) as client:
        numbers = []
        for _ in range(CREATES_PER_WORKER):
            response = client.post("/api/v1/jobs", json=intake())
            assert response.status_code == 201, response.text
            numbers.append(response.json()["ticket_number"])
        return numbers


def _edits(base_url: str, headers: dict[str, str], job_ids: list[str], tag: str) -> list[str]:
    """Appends a unique mark to a job's fault text by read-modify-write; retries on 409."""
    written = []
    with httpx.Client(base_url=base_url, headers=headers, timeout=30) as client:
        for i in range(EDITS_PER_WORKER):
            job_id = job_ids[i % len(job_ids)]
            mark = f"[{tag}-{i}]"
            for _ in range(MAX_RETRIES):
                job = client.get(f"/api/v1/jobs/{job_id}").json()["job"]
                body = {
                    "expected_updated_at": job["updated_at"],
                    "fault_description": job["fault_description"] + mark,
                }
                response = client.patch(f"/api/v1/jobs/{job_id}", json=body)
                if response.status_code == 200:
                    written.append(mark)
                    break
                assert response.status_code == 409, response.text
            else:
                pytest.fail(f"{mark} lost {MAX_RETRIES} races in a row")
    return written


@pytest.mark.slow
def test_two_processes_concurrent_intake_and_edits_no_duplicates_no_lost_update(
    two_offices: tuple[str, list[OfficeProcess]],
) -> None:
    url, processes = two_offices
    clerks = [
        _token(p.base_url, name) for p, name in zip(processes, ("clerk.a", "clerk.b"), strict=True)
    ]
    with httpx.Client(base_url=processes[0].base_url, headers=clerks[0], timeout=30) as client:
        shared = [client.post("/api/v1/jobs", json=intake()).json()["id"] for _ in range(3)]

    lanes = [
        (process.base_url, headers, f"{index}.{lane}")
        for index, (process, headers) in enumerate(zip(processes, clerks, strict=True))
        for lane in range(WORKERS_PER_PROCESS)
    ]
    start = threading.Barrier(len(lanes) * 2)

    def creates(base_url: str, headers: dict[str, str]) -> list[str]:
        start.wait(30)
        return _creates(base_url, headers)

    def edits(base_url: str, headers: dict[str, str], tag: str) -> list[str]:
        start.wait(30)
        return _edits(base_url, headers, shared, tag)

    with ThreadPoolExecutor(max_workers=len(lanes) * 2) as pool:
        created = [pool.submit(creates, base, headers) for base, headers, _ in lanes]
        edited = [pool.submit(edits, base, headers, tag) for base, headers, tag in lanes]
        numbers = [n for future in created for n in future.result(timeout=300)]
        marks = [m for future in edited for m in future.result(timeout=300)]

    assert len(numbers) == len(lanes) * CREATES_PER_WORKER
    assert [n for n, seen in Counter(numbers).items() if seen > 1] == []
    engine = make_engine(url)
    with make_sessionmaker(engine)() as session:
        stored = list(session.scalars(select(Job.ticket_number)))
        texts = " ".join(
            session.scalars(
                select(Job.fault_description).where(
                    Job.id.in_([uuid.UUID(job_id) for job_id in shared])
                )
            )
        )
    engine.dispose()
    running = sorted(int(number.split("-")[1]) for number in stored)
    assert running == list(range(1, len(stored) + 1)), "ticket numbers skip or repeat"
    assert len(marks) == len(lanes) * EDITS_PER_WORKER
    assert [mark for mark in marks if mark not in texts] == [], "an acknowledged edit was lost"
    assert texts.count("[") == len(marks), "an edit was applied twice"
