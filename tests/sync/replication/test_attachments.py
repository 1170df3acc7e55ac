"""Attachment bytes: chunked, resumable, idempotent uploads verified by hash; scoped downloads."""

from __future__ import annotations

import hashlib
import random
import uuid

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from fieldtech.domain.enums import AttachmentKind
from fieldtech.models import Attachment, Blob
from fieldtech.usecases.attachments import put_blob
from sync.protocol.schemas import CHUNK_BYTES
from sync.server.replication.blobs import UploadRefusedError, put_chunk, read_blob
from sync.server.replication.scope import DeviceContext
from sync.server.replication.tables import AttachmentUpload
from tests.sync.replication.harness import World, add_technician, office_blobs
from tests.sync.replication.test_round_trip import office_job

PHOTO = random.Random(8).randbytes(2 * CHUNK_BYTES + 1000)
SHA = hashlib.sha256(PHOTO).hexdigest()


def office_photo(sessions: sessionmaker[Session], job_id: uuid.UUID | None, data: bytes) -> str:
    """An attachment row on the office whose bytes have not arrived yet."""
    sha = hashlib.sha256(data).hexdigest()
    with sessions.begin() as session:
        session.add(
            Attachment(job_id=job_id, kind=AttachmentKind.PHOTO, sha256=sha, size=len(data))
        )
    return sha


def chunk(sessions: sessionmaker[Session], sha: str, offset: int, data: bytes = PHOTO) -> bool:
    with sessions.begin() as session:
        part = data[offset : offset + CHUNK_BYTES]
        return put_chunk(session, office_blobs(sessions), sha, offset, len(data), part).complete


def test_chunked_upload_interrupted_resumes_and_lands_whole(world: World) -> None:
    sessions, _laptop, tech = world
    sha = office_photo(sessions, office_job(sessions, tech), PHOTO)
    folder = office_blobs(sessions)
    assert not chunk(sessions, sha, 0)
    assert not folder.has(sha), "a half file must never sit under the final name"
    with sessions() as session:
        assert session.get(AttachmentUpload, sha).received == CHUNK_BYTES  # type: ignore[union-attr]
    assert not chunk(sessions, sha, CHUNK_BYTES)
    assert chunk(sessions, sha, 2 * CHUNK_BYTES)
    assert folder.read(sha) == PHOTO
    assert folder.path(sha) == folder.root / sha[:2] / sha[2:4] / sha
    with sessions() as session:
        assert session.get(AttachmentUpload, sha) is None


def test_repeated_chunk_is_accepted_and_changes_nothing(world: World) -> None:
    sessions, _laptop, tech = world
    sha = office_photo(sessions, office_job(sessions, tech), PHOTO)
    chunk(sessions, sha, 0)
    chunk(sessions, sha, 0)
    chunk(sessions, sha, CHUNK_BYTES)
    chunk(sessions, sha, CHUNK_BYTES)
    assert chunk(sessions, sha, 2 * CHUNK_BYTES)
    assert chunk(sessions, sha, 2 * CHUNK_BYTES), "a finished blob answers complete again"
    assert office_blobs(sessions).read(sha) == PHOTO


def test_chunk_at_wrong_offset_is_refused_naming_the_offset(world: World) -> None:
    sessions, _laptop, tech = world
    sha = office_photo(sessions, office_job(sessions, tech), PHOTO)
    chunk(sessions, sha, 0)
    with pytest.raises(UploadRefusedError) as refused:
        chunk(sessions, sha, 2 * CHUNK_BYTES)
    assert refused.value.status == 409
    assert refused.value.expected == CHUNK_BYTES
    assert f"resume from {CHUNK_BYTES}" in refused.value.message


def test_bytes_not_matching_their_hash_are_refused_and_discarded(world: World) -> None:
    sessions, _laptop, tech = world
    sha = office_photo(sessions, office_job(sessions, tech), PHOTO)
    forged = bytes(len(PHOTO))
    chunk(sessions, sha, 0, forged)
    chunk(sessions, sha, CHUNK_BYTES, forged)
    with pytest.raises(UploadRefusedError) as refused:
        chunk(sessions, sha, 2 * CHUNK_BYTES, forged)
    assert refused.value.status == 422
    assert "discarded" in refused.value.message
    folder = office_blobs(sessions)
    assert not folder.has(sha)
    assert not folder.partial(sha).exists()
    assert not chunk(sessions, sha, 0), "after a mismatch the upload starts again from 0"


def test_bytes_no_attachment_refers_to_are_refused(world: World) -> None:
    sessions, _laptop, _tech = world
    with pytest.raises(UploadRefusedError) as refused:
        chunk(sessions, SHA, 0)
    assert refused.value.status == 409
    assert "push the attachment first" in refused.value.message


def test_download_is_refused_outside_the_technicians_jobs(world: World) -> None:
    sessions, laptop, tech = world
    other = add_technician(sessions, "wang.fang")
    theirs = office_photo(sessions, office_job(sessions, other), PHOTO)
    for offset in range(0, len(PHOTO), CHUNK_BYTES):
        chunk(sessions, theirs, offset)
    outsider = DeviceContext(device_id=laptop.ctx.device_id, technician_id=tech)
    with sessions() as session, pytest.raises(UploadRefusedError) as refused:
        read_blob(session, office_blobs(sessions), outsider, theirs)
    assert refused.value.status == 404
    owner = DeviceContext(device_id=uuid.uuid4(), technician_id=other)
    with sessions() as session:
        assert read_blob(session, office_blobs(sessions), owner, theirs) == PHOTO


def test_sync_uploads_a_photo_once_and_then_asks_nothing(world: World) -> None:
    sessions, laptop, tech = world
    job_id = office_job(sessions, tech)
    assert laptop.engine.sync().ok
    with laptop.db.begin() as session:
        sha = put_blob(session, PHOTO)
        session.add(
            Attachment(job_id=job_id, kind=AttachmentKind.PHOTO, sha256=sha, size=len(PHOTO))
        )
    report = laptop.engine.sync()
    assert report.ok, report
    assert report.attachments.uploaded == 1
    assert office_blobs(sessions).read(sha) == PHOTO
    laptop.transport.calls.clear()
    again = laptop.engine.sync()
    assert again.attachments.uploaded == 0
    assert not [c for c in laptop.transport.calls if "attachments" in c]


def test_sync_fetches_a_colleagues_photo_of_a_job_it_holds(world: World) -> None:
    sessions, laptop, tech = world
    job_id = office_job(sessions, tech)
    sha = office_photo(sessions, job_id, PHOTO)
    first = laptop.engine.sync()
    assert first.ok
    assert first.attachments.waiting == 1, "bytes not on the office yet: waits"
    for offset in range(0, len(PHOTO), CHUNK_BYTES):
        chunk(sessions, sha, offset)
    second = laptop.engine.sync()
    assert second.attachments.downloaded == 1
    with laptop.db() as session:
        assert session.scalar(select(Blob.data).where(Blob.sha256 == sha)) == PHOTO


def test_blob_sent_in_one_chunk_lands_at_once(world: World) -> None:
    sessions, _laptop, tech = world
    small = b"\x89PNG signature"
    sha = office_photo(sessions, office_job(sessions, tech), small)
    assert chunk(sessions, sha, 0, small)
    assert office_blobs(sessions).read(sha) == small
