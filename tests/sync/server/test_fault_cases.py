"""The office keeps the fault-case library: a signed repair log becomes a case in the same
transaction, on SQLite and PostgreSQL; `fieldtech-office fault-cases` fills it from older logs."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from fieldtech.domain.enums import DocumentKind, FaultOutcome, JobCategory, JobStatus, SignerRole
from fieldtech.models import (
    Customer,
    CustomerItem,
    Diagnosis,
    FaultCase,
    Job,
    PartUsed,
    ProductCategory,
    Signature,
    Technician,
)
from fieldtech.store.codec import encode_row
from fieldtech.usecases.faultcases import fault_case_id
from sync.server.cli import main
from sync.server.db import make_engine, make_sessionmaker
from sync.server.replication.capture import install_office_capture
from sync.server.replication.tables import ChangeLogEntry


def _repair(session: Session, *, signed: bool) -> uuid.UUID:
    tech = Technician(username=f"t{uuid.uuid4().hex[:8]}", display_name="Li Na")
    category = ProductCategory(code=f"washer-{uuid.uuid4().hex[:6]}", name="Washing machine")
    customer = Customer(name="Zhang Wei", phone="13800138000", address="18 Jianguo Road")
    session.add_all([tech, category, customer])
    session.flush()
    item = CustomerItem(
        customer_id=customer.id,
        category_id=category.id,
        brand="Haier",
        model="WM-8000",
        serial="SN-1",
    )
    session.add(item)
    session.flush()
    job = Job(
        ticket_number=f"202611-{uuid.uuid4().int % 9000 + 1000}",
        customer_id=customer.id,
        item_id=item.id,
        category=JobCategory.PRODUCT_FAULT,
        technician_id=tech.id,
        status=JobStatus.SIGNED,
        work_done="Replaced the pump at 18 Jianguo Road",
    )
    session.add(job)
    session.flush()
    session.add(
        Diagnosis(job_id=job.id, symptoms="No drain", cause="Pump seized", fault_code="e21")
    )
    session.add(PartUsed(job_id=job.id, part_number="WM-PUMP-01", description="Drain pump"))
    session.flush()
    if signed:
        session.add(
            Signature(
                job_id=job.id,
                document_kind=DocumentKind.REPAIR_SLIP,
                subject_id=job.id,
                revision=1,
                signer_role=SignerRole.CUSTOMER,
                printed_name="Zhang Wei",
                content_hash="0" * 64,
            )
        )
    return job.id


def _logged(session: Session, record: uuid.UUID) -> bool:
    found = session.scalar(select(ChangeLogEntry.seq).where(ChangeLogEntry.record_id == record))
    return found is not None


def test_office_signed_log_becomes_case_in_same_transaction(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        sessions = make_sessionmaker(engine)
        with sessions.begin() as session:
            unsigned = _repair(session, signed=False)
            signed = _repair(session, signed=True)
        with sessions() as session:
            assert session.get(FaultCase, fault_case_id(unsigned)) is None
            fault = session.get(FaultCase, fault_case_id(signed))
            assert fault is not None
            fields = encode_row(FaultCase.__mapper__, fault)
            assert _logged(session, fault.id)  # laptops hear of it on their next pull
        assert (fields["model"], fields["fault_code"], fields["outcome"]) == (
            "WM-8000",
            "E21",
            FaultOutcome.FIXED.value,
        )
        assert "Jianguo" not in str(fields)
        assert "Zhang Wei" not in str(fields)
    finally:
        engine.dispose()


def test_cli_fault_cases_fills_library_from_logs_signed_before_it(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = make_engine(database_url)
    try:
        before = sessionmaker(engine, expire_on_commit=False)  # an office without the library
        install_office_capture(before)
        with before.begin() as session:
            job_id = _repair(session, signed=True)
        with before() as session:
            assert session.get(FaultCase, fault_case_id(job_id)) is None
        assert main(["--database-url", database_url, "fault-cases"]) == 0
        assert "1 case(s) from signed repair logs" in capsys.readouterr().out
        with before() as session:
            fault = session.get(FaultCase, fault_case_id(job_id))
            assert fault is not None
            assert fault.parts == [
                {"part_number": "WM-PUMP-01", "description": "Drain pump", "quantity": 1}
            ]
            assert _logged(session, fault.id)
        assert main(["--database-url", database_url, "fault-cases"]) == 0  # idempotent
        with before() as session:
            assert len(session.scalars(select(FaultCase)).all()) == 1
    finally:
        engine.dispose()
