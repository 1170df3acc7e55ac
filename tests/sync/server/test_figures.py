"""Service figures for a period: each rate from a known set of jobs, targets, cash, parts, CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from decimal import Decimal
from typing import Any

from fastapi.testclient import TestClient

from fieldtech.domain.enums import (
    ComplaintConcern,
    ComplaintRoute,
    FollowUpKind,
    PaymentMethod,
)
from fieldtech.models import Complaint, FollowUp, PartUsed, Payment, PickupReceipt, ReturnReceipt
from tests.sync.server.conftest import intake
from tests.sync.server.factories import add, cash, edit_job, technician, visit

UTC = dt.UTC
NOV = {"start": "2026-11-01", "end": "2026-11-30"}


def _at(day: int, hour: int = 2, month: int = 11) -> dt.datetime:
    """10:00 in Shanghai on that day."""
    return dt.datetime(2026, month, day, hour, 0, tzinfo=UTC)


def _job(client: TestClient, headers: dict[str, str], created: dt.datetime) -> dict[str, Any]:
    job: dict[str, Any] = client.post("/api/v1/jobs", json=intake(), headers=headers).json()
    edit_job(client, job["id"], created_at=created)
    return job


def _scenario(client: TestClient, office: dict[str, str]) -> dict[str, Any]:
    """Three November jobs (one fixed first time) and some October noise."""
    a, b = technician(client, "Li Wei"), technician(client, "王强")
    j1 = _job(client, office, _at(5))
    j2 = _job(client, office, _at(6))
    j3 = _job(client, office, _at(3))
    old = _job(client, office, _at(20, month=10))
    older = _job(client, office, _at(1, month=9))
    # J1 repeats a repair on the item of the October job (16 days before); J2's item had a job
    # 66 days before: not a repeat.
    edit_job(client, j1["id"], item_id=uuid.UUID(old["item"]["id"]))
    edit_job(client, j2["id"], item_id=uuid.UUID(older["item"]["id"]))
    edit_job(client, j1["id"], first_response_at=_at(5) + dt.timedelta(minutes=10))
    edit_job(client, j2["id"], first_response_at=_at(6) + dt.timedelta(minutes=30))
    edit_job(client, j1["id"], appointment_start=_at(7), technician_id=a)
    edit_job(client, j2["id"], appointment_start=_at(8), technician_id=b)
    visit(client, j1["id"], _at(7) + dt.timedelta(minutes=20), technician_id=a)
    visit(client, j2["id"], _at(8) + dt.timedelta(minutes=45), technician_id=b)
    visit(client, j2["id"], _at(12), technician_id=b)
    visit(client, j3["id"], _at(4), technician_id=a)
    visit(client, old["id"], _at(21, month=10), technician_id=a)
    held = PickupReceipt(
        job_id=uuid.UUID(j3["id"]),
        receipt_number="A-0001",
        promised_return_date=dt.date(2026, 11, 10),
    )
    back = PickupReceipt(
        job_id=uuid.UUID(old["id"]),
        receipt_number="A-0002",
        promised_return_date=dt.date(2026, 10, 25),
    )
    add(client, held, back)
    add(
        client,
        ReturnReceipt(pickup_id=back.id, receipt_number="R-0001", returned_at=_at(24, month=10)),
    )

    def part(job: dict[str, Any], number: str, quantity: int, when: dt.datetime) -> PartUsed:
        return PartUsed(
            job_id=uuid.UUID(job["id"]),
            part_number=number,
            description=f"part {number}",
            quantity=quantity,
            created_at=when,
        )

    add(
        client,
        part(j1, "P-100", 2, _at(7)),
        part(j2, "P-100", 1, _at(8)),
        part(j2, "P-200", 3, _at(12)),
        part(old, "P-300", 9, _at(21, month=10)),
        cash("120.50", j1["id"], a, _at(7)),
        cash("80.25", j3["id"], a, _at(4)),
        cash("99.99", j2["id"], b, _at(12)),
        cash("500.00", old["id"], a, _at(21, month=10)),
        Payment(
            job_id=uuid.UUID(j2["id"]),
            technician_id=b,
            method=PaymentMethod.CARD,
            amount=Decimal("300.00"),
            taken_at=_at(12),
        ),
    )

    def rating(job: dict[str, Any], stars: int, when: dt.datetime) -> FollowUp:
        return FollowUp(
            job_id=uuid.UUID(job["id"]),
            kind=FollowUpKind.SATISFACTION,
            due_date=when.date(),
            called_at=when,
            rating=stars,
        )

    add(client, rating(j1, 5, _at(14)), rating(j2, 2, _at(19)), rating(old, 1, _at(28, month=10)))
    customer = uuid.UUID(j2["customer"]["id"])

    def complaint(when: dt.datetime) -> Complaint:
        return Complaint(
            job_id=uuid.UUID(j2["id"]),
            customer_id=customer,
            concern=ComplaintConcern.STAFF_ATTITUDE,
            route=ComplaintRoute.SALES_MANAGEMENT,
            owner="Sales",
            description="late twice",
            deadline=when + dt.timedelta(days=1),
            promised_reply_at=when + dt.timedelta(days=1),
            created_at=when,
        )

    add(client, complaint(_at(20)), complaint(_at(22, month=10)))
    return {"a": a, "b": b}


def _figures(client: TestClient, headers: dict[str, str], **params: str) -> dict[str, Any]:
    response = client.get("/api/v1/figures", params=params, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_figures_of_a_month_counted_from_known_jobs(
    client: TestClient, office: dict[str, str]
) -> None:
    people = _scenario(client, office)
    report = _figures(client, office, **NOV)
    got = {f["code"]: (f["numerator"], f["denominator"], f["met"]) for f in report["figures"]}
    assert got["first_time_fix"] == (1, 3, False)
    assert got["response_on_time"] == (1, 3, None)
    assert got["arrival_on_time"] == (1, 2, None)
    assert got["satisfaction"] == (2, 2, False)
    assert got["complaint_rate"] == (1, 3, False)
    assert got["repeat_repairs"] == (1, 3, None)
    assert got["overdue_in_workshop"] == (1, 1, None)
    assert got["parts_consumed"][0] == 6
    values = {f["code"]: f["value"] for f in report["figures"]}
    assert values["satisfaction"] == 3.5
    assert abs(values["first_time_fix"] - 1 / 3) < 1e-9
    targets = {f["code"]: (f["target"], f["comparison"]) for f in report["figures"]}
    assert targets["first_time_fix"] == (0.85, "at_least")
    assert targets["satisfaction"] == (4.5, "at_least")
    assert targets["complaint_rate"] == (0.02, "at_most")
    cash_of = {row["technician_id"]: (row["amount"], row["payments"]) for row in report["cash"]}
    assert cash_of == {str(people["a"]): ("200.75", 2), str(people["b"]): ("99.99", 1)}
    assert [(p["part_number"], p["quantity"]) for p in report["parts"]] == [
        ("P-100", 3),
        ("P-200", 3),
    ]


def test_figures_targets_met_when_the_month_goes_well(
    client: TestClient, office: dict[str, str]
) -> None:
    job = _job(client, office, _at(5))
    visit(client, job["id"], _at(6))
    add(
        client,
        FollowUp(
            job_id=uuid.UUID(job["id"]),
            kind=FollowUpKind.SATISFACTION,
            due_date=dt.date(2026, 11, 13),
            called_at=_at(13),
            rating=5,
        ),
    )
    got = {f["code"]: f["met"] for f in _figures(client, office, **NOV)["figures"]}
    assert (got["first_time_fix"], got["satisfaction"], got["complaint_rate"]) == (True,) * 3


def test_empty_period_has_no_values_and_no_verdicts(
    client: TestClient, office: dict[str, str]
) -> None:
    report = _figures(client, office, start="2031-01-01", end="2031-01-31")
    rates = [f for f in report["figures"] if f["unit"] != "count"]
    assert all(f["value"] is None and f["met"] is None for f in rates)
    assert report["cash"] == []
    assert report["parts"] == []


def test_figures_csv_export_holds_each_figure_cash_and_parts(
    client: TestClient, office: dict[str, str]
) -> None:
    _scenario(client, office)
    response = client.get("/api/v1/figures/export.csv", params=NOV, headers=office)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "figures-2026-11-01-2026-11-30.csv" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert rows[0] == ["section", "code", "value", "numerator", "denominator", "target", "met"]
    by_code = {row[1]: row for row in rows[1:]}
    assert by_code["first_time_fix"][2:] == ["0.3333", "1", "3", "0.85", "no"]
    assert by_code["王强"][:3] == ["cash", "王强", "99.99"]
    assert by_code["P-100"][:3] == ["part", "P-100", "3"]


def test_bad_periods_refused_naming_the_field(client: TestClient, office: dict[str, str]) -> None:
    cases = [
        ({"start": "2026-11-30", "end": "2026-11-01"}, "end"),
        ({"start": "2024-01-01", "end": "2026-01-01"}, "end"),
        ({"start": "1800-01-01", "end": "1800-01-02"}, "start"),
        ({"start": "2026-13-01"}, "start"),
    ]
    for params, field in cases:
        for path in ("/api/v1/figures", "/api/v1/figures/export.csv"):
            response = client.get(path, params=params, headers=office)
            assert response.status_code == 422, (params, response.text)
            assert response.json()["detail"][0]["loc"][-1] == field, (params, response.text)
