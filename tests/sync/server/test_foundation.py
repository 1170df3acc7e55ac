"""The service starts on a migrated database, reports its health and documents its API."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlalchemy import inspect, text

from sync.server.app import create_app
from sync.server.db import make_engine
from sync.server.migrate import (
    LAPTOP_ONLY_TABLES,
    head_revision,
    include_object,
    office_table_names,
    target_metadata,
)
from sync.server.settings import Settings


def test_healthz_migrated_database_reports_ok(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "schema_revision": head_revision()}


def test_healthz_unmigrated_database_answers_503(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    with TestClient(create_app(settings)) as client:
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"


def test_openapi_every_route_documented_with_a_response_schema(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    assert "/healthz" in document["paths"]
    for path, operations in document["paths"].items():
        assert path == "/healthz" or path.startswith("/api/v1/"), path
        for method, operation in operations.items():
            success = [code for code in operation["responses"] if code.startswith("2")]
            assert success, f"{method} {path} documents no success response"
            for code in success:
                content = operation["responses"][code].get("content", {})
                if code != "204" and "application/json" in content:
                    assert content["application/json"]["schema"], f"{method} {path} has no schema"


def test_migrated_schema_matches_models_no_differences(database_url: str) -> None:
    engine = make_engine(database_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "include_object": include_object,
                "compare_type": True,
            },
        )
        differences = compare_metadata(context, target_metadata())  # type: ignore[arg-type]
        tables = set(inspect(connection).get_table_names())
    engine.dispose()
    assert differences == []
    assert tables == {*office_table_names(), "alembic_version"}
    assert not tables & LAPTOP_ONLY_TABLES


def test_sqlite_engine_runs_wal_with_foreign_keys(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'x' / 'office.sqlite3'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_oversize_body_refused_with_413_naming_the_body(client: TestClient) -> None:
    response = client.post("/api/v1/devices/signin", content=b"x" * 1_000_001)
    assert response.status_code == 413
    assert response.json()["detail"][0]["loc"] == ["body"]


def test_oversize_streamed_body_refused_with_413(client: TestClient) -> None:
    def chunks() -> object:
        for _ in range(20):
            yield b"y" * 100_000

    response = client.post("/api/v1/devices/signin", content=chunks())  # type: ignore[arg-type]
    assert response.status_code == 413


def test_migrated_database_has_one_sync_clock_row_at_zero(database_url: str) -> None:
    engine = make_engine(database_url)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT id, value FROM sync_clock")).all()
    engine.dispose()
    assert [tuple(row) for row in rows] == [(1, 0)]
