"""Seeded fault simulation: after any interleaving of work, faults and retries, all converge.

FIELDTECH_SIM_SEEDS sets how many seeds run (long runs: thousands, from the soak command).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.sync.replication.simulation import run

SEEDS = int(os.environ.get("FIELDTECH_SIM_SEEDS", "40"))


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(SEEDS))
def test_seeded_faults_converge_without_loss_or_duplicates(tmp_path: Path, seed: int) -> None:
    run(tmp_path / "world", seed)
