"""Customer sign-off: the signature binds to the hash of exactly what the slip says."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from fieldtech.domain.enums import AttachmentKind, DocumentKind, JobStatus, SignerRole
from fieldtech.domain.errors import ValidationError
from fieldtech.models import Attachment, Signature, utcnow
from fieldtech.usecases import validate
from fieldtech.usecases.attachments import put_blob
from fieldtech.usecases.common import Db, ensure_editable, load_job, move
from fieldtech.usecases.documents import repair_slip_hash


def _check_strokes(strokes: list[Any]) -> list[Any]:
    if not strokes or not any(len(s) >= 2 for s in strokes):
        raise ValidationError("signature", "is empty; ask the customer to sign in the box")
    for stroke in strokes:
        for point in stroke:
            if not (isinstance(point, list | tuple) and 2 <= len(point) <= 4):
                raise ValidationError("signature", "has a malformed point; clear and sign again")
    return [[list(p) for p in s] for s in strokes]


def sign_off(
    db: Db,
    job_id: uuid.UUID,
    *,
    printed_name: str,
    strokes: list[Any],
    image_png: bytes,
    signed_at: dt.datetime | None = None,
) -> Signature:
    """Freeze the job's current revision under the customer's signature."""
    name = validate.text("printed_name", printed_name, required=True)
    points = _check_strokes(strokes)
    if not image_png.startswith(b"\x89PNG"):
        raise ValidationError("signature", "the signature image is not a PNG; sign again")
    at = validate.aware("signed_at", signed_at or utcnow())
    with db.begin() as session:
        job = load_job(session, job_id)
        ensure_editable(session, job)
        if job.status == JobStatus.ON_SITE:
            move(job, JobStatus.AWAITING_SIGNATURE)
        move(job, JobStatus.SIGNED)
        session.flush()
        digest = put_blob(session, image_png)
        session.add(
            Attachment(
                job_id=job.id,
                kind=AttachmentKind.SIGNATURE,
                sha256=digest,
                filename=f"signature-{job.ticket_number}-r{job.revision}.png",
                media_type="image/png",
                size=len(image_png),
            )
        )
        signature = Signature(
            job_id=job.id,
            document_kind=DocumentKind.REPAIR_SLIP,
            subject_id=job.id,
            revision=job.revision,
            signer_role=SignerRole.CUSTOMER,
            printed_name=name,
            signed_at=at,
            strokes=points,
            image_sha256=digest,
            content_hash=repair_slip_hash(session, job.id),
        )
        session.add(signature)
        return signature


def start_new_revision(db: Db, job_id: uuid.UUID) -> int:
    """Reopen a signed job for changes; the next slip needs a new signature."""
    with db.begin() as session:
        job = load_job(session, job_id)
        move(job, JobStatus.ON_SITE)
        job.revision += 1
        return job.revision
