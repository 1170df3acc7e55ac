"""Attachment bytes between laptop and office: chunked resumable uploads, downloads by hash.

Attachment rows travel with push and pull; their bytes travel here, after the rows, so the office
always knows which record a blob belongs to. Hashes the office confirmed it holds are remembered
locally, so a sync with nothing new asks nothing. A blob that failed stays unconfirmed and is
tried again at the very next sync, whether or not anything was edited since.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from fieldtech.models import Attachment, Blob, LocalSetting, OutboxEntry
from fieldtech.store.capture import NO_CAPTURE
from fieldtech.usecases.attachments import put_blob
from sync.client.errors import SyncState, TransportError
from sync.protocol.schemas import (
    CHUNK_BYTES,
    MAX_ATTACHMENT_BYTES,
    MAX_STATUS_HASHES,
    PROTOCOL_VERSION,
    AttachmentProgress,
    AttachmentStatusRequest,
    AttachmentStatusResponse,
)

CONFIRMED_SETTING = "sync_attachments_on_office"
ATTACHMENTS_PATH = "/api/v1/sync/attachments"


class ByteTransport(Protocol):
    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]: ...

    def put_bytes(self, path: str, data: bytes) -> dict[str, Any]: ...

    def get_bytes(self, path: str) -> bytes | None: ...


@dataclass
class AttachmentCounts:
    """Blobs sent and fetched in one sync, and those still waiting (retried at the next one)."""

    uploaded: int = 0
    downloaded: int = 0
    waiting: int = 0


def confirmed_on_office(session: Session) -> set[str]:
    """Hashes whose bytes the office confirmed it holds."""
    row = session.get(LocalSetting, CONFIRMED_SETTING)
    return set(json.loads(row.value)) if row else set()


def _confirm(sessions: sessionmaker[Session], hashes: set[str]) -> None:
    if not hashes:
        return
    with sessions.begin() as session:
        session.info[NO_CAPTURE] = True
        value = json.dumps(sorted(confirmed_on_office(session) | hashes))
        row = session.get(LocalSetting, CONFIRMED_SETTING)
        if row is None:
            session.add(LocalSetting(key=CONFIRMED_SETTING, value=value))
        else:
            row.value = value


def _to_upload(session: Session) -> list[str]:
    """Hashes of local blobs whose attachment rows reached the office, not yet confirmed there."""
    unsent = select(OutboxEntry.record_id).where(OutboxEntry.table_name == "attachments")
    query = (
        select(Attachment.sha256)
        .join(Blob, Blob.sha256 == Attachment.sha256)
        .where(Attachment.id.not_in(unsent))
        .distinct()
    )
    done = confirmed_on_office(session)
    return sorted(h for h in session.scalars(query) if h not in done)


def upload_all(
    sessions: sessionmaker[Session], transport: ByteTransport, counts: AttachmentCounts
) -> None:
    """Send every blob the office lacks, each resuming from the bytes the office already has."""
    with sessions() as session:
        hashes = _to_upload(session)
    for start in range(0, len(hashes), MAX_STATUS_HASHES):
        batch = hashes[start : start + MAX_STATUS_HASHES]
        body = AttachmentStatusRequest(protocol=PROTOCOL_VERSION, hashes=batch)
        answer = AttachmentStatusResponse.model_validate(
            transport.post(f"{ATTACHMENTS_PATH}/status", body.model_dump(mode="json"))
        )
        missing = {m.sha256: m for m in answer.missing}
        _confirm(sessions, set(batch) - missing.keys())
        for progress in missing.values():
            try:
                sent = _upload(sessions, transport, progress)
            except TransportError as failure:
                if failure.state != SyncState.SERVER_ERROR:
                    raise  # offline, revoked: the rest of the sync cannot go on either
                sent = False
            if sent:
                counts.uploaded += 1
                _confirm(sessions, {progress.sha256})
            else:
                counts.waiting += 1


def _upload(
    sessions: sessionmaker[Session], transport: ByteTransport, progress: AttachmentProgress
) -> bool:
    with sessions() as session:
        blob = session.get(Blob, progress.sha256)
        data = blob.data if blob is not None else None
    if data is None or len(data) > MAX_ATTACHMENT_BYTES:
        return False
    offset = progress.received if progress.size == len(data) else 0
    while True:
        chunk = data[offset : offset + CHUNK_BYTES]
        path = f"{ATTACHMENTS_PATH}/{progress.sha256}?offset={offset}&size={len(data)}"
        answer = AttachmentProgress.model_validate(transport.put_bytes(path, chunk))
        if answer.complete:
            return True
        if answer.received <= offset:
            return False
        offset = answer.received


def download_missing(
    sessions: sessionmaker[Session], transport: ByteTransport, counts: AttachmentCounts
) -> None:
    """Fetch the bytes of pulled attachments (a colleague's photo, a signature) now, while
    online: the technician opens them later at a customer's door, where there is no network."""
    with sessions() as session:
        local = select(Blob.sha256)
        query = select(Attachment.sha256).where(Attachment.sha256.not_in(local)).distinct()
        hashes = sorted(session.scalars(query))
    fetched = set()
    for sha in hashes:
        data = transport.get_bytes(f"{ATTACHMENTS_PATH}/{sha}")
        if data is None or hashlib.sha256(data).hexdigest() != sha:
            counts.waiting += 1  # not uploaded yet by whoever took it; asked again next sync
            continue
        with sessions.begin() as session:
            session.info[NO_CAPTURE] = True
            put_blob(session, data)
        counts.downloaded += 1
        fetched.add(sha)
    _confirm(sessions, fetched)
