"""`fieldtech-office`: init, user add with the password on standard input, serve as a real process."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from fieldtech.models import Job
from sync.server import migrate
from sync.server.cli import main
from sync.server.db import make_engine, make_sessionmaker
from sync.server.models import Role, User
from sync.server.process import free_port, office_process, wait_healthy
from sync.server.security import verify_password
from sync.server.settings import DATABASE_URL_ENV, default_database_url
from tests.sync.server.conftest import PostgresDatabases


def _users(url: str) -> dict[str, User]:
    engine = make_engine(url)
    with make_sessionmaker(engine)() as session:
        users = {user.username: user for user in session.scalars(select(User))}
    engine.dispose()
    return users


def test_cli_init_then_user_add_stores_argon2_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'office.sqlite3'}"
    assert main(["--database-url", url, "init"]) == 0
    assert migrate.current_revision(url) == migrate.head_revision()
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret-password\n"))
    assert main(["--database-url", url, "user", "add", "li.na", "--role", "technician"]) == 0
    user = _users(url)["li.na"]
    assert user.role is Role.TECHNICIAN
    assert user.technician_id is not None
    assert user.password_hash.startswith("$argon2id$")
    assert verify_password(user.password_hash, "s3cret-password")


def test_cli_user_add_short_password_refused_naming_the_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'office.sqlite3'}"
    main(["--database-url", url, "init"])
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["--database-url", url, "user", "add", "bob", "--role", "office"]) == 2
    assert "password" in capsys.readouterr().err
    assert _users(url) == {}


def test_cli_database_url_from_environment_when_no_flag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'env.sqlite3'}"
    monkeypatch.setenv(DATABASE_URL_ENV, url)
    assert main(["init"]) == 0
    assert (tmp_path / "env.sqlite3").exists()


def test_default_database_url_is_sqlite_in_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_database_url() == f"sqlite:///{tmp_path / 'FieldTech Office' / 'office.sqlite3'}"


def test_cli_demo_data_twice_adds_accounts_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'office.sqlite3'}"
    main(["--database-url", url, "init"])
    assert main(["--database-url", url, "demo-data"]) == 0
    first = _users(url)
    assert main(["--database-url", url, "demo-data"]) == 0
    assert set(_users(url)) == set(first)
    assert {user.role for user in first.values()} == set(Role)
    engine = make_engine(url)
    with make_sessionmaker(engine)() as session:
        tickets = sorted(session.scalars(select(Job.ticket_number)))
    engine.dispose()
    assert [ticket[-4:] for ticket in tickets] == ["-001", "-002", "-003"]


def test_serve_process_sqlite_migrates_and_answers_healthz(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'served.sqlite3'}"
    with office_process(url) as office, urllib.request.urlopen(f"{office.base_url}/healthz") as r:
        assert json.loads(r.read())["schema_revision"] == migrate.head_revision()
    assert office.process.returncode is not None


@pytest.mark.postgres
@pytest.mark.slow
def test_serve_two_workers_postgres_fresh_database_answers_healthz(
    postgres_databases: PostgresDatabases,
) -> None:
    url = postgres_databases.empty()
    with (
        office_process(url, workers=2, timeout=120) as office,
        urllib.request.urlopen(f"{office.base_url}/openapi.json") as response,
    ):
        assert json.loads(response.read())["info"]["title"] == "FieldTech Office"
    assert migrate.current_revision(url) == migrate.head_revision()


@pytest.mark.slow
def test_demo_prints_url_and_credentials_that_sign_in(tmp_path: Path) -> None:
    port = free_port()
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    command = [sys.executable, "-m", "sync.server.cli", "--database-url", url, "demo"]
    process = subprocess.Popen([*command, "--port", str(port)], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(8)]
        base = f"http://127.0.0.1:{port}"
        assert f"{base}/" in "".join(lines)
        office = next(line.split() for line in lines if line.split()[:2] == ["office", "office"])
        wait_healthy(base, timeout=60, process=process)
        body = {"username": office[1], "password": office[3]}
        with httpx.Client(base_url=base) as client:
            response = client.post("/api/v1/session", json=body)
            assert response.status_code == 201
            assert "secure" not in response.headers["set-cookie"].lower()
            assert "Jobs found: 3" in client.get("/jobs").text
    finally:
        process.terminate()
        process.wait(10)
        if process.stdout is not None:
            process.stdout.close()
