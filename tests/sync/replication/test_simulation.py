"""Seeded fault simulation: after any interleaving of work, faults and retries, all converge.

`--seeds N` (or FIELDTECH_SIM_SEEDS) sets how many seeds run, 500 by default; long runs take
thousands from the soak command, `--first-seed` splits or resumes them.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.replication.simulation import run

SEEDS = int(os.environ.get("FIELDTECH_SIM_SEEDS", "500"))


SHM = Path("/dev/shm")


@pytest.fixture
def world_dir(tmp_path: Path) -> Iterator[Path]:
    """On tmpfs where there is one: the simulation tests sync logic, not the disk's fsync."""
    base = Path(tempfile.mkdtemp(dir=SHM)) if SHM.is_dir() else tmp_path
    yield base / "world"
    shutil.rmtree(base, ignore_errors=True)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "seed" in metafunc.fixturenames:
        first = int(metafunc.config.getoption("--first-seed"))
        count = metafunc.config.getoption("--seeds") or SEEDS
        metafunc.parametrize("seed", range(first, first + int(count)))


@pytest.mark.slow
def test_seeded_faults_converge_without_loss_or_duplicates(world_dir: Path, seed: int) -> None:
    run(world_dir, seed)
