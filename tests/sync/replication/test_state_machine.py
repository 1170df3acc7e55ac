"""The simulation as a Hypothesis state machine: a failure shrinks to a short story of office
edits, site work and faulty syncs."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule

from tests.sync.replication.simulation import World, check_converged, seeded_ids

SHM = Path("/dev/shm")


class SyncStory(RuleBasedStateMachine):
    """Each rule reseeds the world's generator, so Hypothesis controls every choice it makes."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(dir=SHM if SHM.is_dir() else None))
        self.ids = seeded_ids(0)
        self.ids.__enter__()
        self.world: World | None = None

    @initialize(seed=st.integers(0, 2**16))
    def start(self, seed: int) -> None:
        self.world = World(self.folder / "world", seed)

    def _reseed(self, value: int) -> World:
        assert self.world is not None
        self.world.rng.seed(value)
        return self.world

    @rule(value=st.integers(0, 2**16))
    def office_takes_a_call(self, value: int) -> None:
        self._reseed(value).office_new_job()

    @rule(value=st.integers(0, 2**16))
    def office_edits(self, value: int) -> None:
        self._reseed(value).office_edit()

    @rule(value=st.integers(0, 2**16), laptop=st.integers(0, 1))
    def technician_works(self, value: int, laptop: int) -> None:
        world = self._reseed(value)
        world.laptop_work(world.laptops[laptop])

    @rule(value=st.integers(0, 2**16), laptop=st.integers(0, 1), faults=st.booleans())
    def laptop_syncs(self, value: int, laptop: int, faults: bool) -> None:
        world = self._reseed(value)
        world.faults.on = faults
        world.laptop_sync(world.laptops[laptop])
        world.faults.on = True

    def teardown(self) -> None:
        try:
            if self.world is not None:
                self.world.settle()
                check_converged(self.world)
        finally:
            if self.world is not None:
                for laptop in self.world.laptops:
                    laptop.restart()
                self.world.office.kw["bind"].dispose()
            self.ids.__exit__(None, None, None)
            shutil.rmtree(self.folder, ignore_errors=True)


SyncStory.TestCase.settings = settings(
    max_examples=int(os.environ.get("FIELDTECH_STORY_EXAMPLES", "10")),
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)
test_sync_story = pytest.mark.slow(SyncStory.TestCase)
