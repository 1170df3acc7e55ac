"""Schemathesis over the office's own /openapi.json, signed in as an admin through a browser
session (cookie plus CSRF header): no 5xx and no response that breaks its documented schema."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from sync.server.app import create_app
from sync.server.auth import CSRF_HEADER, SESSION_COOKIE
from sync.server.models import Role
from sync.server.settings import Settings
from sync.server.users import create_user
from tests.sync.server.conftest import PASSWORD, intake

# Signing out would end the run's own session; everything else is fair game.
SKIPPED = {("DELETE", "/api/v1/session")}
# A few examples per operation keep the run near a minute; raise it for a deeper search.
EXAMPLES = int(os.environ.get("FIELDTECH_FUZZ_EXAMPLES", "6"))
CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    content_type_conformance,
]


class Office:
    def __init__(self, client: TestClient, cookies: dict[str, str], csrf: str) -> None:
        self.client = client
        self.cookies = cookies
        self.csrf = csrf


@pytest.fixture
def office(sqlite_template: Path, tmp_path: Path) -> Iterator[Office]:
    import shutil

    path = tmp_path / "office.sqlite3"
    shutil.copyfile(sqlite_template, path)
    app = create_app(
        Settings(
            database_url=f"sqlite:///{path}",
            timezone="Asia/Shanghai",
            attachments_dir=tmp_path / "attachments",
        )
    )
    with TestClient(app, base_url="https://testserver") as client:
        with app.state.sessionmaker() as session:
            create_user(session, "root", Role.ADMIN, PASSWORD)
            create_user(session, "tech.x", Role.TECHNICIAN, PASSWORD)
            session.commit()
        signed = client.post("/api/v1/session", json={"username": "root", "password": PASSWORD})
        assert signed.status_code == 201, signed.text
        cookie = client.cookies.get(SESSION_COOKIE)
        assert cookie
        csrf = signed.json()["csrf_token"]
        # A job with its ticket issued as the office issues them, so item routes find one.
        job = client.post("/api/v1/jobs", json=intake(), headers={CSRF_HEADER: csrf})
        assert job.status_code == 201, job.text
        yield Office(client, {SESSION_COOKIE: cookie}, csrf)


def _operations(office: Office) -> list[Any]:
    schema = schemathesis.openapi.from_asgi("/openapi.json", office.client.app)
    found = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if (operation.method.upper(), operation.full_path) not in SKIPPED:
            found.append(operation)
    return found


@pytest.mark.slow
def test_api_answers_within_its_schema_and_never_5xx(office: Office) -> None:
    """A few generated requests per operation (bounded so the run stays near half a minute)."""
    operations = _operations(office)
    assert len(operations) > 40
    failures: list[str] = []
    answered: set[str] = set()
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
            database=None,
            phases=[Phase.explicit, Phase.generate],
        )
        def call(case: Any) -> None:
            response = case.call_and_validate(
                headers={CSRF_HEADER: office.csrf},
                cookies=office.cookies,
                checks=CHECKS,
                base_url="https://testserver",
            )
            if response.status_code < 300:
                answered.add(case.operation.label)

        try:
            call()
        except Exception as error:
            failures.append(f"{operation.label}: {error}")
    assert not failures, "\n\n".join(failures)
    # Signed in for real: the admin's reads and writes went through, not only refusals.
    for label in ("GET /api/v1/settings/company", "PUT /api/v1/settings/calendar/{day}"):
        assert label in answered, sorted(answered)
    assert len(answered) > len(operations) // 3, sorted(answered)


def test_the_run_covers_the_settings_routes(office: Office) -> None:
    paths = office.client.get("/openapi.json").json()["paths"]
    assert "/api/v1/settings/company" in paths
    assert "/api/v1/settings/van-stock/{technician_id}/moves" in paths
