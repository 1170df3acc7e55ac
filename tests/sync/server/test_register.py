"""The repair register API: items held with promised dates in working days, overdue flags,
filters, sorting, CSV, movements checked in order with a version precondition and an audit row."""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from typing import Any
from zoneinfo import ZoneInfo

from fastapi.testclient import TestClient
from sqlalchemy import select

from fieldtech.domain.enums import MovementKind
from fieldtech.models import ItemMovement, PickupReceipt
from sync.server.models import AuditEntry
from sync.server.replication.tables import ChangeLogEntry
from sync.server.verify import verify_code
from tests.sync.server.conftest import intake

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _today() -> dt.date:
    return dt.datetime.now(SHANGHAI).date()


def _held(
    client: TestClient,
    office: dict[str, str],
    number: str,
    promised: dt.date,
    *,
    name: str = "王芳",
    moves: tuple[MovementKind, ...] = (),
) -> uuid.UUID:
    """A job whose item a technician took to the workshop (as a synced pickup would arrive)."""
    customer = {"name": name, "phone": "+86 138 0000 0000", "address": "1 Road"}
    job = client.post("/api/v1/jobs", json=intake(customer=customer), headers=office).json()
    taken = dt.datetime.combine(promised - dt.timedelta(days=5), dt.time(10), SHANGHAI)
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        pickup = PickupReceipt(
            job_id=uuid.UUID(job["id"]),
            receipt_number=number,
            condition="scratched lid",
            reason="needs a new motor",
            taken_at=taken,
            promised_return_date=promised,
        )
        session.add(pickup)
        session.flush()
        at = taken
        for kind in (MovementKind.TAKEN, *moves):
            session.add(ItemMovement(pickup_id=pickup.id, kind=kind, at=at, by_name="tech.li"))
            at += dt.timedelta(hours=1)
        session.commit()
        return pickup.id


def _items(client: TestClient, office: dict[str, str], query: str = "") -> list[dict[str, Any]]:
    response = client.get(f"/api/v1/register?{query}", headers=office)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def test_register_shows_state_promised_date_and_overdue_in_working_days(
    client: TestClient, office: dict[str, str]
) -> None:
    today = _today()
    late = _held(client, office, "P-A-0001", today - dt.timedelta(days=10))
    fine = _held(
        client, office, "P-A-0002", today + dt.timedelta(days=2), moves=(MovementKind.IN_WORKSHOP,)
    )
    rows = {row["pickup_id"]: row for row in _items(client, office)}
    assert rows[str(late)]["overdue"] is True
    assert rows[str(late)]["state"] == "taken"
    assert 5 <= rows[str(late)]["working_days_overdue"] <= 8
    assert rows[str(fine)]["overdue"] is False
    assert rows[str(fine)]["state"] == "in_workshop"
    assert rows[str(fine)]["next_kinds"] == ["repaired", "returned"]
    assert [m["kind"] for m in rows[str(fine)]["movements"]] == ["taken", "in_workshop"]
    back = _move(client, office, late, "returned", rows[str(late)]["last_movement_id"])
    assert back.status_code == 201, back.text
    assert back.json()["overdue"] is False
    assert back.json()["returned_late"] is True
    assert back.json()["next_kinds"] == []


def test_register_filters_held_overdue_state_and_search(
    client: TestClient, office: dict[str, str]
) -> None:
    today = _today()
    _held(client, office, "P-A-0001", today - dt.timedelta(days=10), name="Overdue Owner")
    _held(
        client, office, "P-A-0002", today + dt.timedelta(days=3), moves=(MovementKind.IN_WORKSHOP,)
    )
    _held(
        client,
        office,
        "P-A-0003",
        today - dt.timedelta(days=20),
        moves=(MovementKind.IN_WORKSHOP, MovementKind.REPAIRED, MovementKind.RETURNED),
    )

    def numbers(query: str) -> list[str]:
        return [row["receipt_number"] for row in _items(client, office, query)]

    assert numbers("") == ["P-A-0003", "P-A-0001", "P-A-0002"]
    assert numbers("held=true") == ["P-A-0001", "P-A-0002"]
    assert numbers("overdue=true") == ["P-A-0001"]
    assert numbers("state=returned") == ["P-A-0003"]
    assert numbers("q=overdue%20owner") == ["P-A-0001"]
    assert numbers("q=P-A-0002") == ["P-A-0002"]
    assert numbers("sort=-promised_return_date") == ["P-A-0002", "P-A-0001", "P-A-0003"]
    returned = _items(client, office, "state=returned")[0]
    assert returned["overdue"] is False
    assert returned["returned_late"] is False  # back five days before the promised date


def test_register_bad_query_values_refused_naming_them(
    client: TestClient, office: dict[str, str]
) -> None:
    for query, field in (
        ("state=lost", "state"),
        ("sort=colour", "sort"),
        ("taken_from=2026-12-10&taken_to=2026-12-01", "taken_to"),
        ("page_size=500", "page_size"),
        ("taken_from=0001-01-01", "taken_from"),
        ("taken_to=9999-12-31", "taken_to"),
    ):
        response = client.get(f"/api/v1/register?{query}", headers=office)
        assert response.status_code == 422, query
        assert field in response.text, query


def test_register_csv_lists_rows_and_disarms_formulas(
    client: TestClient, office: dict[str, str]
) -> None:
    _held(client, office, "P-A-0001", _today() - dt.timedelta(days=9), name="=HYPERLINK(1)")
    response = client.get("/api/v1/register/export.csv?held=true", headers=office)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["receipt_number", "ticket_number", "state"]
    assert rows[1][0] == "P-A-0001"
    assert rows[1][6] == "yes"
    assert rows[1][8] == "'=HYPERLINK(1)"


def _move(
    client: TestClient,
    office: dict[str, str],
    pickup_id: uuid.UUID,
    kind: str,
    expected: str | None,
    **extra: object,
) -> Any:
    body = {"kind": kind, "expected_last_movement_id": expected, **extra}
    return client.post(f"/api/v1/register/{pickup_id}/movements", json=body, headers=office)


def test_movement_recorded_in_order_audited_and_captured_for_laptops(
    client: TestClient, office: dict[str, str]
) -> None:
    pickup_id = _held(client, office, "P-A-0001", _today() + dt.timedelta(days=2))
    row = _items(client, office)[0]
    response = _move(
        client, office, pickup_id, "in_workshop", row["last_movement_id"], note="<b>bench 3</b>"
    )
    assert response.status_code == 201, response.text
    after = response.json()
    assert after["state"] == "in_workshop"
    assert after["movements"][-1]["by_name"] == "office1"
    assert after["movements"][-1]["note"] == "<b>bench 3</b>"
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        movement_id = uuid.UUID(after["last_movement_id"])
        logged = session.scalars(
            select(ChangeLogEntry.table_name).where(ChangeLogEntry.record_id == movement_id)
        ).all()
        assert logged == ["item_movements"]
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity_id == pickup_id)).one()
        assert entry.action == "register.movement"
        assert entry.changes["kind"] == ["taken", "in_workshop"]


def test_movement_out_of_order_refused_naming_kind(
    client: TestClient, office: dict[str, str]
) -> None:
    pickup_id = _held(client, office, "P-A-0001", _today())
    row = _items(client, office)[0]
    response = _move(client, office, pickup_id, "repaired", row["last_movement_id"])
    assert response.status_code == 422
    problem = response.json()["detail"][0]
    assert problem["loc"] == ["body", "kind"]
    assert "next can be in_workshop, returned" in problem["msg"]


def test_movement_time_in_future_or_before_last_refused_naming_at(
    client: TestClient, office: dict[str, str]
) -> None:
    pickup_id = _held(client, office, "P-A-0001", _today())
    last = _items(client, office)[0]["last_movement_id"]
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).isoformat()
    early = dt.datetime(2001, 1, 1, tzinfo=dt.UTC).isoformat()
    for at in (future, early):
        response = _move(client, office, pickup_id, "in_workshop", last, at=at)
        assert response.status_code == 422
        assert "at" in response.text
    naive = _move(client, office, pickup_id, "in_workshop", last, at="2026-11-25T10:00:00")
    assert naive.status_code == 422
    unknown = _move(client, office, pickup_id, "in_workshop", last, colour="red")
    assert unknown.status_code == 422
    assert "colour" in unknown.text
    assert len(_items(client, office)[0]["movements"]) == 1


def test_second_clerk_with_stale_view_gets_409_with_what_changed(
    client: TestClient, office: dict[str, str]
) -> None:
    pickup_id = _held(client, office, "P-A-0001", _today())
    seen = _items(client, office)[0]["last_movement_id"]
    assert _move(client, office, pickup_id, "in_workshop", seen).status_code == 201
    again = _move(client, office, pickup_id, "returned", seen)
    assert again.status_code == 409
    answer = again.json()
    assert answer["changed_by"] == "office1"
    assert [m["kind"] for m in answer["movements_since"]] == ["in_workshop"]
    assert answer["current"]["state"] == "in_workshop"
    assert len(_items(client, office)[0]["movements"]) == 2


def test_unknown_item_is_404(client: TestClient, office: dict[str, str]) -> None:
    response = _move(client, office, uuid.uuid4(), "in_workshop", None)
    assert response.status_code == 404


def _counter(
    client: TestClient,
    office: dict[str, str],
    pickup_id: uuid.UUID,
    expected: str | None,
    **body: object,
) -> Any:
    payload = {
        "work_done": "Motor replaced",
        "condition_on_return": "As taken",
        "charges_total": "180.00",
        "customer_name": "王芳",
        "expected_last_movement_id": expected,
        **body,
    }
    return client.post(
        f"/api/v1/register/{pickup_id}/return-receipts", json=payload, headers=office
    )


def test_counter_return_issues_verifiable_receipt_and_marks_item_returned(
    client: TestClient, office: dict[str, str]
) -> None:
    pickup_id = _held(client, office, "P-A-0001", _today(), moves=(MovementKind.IN_WORKSHOP,))
    row = _items(client, office)[0]
    response = _counter(client, office, pickup_id, row["last_movement_id"])
    assert response.status_code == 201, response.text
    after = response.json()
    assert after["state"] == "returned"
    assert [r["receipt_number"] for r in after["return_receipts"]] == ["R-A-0001-OF"]
    assert after["movements"][-1]["note"] == "return receipt R-A-0001-OF"
    receipt_id = after["return_receipts"][0]["id"]
    pdf = client.get(f"/api/v1/register/return-receipts/{receipt_id}.pdf", headers=office)
    assert pdf.status_code == 200
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        found = verify_code(session, pdf.headers["x-verification-code"])
        assert found is not None
        assert found.subject_id == uuid.UUID(receipt_id)
        assert [s.printed_name for s in found.signers] == ["王芳"]
        logged = set(session.scalars(select(ChangeLogEntry.table_name)).all())
        assert {"return_receipts", "signatures", "item_movements"} <= logged
    again = _counter(client, office, pickup_id, after["last_movement_id"])
    assert again.status_code == 422
    assert "nothing: it was returned" in again.text


def test_counter_return_bad_values_refused_naming_the_field(
    client: TestClient, office: dict[str, str]
) -> None:
    pickup_id = _held(client, office, "P-A-0001", _today())
    last = _items(client, office)[0]["last_movement_id"]
    for field, value in (
        ("work_done", ""),
        ("customer_name", ""),
        ("charges_total", "-1"),
        ("charges_total", "1.234"),
        ("charges_total", "lots"),
    ):
        response = _counter(client, office, pickup_id, last, **{field: value})
        assert response.status_code == 422, (field, value)
        assert field in response.text, (field, value)
    assert _items(client, office)[0]["state"] == "taken"
    assert _items(client, office)[0]["return_receipts"] == []
