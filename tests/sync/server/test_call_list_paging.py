"""The call list read a few visits at a time: order, pages and the capped count stay right."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient

from fieldtech.domain.enums import FollowUpKind, JobStatus
from fieldtech.models import FollowUp, Visit
from sync.server import follow_ups
from tests.sync.server.conftest import intake
from tests.sync.server.factories import add, edit_job, visit

DUE_BY = "2026-11-20"


def _job(client: TestClient, headers: dict[str, str], **overrides: object) -> dict[str, Any]:
    response = client.post("/api/v1/jobs", json=intake(**overrides), headers=headers)
    assert response.status_code == 201, response.text
    job: dict[str, Any] = response.json()
    return job


def _due(client: TestClient, headers: dict[str, str], page: int, size: int) -> dict[str, Any]:
    params = {"due_by": DUE_BY, "page": str(page), "page_size": str(size)}
    response = client.get("/api/v1/follow-ups/due", params=params, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.fixture
def small_rounds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two visits a round and a count that stops at four, so a handful of jobs crosses both."""
    monkeypatch.setattr(follow_ups, "CHUNK", 2)
    monkeypatch.setattr(follow_ups, "COUNT_CAP", 4)


def test_calls_in_rounds_keep_order_skip_done_and_cap_the_count(
    client: TestClient, office: dict[str, str], small_rounds: None
) -> None:
    start = dt.datetime(2026, 11, 1, 2, 0, tzinfo=dt.UTC)
    jobs = [_job(client, office) for _ in range(6)]
    for number, job in enumerate(jobs):
        visit(client, job["id"], start + dt.timedelta(hours=number))
    # Two visits at the very same time: both jobs are listed, once each, in job id order.
    twin = _job(client, office)
    visit(client, twin["id"], start + dt.timedelta(hours=2))
    visit(client, twin["id"], start + dt.timedelta(hours=2))
    # Skipped: a cancelled job, a call already made, a job visited again after the window.
    edit_job(client, jobs[1]["id"], status=JobStatus.CANCELLED)
    called = FollowUp(
        job_id=uuid.UUID(jobs[3]["id"]),
        kind=FollowUpKind.SATISFACTION,
        due_date=dt.date(2026, 11, 8),
        called_at=start + dt.timedelta(days=7),
        rating=5,
    )
    later = Visit(
        job_id=uuid.UUID(jobs[4]["id"]),
        arrived_at=dt.datetime(2026, 11, 19, 2, 0, tzinfo=dt.UTC),
    )
    add(client, called, later)
    listed = [jobs[0], jobs[2], twin, jobs[5]]
    third = sorted([jobs[2], twin], key=lambda job: uuid.UUID(job["id"]))
    expected = [jobs[0]["ticket_number"], *(j["ticket_number"] for j in third)]
    expected.append(jobs[5]["ticket_number"])

    first = _due(client, office, page=1, size=3)
    assert [c["ticket_number"] for c in first["items"]] == expected[:3]
    assert (first["total"], first["total_is_lower_bound"]) == (len(listed), False)
    second = _due(client, office, page=2, size=3)
    assert [c["ticket_number"] for c in second["items"]] == expected[3:]

    for extra in range(2):
        more = _job(client, office)
        visit(client, more["id"], start + dt.timedelta(hours=10 + extra))
    capped = _due(client, office, page=1, size=3)
    assert (capped["total"], capped["total_is_lower_bound"]) == (5, True)
    assert [c["ticket_number"] for c in capped["items"]] == expected[:3]
    deep = _due(client, office, page=3, size=2)
    assert len(deep["items"]) == 2, "pages past the count are still served"
