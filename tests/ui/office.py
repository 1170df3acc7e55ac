"""A real office service on loopback for the desktop app's tests, with one technician account."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST
from sqlalchemy import update

from sync.server import migrate
from sync.server.db import make_engine, make_sessionmaker
from sync.server.models import Device, Role
from sync.server.process import free_port, office_thread
from sync.server.security import use_hasher
from sync.server.settings import Settings
from sync.server.users import create_user
from tests.keyring_memory import memory_keyring

__all__ = [
    "PASSWORD",
    "TECHNICIAN",
    "app_args",
    "closed_office",
    "mark_devices",
    "memory_keyring",
    "office",
    "office_db",
]

PASSWORD = "correct horse battery"
TECHNICIAN = "wang.fang"


@pytest.fixture(scope="session")
def office_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ui-office") / "office.sqlite3"
    migrate.upgrade(f"sqlite:///{path}")
    previous = use_hasher(PasswordHasher.from_parameters(CHEAPEST))
    engine = make_engine(f"sqlite:///{path}")
    try:
        with make_sessionmaker(engine)() as session:
            create_user(session, TECHNICIAN, Role.TECHNICIAN, PASSWORD, display_name="Wang Fang")
            session.commit()
    finally:
        engine.dispose()
        use_hasher(previous)
    return path


@pytest.fixture
def office(tmp_path: Path, office_template: Path) -> Iterator[str]:
    """The base URL of an office serving a copy of the template database."""
    path = tmp_path / "office.sqlite3"
    path.write_bytes(office_template.read_bytes())
    previous = use_hasher(PasswordHasher.from_parameters(CHEAPEST))
    try:
        with office_thread(Settings(database_url=f"sqlite:///{path}")) as base:
            yield base
    finally:
        use_hasher(previous)


@pytest.fixture
def office_db(tmp_path: Path) -> str:
    """The database URL of the `office` fixture, to change what the office holds behind its back."""
    return f"sqlite:///{tmp_path / 'office.sqlite3'}"


def mark_devices(database_url: str, *, wipe: bool) -> None:
    """Revoke every device (and ask them to wipe), as the office's device page does."""
    now = dt.datetime.now(dt.UTC)
    engine = make_engine(database_url)
    try:
        with make_sessionmaker(engine)() as session:
            values = {"revoked_at": now, "wipe_requested_at": now if wipe else None}
            session.execute(update(Device).values(**values))
            session.commit()
    finally:
        engine.dispose()


@pytest.fixture
def closed_office() -> str:
    """An address on loopback where nothing listens."""
    return f"http://127.0.0.1:{free_port()}"


@pytest.fixture
def app_args(tmp_path: Path) -> argparse.Namespace:
    return argparse.Namespace(data_dir=str(tmp_path / "laptop"), user=None, insecure_key_file=False)
