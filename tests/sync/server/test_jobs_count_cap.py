"""The jobs list counts matches only up to a cap, so a broad filter over a big office stays fast,
and says "more than" past it (API flag and page text); searching still finds by every column."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from fieldtech.models import Job
from sync.server import job_queries
from sync.server.routes import pages_jobs
from tests.sync.server.conftest import AddUser, intake
from tests.sync.server.factories import db, edit_job
from tests.sync.server.test_dashboard import _sign_in


def test_count_stops_past_the_cap_and_says_so(
    client: TestClient, office: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(5):
        customer = {"name": f"Cap {n}", "phone": f"139 0000 000{n}", "address": "1 Road"}
        created = client.post("/api/v1/jobs", json=intake(customer=customer), headers=office)
        assert created.status_code == 201, created.text
    exact = client.get("/api/v1/jobs", params={"q": "cap"}, headers=office).json()
    assert (exact["total"], exact["total_is_lower_bound"]) == (5, False)
    monkeypatch.setattr(job_queries, "COUNT_CAP", 3)
    monkeypatch.setattr("sync.server.routes.jobs.COUNT_CAP", 3)
    capped = client.get("/api/v1/jobs", params={"q": "cap", "page_size": 2}, headers=office)
    body = capped.json()
    assert (body["total"], body["total_is_lower_bound"]) == (4, True)
    assert len(body["items"]) == 2
    second = client.get(
        "/api/v1/jobs", params={"q": "cap", "page_size": 2, "page": 3}, headers=office
    ).json()
    assert len(second["items"]) == 1


@pytest.mark.parametrize("query", ["CAP 3", "0003", "wm-8", "sn12", "139 0000 0003"])
def test_search_finds_jobs_by_name_phone_model_serial(
    client: TestClient, office: dict[str, str], query: str
) -> None:
    customer = {"name": "Cap 3", "phone": "139 0000 0003", "address": "1 Road"}
    created = client.post("/api/v1/jobs", json=intake(customer=customer), headers=office)
    assert created.status_code == 201
    other = {"name": "Somebody", "phone": "137 1111 2222", "address": "2 Road"}
    client.post("/api/v1/jobs", json=intake(customer=other, item=None), headers=office)
    found = client.get("/api/v1/jobs", params={"q": query}, headers=office).json()
    assert [job["id"] for job in found["items"]] == [created.json()["id"]]


def test_next_link_pages_by_the_last_job_past_the_count(
    client: TestClient, office: dict[str, str], add_user: AddUser, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Next carries the last job's place: pages follow on exactly (ties in creation time broken
    by id), and go on past the counted jobs, where page numbers stop."""
    start = dt.datetime(2026, 11, 1, 2, 0, tzinfo=dt.UTC)
    for n in range(7):
        customer = {"name": f"Key {n}", "phone": f"139 0000 100{n}", "address": "1 Road"}
        created = client.post("/api/v1/jobs", json=intake(customer=customer), headers=office)
        assert created.status_code == 201, created.text
        # Jobs 2, 3 and 4 were created in the same instant.
        edit_job(client, created.json()["id"], created_at=start + dt.timedelta(hours=min(n, 2)))
    monkeypatch.setattr(job_queries, "COUNT_CAP", 3)
    monkeypatch.setattr(pages_jobs, "COUNT_CAP", 3)
    monkeypatch.setattr(pages_jobs, "PAGE_SIZE", 2)
    with db(client) as session:
        jobs = session.scalars(select(Job).order_by(Job.created_at.desc(), Job.id)).all()
        expected = [job.ticket_number for job in jobs]
    add_user("clerk")
    _sign_in(client, "clerk")
    seen: list[str] = []
    path: str | None = "/jobs?q=key"
    while path:
        page = client.get(path)
        assert page.status_code == 200
        seen += re.findall(r"<a href=\"/jobs/[0-9a-f-]+\">(\d{6}-\d{3})</a>", page.text)
        assert "3+" in page.text, "the count stops at the cap"
        link = re.search(r'href="([^"]*after=[^"]*)"', page.text)
        path = html.unescape(link.group(1)) if link else None
    assert seen == expected
