"""Editing jobs: assignment, the version precondition, the 409 that says who changed what."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from sync.server.models import Role
from tests.sync.server.conftest import AddUser, intake, sign_in_device

WINDOW = {
    "appointment_start": "2026-12-01T09:00:00+08:00",
    "appointment_end": "2026-12-01T11:00:00+08:00",
}


def _job(client: TestClient, headers: dict[str, str], **overrides: object) -> dict[str, Any]:
    response = client.post("/api/v1/jobs", json=intake(**overrides), headers=headers)
    assert response.status_code == 201, response.text
    job: dict[str, Any] = response.json()
    return job


def _technician_id(client: TestClient, headers: dict[str, str]) -> str:
    technician_id: str = client.get("/api/v1/technicians", headers=headers).json()[0]["id"]
    return technician_id


def test_assign_sets_technician_window_and_status(
    client: TestClient, office: dict[str, str], add_user: AddUser
) -> None:
    add_user("tech1", Role.TECHNICIAN)
    job = _job(client, office)
    body = {
        "technician_id": _technician_id(client, office),
        "expected_updated_at": job["updated_at"],
        **WINDOW,
    }
    response = client.post(f"/api/v1/jobs/{job['id']}/assign", json=body, headers=office)
    assert response.status_code == 200, response.text
    assigned = response.json()
    assert assigned["status"] == "assigned"
    assert assigned["technician_name"] == "tech1"
    assert assigned["appointment_start"].startswith("2026-12-01T01:00:00")


def test_assign_window_ending_before_start_refused(
    client: TestClient, office: dict[str, str], add_user: AddUser
) -> None:
    add_user("tech1", Role.TECHNICIAN)
    job = _job(client, office)
    body = {
        "technician_id": _technician_id(client, office),
        "expected_updated_at": job["updated_at"],
        "appointment_start": WINDOW["appointment_end"],
        "appointment_end": WINDOW["appointment_start"],
    }
    response = client.post(f"/api/v1/jobs/{job['id']}/assign", json=body, headers=office)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "appointment_end"]


def test_assign_naive_or_far_future_time_refused(
    client: TestClient, office: dict[str, str], add_user: AddUser
) -> None:
    add_user("tech1", Role.TECHNICIAN)
    job = _job(client, office)
    base = {
        "technician_id": _technician_id(client, office),
        "expected_updated_at": job["updated_at"],
    }
    naive = {**base, **WINDOW, "appointment_start": "2026-12-01T09:00:00"}
    far = {**base, **WINDOW, "appointment_end": "2300-01-01T00:00:00Z"}
    for body, field in ((naive, "appointment_start"), (far, "appointment_end")):
        response = client.post(f"/api/v1/jobs/{job['id']}/assign", json=body, headers=office)
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["body", field]


def test_stale_edit_answers_409_naming_who_and_what_changed_nothing_saved(
    client: TestClient, office: dict[str, str], add_user: AddUser
) -> None:
    add_user("office2")
    other = sign_in_device(client, "office2", name="back office")
    job = _job(client, office)
    read_at = job["updated_at"]
    first = {"expected_updated_at": read_at, "urgency": "urgent", "preferred_time": "after 5pm"}
    assert client.patch(f"/api/v1/jobs/{job['id']}", json=first, headers=other).status_code == 200
    stale = {"expected_updated_at": read_at, "fault_description": "also leaks"}
    response = client.patch(f"/api/v1/jobs/{job['id']}", json=stale, headers=office)
    assert response.status_code == 409
    conflict = response.json()
    assert conflict["changed_by"] == "office2"
    assert "changed by office2 at" in conflict["detail"]
    assert conflict["changes"] == {
        "urgency": ["normal", "urgent"],
        "preferred_time": ["weekday mornings", "after 5pm"],
    }
    assert conflict["current"]["urgency"] == "urgent"
    detail = client.get(f"/api/v1/jobs/{job['id']}", headers=office).json()
    assert detail["job"]["fault_description"] == "drum does not turn"


def test_edit_with_current_version_saves_and_advances_version(
    client: TestClient, office: dict[str, str]
) -> None:
    job = _job(client, office)
    body = {"expected_updated_at": job["updated_at"], "fault_description": "also leaks"}
    edited = client.patch(f"/api/v1/jobs/{job['id']}", json=body, headers=office).json()
    assert edited["fault_description"] == "also leaks"
    assert edited["updated_at"] > job["updated_at"]
    again = {"expected_updated_at": edited["updated_at"], "urgency": "major"}
    assert client.patch(f"/api/v1/jobs/{job['id']}", json=again, headers=office).status_code == 200


def test_edit_status_move_not_allowed_refused_with_allowed_moves(
    client: TestClient, office: dict[str, str]
) -> None:
    job = _job(client, office)
    body = {"expected_updated_at": job["updated_at"], "status": "signed"}
    response = client.patch(f"/api/v1/jobs/{job['id']}", json=body, headers=office)
    assert response.status_code == 409
    assert response.json()["code"] == "bad_transition"


def test_edit_null_for_required_field_refused_naming_it(
    client: TestClient, office: dict[str, str]
) -> None:
    job = _job(client, office)
    body = {"expected_updated_at": job["updated_at"], "urgency": None}
    response = client.patch(f"/api/v1/jobs/{job['id']}", json=body, headers=office)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "urgency"]


def test_edit_without_precondition_refused_422(client: TestClient, office: dict[str, str]) -> None:
    job = _job(client, office)
    response = client.patch(f"/api/v1/jobs/{job['id']}", json={"urgency": "urgent"}, headers=office)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "expected_updated_at"]


def test_edits_are_audited_with_old_and_new_values(
    client: TestClient, office: dict[str, str]
) -> None:
    job = _job(client, office)
    body = {"expected_updated_at": job["updated_at"], "urgency": "urgent"}
    client.patch(f"/api/v1/jobs/{job['id']}", json=body, headers=office)
    audit = client.get(f"/api/v1/jobs/{job['id']}", headers=office).json()["audit"]
    assert audit[-1]["action"] == "job.update"
    assert audit[-1]["changes"] == {"urgency": ["normal", "urgent"]}


def test_edit_unknown_job_answers_404(client: TestClient, office: dict[str, str]) -> None:
    body = {"expected_updated_at": "2026-01-01T00:00:00Z", "urgency": "urgent"}
    response = client.patch(
        "/api/v1/jobs/00000000-0000-4000-8000-000000000000", json=body, headers=office
    )
    assert response.status_code == 404
