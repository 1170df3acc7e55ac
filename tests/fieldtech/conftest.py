"""Domain-core fixtures: a real store with change capture installed, a laptop identity."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from fieldtech.models import Base
from fieldtech.store.capture import install_capture
from fieldtech.usecases.common import Db
from tests.factories import set_up_laptop


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Db]:
    engine = create_engine(f"sqlite:///{tmp_path / 'store.db'}")
    Base.metadata.create_all(engine)
    sessions = sessionmaker(engine, expire_on_commit=False)
    install_capture(sessions)
    yield sessions
    engine.dispose()


@pytest.fixture
def technician(db: Db) -> uuid.UUID:
    return set_up_laptop(db)
