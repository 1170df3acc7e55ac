"""Settings API: admins write, supervisors read, bad input named by field, and what the office
configures reaches a technician's laptop through sync."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import select

from fieldtech.models import VanStock
from fieldtech.store.capture import install_capture
from fieldtech.store.engine import Store, open_store
from fieldtech.usecases.company import settings_from_tables
from fieldtech.usecases.documents import company_settings
from sync.server.models import AuditEntry, Role
from tests.sync.server.conftest import AddUser, sign_in_device
from tests.sync.server.test_sync_http import KEY, technician_engine

PROFILE = {
    "name": "华信家电服务有限公司",
    "address": "88 Jiangning Road, Shanghai",
    "phone": "+86 21 6255 0188",
    "currency": "CNY",
    "tax_rate": "0.09",
    "timezone": "Asia/Shanghai",
    "calendar_country": "CN",
    "document_language": "zh",
}


def png(width: int = 40, height: int = 20) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def admin(client: TestClient, add_user: AddUser) -> dict[str, str]:
    add_user("boss", Role.ADMIN)
    return sign_in_device(client, "boss", name="admin console")


@pytest.fixture
def supervisor(client: TestClient, add_user: AddUser) -> dict[str, str]:
    add_user("sup", Role.SUPERVISOR)
    return sign_in_device(client, "sup", name="supervisor console")


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "store.db", KEY, on_sessionmaker=[install_capture]) as store:
        yield store


def test_company_profile_saved_by_admin_is_read_back_and_audited(
    client: TestClient, admin: dict[str, str]
) -> None:
    before = client.get("/api/v1/settings/company", headers=admin)
    assert before.status_code == 200
    assert before.json()["currency"] == "CNY"
    saved = client.put("/api/v1/settings/company", json=PROFILE, headers=admin)
    assert saved.status_code == 200, saved.text
    assert saved.json()["name"] == PROFILE["name"]
    assert saved.json()["tax_rate"] == "0.09"
    assert client.get("/api/v1/settings/company", headers=admin).json()["document_language"] == "zh"
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        entry = session.scalar(select(AuditEntry).where(AuditEntry.entity == "company_profile"))
        assert entry is not None
        assert entry.username == "boss"
        assert entry.changes["tax_rate"] == ["0.13", "0.09"]


def test_supervisor_reads_but_may_not_write_and_office_may_not_read(
    client: TestClient, admin: dict[str, str], supervisor: dict[str, str], office: dict[str, str]
) -> None:
    assert client.get("/api/v1/settings/categories", headers=supervisor).status_code == 200
    assert (
        client.put("/api/v1/settings/company", json=PROFILE, headers=supervisor).status_code == 403
    )
    assert client.get("/api/v1/settings/company", headers=office).status_code == 403


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"currency": "yuan"}, "currency"),
        ({"tax_rate": "1.5"}, "tax_rate"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"calendar_country": "XX"}, "calendar_country"),
        ({"phone": "<script>alert(1)</script>"}, "phone"),
        ({"surprise": 1}, "surprise"),
    ],
)
def test_bad_profile_is_refused_naming_the_field_and_nothing_is_stored(
    client: TestClient, admin: dict[str, str], change: dict[str, object], field: str
) -> None:
    answer = client.put("/api/v1/settings/company", json={**PROFILE, **change}, headers=admin)
    assert answer.status_code == 422, answer.text
    assert field in [loc for item in answer.json()["detail"] for loc in item["loc"]]
    assert client.get("/api/v1/settings/company", headers=admin).json()["name"] != PROFILE["name"]


@pytest.mark.parametrize(
    ("filename", "data", "reason"),
    [
        ("../../etc/passwd.png", None, "folders"),
        ("..\\logo.png", None, "folders"),
        ("logo.png\x00.txt", None, "folders"),
        (".hidden.png", None, "folders"),
        ("logo.gif", None, "folders"),
        ("logo.png", b"GIF89a not a png", "not a PNG"),
        ("logo.png", b"\x89PNG\r\n\x1a\n" + bytes(300 * 1024), "too big"),
    ],
)
def test_logo_path_tricks_other_files_and_big_ones_are_refused(
    client: TestClient, admin: dict[str, str], filename: str, data: bytes | None, reason: str
) -> None:
    answer = client.put(
        "/api/v1/settings/company/logo",
        files={"logo": (filename, data or png(), "image/png")},
        headers=admin,
    )
    assert answer.status_code == 422, answer.text
    detail = answer.json()["detail"][0]
    assert detail["loc"] == ["body", "logo"]
    assert reason in detail["msg"]
    assert client.get("/api/v1/settings/company/logo", headers=admin).status_code == 404


def test_logo_uploaded_is_served_back_byte_for_byte(
    client: TestClient, admin: dict[str, str]
) -> None:
    picture = png()
    answer = client.put(
        "/api/v1/settings/company/logo",
        files={"logo": ("公司 logo (2).PNG", picture, "application/octet-stream")},
        headers=admin,
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["logo_type"] == "image/png"
    served = client.get("/api/v1/settings/company/logo", headers=admin)
    assert served.headers["content-type"] == "image/png"
    assert served.content == picture
    assert client.delete("/api/v1/settings/company/logo", headers=admin).json()["logo_sha256"] == ""


def test_categories_created_and_edited_with_labour_and_refused_by_field(
    client: TestClient, admin: dict[str, str]
) -> None:
    body = {"code": "range_hood", "name": "Range hood", "warranty_months": 18}
    created = client.post(
        "/api/v1/settings/categories",
        json={**body, "labour_basis": "flat", "labour_rate": "150.00"},
        headers=admin,
    )
    assert created.status_code == 201, created.text
    twice = client.post(
        "/api/v1/settings/categories", json={**body, "labour_rate": "1"}, headers=admin
    )
    assert twice.status_code == 422
    assert twice.json()["detail"][0]["loc"] == ["body", "code"]
    edited = client.put(
        "/api/v1/settings/categories/range_hood",
        json={"name": "Range hood", "warranty_months": 24, "labour_rate": "160.5"},
        headers=admin,
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["warranty_months"] == 24
    assert edited.json()["labour_basis"] == "per_hour"
    too_long = client.put(
        "/api/v1/settings/categories/range_hood",
        json={"warranty_months": 999, "labour_rate": "1"},
        headers=admin,
    )
    assert too_long.status_code == 422
    assert too_long.json()["detail"][0]["loc"][-1] == "warranty_months"
    missing = client.put(
        "/api/v1/settings/categories/nope",
        json={"warranty_months": 1, "labour_rate": "1"},
        headers=admin,
    )
    assert missing.status_code == 404


def test_depreciation_table_saved_and_a_falling_rate_refused_naming_the_band(
    client: TestClient, admin: dict[str, str]
) -> None:
    bands = [{"up_to_days": 7, "rate": "0"}, {"up_to_days": 60, "rate": "0.1"}, {"rate": "0.4"}]
    saved = client.put("/api/v1/settings/depreciation", json={"bands": bands}, headers=admin)
    assert saved.status_code == 200, saved.text
    assert [b["up_to_days"] for b in saved.json()["bands"]] == [7, 60, None]
    falling = [{"up_to_days": 7, "rate": "0.2"}, {"rate": "0.1"}]
    refused = client.put("/api/v1/settings/depreciation", json={"bands": falling}, headers=admin)
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "depreciation[1].rate"]
    assert len(client.get("/api/v1/settings/depreciation", headers=admin).json()["bands"]) == 3


def test_calendar_override_put_listed_and_deleted(
    client: TestClient, admin: dict[str, str]
) -> None:
    put = client.put(
        "/api/v1/settings/calendar/2026-12-24",
        json={"working": False, "note": "outing"},
        headers=admin,
    )
    assert put.status_code == 200, put.text
    again = client.put(
        "/api/v1/settings/calendar/2026-12-24", json={"working": True}, headers=admin
    )
    assert again.json()["working"] is True
    listed = client.get("/api/v1/settings/calendar", params={"year": 2026}, headers=admin).json()
    assert [o["day"] for o in listed] == ["2026-12-24"]
    assert client.get("/api/v1/settings/calendar?year=1900", headers=admin).status_code == 422
    assert client.delete("/api/v1/settings/calendar/2026-12-24", headers=admin).status_code == 204
    assert client.delete("/api/v1/settings/calendar/2026-12-24", headers=admin).status_code == 404


def test_van_stock_issue_replenish_count_with_trail(
    client: TestClient, admin: dict[str, str], add_user: AddUser
) -> None:
    add_user("tech.wu", Role.TECHNICIAN)
    techs = client.get("/api/v1/technicians", headers=admin).json()
    tech = next(t["id"] for t in techs if t["username"] == "tech.wu")
    part = {"part_number": "PCB-100", "description": "Control board", "unit_price": "320.00"}
    assert client.post("/api/v1/settings/parts", json=part, headers=admin).status_code == 201
    moves = f"/api/v1/settings/van-stock/{tech}/moves"
    count_first = client.post(
        moves, json={"kind": "count", "part_number": "PCB-100", "quantity": 1}, headers=admin
    )
    assert count_first.status_code == 422
    assert count_first.json()["detail"][0]["loc"] == ["body", "part_number"]
    issued = client.post(
        moves, json={"kind": "issue", "part_number": "PCB-100", "quantity": 3}, headers=admin
    )
    assert issued.status_code == 201, issued.text
    assert issued.json()["line"]["quantity"] == 3
    low = client.post(
        moves, json={"kind": "replenish", "part_number": "PCB-100", "quantity": 2}, headers=admin
    )
    assert low.status_code == 422
    assert low.json()["detail"][0]["loc"] == ["body", "quantity"]
    topped = client.post(
        moves, json={"kind": "replenish", "part_number": "PCB-100", "quantity": 5}, headers=admin
    )
    assert topped.json()["movement"]["change"] == 2
    counted = client.post(
        moves,
        json={"kind": "count", "part_number": "PCB-100", "quantity": 4, "note": "one missing"},
        headers=admin,
    )
    assert counted.json()["movement"]["change"] == -1
    trail = client.get(moves, headers=admin).json()
    assert [(m["kind"], m["change"], m["quantity_after"]) for m in trail] == [
        ("count", -1, 4),
        ("replenish", 2, 5),
        ("issue", 3, 3),
    ]
    assert all(m["username"] == "boss" for m in trail)
    lines = client.get(f"/api/v1/settings/van-stock/{tech}", headers=admin).json()
    assert lines == [
        {
            "part_number": "PCB-100",
            "description": "Control board",
            "quantity": 4,
            "unit_price": "320.00",
        }
    ]
    nobody = client.get(f"/api/v1/settings/van-stock/{uuid.uuid4()}", headers=admin)
    assert nobody.status_code == 404


def test_what_the_office_configures_reaches_the_laptop_by_sync(
    client: TestClient, admin: dict[str, str], add_user: AddUser, laptop: Store, tmp_path: Path
) -> None:
    engine, technician_id = technician_engine(client, add_user, laptop, uuid.uuid4())
    assert engine.sync().ok
    with laptop.sessions() as session:
        assert settings_from_tables(session) is None
    picture = png()
    assert client.put("/api/v1/settings/company", json=PROFILE, headers=admin).status_code == 200
    logo = client.put(
        "/api/v1/settings/company/logo", files={"logo": ("logo.png", picture)}, headers=admin
    )
    assert logo.status_code == 200
    category = {"code": "oven", "warranty_months": 6, "labour_basis": "flat", "labour_rate": "90"}
    assert client.post("/api/v1/settings/categories", json=category, headers=admin).is_success
    day = client.put("/api/v1/settings/calendar/2026-12-28", json={"working": False}, headers=admin)
    assert day.is_success
    part = {"part_number": "HOSE-2", "description": "Drain hose", "unit_price": "25.00"}
    assert client.post("/api/v1/settings/parts", json=part, headers=admin).is_success
    move = {"kind": "issue", "part_number": "HOSE-2", "quantity": 6}
    moved = client.post(
        f"/api/v1/settings/van-stock/{technician_id}/moves", json=move, headers=admin
    )
    assert moved.status_code == 201, moved.text

    report = engine.sync()
    assert report.ok, report.message
    with laptop.sessions() as session:
        settings = company_settings(session)
        assert settings.name == PROFILE["name"]
        assert str(settings.tax_rate) == "0.09"
        assert settings.document_language.value == "zh"
        assert settings.warranty_months_for("oven") == 6
        assert settings.labour_rate_for("oven").amount == 90
        assert not settings.calendar().is_working_day(dt.date(2026, 12, 28))
        assert settings.logo_path is not None
        assert Path(settings.logo_path).read_bytes() == picture
        stock = session.scalars(select(VanStock)).all()
        assert [(s.part_number, s.quantity) for s in stock] == [("HOSE-2", 6)]
