"""Intake: a saved call gets the next ticket number; bad input is refused naming the field."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from fieldtech.models import Customer, Job
from sync.server.models import Role
from tests.sync.server.conftest import AddUser, intake, sign_in_device


def _count(client: TestClient, model: type) -> int:
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_create_job_issues_ticket_numbers_in_order(
    client: TestClient, office: dict[str, str]
) -> None:
    month = dt.datetime.now(ZoneInfo("Asia/Shanghai")).strftime("%Y%m")
    numbers = [
        client.post("/api/v1/jobs", json=intake(), headers=office).json()["ticket_number"]
        for _ in range(3)
    ]
    assert numbers == [f"{month}-001", f"{month}-002", f"{month}-003"]


def test_create_job_stores_everything_captured(client: TestClient, office: dict[str, str]) -> None:
    response = client.post("/api/v1/jobs", json=intake(), headers=office)
    assert response.status_code == 201
    job = response.json()
    assert re.fullmatch(r"\d{6}-\d{3}", job["ticket_number"])
    assert job["status"] == "new"
    assert job["customer"]["name"] == "王芳"
    assert job["item"]["serial"] == "SN123"
    assert job["item"]["purchase_date"] == "2025-03-01"
    assert job["preferred_time"] == "weekday mornings"
    assert job["needs_supervisor"] is False


def test_major_urgency_lands_in_supervisor_queue(
    client: TestClient, office: dict[str, str]
) -> None:
    client.post("/api/v1/jobs", json=intake(), headers=office)
    major = client.post("/api/v1/jobs", json=intake(urgency="major"), headers=office).json()
    assert major["needs_supervisor"] is True
    queue = client.get("/api/v1/jobs/supervisor-queue", headers=office).json()
    assert [job["id"] for job in queue] == [major["id"]]


def test_create_job_existing_customer_reused(client: TestClient, office: dict[str, str]) -> None:
    first = client.post("/api/v1/jobs", json=intake(), headers=office).json()
    again = intake(customer={"id": first["customer"]["id"]}, item={"id": first["item"]["id"]})
    second = client.post("/api/v1/jobs", json=again, headers=office).json()
    assert second["customer"]["id"] == first["customer"]["id"]
    assert second["item"]["id"] == first["item"]["id"]
    assert _count(client, Customer) == 1


@pytest.mark.parametrize(
    ("overrides", "location"),
    [
        ({"colour": "red"}, ["body", "colour"]),
        ({"urgency": "whenever"}, ["body", "urgency"]),
        ({"category": 7}, ["body", "category"]),
        ({"item": {"purchase_date": "1850-01-01"}}, ["body", "item", "purchase_date"]),
        ({"item": {"purchase_date": "2999-01-01"}}, ["body", "item", "purchase_date"]),
        ({"item": {"purchase_date": "not a date"}}, ["body", "item", "purchase_date"]),
        ({"customer": {"name": "A", "phone": "<script>"}}, ["body", "customer", "phone"]),
        ({"customer": {"name": ""}}, ["body", "customer.name"]),
        ({"sub_category": "leak_in_space"}, ["body", "sub_category"]),
        ({"fault_description": "x" * 4001}, ["body", "fault_description"]),
    ],
)
def test_create_job_bad_field_refused_naming_it_nothing_stored(
    client: TestClient, office: dict[str, str], overrides: dict[str, object], location: list[str]
) -> None:
    response = client.post("/api/v1/jobs", json=intake(**overrides), headers=office)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == location
    assert _count(client, Job) == 0
    assert _count(client, Customer) == 0


def test_create_job_malformed_json_refused_422(client: TestClient, office: dict[str, str]) -> None:
    headers = {**office, "Content-Type": "application/json"}
    response = client.post("/api/v1/jobs", content=b'{"customer": ', headers=headers)
    assert response.status_code == 422
    assert _count(client, Job) == 0


def test_script_and_sql_text_stored_verbatim(client: TestClient, office: dict[str, str]) -> None:
    hostile = "<script>alert(1)</script>'; DROP TABLE jobs; --"
    body = intake(fault_description=hostile, customer={"name": hostile})
    job = client.post("/api/v1/jobs", json=body, headers=office).json()
    assert job["fault_description"] == hostile
    found = client.get("/api/v1/jobs", params={"q": "drop table"}, headers=office).json()
    assert found["total"] == 1


def test_create_job_same_client_id_twice_refused(
    client: TestClient, office: dict[str, str]
) -> None:
    job_id = str(uuid.uuid4())
    assert client.post("/api/v1/jobs", json=intake(id=job_id), headers=office).status_code == 201
    again = client.post("/api/v1/jobs", json=intake(id=job_id), headers=office)
    assert again.status_code == 422
    assert again.json()["detail"][0]["loc"] == ["body", "id"]
    assert _count(client, Job) == 1


def test_technician_creating_job_refused_403(client: TestClient, add_user: AddUser) -> None:
    add_user("tech1", Role.TECHNICIAN)
    headers = sign_in_device(client, "tech1")
    assert client.post("/api/v1/jobs", json=intake(), headers=headers).status_code == 403


def test_create_job_is_audited_with_ticket(client: TestClient, office: dict[str, str]) -> None:
    job = client.post("/api/v1/jobs", json=intake(), headers=office).json()
    audit = client.get(f"/api/v1/jobs/{job['id']}", headers=office).json()["audit"]
    assert [(a["action"], a["username"]) for a in audit] == [("job.create", "office1")]
    assert audit[0]["changes"]["ticket_number"] == job["ticket_number"]
    assert "front desk" in audit[0]["client"]


def test_customer_search_finds_caller_by_name_or_phone_digits(
    client: TestClient, office: dict[str, str]
) -> None:
    client.post("/api/v1/jobs", json=intake(), headers=office)
    other = intake(customer={"name": "Bob_Li", "phone": "021-555 0000"}, item=None)
    client.post("/api/v1/jobs", json=other, headers=office)
    by_name = client.get("/api/v1/customers", params={"q": "王"}, headers=office)
    assert by_name.status_code == 422  # one character is too little to search on
    by_phone = client.get("/api/v1/customers", params={"q": "1380000"}, headers=office).json()
    assert [found["customer"]["name"] for found in by_phone] == ["王芳"]
    assert by_phone[0]["items"][0]["serial"] == "SN123"
    wildcard = client.get("/api/v1/customers", params={"q": "o%l"}, headers=office).json()
    assert wildcard == []
    assert client.get("/api/v1/customers", params={"q": "bob_"}, headers=office).json()
