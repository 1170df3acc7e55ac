"""A code printed on a signed slip leads the office to the record and revision it belongs to."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from fieldtech.domain.enums import DocumentKind, JobCategory, SignerRole
from fieldtech.domain.errors import ValidationError
from fieldtech.models import Customer, Job, Signature
from fieldtech.rules.signing import content_hash, verification_code
from sync.server.db import make_engine, make_sessionmaker
from sync.server.verify import verify_code
from tests.sync.server.conftest import AddUser


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


def test_verify_command_names_the_document_or_says_it_matches_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sync.server.cli import main

    url = f"sqlite:///{tmp_path / 'office.db'}"
    assert main(["--database-url", url, "init"]) == 0
    engine = make_engine(url)
    with make_sessionmaker(engine)() as session:
        _, code = signed_job(session, {"ticket": "202611-321", "total": "268.40"})
    engine.dispose()
    capsys.readouterr()
    assert main(["--database-url", url, "verify", code]) == 0
    out = capsys.readouterr().out
    assert "repair slip of ticket 202611-321, revision 2" in out
    assert "Zhang Wei (customer)" in out
    wrong = verification_code(content_hash({"forged": "yes"}))
    assert main(["--database-url", url, "verify", wrong]) == 1
    assert "matches no signed document" in capsys.readouterr().out
    assert main(["--database-url", url, "verify", "nonsense"]) == 2


def test_dashboard_verify_page_shows_match_no_match_and_bad_code(
    client: TestClient, add_user: AddUser
) -> None:
    from tests.sync.server.test_dashboard import _sign_in

    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        job_id, code = signed_job(session, {"ticket": "202611-321", "total": "268.40"})
    add_user("clerk")
    _sign_in(client, "clerk")
    page = client.get("/verify", params={"code": code})
    assert page.status_code == 200
    assert "Genuine" in page.text
    assert f"/jobs/{job_id}" in page.text
    assert "Zhang Wei" in page.text
    forged = verification_code(content_hash({"forged": "yes"}))
    assert "No signed document has this code" in client.get("/verify", params={"code": forged}).text
    bad = client.get("/verify", params={"code": "<script>x</script>"})
    assert "That is not a verification code" in bad.text
    assert "<script>x" not in bad.text
