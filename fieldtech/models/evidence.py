"""Attachments (content-addressed by SHA-256) and signatures bound to the hash of what was signed."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from fieldtech.domain.enums import AttachmentKind, DocumentKind, SignerRole
from fieldtech.models.base import Base, Synced, utcnow
from fieldtech.models.jobs import _enum


class Blob(Base):
    """Attachment bytes, keyed by their SHA-256. On the laptop they live inside the encrypted store."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int]


class Attachment(Synced, Base):
    __tablename__ = "attachments"

    job_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("jobs.id"), index=True)
    # The receipt a photo belongs to, when it documents an item taken to the workshop.
    receipt_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    kind: Mapped[AttachmentKind] = mapped_column(_enum(AttachmentKind))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(255), default="")
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(default=0)


class Signature(Synced, Base):
    """A signature binds to exactly one revision of one document's content, by hash."""

    __tablename__ = "signatures"

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id"), index=True)
    document_kind: Mapped[DocumentKind] = mapped_column(_enum(DocumentKind))
    # The record signed: the job for a repair slip, the receipt for pickup and return receipts.
    subject_id: Mapped[uuid.UUID] = mapped_column(index=True)
    revision: Mapped[int] = mapped_column(default=1)
    signer_role: Mapped[SignerRole] = mapped_column(_enum(SignerRole))
    printed_name: Mapped[str] = mapped_column(String(200))
    signed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    strokes: Mapped[list[Any]] = mapped_column(default=list)
    image_sha256: Mapped[str] = mapped_column(String(64), default="")
    content_hash: Mapped[str] = mapped_column(String(64))
