"""Attachment bytes through the office's real HTTP app (SQLite and PostgreSQL): a 1 MiB photo in
chunks, cut off in the middle, resumed at the next sync; refusals in plain words."""

from __future__ import annotations

import hashlib
import random
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from fieldtech.domain.enums import AttachmentKind
from fieldtech.models import Attachment
from fieldtech.store.capture import install_capture
from fieldtech.store.engine import Store, open_store
from fieldtech.usecases.attachments import put_blob
from sync.client.engine import SyncEngine
from sync.client.errors import SyncState, TransportError
from sync.protocol.schemas import CHUNK_BYTES
from sync.server.settings import Settings
from tests.sync.server.conftest import AddUser
from tests.sync.server.test_sync_http import (
    KEY,
    ClientTransport,
    assign_new_job,
    technician_engine,
)

PHOTO = random.Random(1).randbytes(1024 * 1024)
SHA = hashlib.sha256(PHOTO).hexdigest()


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "store.db", KEY, on_sessionmaker=[install_capture]) as store:
        yield store


class CutAfter(ClientTransport):
    """The connection drops after `chunks` chunks went through."""

    def __init__(self, inner: ClientTransport, chunks: int) -> None:
        super().__init__(inner.client, inner.headers)
        self.chunks = chunks

    def put_bytes(self, path: str, data: bytes) -> dict[str, Any]:
        if self.chunks == 0:
            raise TransportError(SyncState.UNREACHABLE, "connection dropped")
        self.chunks -= 1
        return super().put_bytes(path, data)


def test_photo_upload_cut_in_the_middle_resumes_at_next_sync(
    client: TestClient,
    add_user: AddUser,
    office: dict[str, str],
    laptop: Store,
    settings: Settings,
) -> None:
    engine, technician_id = technician_engine(client, add_user, laptop, uuid.uuid4())
    job_id = uuid.UUID(assign_new_job(client, office, technician_id)["id"])
    assert engine.sync().ok
    with laptop.sessions.begin() as session:
        put_blob(session, PHOTO)
        session.add(
            Attachment(
                job_id=job_id,
                kind=AttachmentKind.PHOTO,
                sha256=SHA,
                filename="drum.jpg",
                size=len(PHOTO),
            )
        )
    assert isinstance(engine.transport, ClientTransport)
    cut = SyncEngine(laptop.sessions, CutAfter(engine.transport, chunks=2))
    broken = cut.sync()
    assert broken.state == SyncState.UNREACHABLE
    headers = engine.transport.headers
    status = client.post(
        "/api/v1/sync/attachments/status", json={"protocol": 1, "hashes": [SHA]}, headers=headers
    ).json()
    assert status["missing"] == [
        {"sha256": SHA, "received": 2 * CHUNK_BYTES, "size": len(PHOTO), "complete": False}
    ]
    final = settings.attachments_folder / SHA[:2] / SHA[2:4] / SHA
    assert not final.exists()

    resumed = engine.sync()
    assert resumed.ok, resumed.message
    assert resumed.attachments.uploaded == 1
    assert final.read_bytes() == PHOTO
    fetched = client.get(f"/api/v1/sync/attachments/{SHA}", headers=headers)
    assert fetched.status_code == 200
    assert fetched.content == PHOTO


def test_chunk_at_the_wrong_offset_is_answered_with_the_offset_to_resume_from(
    client: TestClient, add_user: AddUser, office: dict[str, str], laptop: Store
) -> None:
    engine, technician_id = technician_engine(client, add_user, laptop, uuid.uuid4())
    job_id = uuid.UUID(assign_new_job(client, office, technician_id)["id"])
    assert engine.sync().ok
    with laptop.sessions.begin() as session:
        session.add(Attachment(job_id=job_id, kind=AttachmentKind.PHOTO, sha256=SHA))
    assert engine.sync().ok
    assert isinstance(engine.transport, ClientTransport)
    headers = {**engine.transport.headers, "Content-Type": "application/octet-stream"}
    url = f"/api/v1/sync/attachments/{SHA}?size={len(PHOTO)}&offset="
    first = client.put(url + "0", content=PHOTO[:CHUNK_BYTES], headers=headers)
    assert first.status_code == 200, first.text
    again = client.put(url + "0", content=PHOTO[:CHUNK_BYTES], headers=headers)
    assert again.json()["received"] == CHUNK_BYTES, "a repeated chunk changes nothing"
    skipped = client.put(url + str(3 * CHUNK_BYTES), content=b"x", headers=headers)
    assert skipped.status_code == 409
    assert skipped.json()["detail"]["expected_offset"] == CHUNK_BYTES
    missing = client.get(f"/api/v1/sync/attachments/{'0' * 64}", headers=headers)
    assert missing.status_code == 404
