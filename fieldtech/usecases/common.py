"""What every use case shares: the session factory type, loading a job, and the frozen-record guard."""

from __future__ import annotations

import uuid
from typing import TypeAlias

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from fieldtech.domain.enums import DocumentKind, JobStatus, SignerRole
from fieldtech.domain.errors import FrozenRecordError, NotFoundError
from fieldtech.models import Job, Signature
from fieldtech.rules.statemachine import check_transition

Db: TypeAlias = sessionmaker[Session]


def load_job(session: Session, job_id: uuid.UUID) -> Job:
    job = session.get(Job, job_id)
    if job is None:
        raise NotFoundError(f"job {job_id} is not on this laptop; sync, or check the job list")
    return job


def current_signature(session: Session, job: Job) -> Signature | None:
    """The customer's signature on the repair slip for the job's current revision, if any."""
    return session.scalar(
        select(Signature).where(
            Signature.job_id == job.id,
            Signature.document_kind == DocumentKind.REPAIR_SLIP,
            Signature.signer_role == SignerRole.CUSTOMER,
            Signature.revision == job.revision,
        )
    )


def ensure_editable(session: Session, job: Job) -> None:
    """Signed means frozen: what the customer signed changes only through a new revision."""
    if current_signature(session, job) is not None:
        raise FrozenRecordError(
            f"job {job.ticket_number} was signed by the customer; "
            "start a new revision, which needs a new signature",
            ticket=job.ticket_number,
        )


def move(job: Job, target: JobStatus) -> None:
    """Change status through the state machine (same status is a no-op)."""
    if job.status != target:
        check_transition(job.status, target)
        job.status = target


def to_on_site(job: Job) -> None:
    """Work recorded at the customer's puts a job on site, from wherever the visit started."""
    if job.status in (JobStatus.ASSIGNED, JobStatus.CONFIRMED, JobStatus.EN_ROUTE):
        move(job, JobStatus.ON_SITE)
    elif job.status == JobStatus.NEW:
        move(job, JobStatus.ASSIGNED)
        move(job, JobStatus.ON_SITE)
