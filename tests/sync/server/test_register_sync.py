"""The repair register with a real laptop: an item taken back offline arrives by sync, a movement
recorded at the office reaches the laptop, and the return receipt printed at the office carries
the verification code the customer's signature binds."""

from __future__ import annotations

import datetime as dt
import subprocess
import uuid

from fastapi.testclient import TestClient
from sqlalchemy import select

from fieldtech.domain.enums import MovementKind
from fieldtech.models import ItemMovement, Signature
from fieldtech.rules.calendar import WorkingCalendar
from fieldtech.rules.signing import verification_code
from fieldtech.store.engine import Store
from fieldtech.usecases.visit import record_arrival
from fieldtech.usecases.workshop import return_item, take_item_back
from tests.sync.server.conftest import AddUser
from tests.sync.server.test_sync_http import (
    assign_new_job,
    laptop,  # noqa: F401  (fixture)
    technician_engine,
)
from tests.tools import need_executable


def test_item_round_trip_between_laptop_register_and_printed_return_receipt(
    client: TestClient,
    add_user: AddUser,
    office: dict[str, str],
    laptop: Store,  # noqa: F811
) -> None:
    engine, technician_id = technician_engine(client, add_user, laptop, uuid.uuid4())
    job = assign_new_job(client, office, technician_id)
    assert engine.sync().ok
    job_id = uuid.UUID(job["id"])
    record_arrival(laptop.sessions, job_id)
    today = dt.datetime.now(dt.UTC).date()
    pickup = take_item_back(
        laptop.sessions,
        job_id,
        condition="Scratch on the lid",
        accessories=["power cord"],
        reason="Motor must be replaced in the workshop",
        calendar=WorkingCalendar(),
        today=today,
        customer_name="王芳",
        technician_name="Li Na",
    )
    assert engine.sync().ok

    rows = client.get("/api/v1/register?held=true", headers=office).json()["items"]
    assert [r["receipt_number"] for r in rows] == [pickup.receipt_number]
    row = rows[0]
    assert row["state"] == "taken"
    assert row["promised_return_date"] == WorkingCalendar().add_working_days(today, 3).isoformat()

    moved = client.post(
        f"/api/v1/register/{pickup.id}/movements",
        json={"kind": "in_workshop", "expected_last_movement_id": row["last_movement_id"]},
        headers=office,
    )
    assert moved.status_code == 201, moved.text
    assert engine.sync().ok
    with laptop.sessions() as session:
        kinds = session.scalars(
            select(ItemMovement.kind)
            .where(ItemMovement.pickup_id == pickup.id)
            .order_by(ItemMovement.at)
        ).all()
        assert kinds == [MovementKind.TAKEN, MovementKind.IN_WORKSHOP]

    receipt = return_item(
        laptop.sessions,
        pickup.id,
        work_done="Motor replaced",
        condition_on_return="As taken",
        charges_total="0.00",
        customer_name="王芳",
    )
    assert engine.sync().ok
    row = client.get("/api/v1/register", headers=office).json()["items"][0]
    assert row["state"] == "returned"
    assert [r["receipt_number"] for r in row["return_receipts"]] == [receipt.receipt_number]

    receipt_id = row["return_receipts"][0]["id"]
    pdf = client.get(
        f"/api/v1/register/return-receipts/{receipt_id}.pdf?paper=80mm&lang=zh", headers=office
    )
    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        signed = session.scalars(
            select(Signature.content_hash).where(Signature.subject_id == uuid.UUID(receipt_id))
        ).one()
    assert pdf.headers["x-verification-code"] == verification_code(signed)
    pdftotext = need_executable("pdftotext", "poppler-utils")
    text = subprocess.run(
        [pdftotext, "-", "-"], input=pdf.content, capture_output=True, check=True
    ).stdout.decode()
    assert receipt.receipt_number in text
    assert "王芳" in text


def test_return_receipt_pdf_of_unknown_receipt_is_404_and_bad_paper_422(
    client: TestClient, office: dict[str, str]
) -> None:
    missing = client.get(f"/api/v1/register/return-receipts/{uuid.uuid4()}.pdf", headers=office)
    assert missing.status_code == 404
    bad = client.get(
        f"/api/v1/register/return-receipts/{uuid.uuid4()}.pdf?paper=a3", headers=office
    )
    assert bad.status_code == 422
    assert "paper" in bad.text
