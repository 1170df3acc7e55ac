"""The office turns each repair log signed at a customer's into a case of the fault-case library.

Two session events, so that a signature is turned into a case however it reaches the office (a
technician's push, a repair, a test): `after_flush` notes the jobs whose customer signed the
repair slip, and `after_flush_postexec`, when those rows are in the database, derives their cases
into the same transaction (the commit flushes them with everything else).
"""

from __future__ import annotations

import logging
import uuid

from sqlalchemy import event, select
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker

from fieldtech.domain.enums import DocumentKind, SignerRole
from fieldtech.models import Signature
from fieldtech.usecases.faultcases import derive_fault_case

log = logging.getLogger(__name__)
PENDING = "fieldtech.fault_case_jobs"


def _note_signed(session: Session, flush_context: UOWTransaction) -> None:
    jobs: set[uuid.UUID] = session.info.setdefault(PENDING, set())
    for obj in (*session.new, *session.dirty):
        if (
            isinstance(obj, Signature)
            and obj.document_kind == DocumentKind.REPAIR_SLIP
            and obj.signer_role == SignerRole.CUSTOMER
        ):
            jobs.add(obj.job_id)


def _derive_noted(session: Session, flush_context: UOWTransaction) -> None:
    jobs: set[uuid.UUID] = session.info.pop(PENDING, set())
    for job_id in sorted(jobs):
        try:
            with session.no_autoflush:
                derive_fault_case(session, job_id)
        except Exception:  # a log the library cannot read must never refuse the technician's work
            log.exception("could not derive the fault case of job %s", job_id)


def install_fault_case_derivation(sessions: sessionmaker[Session]) -> None:
    if not getattr(sessions, "_fieldtech_fault_cases", False):
        event.listen(sessions, "after_flush", _note_signed)
        event.listen(sessions, "after_flush_postexec", _derive_noted)
        sessions._fieldtech_fault_cases = True  # type: ignore[attr-defined]


def rebuild_fault_cases(session: Session) -> int:
    """Derive the case of every job whose current revision the customer signed, in the caller's
    transaction; for repair logs signed before the office kept a library. Returns the number of
    cases the library then holds for them."""
    jobs = session.scalars(
        select(Signature.job_id)
        .where(
            Signature.document_kind == DocumentKind.REPAIR_SLIP,
            Signature.signer_role == SignerRole.CUSTOMER,
        )
        .distinct()
    ).all()
    made = 0
    for job_id in sorted(jobs):
        with session.no_autoflush:
            fault = derive_fault_case(session, job_id)
        if fault is not None:
            made += 1
    session.flush()
    return made
