"""Record a protocol-1 sync session: `python -m tests.sync.v1_session.record`.

Run it with the laptop engine and office of protocol version 1 on the path (the fixture in this
folder was recorded from a pristine export of the tree at the commit named in it:
`git archive <commit> | tar -x -C /tmp/v1 && cd /tmp/v1 && python -m tests.sync.v1_session.record
OUT_FOLDER`, with this folder copied in). A real laptop store and the real engine talk to the real
office app in one process; every request body the laptop sent and every answer is written to
`session.json`, attachment chunks by their place and hash. The JSON schemas of the protocol-1
messages go to `v1_schemas.json`, so the replay checks answers against version 1 as it shipped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST
from fastapi.testclient import TestClient

import sync.client.engine as engine_module
import sync.server.replication.identity as identity
from fieldtech.store.capture import install_capture
from fieldtech.store.engine import open_store
from fieldtech.usecases.money import take_payment
from fieldtech.usecases.parts import use_part
from fieldtech.usecases.photos import add_job_photo, remove_job_photo
from fieldtech.usecases.signoff import sign_off
from fieldtech.usecases.visit import (
    NewJob,
    add_advice,
    open_job,
    record_arrival,
    record_diagnosis,
)
from sync.client.engine import SyncEngine
from sync.client.http import answer_of
from sync.protocol import schemas
from sync.server import migrate
from sync.server.app import create_app
from sync.server.security import use_hasher
from sync.server.settings import Settings
from tests.sync.v1_session import office

KEY = bytes(range(7, 39))
PULL_PAGE = 4  # small pages, so the session pulls several
MESSAGES = (
    "HelloRequest",
    "HelloResponse",
    "PushRequest",
    "PushResponse",
    "PullRequest",
    "PullResponse",
    "ResyncRequest",
    "ResyncResponse",
    "AttachmentStatusRequest",
    "AttachmentStatusResponse",
    "AttachmentProgress",
)


class Recorder:
    """The engine's transport over the in-process office, writing down every exchange."""

    def __init__(self, client: TestClient, token: str, blobs: dict[str, bytes]) -> None:
        self.client = client
        self.headers = {"Authorization": f"Bearer {token}"}
        self.blobs = blobs
        self.step = ""
        self.exchanges: list[dict[str, Any]] = []

    def note(self, method: str, path: str, status: int, **more: Any) -> None:
        self.exchanges.append(
            {"step": self.step, "method": method, "path": path, "status": status, **more}
        )

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        response = self.client.post(path, json=body, headers=self.headers)
        self.note("POST", path, response.status_code, json=body, response=response.json())
        return answer_of(response)

    def put_bytes(self, path: str, data: bytes) -> dict[str, Any]:
        headers = {**self.headers, "Content-Type": "application/octet-stream"}
        response = self.client.put(path, content=data, headers=headers)
        url = urlsplit(path)
        sha = url.path.rsplit("/", 1)[1]
        offset = int(parse_qs(url.query)["offset"][0])
        assert self.blobs[sha][offset : offset + len(data)] == data
        chunk = {
            "blob": sha,
            "offset": offset,
            "length": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        }
        self.note("PUT", path, response.status_code, chunk=chunk, response=response.json())
        return answer_of(response)

    def get_bytes(self, path: str) -> bytes | None:
        response = self.client.get(path, headers=self.headers)
        digest = hashlib.sha256(response.content).hexdigest()
        self.note("GET", path, response.status_code, bytes_sha256=digest)
        return response.content if response.status_code == 200 else None


def _commit() -> str:
    """The commit the engine and office came from (an export has no .git: say it in the env)."""
    if os.environ.get("FIELDTECH_RECORDED_FROM"):
        return os.environ["FIELDTECH_RECORDED_FROM"]
    out = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=False)
    return out.stdout.strip() or "unknown"


def record(folder: Path, out: Path) -> None:
    use_hasher(PasswordHasher.from_parameters(CHEAPEST))
    # The office's clock stands still at the session's time; the laptop pulls in small pages.
    setattr(identity, "utcnow", lambda: office.NOW)  # noqa: B010
    setattr(engine_module, "PULL_LIMIT", PULL_PAGE)  # noqa: B010
    url = f"sqlite:///{folder / 'office.sqlite3'}"
    migrate.upgrade(url)
    settings = Settings(
        database_url=url, timezone="Asia/Shanghai", attachments_dir=folder / "attachments"
    )
    blobs = {name: office.blob(name, size) for name, size in office.BLOBS.items()}
    by_hash = {hashlib.sha256(data).hexdigest(): data for data in blobs.values()}
    with TestClient(create_app(settings), base_url="https://testserver") as client:
        office.seed(client.app.state.sessionmaker)  # type: ignore[attr-defined]
        signin_body = {
            "username": office.USERNAME,
            "password": office.PASSWORD,
            "device_id": str(office.DEVICE_ID),
            "device_name": "recorded laptop",
            "app_version": "1.0.0",
        }
        signed = client.post("/api/v1/devices/signin", json=signin_body)
        assert signed.status_code == 201, signed.text
        recorder = Recorder(client, signed.json()["token"], by_hash)
        recorder.step = "sign in"
        recorder.note(
            "POST", "/api/v1/devices/signin", 201, json=signin_body, response=signed.json()
        )
        with open_store(folder / "laptop.db", KEY, on_sessionmaker=[install_capture]) as store:
            laptop = SyncEngine(store.sessions, recorder)
            recorder.step = "first sync"
            report = laptop.sync()
            assert report.ok, report.message
            db = store.sessions
            record_arrival(db, office.JOB_ID)
            record_diagnosis(
                db, office.JOB_ID, symptoms="Drum does not turn", cause="Belt", fault_code="E21"
            )
            use_part(db, office.JOB_ID, part_number="WM-BELT-02", unit_price="45.00")
            take_payment(db, office.JOB_ID, method="cash", amount="165.00")
            add_job_photo(db, office.JOB_ID, "drum.png", blobs["photo-drum"])
            extra = add_job_photo(db, office.JOB_ID, "extra.png", blobs["photo-extra"])
            remove_job_photo(db, extra.id)
            new_job = open_job(
                db,
                NewJob(
                    customer_name="李雷",
                    phone="+86 139 0000 0001",
                    address="8 Lane, Tianjin",
                    category="product_fault",
                    fault_description="no heat",
                    brand="Acme",
                    model="HT-20",
                ),
                today=dt.date(2026, 11, 20),
            )
            record_arrival(db, new_job.id)
            add_advice(db, new_job.id, "Descale the heater every six months.")
            sign_off(
                db,
                new_job.id,
                printed_name="李雷",
                strokes=[[[0, 0], [10, 12], [20, 4]]],
                image_png=blobs["signature"],
            )
            recorder.step = "sync after a day offline"
            report = laptop.sync()
            assert report.ok, report.message
            assert report.rejected == 0, report
            recorder.step = "quiet sync"
            assert laptop.sync().ok
    session = {
        "protocol": schemas.PROTOCOL_VERSION,
        "recorded_with": _commit(),
        "office_now": office.NOW.isoformat(),
        "offline_job": {"id": str(new_job.id), "ticket_number": new_job.ticket_number},
        "blobs": {h: n for n, d in blobs.items() for h in [hashlib.sha256(d).hexdigest()]},
        "exchanges": recorder.exchanges,
    }
    (out / "session.json").write_text(json.dumps(session, indent=1, ensure_ascii=False) + "\n")
    models = {name: getattr(schemas, name).model_json_schema() for name in MESSAGES}
    (out / "v1_schemas.json").write_text(json.dumps(models, indent=1, sort_keys=True) + "\n")
    print(f"{len(recorder.exchanges)} exchanges written to {out / 'session.json'}")


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else Path(__file__).parent
    with tempfile.TemporaryDirectory(prefix="v1-record-") as temp:
        record(Path(temp), out)


if __name__ == "__main__":
    main(sys.argv[1:])
