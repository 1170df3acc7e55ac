"""The assignment board API: waiting jobs, technicians by day, clocks that go red, assigning."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any
from zoneinfo import ZoneInfo

from fastapi.testclient import TestClient
from sqlalchemy import select

from fieldtech.models import CalendarOverride, Job
from sync.server.models import AuditEntry, Role
from sync.server.replication.stamps import read as read_stamps
from sync.server.replication.tables import ChangeLogEntry, RecordMeta
from tests.sync.server.conftest import AddUser, intake, sign_in_device

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _job(client: TestClient, headers: dict[str, str], **overrides: object) -> dict[str, Any]:
    response = client.post("/api/v1/jobs", json=intake(**overrides), headers=headers)
    assert response.status_code == 201, response.text
    job: dict[str, Any] = response.json()
    return job


def _technician_id(client: TestClient, headers: dict[str, str]) -> str:
    technician_id: str = client.get("/api/v1/technicians", headers=headers).json()[0]["id"]
    return technician_id


def _backdate(client: TestClient, job_id: str, created_at: dt.datetime) -> None:
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        job = session.get(Job, uuid.UUID(job_id))
        job.created_at = created_at
        session.commit()


def _window(day: dt.date, start: int = 9, end: int = 11) -> dict[str, str]:
    return {
        "appointment_start": dt.datetime.combine(day, dt.time(start), SHANGHAI).isoformat(),
        "appointment_end": dt.datetime.combine(day, dt.time(end), SHANGHAI).isoformat(),
    }


def _clock(job: dict[str, Any], kind: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in job["clocks"] if c["kind"] == kind)
    return found


def test_new_job_waits_unassigned_with_running_clocks(
    client: TestClient, office: dict[str, str]
) -> None:
    job = _job(client, office)
    board = client.get("/api/v1/board", headers=office).json()
    assert [j["ticket_number"] for j in board["unassigned"]] == [job["ticket_number"]]
    shown = board["unassigned"][0]
    assert {c["kind"] for c in shown["clocks"]} == {"first_response", "triage"}
    assert _clock(shown, "triage")["state"] == "running"
    assert len(board["days"]) == 3
    assert board["timezone"] == "Asia/Shanghai"


def test_unanswered_call_goes_red_after_fifteen_working_minutes(
    client: TestClient, office: dict[str, str]
) -> None:
    job = _job(client, office)
    # Tuesday 10:00, answered by nobody: far past 15 working minutes and 24 hours.
    _backdate(client, job["id"], dt.datetime(2026, 11, 17, 10, 0, tzinfo=SHANGHAI))
    shown = client.get("/api/v1/board", headers=office).json()["unassigned"][0]
    first = _clock(shown, "first_response")
    assert first["state"] == "overdue"
    assert first["breached"]
    assert first["due_at"].startswith("2026-11-17T02:15:00")
    assert _clock(shown, "triage")["breached"]
    assert shown["breached"]


def test_assign_from_board_stops_first_response_and_files_job_under_technician_and_day(
    client: TestClient, office: dict[str, str], add_user: AddUser
) -> None:
    add_user("tech1", Role.TECHNICIAN)
    job = _job(client, office)
    technician = _technician_id(client, office)
    day = dt.datetime.now(SHANGHAI).date() + dt.timedelta(days=1)
    body = {"technician_id": technician, "expected_updated_at": job["updated_at"], **_window(day)}
    response = client.post(f"/api/v1/board/jobs/{job['id']}/assign", json=body, headers=office)
    assert response.status_code == 200, response.text
    assigned = response.json()
    assert assigned["status"] == "assigned"
    assert assigned["technician_name"] == "tech1"
    assert assigned["first_response_at"] is not None
    assert _clock(assigned, "first_response")["state"] == "met"
    assert _clock(assigned, "arrival")["state"] == "running"

    board = client.get("/api/v1/board", headers=office).json()
    assert board["unassigned"] == []
    cells = {(c["technician_id"], c["day"]): c["jobs"] for c in board["cells"]}
    assert [j["id"] for j in cells[(technician, day.isoformat())]] == [job["id"]]
    assert cells[(technician, (day - dt.timedelta(days=1)).isoformat())] == []


def test_reassign_keeps_first_response_and_moves_job_to_new_day(
    client: TestClient, office: dict[str, str], add_user: AddUser
) -> None:
    add_user("tech1", Role.TECHNICIAN)
    add_user("tech2", Role.TECHNICIAN)
    job = _job(client, office)
    technicians = client.get("/api/v1/technicians", headers=office).json()
    today = dt.datetime.now(SHANGHAI).date()
    first = client.post(
        f"/api/v1/board/jobs/{job['id']}/assign",
        json={
            "technician_id": technicians[0]["id"],
            "expected_updated_at": job["updated_at"],
            **_window(today),
        },
        headers=office,
    ).json()
    second = client.post(
        f"/api/v1/board/jobs/{job['id']}/assign",
        json={
            "technician_id": technicians[1]["id"],
            "expected_updated_at": first["updated_at"],
            **_window(today + dt.timedelta(days=2), 14, 16),
        },
        headers=office,
    )
    assert second.status_code == 200, second.text
    assert second.json()["technician_id"] == technicians[1]["id"]
    assert second.json()["first_response_at"] == first["first_response_at"]
    board = client.get("/api/v1/board", headers=office).json()
    placed = [(c["technician_id"], c["day"]) for c in board["cells"] if c["jobs"]]
    assert placed == [(technicians[1]["id"], (today + dt.timedelta(days=2)).isoformat())]


def test_assign_with_stale_version_is_409_saying_who_changed_it(
    client: TestClient, office: dict[str, str], add_user: AddUser
) -> None:
    add_user("tech1", Role.TECHNICIAN)
    job = _job(client, office)
    technician = _technician_id(client, office)
    day = dt.datetime.now(SHANGHAI).date()
    body = {"technician_id": technician, "expected_updated_at": job["updated_at"], **_window(day)}
    assert client.post(
        f"/api/v1/board/jobs/{job['id']}/assign", json=body, headers=office
    ).is_success
    again = client.post(
        f"/api/v1/board/jobs/{job['id']}/assign",
        json={**body, **_window(day, 13, 15)},
        headers=office,
    )
    assert again.status_code == 409
    answer = again.json()
    assert answer["changed_by"] == "office1"
    assert "technician_id" in answer["changes"]


def test_first_response_recorded_once_audited_and_captured_for_sync(
    client: TestClient, office: dict[str, str]
) -> None:
    job = _job(client, office)
    url = f"/api/v1/board/jobs/{job['id']}/first-response"
    response = client.post(url, json={"expected_updated_at": job["updated_at"]}, headers=office)
    assert response.status_code == 200, response.text
    answered = response.json()
    assert _clock(answered, "first_response")["state"] == "met"
    twice = client.post(url, json={"expected_updated_at": answered["updated_at"]}, headers=office)
    assert twice.status_code == 422
    assert "first_response_at" in twice.text
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity_id == uuid.UUID(job["id"]))
        ).all()
        assert "job.first_response" in actions
        logged = session.scalars(
            select(ChangeLogEntry.seq).where(ChangeLogEntry.record_id == uuid.UUID(job["id"]))
        ).all()
        meta = session.get(RecordMeta, uuid.UUID(job["id"]))
        assert meta is not None
        # The log keeps the job's latest entry: the first response, stamped after the intake.
        assert logged == [meta.version]
        assert read_stamps(meta.stamps).of("first_response_at") == (meta.version, "office")
        assert read_stamps(meta.stamps).of("ticket_number") != (meta.version, "office")


def test_board_bad_query_values_refused_naming_them(
    client: TestClient, office: dict[str, str]
) -> None:
    for query, field in (("days=0", "days"), ("days=15", "days"), ("start=2026-13-01", "start")):
        response = client.get(f"/api/v1/board?{query}", headers=office)
        assert response.status_code == 422, query
        assert field in response.text


def test_technician_cannot_read_the_board(client: TestClient, add_user: AddUser) -> None:
    add_user("tech1", Role.TECHNICIAN)
    headers = sign_in_device(client, "tech1")
    assert client.get("/api/v1/board", headers=headers).status_code == 403


def test_jobs_booked_on_other_days_stay_off_the_board(
    client: TestClient, office: dict[str, str], add_user: AddUser
) -> None:
    add_user("tech1", Role.TECHNICIAN)
    technician = _technician_id(client, office)
    far = _job(client, office)
    day = dt.datetime.now(SHANGHAI).date() + dt.timedelta(days=10)
    client.post(
        f"/api/v1/board/jobs/{far['id']}/assign",
        json={
            "technician_id": technician,
            "expected_updated_at": far["updated_at"],
            **_window(day),
        },
        headers=office,
    )
    assert not any(c["jobs"] for c in client.get("/api/v1/board", headers=office).json()["cells"])
    later = client.get(f"/api/v1/board?start={day.isoformat()}&days=1", headers=office).json()
    assert [len(c["jobs"]) for c in later["cells"]] == [1]


def test_company_day_off_moves_the_first_response_deadline(
    client: TestClient, office: dict[str, str]
) -> None:
    job = _job(client, office)
    # Wednesday 25 November 2026, 17:55: five working minutes left that day...
    _backdate(client, job["id"], dt.datetime(2026, 11, 25, 17, 55, tzinfo=SHANGHAI))
    due = _clock(
        client.get("/api/v1/board", headers=office).json()["unassigned"][0], "first_response"
    )
    assert due["due_at"].startswith("2026-11-26T01:10:00")  # Thursday 09:10
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        session.add(CalendarOverride(day=dt.date(2026, 11, 26), working=False, note="outing"))
        session.commit()
    moved = _clock(
        client.get("/api/v1/board", headers=office).json()["unassigned"][0], "first_response"
    )
    assert moved["due_at"].startswith("2026-11-27T01:10:00")  # ...so Friday 09:10
