"""Domain-core fixtures: a real encrypted store (SQLCipher) with change capture, a laptop identity.

Creating and migrating a store costs more than copying one, so each worker migrates a template
once and every test opens its own copy.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldtech.store.capture import install_capture
from fieldtech.store.engine import Store, open_store
from fieldtech.usecases.common import Db
from tests.factories import set_up_laptop

TEST_KEY = bytes(range(32))


@pytest.fixture(scope="session")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "store.db"
    with open_store(path, TEST_KEY):
        pass
    return path


@pytest.fixture
def store(tmp_path: Path, template_store: Path) -> Iterator[Store]:
    path = tmp_path / "store.db"
    shutil.copyfile(template_store, path)
    with open_store(path, TEST_KEY, on_sessionmaker=[install_capture]) as opened:
        yield opened


@pytest.fixture
def db(store: Store) -> Db:
    return store.sessions


@pytest.fixture
def technician(db: Db) -> uuid.UUID:
    return set_up_laptop(db)
