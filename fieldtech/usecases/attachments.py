"""Attachment bytes are stored once per SHA-256, inside the (encrypted) store."""

from __future__ import annotations

import hashlib

from sqlalchemy.orm import Session

from fieldtech.models import Blob

MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024


def put_blob(session: Session, data: bytes) -> str:
    """Store `data` if new; return its SHA-256 (hex)."""
    digest = hashlib.sha256(data).hexdigest()
    if session.get(Blob, digest) is None:
        session.add(Blob(sha256=digest, data=data, size=len(data)))
    return digest
