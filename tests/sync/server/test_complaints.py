"""Complaints: routed by concern with owner, deadline and promised reply; filters; status."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from sync.server.models import AuditEntry
from tests.sync.server.conftest import intake
from tests.sync.server.factories import db


def _job(client: TestClient, headers: dict[str, str]) -> dict[str, Any]:
    response = client.post("/api/v1/jobs", json=intake(), headers=headers)
    assert response.status_code == 201, response.text
    job: dict[str, Any] = response.json()
    return job


def _complain(
    client: TestClient, headers: dict[str, str], job: dict[str, Any], **overrides: object
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "job_id": job["id"],
        "concern": "packaging",
        "owner": "Zhang Min",
        "description": "box arrived crushed",
    }
    body.update(overrides)
    response = client.post("/api/v1/complaints", json=body, headers=headers)
    assert response.status_code == 201, response.text
    complaint: dict[str, Any] = response.json()
    return complaint


@pytest.mark.parametrize(
    ("concern", "route", "days"),
    [
        ("product_quality", "quality_control", 3),
        ("product_function", "quality_control", 3),
        ("packaging", "warehouse", 2),
        ("staff_attitude", "sales_management", 1),
        ("staff_negligence", "sales_management", 1),
    ],
)
def test_complaint_routed_by_concern_with_route_deadline_and_reply_promise(
    client: TestClient, office: dict[str, str], concern: str, route: str, days: int
) -> None:
    job = _job(client, office)
    before = dt.datetime.now(dt.UTC)
    complaint = _complain(client, office, job, concern=concern)
    assert complaint["route"] == route
    assert complaint["status"] == "open"
    assert complaint["ticket_number"] == job["ticket_number"]
    assert complaint["customer_id"] == job["customer"]["id"]
    deadline = dt.datetime.fromisoformat(complaint["deadline"]) - before
    promised = dt.datetime.fromisoformat(complaint["promised_reply_at"]) - before
    assert dt.timedelta(days=days) <= deadline < dt.timedelta(days=days, minutes=1)
    assert dt.timedelta(hours=24) <= promised < dt.timedelta(hours=24, minutes=1)


def test_complaint_without_job_needs_a_customer_on_file(
    client: TestClient, office: dict[str, str]
) -> None:
    job = _job(client, office)
    body = {"concern": "staff_attitude", "owner": "Sales lead", "description": "rude on phone"}
    response = client.post("/api/v1/complaints", json=body, headers=office)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "customer_id"
    body["customer_id"] = job["customer"]["id"]
    response = client.post("/api/v1/complaints", json=body, headers=office)
    assert response.status_code == 201, response.text
    assert (response.json()["job_id"], response.json()["ticket_number"]) == (None, "")


def test_bad_complaint_input_refused_naming_the_field(
    client: TestClient, office: dict[str, str]
) -> None:
    job = _job(client, office)
    good = {"job_id": job["id"], "concern": "packaging", "owner": "Zhang", "description": "x"}
    past = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).isoformat()
    cases = [
        ({**good, "concern": "weather"}, "concern"),
        ({**good, "owner": ""}, "owner"),
        ({**good, "description": ""}, "description"),
        ({**good, "deadline": past}, "deadline"),
        ({**good, "deadline": "2026-12-01T10:00:00"}, "deadline"),  # no time zone
        ({**good, "promised_reply_at": past}, "promised_reply_at"),
        ({**good, "job_id": str(uuid.uuid4())}, "job_id"),
        ({**good, "customer_id": str(uuid.uuid4())}, "customer_id"),
        ({**good, "route": "warehouse"}, "route"),
    ]
    for body, field in cases:
        response = client.post("/api/v1/complaints", json=body, headers=office)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["detail"][0]["loc"][-1] == field, (body, response.text)
    listed = client.get("/api/v1/complaints", headers=office).json()
    assert listed["total"] == 0


def test_complaints_filtered_by_route_status_and_overdue(
    client: TestClient, office: dict[str, str]
) -> None:
    job = _job(client, office)
    soon = (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=2)).isoformat()
    crushed = _complain(client, office, job, deadline=soon)
    broken = _complain(client, office, job, concern="product_quality", description="cracked")
    rude = _complain(client, office, job, concern="staff_attitude", description="rude")

    def codes(**params: str) -> list[str]:
        response = client.get("/api/v1/complaints", params=params, headers=office)
        assert response.status_code == 200, response.text
        return sorted(item["description"] for item in response.json()["items"])

    assert codes(route="warehouse") == [crushed["description"]]
    assert codes(route="quality_control") == [broken["description"]]
    assert codes(concern="staff_attitude") == [rude["description"]]
    response = client.post(
        f"/api/v1/complaints/{rude['id']}/status",
        json={"status": "replied", "note": "apologised"},
        headers=office,
    )
    assert response.status_code == 200, response.text
    assert codes(status="replied") == ["rude"]
    assert codes(status="open") == sorted([crushed["description"], broken["description"]])
    with db(client) as session:
        from fieldtech.models import Complaint

        row = session.get(Complaint, uuid.UUID(crushed["id"]))
        assert row is not None
        row.deadline = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
        session.commit()
    assert codes(overdue="true") == [crushed["description"]]
    assert client.get(f"/api/v1/complaints/{crushed['id']}", headers=office).json()["overdue"]


def test_status_change_audited_and_same_status_refused(
    client: TestClient, office: dict[str, str]
) -> None:
    job = _job(client, office)
    complaint = _complain(client, office, job)
    url = f"/api/v1/complaints/{complaint['id']}/status"
    assert client.post(url, json={"status": "open"}, headers=office).status_code == 422
    assert client.post(url, json={"status": "closed"}, headers=office).status_code == 200
    assert client.post(url, json={"status": "lost"}, headers=office).status_code == 422
    missing = f"/api/v1/complaints/{uuid.uuid4()}/status"
    assert client.post(missing, json={"status": "closed"}, headers=office).status_code == 404
    with db(client) as session:
        rows = session.execute(
            select(AuditEntry.action, AuditEntry.changes).where(
                AuditEntry.entity_id == uuid.UUID(complaint["id"])
            )
        ).all()
    assert [row.action for row in rows] == ["complaint.record", "complaint.status"]
    assert rows[1].changes == {"status": ["open", "closed"]}


def test_text_with_nul_or_control_bytes_refused_naming_the_field(
    client: TestClient, office: dict[str, str]
) -> None:
    job = _job(client, office)
    body = {"job_id": job["id"], "concern": "packaging", "owner": "Zhang", "description": "a\x00b"}
    response = client.post("/api/v1/complaints", json=body, headers=office)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"][-1] == "description"
    visit_body = {"job_id": job["id"], "rating": 4, "notes": "fine\x00"}
    response = client.post("/api/v1/follow-ups", json=visit_body, headers=office)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"][-1] == "notes"
