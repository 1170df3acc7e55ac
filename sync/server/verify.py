"""Checking a printed verification code: which signed document and revision it belongs to."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldtech.domain.enums import DocumentKind
from fieldtech.models import Job, Signature
from fieldtech.rules.signing import hash_prefix, normalise_code, verification_code


@dataclass(frozen=True)
class Signer:
    role: str
    printed_name: str
    signed_at: dt.datetime


@dataclass(frozen=True)
class VerifiedDocument:
    """A code that matches: the document, its revision and who signed that exact content."""

    job_id: uuid.UUID
    ticket_number: str
    document_kind: DocumentKind
    subject_id: uuid.UUID
    revision: int
    content_hash: str
    signers: tuple[Signer, ...]


def verify_code(session: Session, code: str) -> VerifiedDocument | None:
    """The signed document behind `code`, or None when no signed content has it (altered, or a
    draft that was never signed). Raises ValidationError for text that is not a code at all."""
    prefix = hash_prefix(code)
    wanted = normalise_code(code)
    rows = session.execute(
        select(Signature, Job.ticket_number)
        .join(Job, Job.id == Signature.job_id)
        .where(Signature.content_hash.startswith(prefix, autoescape=True))
        .order_by(Signature.signed_at)
    ).all()
    matches = [(s, t) for s, t in rows if verification_code(s.content_hash) == wanted]
    if not matches:
        return None
    first, ticket = matches[0]
    same = [s for s, _ in matches if s.subject_id == first.subject_id]
    return VerifiedDocument(
        job_id=first.job_id,
        ticket_number=ticket,
        document_kind=first.document_kind,
        subject_id=first.subject_id,
        revision=first.revision,
        content_hash=first.content_hash,
        signers=tuple(Signer(s.signer_role.value, s.printed_name, s.signed_at) for s in same),
    )
