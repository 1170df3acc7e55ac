"""The office's attachment bytes: content-addressed files, chunked resumable uploads, downloads.

A blob lives at `<root>/ab/cd/<sha256>` and only ever appears there whole: the bytes gather in a
partial file (fsynced after each chunk), the SHA-256 is checked, then the file is renamed into
place. The `attachment_uploads` row says how many bytes of the partial file count, so a chunk
written to disk whose transaction then failed is cut off and simply sent again.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from fieldtech.models import Attachment, PickupReceipt
from sync.protocol.schemas import (
    MAX_ATTACHMENT_BYTES,
    AttachmentProgress,
    AttachmentStatusRequest,
    AttachmentStatusResponse,
)
from sync.server.replication.scope import DeviceContext, scope_jobs
from sync.server.replication.tables import AttachmentUpload


class UploadRefusedError(Exception):
    """An upload step the office will not take; `status` is the HTTP code, `expected` the offset
    to resume from when the laptop sent a chunk at the wrong place."""

    def __init__(self, status: int, message: str, expected: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.expected = expected


class BlobFolder:
    """Where the office keeps attachment bytes."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def partial(self, sha256: str) -> Path:
        return self.root / "partial" / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def read(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def attachment_status(
    session: Session, folder: BlobFolder, body: AttachmentStatusRequest
) -> AttachmentStatusResponse:
    """The hashes the office lacks, each with how many bytes of it already arrived."""
    missing = []
    for sha in dict.fromkeys(body.hashes):
        if folder.has(sha):
            continue
        row = session.get(AttachmentUpload, sha)
        received = _counted(folder, row)
        missing.append(
            AttachmentProgress(sha256=sha, received=received, size=row.size if row else None)
        )
    return AttachmentStatusResponse(missing=missing)


def _counted(folder: BlobFolder, row: AttachmentUpload | None) -> int:
    """Bytes that count: what the row promises, never more than the partial file holds."""
    if row is None:
        return 0
    partial = folder.partial(row.sha256)
    on_disk = partial.stat().st_size if partial.exists() else 0
    return min(row.received, on_disk)


def put_chunk(
    session: Session, folder: BlobFolder, sha256: str, offset: int, size: int, data: bytes
) -> AttachmentProgress:
    """Append one chunk; a chunk already received is accepted again and changes nothing."""
    if folder.has(sha256):
        return AttachmentProgress(sha256=sha256, received=size, size=size, complete=True)
    if size > MAX_ATTACHMENT_BYTES:
        raise UploadRefusedError(
            413,
            f"size: {size} bytes is over the {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MiB limit "
            "for one attachment; attach a smaller photo",
        )
    if session.scalar(select(Attachment.id).where(Attachment.sha256 == sha256).limit(1)) is None:
        raise UploadRefusedError(
            409, "sha256: no attachment refers to these bytes yet; push the attachment first"
        )
    row = session.get(AttachmentUpload, sha256, with_for_update=True)
    if row is None or row.size != size:
        if row is None:
            row = AttachmentUpload(sha256=sha256, received=0, size=size)
            session.add(row)
        row.received, row.size = 0, size
        session.flush()
    received = _counted(folder, row)
    if offset > received:
        raise UploadRefusedError(
            409, f"offset: expected {received}, got {offset}; resume from {received}", received
        )
    fresh = data[received - offset :]
    if received + len(fresh) > size:
        raise UploadRefusedError(
            400, f"size: the chunk runs past the declared size of {size} bytes", received
        )
    partial = folder.partial(sha256)
    partial.parent.mkdir(parents=True, exist_ok=True)
    with open(partial, "r+b" if partial.exists() else "wb") as out:
        out.truncate(received)
        out.seek(received)
        out.write(fresh)
        out.flush()
        os.fsync(out.fileno())
    row.received = received + len(fresh)
    if row.received < size:
        session.flush()
        return AttachmentProgress(sha256=sha256, received=row.received, size=size)
    _finish(session, folder, row)
    return AttachmentProgress(sha256=sha256, received=size, size=size, complete=True)


def _finish(session: Session, folder: BlobFolder, row: AttachmentUpload) -> None:
    """Check the hash of the whole file, then move it into place; a mismatch is thrown away."""
    partial = folder.partial(row.sha256)
    digest = hashlib.sha256()
    with open(partial, "rb") as source:
        for block in iter(lambda: source.read(1024 * 1024), b""):
            digest.update(block)
    session.delete(row)
    session.flush()
    if digest.hexdigest() != row.sha256:
        partial.unlink(missing_ok=True)
        raise UploadRefusedError(
            422,
            f"sha256: the {row.size} bytes received hash to {digest.hexdigest()}, not "
            f"{row.sha256}; they were discarded, send the attachment again",
            0,
        )
    final = folder.path(row.sha256)
    final.parent.mkdir(parents=True, exist_ok=True)
    os.replace(partial, final)
    _fsync_folder(final.parent)


def read_blob(session: Session, folder: BlobFolder, ctx: DeviceContext, sha256: str) -> bytes:
    """The bytes of a blob attached to a record in the technician's scope; else not found."""
    jobs = scope_jobs(session, ctx.technician_id)
    attached = select(Attachment.id).where(
        Attachment.sha256 == sha256,
        or_(Attachment.job_id.in_(jobs), Attachment.receipt_id.in_(_receipts(session, jobs))),
    )
    if session.scalar(attached.limit(1)) is None or not folder.has(sha256):
        raise UploadRefusedError(
            404, "sha256: no attachment with these bytes is held by the office for your jobs"
        )
    return folder.read(sha256)


def _receipts(session: Session, jobs: set[uuid.UUID]) -> list[uuid.UUID]:
    return list(session.scalars(select(PickupReceipt.id).where(PickupReceipt.job_id.in_(jobs))))
