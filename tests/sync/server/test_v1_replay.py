"""A session recorded from a protocol-1 laptop (tests/sync/v1_session) replays against the current
office, on SQLite and PostgreSQL, and gets the answers a protocol-1 laptop understands.

The recorded requests are sent as they were, except for what the office handed out during the
session and the laptop sent back: its token, the pull cursor and the jobs it acknowledges, which
follow the replayed answers as the laptop's engine would. Each answer must match the protocol-1
schema as it shipped (an unknown field would make a protocol-1 laptop refuse the message, so
additions must stay out of its answers) and carry the same essentials: the same mutations applied,
the same rows (more fields or later pages are fine), the same upload progress, and digests equal
to what the laptop now holds. Then the office must hold what the laptop did offline.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

import sync.server.replication.identity as identity
from fieldtech.models import (
    AdviceNote,
    Attachment,
    Diagnosis,
    Job,
    PartUsed,
    Payment,
    Signature,
    Visit,
)
from sync.server.replication.tables import AppliedMutation
from tests.sync.v1_session import office
from tests.sync.v1_session.schema_check import problems

FOLDER = Path(__file__).parents[1] / "v1_session"
SESSION: dict[str, Any] = json.loads((FOLDER / "session.json").read_text())
SCHEMAS: dict[str, dict[str, Any]] = json.loads((FOLDER / "v1_schemas.json").read_text())
V1_TABLES = {
    row["table"]
    for e in SESSION["exchanges"]
    for row in (e.get("response") or {}).get("rows", []) or []
}
ANSWERS = {
    "/api/v1/sync/hello": "HelloResponse",
    "/api/v1/sync/push": "PushResponse",
    "/api/v1/sync/pull": "PullResponse",
    "/api/v1/sync/resync": "ResyncResponse",
    "/api/v1/sync/attachments/status": "AttachmentStatusResponse",
}
# Stamped by the office's clock when it writes a record, not sent by the laptop; a record the
# office derives itself (a fault case from a signed job) has its creation time stamped too.
OFFICE_STAMPED = {"updated_at"}
LAPTOP_RECORDS = {
    m["record_id"]
    for e in SESSION["exchanges"]
    if e["path"] == "/api/v1/sync/push"
    for m in e["json"]["mutations"]
}
SEEDED = {str(i) for i in (office.TECHNICIAN_ID, office.CUSTOMER_ID, office.ITEM_ID, office.JOB_ID)}


def _office_stamped(record_id: str, field: str) -> bool:
    derived = record_id not in LAPTOP_RECORDS and record_id not in SEEDED
    return field in OFFICE_STAMPED or (derived and field == "created_at")


def v1_digests(held: dict[str, tuple[str | None, int]]) -> list[dict[str, Any]]:
    """The protocol-1 digest as laptops of that version compute it (frozen here on purpose: a
    change to the live digest code must not change what this test expects)."""
    lines: dict[int, list[str]] = {b: [] for b in range(17)}
    for record_id, (scope, version) in held.items():
        bucket = 16 if scope is None else uuid.UUID(scope).int % 16
        lines[bucket].append(f"{record_id}:{version}")
    out = []
    for bucket, entries in lines.items():
        entries.sort()
        digest = hashlib.sha256("\n".join(entries).encode("ascii")).hexdigest()
        out.append({"bucket": bucket, "count": len(entries), "hash": digest})
    return out


class Replay:
    """Sends the recorded requests, keeping the few values a protocol-1 laptop carries along."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.headers: dict[str, str] = {}
        self.cursor = {"recorded": 0, "replayed": 0}
        self.received: dict[str, list[str]] = {"recorded": [], "replayed": []}
        self.held: dict[str, tuple[str | None, int]] = {}
        self.rows: dict[str, dict[tuple[str, str], Any]] = {}
        self.jobs: dict[str, set[str]] = {}

    def send(self, exchange: dict[str, Any]) -> Any:
        method, path = exchange["method"], exchange["path"]
        if method == "PUT":
            chunk = exchange["chunk"]
            name = SESSION["blobs"][chunk["blob"]]
            data = office.blob(name, office.BLOBS[name])
            part = data[chunk["offset"] : chunk["offset"] + chunk["length"]]
            assert hashlib.sha256(part).hexdigest() == chunk["sha256"]
            headers = {**self.headers, "Content-Type": "application/octet-stream"}
            return self.client.put(path, content=part, headers=headers)
        if method == "GET":
            return self.client.get(path, headers=self.headers)
        body = copy.deepcopy(exchange["json"])
        if path == "/api/v1/sync/pull":
            # What the laptop sent came from the answer before: follow the replayed answer.
            assert body["cursor"] == self.cursor["recorded"]
            assert body["received"] == self.received["recorded"]
            body["cursor"] = self.cursor["replayed"]
            body["received"] = self.received["replayed"]
        return self.client.post(path, json=body, headers=self.headers)

    def pulled(self, step: str, recorded: dict[str, Any], answer: dict[str, Any]) -> None:
        self.cursor = {"recorded": recorded["cursor"], "replayed": answer["cursor"]}
        self.received = {
            "recorded": recorded["jobs"],
            "replayed": [str(j) for j in answer["jobs"]],
        }
        self.jobs.setdefault(step, set()).update(answer["jobs"])
        for row in answer["rows"]:
            self.rows.setdefault(step, {})[(row["table"], row["record_id"])] = row
            if row["fields"] is None:
                self.held.pop(row["record_id"], None)
            else:
                self.held[row["record_id"]] = (row.get("scope"), row["version"])
        if answer.get("digests") is not None:
            assert answer["digests"] == v1_digests(self.held), "digest differs from what was pulled"


def _check_schema(path: str, answer: Any, method: str) -> None:
    name = "AttachmentProgress" if method == "PUT" else ANSWERS.get(path)
    if name is None:
        return
    found = problems(SCHEMAS[name], answer, SCHEMAS[name])
    assert not found, f"{path}: not a protocol-1 {name}: {found}"


def _check_essentials(exchange: dict[str, Any], answer: Any) -> None:
    path = exchange["path"]
    recorded: Any = exchange.get("response")
    if path == "/api/v1/devices/signin":
        assert isinstance(answer["token"], str)
        assert len(answer["token"]) >= 20
        assert answer["device_id"] == recorded["device_id"]
        assert answer["user"]["technician_id"] == recorded["user"]["technician_id"]
    elif path == "/api/v1/sync/hello":
        assert answer["technician_id"] == recorded["technician_id"]
        assert re.fullmatch(r"[A-Z0-9]{4,8}", answer["device_prefix"])
        assert answer["blocks"] == recorded["blocks"]
        assert answer["server_time"].startswith(office.NOW.strftime("%Y-%m-%dT%H:%M"))
    elif path == "/api/v1/sync/push":
        essentials = ("mutation_id", "status", "reason", "duplicate")
        got = [{k: r.get(k) for k in essentials} for r in answer["results"]]
        want = [{k: r.get(k) for k in essentials} for r in recorded["results"]]
        assert got == want
        assert [len(r["conflicts"]) for r in answer["results"]] == [
            len(r["conflicts"]) for r in recorded["results"]
        ]
    elif path == "/api/v1/sync/attachments/status" or exchange["method"] == "PUT":
        assert answer == recorded
    elif path == "/api/v1/sync/pull":
        assert answer["evict_jobs"] == recorded["evict_jobs"]
        assert {r["table"] for r in answer["rows"]} <= V1_TABLES
    elif exchange["method"] == "GET":
        assert hashlib.sha256(answer).hexdigest() == exchange["bytes_sha256"]


def _recorded_rows(step: str) -> dict[tuple[str, str], Any]:
    rows: dict[tuple[str, str], Any] = {}
    for e in SESSION["exchanges"]:
        if e["step"] == step and e["path"] == "/api/v1/sync/pull":
            rows.update({(r["table"], r["record_id"]): r for r in e["response"]["rows"]})
    return rows


def _check_step(replay: Replay, step: str, last: dict[str, Any]) -> None:
    """Every row the recorded pulls of a sync brought comes again, with every recorded field."""
    got = replay.rows.get(step, {})
    for key, want in _recorded_rows(step).items():
        assert key in got, f"{step}: the row {key} did not come"
        row = got[key]
        assert row["scope"] == want["scope"], key
        if want["fields"] is None:
            assert row["fields"] is None, key
            continue
        assert row["fields"] is not None, key
        for field, value in want["fields"].items():
            assert field in row["fields"], f"{key}: field {field} is gone"
            if not _office_stamped(key[1], field):
                assert row["fields"][field] == value, f"{key}.{field}"
    recorded_jobs = {
        j
        for e in SESSION["exchanges"]
        if e["step"] == step and e["path"] == "/api/v1/sync/pull"
        for j in e["response"]["jobs"]
    }
    assert replay.jobs.get(step, set()) == recorded_jobs
    assert last["has_more"] is False


def _office_holds_the_offline_work(client: TestClient) -> None:
    offline = uuid.UUID(SESSION["offline_job"]["id"])
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        job = session.get(Job, offline)
        assert job is not None
        assert job.ticket_number == SESSION["offline_job"]["ticket_number"]
        assert job.technician_id == office.TECHNICIAN_ID
        assert session.scalar(select(Signature.job_id)) == offline
        assert session.scalar(select(AdviceNote.job_id)) == offline
        assert session.scalar(select(func.count()).select_from(Visit)) == 2
        diagnosis = session.scalar(select(Diagnosis).where(Diagnosis.job_id == office.JOB_ID))
        assert diagnosis is not None
        assert diagnosis.fault_code == "E21"
        part = session.scalar(select(PartUsed))
        assert part is not None
        assert part.unit_price == Decimal("45.00")
        payment = session.scalar(select(Payment))
        assert payment is not None
        assert payment.amount == Decimal("165.00")
        files = set(session.scalars(select(Attachment.filename)))
        assert any(f.startswith("drum") for f in files)
        assert not any(f.startswith("extra") for f in files), "the deleted photo came back"
        pushed = sum(
            len(e["json"]["mutations"]) for e in SESSION["exchanges"] if e["path"].endswith("/push")
        )
        assert session.scalar(select(func.count()).select_from(AppliedMutation)) == pushed


def test_recorded_protocol_1_session_replays_on_the_current_office(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert SESSION["protocol"] == 1
    monkeypatch.setattr(identity, "utcnow", lambda: office.NOW)
    office.seed(client.app.state.sessionmaker)  # type: ignore[attr-defined]
    replay = Replay(client)
    exchanges = SESSION["exchanges"]
    for n, exchange in enumerate(exchanges):
        response = replay.send(exchange)
        assert response.status_code == exchange["status"], (exchange["path"], response.text)
        if exchange["path"] == "/api/v1/devices/signin":
            replay.headers = {"Authorization": f"Bearer {response.json()['token']}"}
        answer = response.content if exchange["method"] == "GET" else response.json()
        _check_schema(exchange["path"], answer, exchange["method"])
        _check_essentials(exchange, answer)
        if exchange["path"] == "/api/v1/sync/pull":
            replay.pulled(exchange["step"], exchange["response"], answer)
            following = exchanges[n + 1] if n + 1 < len(exchanges) else None
            if following is None or following["step"] != exchange["step"]:
                _check_step(replay, exchange["step"], answer)
    blob = next(h for h, name in SESSION["blobs"].items() if name == "photo-drum")
    download = client.get(f"/api/v1/sync/attachments/{blob}", headers=replay.headers)
    assert download.status_code == 200
    assert download.content == office.blob("photo-drum", office.BLOBS["photo-drum"])
    _office_holds_the_offline_work(client)


def test_the_recording_covers_what_a_protocol_1_laptop_does() -> None:
    """The fixture itself: sign-in, hello, a push of inserts, updates and a delete including a job
    opened offline under a lent ticket number, chunked uploads, several pull pages, digests."""
    exchanges = SESSION["exchanges"]
    paths = [e["path"].split("?")[0] for e in exchanges]
    assert paths[0] == "/api/v1/devices/signin"
    assert "/api/v1/sync/hello" in paths
    mutations = [
        m for e in exchanges if e["path"].endswith("/push") for m in e["json"]["mutations"]
    ]
    assert {m["op"] for m in mutations} == {"insert", "update", "delete"}
    offline = [m for m in mutations if m["table"] == "jobs" and m["op"] == "insert"]
    assert offline[0]["fields"]["ticket_number"] == SESSION["offline_job"]["ticket_number"]
    grants = next(e for e in exchanges if e["path"].endswith("/hello"))["response"]["blocks"]
    number = int(SESSION["offline_job"]["ticket_number"].split("-")[1])
    assert any(g["first"] <= number <= g["last"] for g in grants)
    chunks = [e["chunk"] for e in exchanges if e["method"] == "PUT"]
    assert any(c["offset"] > 0 for c in chunks), "no blob was sent in more than one chunk"
    pulls = [e for e in exchanges if e["path"] == "/api/v1/sync/pull"]
    assert sum(e["response"]["has_more"] for e in pulls) >= 2
    assert sum(e["response"].get("digests") is not None for e in pulls) >= 2
