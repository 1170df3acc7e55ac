"""Sync through the office's real HTTP app (SQLite and PostgreSQL): sign-in, identity, push and
pull of a house call, refusals in plain words, revocation and remote wipe."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from fieldtech.store.capture import install_capture
from fieldtech.store.engine import Store, open_store
from fieldtech.usecases.money import take_payment
from fieldtech.usecases.visit import record_arrival, record_diagnosis
from sync.client.engine import SyncEngine
from sync.client.errors import SyncState
from sync.client.http import COMPRESS_FROM, answer_of
from sync.server.models import Role
from tests.sync.server.conftest import AddUser, intake, sign_in_device

KEY = bytes(range(40, 72))


class ClientTransport:
    """The engine's transport over the in-process app: same JSON, same gzip, same error states."""

    def __init__(self, client: TestClient, headers: dict[str, str]) -> None:
        self.client = client
        self.headers = headers

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        data = json.dumps(body).encode()
        headers = {**self.headers, "Content-Type": "application/json"}
        if len(data) >= COMPRESS_FROM:
            data = gzip.compress(data)
            headers["Content-Encoding"] = "gzip"
        return answer_of(self.client.post(path, content=data, headers=headers))

    def put_bytes(self, path: str, data: bytes) -> dict[str, Any]:
        headers = {**self.headers, "Content-Type": "application/octet-stream"}
        return answer_of(self.client.put(path, content=data, headers=headers))

    def get_bytes(self, path: str) -> bytes | None:
        response = self.client.get(path, headers=self.headers)
        if response.status_code == 404:
            return None
        if response.status_code >= 400:
            answer_of(response)
        return response.content


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "store.db", KEY, on_sessionmaker=[install_capture]) as store:
        yield store


def assign_new_job(
    client: TestClient, office: dict[str, str], technician_id: str
) -> dict[str, Any]:
    created = client.post("/api/v1/jobs", json=intake(), headers=office)
    assert created.status_code == 201, created.text
    job = created.json()
    start = dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)
    assigned = client.post(
        f"/api/v1/jobs/{job['id']}/assign",
        json={
            "expected_updated_at": job["updated_at"],
            "technician_id": technician_id,
            "appointment_start": start.isoformat(),
            "appointment_end": (start + dt.timedelta(hours=2)).isoformat(),
        },
        headers=office,
    )
    assert assigned.status_code == 200, assigned.text
    return assigned.json()


def technician_engine(
    client: TestClient, add_user: AddUser, laptop: Store, device_id: uuid.UUID
) -> tuple[SyncEngine, str]:
    add_user("tech.li", Role.TECHNICIAN)
    headers = sign_in_device(client, "tech.li", device_id=device_id)
    me = client.get("/api/v1/devices/me", headers=headers)
    assert me.status_code == 200, me.text
    engine = SyncEngine(laptop.sessions, ClientTransport(client, headers))
    hello = engine.hello()
    return engine, str(hello.technician_id)


def test_house_call_travels_both_ways_over_http(
    client: TestClient, add_user: AddUser, office: dict[str, str], laptop: Store
) -> None:
    engine, technician_id = technician_engine(client, add_user, laptop, uuid.uuid4())
    job = assign_new_job(client, office, technician_id)
    report = engine.sync()
    assert report.ok, report.message
    job_id = uuid.UUID(job["id"])
    record_arrival(laptop.sessions, job_id)
    record_diagnosis(laptop.sessions, job_id, symptoms="Drum does not turn", fault_code="E21")
    take_payment(laptop.sessions, job_id, method="cash", amount="120.00")
    report = engine.sync()
    assert report.ok, report.message
    assert report.pushed >= 3
    assert report.rejected == 0
    detail = client.get(f"/api/v1/jobs/{job_id}", headers=office).json()
    assert detail["diagnoses"][0]["fault_code"] == "E21"
    assert detail["payments"][0]["amount"] in ("120.00", "120")


def test_sync_refuses_an_office_account_in_plain_words(
    client: TestClient, office: dict[str, str]
) -> None:
    body = {"protocol": 1, "cursor": 0}
    answer = client.post("/api/v1/sync/pull", json=body, headers=office)
    assert answer.status_code == 403
    assert "technician" in answer.json()["detail"]


def test_unknown_protocol_version_asks_for_an_update(
    client: TestClient, add_user: AddUser, laptop: Store
) -> None:
    add_user("tech.li", Role.TECHNICIAN)
    headers = sign_in_device(client, "tech.li")
    answer = client.post("/api/v1/sync/pull", json={"protocol": 99, "cursor": 0}, headers=headers)
    assert answer.status_code == 426
    assert "update the app" in answer.json()["detail"]


def test_malformed_push_is_refused_naming_the_field(client: TestClient, add_user: AddUser) -> None:
    add_user("tech.li", Role.TECHNICIAN)
    headers = sign_in_device(client, "tech.li")
    body = {"protocol": 1, "mutations": [{"mutation_id": "not-a-uuid"}], "surprise": 1}
    answer = client.post("/api/v1/sync/push", json=body, headers=headers)
    assert answer.status_code == 422
    fields = {tuple(item["loc"][-2:]) for item in answer.json()["detail"]}
    assert ("body", "surprise") in fields


def test_revoked_device_is_refused_and_told_to_wipe(
    client: TestClient, add_user: AddUser, office: dict[str, str], laptop: Store
) -> None:
    device_id = uuid.uuid4()
    engine, _ = technician_engine(client, add_user, laptop, device_id)
    assert engine.sync().ok
    add_user("boss", Role.SUPERVISOR)
    boss = sign_in_device(client, "boss", name="supervisor desk")
    assert client.post(f"/api/v1/devices/{device_id}/revoke", headers=boss).status_code == 200
    report = engine.sync()
    assert report.state == SyncState.REVOKED
    assert "revoked" in report.message
    assert client.post(f"/api/v1/devices/{device_id}/wipe", headers=boss).status_code == 200
    assert engine.sync().state == SyncState.WIPE_REQUESTED
