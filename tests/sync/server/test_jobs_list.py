"""The jobs list: search, filters, sorting, paging, CSV export, and who may see which job."""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from fieldtech.domain.enums import SignerRole
from fieldtech.models import Diagnosis, Job, PartUsed, Signature, Visit, utcnow
from sync.server.models import Role, User
from tests.sync.server.conftest import AddUser, intake, sign_in_device


def _seed(client: TestClient, headers: dict[str, str]) -> list[dict[str, Any]]:
    calls = [
        intake(
            customer={"name": "Alice Zhang", "phone": "111"}, category="complaint", sub_category=""
        ),
        intake(customer={"name": "Bob Li", "phone": "222"}, urgency="major"),
        intake(
            customer={"name": "Carol Wu", "phone": "333"}, item={"model": "FR-20", "serial": "X9"}
        ),
    ]
    return [client.post("/api/v1/jobs", json=c, headers=headers).json() for c in calls]


def _numbers(page: dict[str, Any]) -> list[str]:
    return [job["ticket_number"] for job in page["items"]]


def test_list_search_matches_name_phone_model_serial_ticket(
    client: TestClient, office: dict[str, str]
) -> None:
    jobs = _seed(client, office)
    for query, expected in (("bob", 1), ("333", 2), ("fr-20", 2), ("x9", 2), ("alice", 0)):
        page = client.get("/api/v1/jobs", params={"q": query}, headers=office).json()
        assert _numbers(page) == [jobs[expected]["ticket_number"]], query
    by_ticket = client.get("/api/v1/jobs", params={"q": jobs[1]["ticket_number"]}, headers=office)
    assert by_ticket.json()["total"] == 1


def test_list_search_percent_sign_is_literal(client: TestClient, office: dict[str, str]) -> None:
    _seed(client, office)
    assert client.get("/api/v1/jobs", params={"q": "%"}, headers=office).json()["total"] == 0


def test_list_filters_by_category_urgency_status(
    client: TestClient, office: dict[str, str]
) -> None:
    jobs = _seed(client, office)
    complaint = client.get("/api/v1/jobs", params={"category": "complaint"}, headers=office).json()
    assert _numbers(complaint) == [jobs[0]["ticket_number"]]
    major = client.get("/api/v1/jobs", params={"urgency": "major"}, headers=office).json()
    assert _numbers(major) == [jobs[1]["ticket_number"]]
    statuses = client.get(
        "/api/v1/jobs", params=[("status", "assigned"), ("status", "new")], headers=office
    ).json()
    assert statuses["total"] == 3


def test_list_sorts_and_pages_stably(client: TestClient, office: dict[str, str]) -> None:
    jobs = _seed(client, office)
    tickets = sorted(job["ticket_number"] for job in jobs)
    first = client.get(
        "/api/v1/jobs", params={"sort": "ticket_number", "page_size": 2}, headers=office
    ).json()
    second = client.get(
        "/api/v1/jobs", params={"sort": "ticket_number", "page_size": 2, "page": 2}, headers=office
    ).json()
    assert (first["total"], _numbers(first), _numbers(second)) == (3, tickets[:2], tickets[2:])
    newest = client.get("/api/v1/jobs", headers=office).json()
    assert _numbers(newest) == tickets[::-1]


def test_list_date_range_in_company_time_zone(client: TestClient, office: dict[str, str]) -> None:
    _seed(client, office)
    today = utcnow().astimezone().date().isoformat()
    inside = client.get(
        "/api/v1/jobs",
        params={"created_from": "2020-01-01", "created_to": "2099-12-31"},
        headers=office,
    ).json()
    before = client.get("/api/v1/jobs", params={"created_to": "2020-01-01"}, headers=office).json()
    assert (inside["total"], before["total"]) == (3, 0)
    backwards = client.get(
        "/api/v1/jobs", params={"created_from": today, "created_to": "2020-01-01"}, headers=office
    )
    assert backwards.status_code == 422
    assert backwards.json()["detail"][0]["loc"] == ["body", "created_to"]


def test_list_bad_query_values_refused_naming_them(
    client: TestClient, office: dict[str, str]
) -> None:
    for params, name in (
        ({"status": "lost"}, "status"),
        ({"page_size": 500}, "page_size"),
        ({"sort": "password"}, "sort"),
        ({"created_from": "2026-13-01"}, "created_from"),
    ):
        response = client.get("/api/v1/jobs", params=params, headers=office)
        assert response.status_code == 422, params
        location = response.json()["detail"][0]["loc"]
        assert location[:2] == ["query", name]


def test_csv_export_has_header_rows_and_disarms_formulas(
    client: TestClient, office: dict[str, str]
) -> None:
    _seed(client, office)
    client.post("/api/v1/jobs", json=intake(customer={"name": "=HYPERLINK(1)"}), headers=office)
    response = client.get(
        "/api/v1/jobs/export.csv", params={"sort": "ticket_number"}, headers=office
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["ticket_number", "status", "urgency"]
    assert [row[6] for row in rows[1:]] == ["Alice Zhang", "Bob Li", "Carol Wu", "'=HYPERLINK(1)"]


def test_technician_sees_only_assigned_jobs(
    client: TestClient, office: dict[str, str], add_user: AddUser
) -> None:
    add_user("tech1", Role.TECHNICIAN)
    jobs = _seed(client, office)
    technician_id = client.get("/api/v1/technicians", headers=office).json()[0]["id"]
    body = {
        "technician_id": technician_id,
        "expected_updated_at": jobs[2]["updated_at"],
        "appointment_start": "2026-12-01T09:00:00+08:00",
        "appointment_end": "2026-12-01T10:00:00+08:00",
    }
    client.post(f"/api/v1/jobs/{jobs[2]['id']}/assign", json=body, headers=office)
    tech = sign_in_device(client, "tech1")
    assert _numbers(client.get("/api/v1/jobs", headers=tech).json()) == [jobs[2]["ticket_number"]]
    assert client.get(f"/api/v1/jobs/{jobs[0]['id']}", headers=tech).status_code == 404
    assert client.get(f"/api/v1/jobs/{jobs[2]['id']}", headers=tech).status_code == 200
    assert client.get("/api/v1/jobs/export.csv", headers=tech).status_code == 403


def test_job_detail_shows_what_the_technician_captured(
    client: TestClient, office: dict[str, str]
) -> None:
    job = _seed(client, office)[0]
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        row = session.scalars(select(Job).where(Job.ticket_number == job["ticket_number"])).one()
        visit = Visit(job_id=row.id, arrived_at=utcnow())
        session.add(visit)
        session.flush()
        session.add_all(
            [
                Diagnosis(job_id=row.id, visit_id=visit.id, symptoms="noise", fault_code="E21"),
                PartUsed(job_id=row.id, part_number="BRG-6203", quantity=2),
                Signature(
                    job_id=row.id,
                    document_kind="repair_slip",
                    subject_id=row.id,
                    signer_role=SignerRole.CUSTOMER,
                    printed_name="Alice Zhang",
                    content_hash="ab" * 32,
                ),
            ]
        )
        session.commit()
    detail = client.get(f"/api/v1/jobs/{job['id']}", headers=office).json()
    assert detail["diagnoses"][0]["fault_code"] == "E21"
    assert detail["parts"][0]["quantity"] == 2
    assert detail["signatures"][0]["printed_name"] == "Alice Zhang"
    assert len(detail["visits"]) == 1
    assert detail["conflicts"] == []


def test_technician_account_without_record_sees_no_unassigned_job(
    client: TestClient, office: dict[str, str], add_user: AddUser
) -> None:
    add_user("tech1", Role.TECHNICIAN)
    _seed(client, office)
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        session.scalars(select(User).where(User.username == "tech1")).one().technician_id = None
        session.commit()
    tech = sign_in_device(client, "tech1")
    assert client.get("/api/v1/jobs", headers=tech).json()["total"] == 0
