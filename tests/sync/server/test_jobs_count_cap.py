"""The jobs list counts matches only up to a cap, so a broad filter over a big office stays fast,
and says "more than" past it (API flag and page text); searching still finds by every column."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from sync.server import job_queries
from tests.sync.server.conftest import intake


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
