"""`kill -9` a process writing use cases at random moments: nothing committed is lost, nothing is
half-written, every change has its outbox entry, and the store passes its integrity check."""

from __future__ import annotations

import os
import queue
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from fieldtech.domain.enums import OutboxOp
from fieldtech.models import AdviceNote, OutboxEntry, PartUsed, VanStock
from fieldtech.store.capture import install_capture
from fieldtech.store.engine import open_store
from tests.factories import new_job, set_up_laptop
from tests.fieldtech.conftest import TEST_KEY

ROUNDS = 200
ROOT = Path(__file__).resolve().parents[2]


class Zygote:
    """The forking writer process and a thread that turns its output into a queue of lines."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.fieldtech.crash_writer"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())

    def run(self, command: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()

    def next_line(self) -> str:
        return self.lines.get(timeout=60)

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        assert self.proc.stdout is not None
        self.proc.stdout.close()


def verify(path: Path, acked: set[str], initial_belts: int) -> None:
    with open_store(path, TEST_KEY) as store, store.read_sessions() as session:
        assert store.recovery is None, store.recovery
        assert session.execute(text("PRAGMA quick_check")).scalar() == "ok"
        notes = {n.id: n.text.removeprefix("advice ") for n in session.scalars(select(AdviceNote))}
        parts = {p.id: p for p in session.scalars(select(PartUsed))}
        inserts = {
            e.record_id
            for e in session.scalars(select(OutboxEntry).where(OutboxEntry.op == OutboxOp.INSERT))
        }
        stock_updates = session.scalar(
            select(func.count())
            .select_from(OutboxEntry)
            .where(OutboxEntry.table_name == "van_stock", OutboxEntry.op == OutboxOp.UPDATE)
        )
        belts = session.scalar(select(VanStock).where(VanStock.part_number == "WM-BELT-07"))
    present = set(notes.values()) | {p.serial_fitted for p in parts.values()}
    assert acked <= present, f"lost committed use cases: {sorted(acked - present)[:5]}"
    assert set(notes) | set(parts) <= inserts, "a record without its outbox entry"
    assert stock_updates == len(parts), "a part without its van-stock update"
    assert belts is not None
    assert belts.quantity == initial_belts - sum(p.quantity for p in parts.values())


def wait_for_ack(zygote: Zygote, acked: set[str]) -> None:
    """Block until the child acknowledges its first commit of this round."""
    line = zygote.next_line()
    assert line.startswith("ack "), line
    acked.add(line.split()[1])


@pytest.mark.slow
def test_kill_9_while_writing_use_cases_loses_and_half_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with open_store(path, TEST_KEY, on_sessionmaker=[install_capture]) as store:
        set_up_laptop(store.sessions)
        job_id: uuid.UUID = new_job(store.sessions)
    rng = random.Random(20261125)
    acked: set[str] = set()
    zygote = Zygote()
    try:
        for round_no in range(ROUNDS):
            zygote.run(f"run {path} {TEST_KEY.hex()} {job_id} {round_no}")
            line = zygote.next_line()
            while not line.startswith("pid "):
                assert line.startswith("ack "), line
                acked.add(line.split()[1])
                line = zygote.next_line()
            pid = int(line.split()[1])
            if rng.random() < 0.8:
                # Most kills land among the writes; the rest while the store is opening.
                wait_for_ack(zygote, acked)
            time.sleep(rng.uniform(0.0, 0.03))
            os.kill(pid, signal.SIGKILL)
            line = zygote.next_line()
            while not line.startswith("exit "):
                assert line.startswith("ack "), line
                acked.add(line.split()[1])
                line = zygote.next_line()
            if round_no % 50 == 49:
                verify(path, acked, initial_belts=1)
    finally:
        zygote.close()
    assert len(acked) > ROUNDS, (
        f"only {len(acked)} commits in {ROUNDS} rounds; the test proved little"
    )
    verify(path, acked, initial_belts=1)
    shutil.rmtree(path.parent / "backups", ignore_errors=True)
