"""Desktop-app fixtures: a real encrypted store with a laptop identity, a synchronous task runner."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldtech.store.capture import install_capture
from fieldtech.store.engine import Store, open_store
from tests.factories import set_up_laptop
from ui.settings import Settings
from ui.tasks import TaskRunner

TEST_KEY = bytes(range(32))


@pytest.fixture(scope="session")
def ui_template_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ui-template") / "store.db"
    with open_store(path, TEST_KEY):
        pass
    return path


@pytest.fixture
def store(tmp_path: Path, ui_template_store: Path) -> Iterator[Store]:
    path = tmp_path / "store.db"
    shutil.copyfile(ui_template_store, path)
    with open_store(path, TEST_KEY, on_sessionmaker=[install_capture]) as opened:
        yield opened


@pytest.fixture
def technician(store: Store) -> uuid.UUID:
    return set_up_laptop(store.sessions)


@pytest.fixture
def runner(qapp: object) -> Iterator[TaskRunner]:
    tasks = TaskRunner(synchronous=True)
    yield tasks
    tasks.shutdown()


@pytest.fixture
def settings(tmp_path: Path, qapp: object) -> Settings:
    return Settings.in_folder(tmp_path / "data")
