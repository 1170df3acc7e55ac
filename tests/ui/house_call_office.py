"""The office side of the house call: accounts, bookings and van stock made through the office's
own HTTP API, and what that API shows once the laptop has synced."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import httpx
import pytest
from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST

from fieldtech.rules.signing import verification_code
from sync.server.db import make_engine, make_sessionmaker
from sync.server.models import Role
from sync.server.replication.blobs import BlobFolder
from sync.server.security import use_hasher
from sync.server.settings import default_attachments_dir
from sync.server.users import create_user
from tests.ui.office import PASSWORD, TECHNICIAN

CLERK = "zhao.clerk"
STOCK_ADMIN = "qian.stores"
PUMP = ("DP-220", "Drain pump 220 V", Decimal("46.50"))
BELT = ("BELT-1270", "Drum belt 1270 J5", Decimal("12.80"))


class OfficeDesk:
    """The office's HTTP API as an API client uses it: a device token of an office account."""

    def __init__(self, base_url: str, username: str) -> None:
        body = {
            "username": username,
            "password": PASSWORD,
            "device_id": str(uuid.uuid4()),
            "device_name": f"{username} desk",
        }
        answer = httpx.post(f"{base_url}/api/v1/devices/signin", json=body, timeout=30)
        assert answer.status_code == 201, answer.text
        self.client = httpx.Client(
            base_url=f"{base_url}/api/v1",
            headers={"Authorization": f"Bearer {answer.json()['token']}"},
            timeout=30,
        )

    def get(self, path: str, **params: Any) -> Any:
        answer = self.client.get(path, params=params)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def post(self, path: str, body: dict[str, Any]) -> Any:
        answer = self.client.post(path, json=body)
        assert answer.status_code in (200, 201), answer.text
        return answer.json()


def add_office_users(database_url: str) -> None:
    """An office clerk (jobs, register) and a stores admin (parts catalogue, van stock)."""
    previous = use_hasher(PasswordHasher.from_parameters(CHEAPEST))
    engine = make_engine(database_url)
    try:
        with make_sessionmaker(engine)() as session:
            create_user(session, CLERK, Role.OFFICE, PASSWORD, display_name="Zhao Min")
            create_user(session, STOCK_ADMIN, Role.ADMIN, PASSWORD, display_name="Qian Lei")
            session.commit()
    finally:
        engine.dispose()
        use_hasher(previous)


def book(desk: OfficeDesk, technician_id: str, hours: tuple[int, int], **job: Any) -> str:
    """Intake a customer call and assign it with an appointment window today (local time)."""
    created = desk.post("/jobs", job)
    today = dt.date.today()
    start, end = (
        dt.datetime.combine(today, dt.time(hour)).astimezone().isoformat() for hour in hours
    )
    assigned = desk.post(
        f"/jobs/{created['id']}/assign",
        {
            "expected_updated_at": created["updated_at"],
            "technician_id": technician_id,
            "appointment_start": start,
            "appointment_end": end,
        },
    )
    assert assigned["status"] == "assigned"
    return str(created["id"])


@pytest.fixture
def booked(office: str, office_db: str) -> Iterator[dict[str, Any]]:
    """Two jobs booked for the technician today and two parts on the van, all at the office."""
    add_office_users(office_db)
    clerk = OfficeDesk(office, CLERK)
    stores = OfficeDesk(office, STOCK_ADMIN)
    technician = next(t for t in clerk.get("/technicians") if t["username"] == TECHNICIAN)
    for number, description, price in (PUMP, BELT):
        stores.post(
            "/settings/parts",
            {"part_number": number, "description": description, "unit_price": str(price)},
        )
        stores.post(
            f"/settings/van-stock/{technician['id']}/moves",
            {"kind": "issue", "part_number": number, "quantity": 3, "note": "morning load"},
        )
    repair = book(
        clerk,
        technician["id"],
        (9, 11),
        customer={"name": "Chen Jing 陈静", "phone": "+86 139 1111 2222", "address": "8 Elm Rd"},
        item={"brand": "Acme", "model": "WM-800", "serial": "SN-REPAIR-1"},
        fault_description="Water stays in the drum after the cycle",
        category="product_fault",
    )
    take_back = book(
        clerk,
        technician["id"],
        (13, 15),
        customer={"name": "Liu Yang 刘洋", "phone": "+86 137 3333 4444", "address": "2 Oak St"},
        item={"brand": "Acme", "model": "DW-40", "serial": "SN-WORKSHOP-2"},
        fault_description="Dishwasher trips the breaker",
        category="product_fault",
    )
    yield {
        "base_url": office,
        "clerk": clerk,
        "stores": stores,
        "technician_id": technician["id"],
        "repair": uuid.UUID(repair),
        "take_back": uuid.UUID(take_back),
    }
    clerk.client.close()
    stores.client.close()


def office_sees_it(
    booked: dict[str, Any], office_db: str, slip_code: str, receipt: dict[str, str]
) -> None:
    """The office's API, read by the clerk: the repair complete, the item in the register, both
    printed codes confirmed by the verification page."""
    clerk: OfficeDesk = booked["clerk"]
    record = clerk.get(f"/jobs/{booked['repair']}")
    job = record["job"]
    assert job["status"] == "signed"
    assert [
        (v["arrived_at"] is not None, v["departed_at"] is not None) for v in record["visits"]
    ] == [(True, True)]
    assert [(d["symptoms"], d["cause"], d["fault_code"]) for d in record["diagnoses"]] == [
        ("Water left in the drum, pump hums", "Drain pump seized; drum belt worn", "E21")
    ]
    assert sorted(
        (p["part_number"], p["quantity"], p["serial_removed"], p["serial_fitted"], p["unit_price"])
        for p in record["parts"]
    ) == [
        ("BELT-1270", 1, "", "", "12.80"),
        ("DP-220", 1, "P-OLD-77", "P-NEW-91", "46.50"),
    ]
    assert [(c["kind"], c["description"], c["unit_price"]) for c in record["charges"]] == [
        ("labour", "Replace drain pump and drum belt", "80.00")
    ]
    assert [(p["method"], p["amount"]) for p in record["payments"]] == [("cash", "80.00")]
    [signature] = record["signatures"]
    assert signature["document_kind"] == "repair_slip"
    assert signature["signer_role"] == "customer"
    assert signature["printed_name"] == "Chen Jing 陈静"
    assert verification_code(signature["content_hash"]) == slip_code
    [image] = [a for a in record["attachments"] if a["kind"] == "signature"]
    assert image["sha256"] == signature["image_sha256"]
    blob = BlobFolder(default_attachments_dir(office_db)).read(image["sha256"])
    assert blob.startswith(b"\x89PNG")
    assert len(blob) == image["size"]

    stores: OfficeDesk = booked["stores"]
    van = {
        line["part_number"]: line["quantity"]
        for line in stores.get(f"/settings/van-stock/{booked['technician_id']}")
    }
    assert van == {PUMP[0]: 2, BELT[0]: 2}

    held = clerk.get("/register", held="true")
    [row] = held["items"]
    assert row["job_id"] == str(booked["take_back"])
    assert row["receipt_number"] == receipt["number"]
    assert row["state"] == "taken"
    assert row["held"] is True
    assert row["condition"] == "Scratch on the door, front panel dented"
    assert row["reason"] == "Heating element shorts to earth; workshop test needed"
    assert row["promised_return_date"] == receipt["promised"]
    taken = clerk.get(f"/jobs/{booked['take_back']}")
    assert taken["job"]["status"] == "item_in_workshop"
    [pickup] = taken["pickups"]
    assert pickup["accessories"] == ["Cutlery basket", "Power cord"]
    assert {(s["document_kind"], s["signer_role"]) for s in taken["signatures"]} == {
        ("pickup_receipt", "customer"),
        ("pickup_receipt", "technician"),
    }

    # Both printed codes check out on the dashboard's verification page, as a clerk looks them up.
    page = _verify_page(booked["base_url"], slip_code)
    assert '<section class="verified ok"' in page
    assert job["ticket_number"] in page
    assert "Chen Jing 陈静" in page
    page = _verify_page(booked["base_url"], receipt["code"])
    assert '<section class="verified ok"' in page
    assert taken["job"]["ticket_number"] in page
    assert "Liu Yang 刘洋" in page
    assert "Wang Fang" in page


def _verify_page(base_url: str, code: str) -> str:
    """The /verify page for `code`, signed in to the dashboard as the clerk."""
    with httpx.Client(base_url=base_url, timeout=30) as browser:
        signed = browser.post("/api/v1/session", json={"username": CLERK, "password": PASSWORD})
        assert signed.status_code == 201, signed.text
        # The session cookie is marked Secure, which an http:// loopback client would not send.
        cookie = signed.cookies["ft_session"]
        page = browser.get(
            "/verify", params={"code": code}, headers={"Cookie": f"ft_session={cookie}"}
        )
        assert page.status_code == 200, page.text
        return page.text
