"""The usual world of these tests: an office on SQLite and one signed-in laptop of li.na's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.replication.harness import (
    Laptop,
    World,
    add_technician,
    office,
    register_device,
)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    sessions = office(tmp_path)
    tech = add_technician(sessions, "li.na")
    laptop = Laptop(tmp_path / "laptop", sessions, tech, "K7Q2")
    register_device(sessions, laptop, "li.na")
    yield sessions, laptop, tech
    laptop.close()
