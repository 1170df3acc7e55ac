"""Change capture is installed on every session factory, however many came and went before."""

from __future__ import annotations

import gc
from pathlib import Path

from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import sessionmaker

from fieldtech.models import Base, Customer, OutboxEntry
from fieldtech.store.capture import install_capture


def test_capture_on_fresh_factories_after_old_ones_are_collected(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'c.db'}")
    Base.metadata.create_all(engine)
    # Everything alive now is frozen out of the collections below, which then scan only what
    # each round made: a full collection of a test worker's heap is slow, and repeated 50 times
    # it was most of this test's time.
    gc.freeze()
    try:
        for n in range(50):
            sessions = sessionmaker(engine)
            install_capture(sessions)
            with sessions.begin() as session:
                session.add(Customer(name=f"customer {n}"))
            del sessions
            gc.collect()
    finally:
        gc.unfreeze()
    with sessionmaker(engine)() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 50
    engine.dispose()
