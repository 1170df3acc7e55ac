"""Store fixtures: a random key and a real encrypted store in the test's own folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldtech.store.engine import Store, open_store


@pytest.fixture
def key() -> bytes:
    return os.urandom(32)


@pytest.fixture
def store_file(tmp_path: Path) -> Path:
    return tmp_path / "profiles" / "li.na" / "store.db"


@pytest.fixture
def store(store_file: Path, key: bytes) -> Iterator[Store]:
    opened = open_store(store_file, key)
    yield opened
    opened.close()
