"""Photos of a job or of an item taken back: checked by their first bytes, stored once by SHA-256."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import PurePath

from sqlalchemy import select

from fieldtech.domain.enums import AttachmentKind
from fieldtech.domain.errors import FrozenRecordError, NotFoundError, ValidationError
from fieldtech.models import Attachment, Blob
from fieldtech.usecases.attachments import MAX_ATTACHMENT_BYTES, drop_unused_blobs, put_blob
from fieldtech.usecases.common import Db, ensure_editable, load_job

_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"BM", 0, "image/bmp"),
    (b"WEBP", 8, "image/webp"),
)
"""Magic bytes of the picture formats a technician's camera or phone produces and Qt can show."""

SUPPORTED_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp")


@dataclass(frozen=True, slots=True)
class PhotoRef:
    """A photo whose bytes are already in the store, waiting to be attached (a wizard's draft)."""

    sha256: str
    filename: str
    media_type: str
    size: int


def media_type_of(filename: str, data: bytes) -> str:
    """The picture's media type from its first bytes; a plain refusal for anything else."""
    name = PurePath(filename).name or "the file"
    if not data:
        raise ValidationError(
            "photo", f"{name} is empty; take or choose the photo again", problem="empty", name=name
        )
    if len(data) > MAX_ATTACHMENT_BYTES:
        megabytes = MAX_ATTACHMENT_BYTES // (1024 * 1024)
        raise ValidationError(
            "photo",
            f"{name} is larger than {megabytes} MB; choose a smaller photo",
            problem="too_large",
            name=name,
        )
    for magic, offset, media_type in _SIGNATURES:
        if data[offset : offset + len(magic)] == magic:
            if media_type == "image/webp" and not data.startswith(b"RIFF"):
                continue
            return media_type
    raise ValidationError(
        "photo",
        f"{name} is not a picture this app can store; use JPEG, PNG, WebP, GIF or BMP",
        problem="not_picture",
        name=name,
    )


def _clean_name(filename: str) -> str:
    name = PurePath(filename.replace("\\", "/")).name.strip()
    return name[-255:] if name else "photo"


def store_photo(db: Db, filename: str, data: bytes) -> PhotoRef:
    """Keep a photo's bytes (encrypted in the store) before the record it belongs to exists."""
    media_type = media_type_of(filename, data)
    with db.begin() as session:
        digest = put_blob(session, data)
    return PhotoRef(digest, _clean_name(filename), media_type, len(data))


def add_job_photo(db: Db, job_id: uuid.UUID, filename: str, data: bytes) -> Attachment:
    """Attach a photo to a job; a job the customer signed takes none until a new revision."""
    media_type = media_type_of(filename, data)
    with db.begin() as session:
        job = load_job(session, job_id)
        ensure_editable(session, job)
        digest = put_blob(session, data)
        attachment = Attachment(
            job_id=job.id,
            kind=AttachmentKind.PHOTO,
            sha256=digest,
            filename=_clean_name(filename),
            media_type=media_type,
            size=len(data),
        )
        session.add(attachment)
        return attachment


def remove_job_photo(db: Db, attachment_id: uuid.UUID) -> None:
    """Take a photo off a job, and its bytes off the laptop unless something else uses them.
    A receipt's photos are part of what was signed and stay."""
    with db.begin() as session:
        attachment = session.get(Attachment, attachment_id)
        if attachment is None or attachment.kind != AttachmentKind.PHOTO:
            raise NotFoundError("photo: it is no longer on this laptop; reopen the job")
        if attachment.receipt_id is not None:
            raise FrozenRecordError("photo: it is part of a signed receipt and cannot be removed")
        if attachment.job_id is not None:
            ensure_editable(session, load_job(session, attachment.job_id))
        session.delete(attachment)
        session.flush()
        drop_unused_blobs(session, [attachment.sha256])


def photo_bytes(db: Db, sha256: str) -> bytes | None:
    """The bytes of a stored photo (None while a synced photo's bytes have not arrived yet)."""
    with db() as session:
        blob = session.get(Blob, sha256)
        return blob.data if blob is not None else None


def job_photos(db: Db, job_id: uuid.UUID) -> list[tuple[uuid.UUID, PhotoRef, uuid.UUID | None]]:
    """A job's photos, oldest first: (attachment id, the photo, the receipt it documents)."""
    with db() as session:
        rows = session.scalars(
            select(Attachment)
            .where(Attachment.job_id == job_id, Attachment.kind == AttachmentKind.PHOTO)
            .order_by(Attachment.created_at)
        )
        return [
            (r.id, PhotoRef(r.sha256, r.filename, r.media_type, r.size), r.receipt_id) for r in rows
        ]


def forget_photo(db: Db, sha256: str) -> bool:
    """Drop the bytes of a photo taken off a draft, unless an attachment (or a draft) uses them."""
    with db.begin() as session:
        return drop_unused_blobs(session, [sha256]) > 0
