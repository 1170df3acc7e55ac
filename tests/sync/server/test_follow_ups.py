"""Follow-up calls: the call list 7 and 30 days after the visit, ratings, escalation."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from fieldtech.models import utcnow
from sync.server.models import AuditEntry, Role
from tests.sync.server.conftest import AddUser, intake, sign_in_device
from tests.sync.server.factories import db, visit


def _job(client: TestClient, headers: dict[str, str], **overrides: object) -> dict[str, Any]:
    response = client.post("/api/v1/jobs", json=intake(**overrides), headers=headers)
    assert response.status_code == 201, response.text
    job: dict[str, Any] = response.json()
    return job


def _due(client: TestClient, headers: dict[str, str], **params: str) -> dict[str, Any]:
    response = client.get("/api/v1/follow-ups/due", params=params, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_call_due_seven_days_after_visit_not_before(
    client: TestClient, office: dict[str, str]
) -> None:
    job = _job(client, office)
    # Visited 2026-11-02 at 10:00 in the office's zone (Asia/Shanghai): the call is due 11-09.
    visit(client, job["id"], dt.datetime(2026, 11, 2, 2, 0, tzinfo=dt.UTC))
    assert _due(client, office, due_by="2026-11-08")["total"] == 0
    calls = _due(client, office, due_by="2026-11-09")
    assert calls["total"] == 1
    call = calls["items"][0]
    assert (call["ticket_number"], call["kind"]) == (job["ticket_number"], "satisfaction")
    assert call["due_date"] == "2026-11-09"
    assert call["customer_phone"] == "+86 138 0000 0000"


def test_call_due_date_follows_office_day_not_utc(
    client: TestClient, office: dict[str, str]
) -> None:
    job = _job(client, office)
    # 17:30 UTC on 11-02 is already 01:30 on 11-03 in Shanghai: due 11-10.
    visit(client, job["id"], dt.datetime(2026, 11, 2, 16, 30, tzinfo=dt.UTC))
    assert _due(client, office, due_by="2026-11-09")["total"] == 0
    assert _due(client, office, due_by="2026-11-10")["items"][0]["due_date"] == "2026-11-10"


def test_major_case_gets_a_second_call_after_thirty_days(
    client: TestClient, office: dict[str, str]
) -> None:
    major = _job(client, office, urgency="major")
    normal = _job(client, office)
    when = dt.datetime(2026, 10, 1, 2, 0, tzinfo=dt.UTC)
    visit(client, major["id"], when)
    visit(client, normal["id"], when)
    at_seven = _due(client, office, due_by="2026-10-08")
    assert sorted(c["kind"] for c in at_seven["items"]) == ["satisfaction", "satisfaction"]
    at_thirty = _due(client, office, due_by="2026-10-31")
    kinds = sorted((c["ticket_number"], c["kind"]) for c in at_thirty["items"])
    assert (major["ticket_number"], "major_case") in kinds
    assert (normal["ticket_number"], "major_case") not in kinds


def test_recorded_call_leaves_the_list_and_good_rating_is_not_escalated(
    client: TestClient, office: dict[str, str]
) -> None:
    job = _job(client, office)
    visit(client, job["id"], utcnow() - dt.timedelta(days=8))
    assert _due(client, office)["total"] == 1
    body = {"job_id": job["id"], "rating": 5, "notes": "very happy <script>x</script>"}
    response = client.post("/api/v1/follow-ups", json=body, headers=office)
    assert response.status_code == 201, response.text
    saved = response.json()
    assert (saved["rating"], saved["escalated"], saved["escalation_deadline"]) == (5, False, None)
    assert _due(client, office)["total"] == 0
    again = client.post("/api/v1/follow-ups", json=body, headers=office)
    assert again.status_code == 422
    assert again.json()["detail"][0]["loc"] == ["body", "kind"]


def test_rating_three_or_less_escalates_with_same_day_deadline(
    client: TestClient, office: dict[str, str]
) -> None:
    job = _job(client, office)
    visit(client, job["id"], utcnow() - dt.timedelta(days=7))
    body = {"job_id": job["id"], "rating": 3, "notes": "technician was late"}
    saved = client.post("/api/v1/follow-ups", json=body, headers=office).json()
    assert saved["escalated"] is True
    deadline = dt.datetime.fromisoformat(saved["escalation_deadline"])
    called = dt.datetime.fromisoformat(saved["called_at"])
    shanghai = dt.timezone(dt.timedelta(hours=8))
    assert deadline.astimezone(shanghai).date() == called.astimezone(shanghai).date()
    assert deadline.astimezone(shanghai).time() == dt.time(23, 59, 59)
    queue = client.get("/api/v1/follow-ups/escalated", headers=office).json()
    assert [entry["id"] for entry in queue] == [saved["id"]]
    with db(client) as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity_id == uuid.UUID(saved["id"]))
        ).all()
    assert actions == ["follow_up.record"]


def test_only_a_supervisor_resolves_an_escalation(
    client: TestClient, office: dict[str, str], add_user: AddUser
) -> None:
    job = _job(client, office)
    visit(client, job["id"], utcnow() - dt.timedelta(days=9))
    body = {"job_id": job["id"], "rating": 1}
    saved = client.post("/api/v1/follow-ups", json=body, headers=office).json()
    resolve = f"/api/v1/follow-ups/{saved['id']}/resolve"
    note = {"note": "called the customer, free revisit booked"}
    assert client.post(resolve, json=note, headers=office).status_code == 403
    add_user("boss", Role.SUPERVISOR)
    boss = sign_in_device(client, "boss", name="supervisor desk")
    response = client.post(resolve, json=note, headers=boss)
    assert response.status_code == 200, response.text
    assert response.json()["escalated"] is False
    assert "free revisit booked" in response.json()["notes"]
    assert client.get("/api/v1/follow-ups/escalated", headers=office).json() == []
    assert client.post(resolve, json=note, headers=boss).status_code == 422


def test_bad_follow_up_input_refused_naming_the_field(
    client: TestClient, office: dict[str, str]
) -> None:
    job = _job(client, office)
    cases = [
        ({"job_id": job["id"], "rating": 6}, "rating"),
        ({"job_id": job["id"], "rating": 0}, "rating"),
        ({"job_id": job["id"], "rating": "five"}, "rating"),
        ({"job_id": job["id"], "rating": 4, "colour": "red"}, "colour"),
        ({"job_id": job["id"], "rating": 4}, "job_id"),  # no visit yet
        ({"job_id": job["id"], "rating": 4, "kind": "major_case"}, "kind"),
        ({"job_id": "00000000-0000-4000-8000-000000000000", "rating": 4}, "job_id"),
    ]
    for body, field in cases:
        response = client.post("/api/v1/follow-ups", json=body, headers=office)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["detail"][0]["loc"][-1] == field, (body, response.text)
    refused = client.get("/api/v1/follow-ups/due?due_by=1900-01-01", headers=office)
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"][-1] == "due_by"


def test_technician_cannot_read_the_call_list(
    client: TestClient, office: dict[str, str], add_user: AddUser
) -> None:
    add_user("tech1", Role.TECHNICIAN)
    technician = sign_in_device(client, "tech1")
    assert client.get("/api/v1/follow-ups/due", headers=technician).status_code == 403


def test_call_lapses_thirty_days_after_its_due_date(
    client: TestClient, office: dict[str, str]
) -> None:
    job = _job(client, office)
    visit(client, job["id"], dt.datetime(2026, 9, 1, 2, 0, tzinfo=dt.UTC))  # due 09-08
    assert _due(client, office, due_by="2026-10-08")["items"][0]["overdue"] is True
    assert _due(client, office, due_by="2026-10-09")["total"] == 0


def test_later_visit_moves_the_call_after_it(client: TestClient, office: dict[str, str]) -> None:
    job = _job(client, office)
    visit(client, job["id"], dt.datetime(2026, 11, 2, 2, 0, tzinfo=dt.UTC))
    visit(client, job["id"], dt.datetime(2026, 11, 5, 2, 0, tzinfo=dt.UTC))
    assert _due(client, office, due_by="2026-11-11")["total"] == 0
    calls = _due(client, office, due_by="2026-11-12")
    assert [call["due_date"] for call in calls["items"]] == ["2026-11-12"]
