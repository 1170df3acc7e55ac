"""Fixtures of the office service tests: fresh SQLite and PostgreSQL databases, clients, users."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST
from fastapi.testclient import TestClient

from sync.server import migrate
from sync.server.app import create_app
from sync.server.models import Role
from sync.server.security import use_hasher
from sync.server.settings import Settings
from sync.server.users import create_user
from tests.tools import need_postgres

POSTGRES_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
PASSWORD = "correct horse battery"


def _admin(statement: str) -> None:
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as connection:
        connection.execute(statement)


def _pg_url(name: str) -> str:
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


@pytest.fixture(autouse=True)
def cheap_password_hashes() -> Iterator[None]:
    """Real Argon2, at its cheapest parameters, so dozens of sign-ins stay fast."""
    previous = use_hasher(PasswordHasher.from_parameters(CHEAPEST))
    yield
    use_hasher(previous)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file per test process; each test gets a copy."""
    path = tmp_path_factory.mktemp("office-template") / "office.sqlite3"
    migrate.upgrade(f"sqlite:///{path}")
    return path


class PostgresDatabases:
    """Uniquely named databases for one test process, all dropped at the end.

    Creating and dropping a database costs seconds on PostgreSQL, so API tests share one migrated
    database and empty its tables after each test; a test that needs a database of its own (a
    fresh, unmigrated one) asks for `empty()`.
    """

    def __init__(self) -> None:
        self.prefix = f"ft_office_{uuid.uuid4().hex[:12]}"
        self.made: list[str] = []
        self.shared = self.empty()
        migrate.upgrade(self.shared)

    def empty(self) -> str:
        name = f"{self.prefix}_{len(self.made)}"
        _admin(f'CREATE DATABASE "{name}"')
        self.made.append(name)
        return _pg_url(name)

    def clear_shared(self) -> None:
        """Empties every table but the sync clock, whose one row goes back to zero.

        DELETE, children first, is much faster than TRUNCATE on a few rows in thirty tables.
        """
        url = self.shared.replace("postgresql+psycopg", "postgresql")
        with psycopg.connect(url) as connection:
            # Only tables the migrations made: a model without its migration fails the schema
            # test, not every other test's clean-up.
            present = {
                row[0]
                for row in connection.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                )
            }
            wanted = set(migrate.office_table_names()) & present - {"sync_clock"}
            ordered = [
                table.name
                for metadata in reversed(migrate.target_metadata())
                for table in reversed(metadata.sorted_tables)
                if table.name in wanted
            ]
            for name in ordered:
                connection.execute(f'DELETE FROM "{name}"')
            connection.execute("UPDATE sync_clock SET value = 0")

    def drop_all(self) -> None:
        for name in reversed(self.made):
            _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres_databases() -> Iterator[PostgresDatabases]:
    need_postgres()
    databases = PostgresDatabases()
    yield databases
    databases.drop_all()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(
    request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path
) -> Iterator[str]:
    """A migrated office database of each kind, empty when the test starts."""
    if request.param == "sqlite":
        path = tmp_path / "office.sqlite3"
        shutil.copyfile(sqlite_template, path)
        yield f"sqlite:///{path}"
        return
    databases: PostgresDatabases = request.getfixturevalue("postgres_databases")
    yield databases.shared
    databases.clear_shared()


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(
        database_url=database_url,
        timezone="Asia/Shanghai",
        attachments_dir=tmp_path / "office-attachments",
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    # https, so that the Secure session cookie is sent back as a browser would.
    with TestClient(create_app(settings), base_url="https://testserver") as test_client:
        yield test_client


AddUser = Callable[..., None]


@pytest.fixture
def add_user(client: TestClient) -> AddUser:
    def add(username: str, role: Role = Role.OFFICE, password: str = PASSWORD) -> None:
        with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
            create_user(session, username, role, password)
            session.commit()

    return add


def sign_in_device(
    client: TestClient,
    username: str,
    password: str = PASSWORD,
    device_id: uuid.UUID | None = None,
    name: str = "laptop",
) -> dict[str, str]:
    """Signs a device in and returns the Authorization header its requests carry."""
    response = client.post(
        "/api/v1/devices/signin",
        json={
            "username": username,
            "password": password,
            "device_id": str(device_id or uuid.uuid4()),
            "device_name": name,
            "app_version": "1.0.0",
        },
    )
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


@pytest.fixture
def office(client: TestClient, add_user: AddUser) -> dict[str, str]:
    """Headers of an office clerk's API client."""
    add_user("office1")
    return sign_in_device(client, "office1", name="front desk")


def intake(**overrides: object) -> dict[str, object]:
    """A customer call as the intake form sends it."""
    body: dict[str, object] = {
        "customer": {"name": "王芳", "phone": "+86 138 0000 0000", "address": "1 Road, Beijing"},
        "item": {
            "brand": "Acme",
            "model": "WM-800",
            "serial": "SN123",
            "purchase_date": "2025-03-01",
        },
        "fault_description": "drum does not turn",
        "channel": "phone",
        "category": "product_fault",
        "sub_category": "noise",
        "urgency": "normal",
        "preferred_time": "weekday mornings",
    }
    body.update(overrides)
    return body
