"""A code printed on a signed slip leads the office to the record and revision it belongs to."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from fieldtech.domain.enums import DocumentKind, JobCategory, SignerRole
from fieldtech.domain.errors import ValidationError
from fieldtech.models import Customer, Job, Signature
from fieldtech.rules.signing import content_hash, verification_code
from sync.server.verify import verify_code


def signed_job(session: Session, content: dict[str, str]) -> tuple[uuid.UUID, str]:
    customer = Customer(name="Zhang Wei")
    session.add(customer)
    session.flush()
    job = Job(
        ticket_number="202611-321", customer_id=customer.id, category=JobCategory.PRODUCT_FAULT
    )
    session.add(job)
    session.flush()
    digest = content_hash(content)
    session.add(
        Signature(
            job_id=job.id,
            document_kind=DocumentKind.REPAIR_SLIP,
            subject_id=job.id,
            revision=2,
            signer_role=SignerRole.CUSTOMER,
            printed_name="Zhang Wei",
            content_hash=digest,
        )
    )
    session.commit()
    return job.id, verification_code(digest)


def test_printed_code_finds_document_revision_and_signer(client: TestClient) -> None:
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        job_id, code = signed_job(session, {"ticket": "202611-321", "total": "268.40"})
        found = verify_code(session, code.lower().replace("-", " "))
    assert found is not None
    assert (found.job_id, found.ticket_number, found.revision) == (job_id, "202611-321", 2)
    assert [s.printed_name for s in found.signers] == ["Zhang Wei"]


def test_code_of_altered_content_matches_nothing(client: TestClient) -> None:
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        signed_job(session, {"ticket": "202611-321", "total": "268.40"})
        altered = verification_code(content_hash({"ticket": "202611-321", "total": "26.84"}))
        assert verify_code(session, altered) is None


def test_text_that_is_not_a_code_is_refused_plainly(client: TestClient) -> None:
    with client.app.state.sessionmaker() as session, pytest.raises(ValidationError) as raised:  # type: ignore[attr-defined]
        verify_code(session, "hello")
    assert raised.value.field == "code"
