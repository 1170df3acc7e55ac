"""Fixtures of the office service tests: fresh SQLite and PostgreSQL databases, clients, users."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from fastapi.testclient import TestClient

from sync.server import migrate
from sync.server.app import create_app
from sync.server.models import Role
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


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file per test process; each test gets a copy."""
    path = tmp_path_factory.mktemp("office-template") / "office.sqlite3"
    migrate.upgrade(f"sqlite:///{path}")
    return path


class PostgresDatabases:
    """Makes uniquely named databases from one migrated template and drops them all at the end."""

    def __init__(self) -> None:
        self.prefix = f"ft_office_{uuid.uuid4().hex[:12]}"
        self.template = f"{self.prefix}_tmpl"
        self.made: list[str] = []
        _admin(f'CREATE DATABASE "{self.template}"')
        self.made.append(self.template)
        migrate.upgrade(_pg_url(self.template))

    def empty(self) -> str:
        name = f"{self.prefix}_{len(self.made)}"
        _admin(f'CREATE DATABASE "{name}"')
        self.made.append(name)
        return _pg_url(name)

    def migrated(self) -> str:
        name = f"{self.prefix}_{len(self.made)}"
        _admin(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        self.made.append(name)
        return _pg_url(name)

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
def database_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> str:
    """A freshly migrated office database of each kind."""
    if request.param == "sqlite":
        path = tmp_path / "office.sqlite3"
        shutil.copyfile(sqlite_template, path)
        return f"sqlite:///{path}"
    databases: PostgresDatabases = request.getfixturevalue("postgres_databases")
    return databases.migrated()


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url, timezone="Asia/Shanghai")


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
