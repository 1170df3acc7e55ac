"""Attachment bytes are stored once per SHA-256, inside the (encrypted) store, and dropped (their
pages overwritten) as soon as nothing on the laptop refers to them any longer."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from fieldtech.models import Attachment, Blob, LocalSetting, Signature

MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024

DRAFT_KEY_PREFIX = "ui.draft."
"""Device-local settings under this prefix hold forms not yet signed (a receipt's draft), which
name their photos by hash: the bytes must outlive the draft's photo list, not only attachments."""


def put_blob(session: Session, data: bytes) -> str:
    """Store `data` if new; return its SHA-256 (hex)."""
    digest = hashlib.sha256(data).hexdigest()
    if session.get(Blob, digest) is None:
        session.add(Blob(sha256=digest, data=data, size=len(data)))
    return digest


def blob_in_use(session: Session, sha256: str) -> bool:
    """Does an attachment, a signature or a saved draft still refer to these bytes?"""
    queries = (
        select(Attachment.id).where(Attachment.sha256 == sha256),
        select(Signature.id).where(Signature.image_sha256 == sha256),
        select(LocalSetting.key).where(
            LocalSetting.key.startswith(DRAFT_KEY_PREFIX), LocalSetting.value.contains(sha256)
        ),
    )
    return any(session.scalar(query.limit(1)) is not None for query in queries)


def attachment_hashes(db: sessionmaker[Session]) -> set[str]:
    """Every hash an attachment refers to (before a sync, to see afterwards what it removed)."""
    with db() as session:
        return set(session.scalars(select(Attachment.sha256).distinct()))


def drop_bytes_let_go(db: sessionmaker[Session], held: set[str]) -> int:
    """After a sync: photos it removed (deleted at the office, or their job left this laptop)
    leave no bytes behind. Only hashes an attachment held before the sync are looked at, so a
    photo just added to a draft is never touched."""
    gone = held - attachment_hashes(db)
    if not gone:
        return 0
    with db.begin() as session:
        return drop_unused_blobs(session, gone)


def drop_unused_blobs(session: Session, hashes: Iterable[str]) -> int:
    """Delete the bytes of each hash nothing refers to any longer; how many were deleted.

    The freed pages are overwritten (SQLite's `secure_delete`, on for these deletes only), so a
    removed photo's bytes do not linger in free pages of the file. The caller owns the
    transaction; the records that referred to the bytes must be deleted (and flushed) first."""
    unused = [
        sha256
        for sha256 in sorted(set(hashes))
        if session.scalar(select(Blob.sha256).where(Blob.sha256 == sha256)) is not None
        and not blob_in_use(session, sha256)
    ]
    if not unused:
        return 0
    connection = session.connection()
    before = connection.exec_driver_sql("PRAGMA secure_delete").scalar()
    connection.exec_driver_sql("PRAGMA secure_delete = ON")
    try:
        session.execute(delete(Blob).where(Blob.sha256.in_(unused)))
    finally:
        connection.exec_driver_sql(f"PRAGMA secure_delete = {int(before or 0)}")
    return len(unused)
