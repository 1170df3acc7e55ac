"""When to sync: periodically, on demand, and shortly after local changes; one sync at a time.

The controller owns no widget. It runs `sync_now` on the network worker, reads the status facts
on the database worker, and publishes a `SyncStatus` that the status area draws.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from fieldtech.domain.errors import FieldTechError
from fieldtech.store.engine import Store
from sync.client.errors import SyncState
from ui.sync.work import SyncFacts, SyncOutcome, read_facts, sync_now
from ui.tasks import TaskRunner

AFTER_CHANGE_MS = 15_000
OFFLINE_STATES = (SyncState.OFFLINE, SyncState.UNREACHABLE)


@dataclass(frozen=True)
class SyncStatus:
    """Everything the status area shows; `state` is None until the first attempt of this run."""

    running: bool = False
    state: SyncState | None = None
    detail: str = ""
    waiting: int = 0
    last_success: dt.datetime | None = None
    unseen_conflicts: int = 0
    stage: str = ""
    done: int = 0
    total: int = 0

    @property
    def online(self) -> bool | None:
        if self.state is None:
            return None
        return self.state not in OFFLINE_STATES


class _Progress(QObject):
    """Carries the engine's progress calls from the network worker to the GUI thread."""

    moved = Signal(str, int, int)

    def __call__(self, stage: str, done: int, total: int) -> None:
        self.moved.emit(stage, done, total)


class SyncController(QObject):
    status_changed = Signal(object)
    """A new SyncStatus."""
    sync_finished = Signal(object)
    """A SyncOutcome, after every attempt."""
    rows_pulled = Signal(int)
    """A sync brought rows from the office: open lists should refresh."""

    def __init__(
        self,
        args: argparse.Namespace,
        store: Store,
        runner: TaskRunner,
        *,
        interval_minutes: int = 5,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._args = args
        self._store = store
        self._runner = runner
        self._status = SyncStatus()
        self._again = False
        self._stopped = False
        self._started = False
        self._progress = _Progress(self)
        self._progress.moved.connect(self._moved)
        self.periodic = QTimer(self)
        self.periodic.timeout.connect(self.request)
        self.set_interval(interval_minutes)
        self.after_change = QTimer(self)
        self.after_change.setSingleShot(True)
        self.after_change.setInterval(AFTER_CHANGE_MS)
        self.after_change.timeout.connect(self.request)

    @property
    def status(self) -> SyncStatus:
        return self._status

    def start(self) -> None:
        """Read the facts, sync once now, then every interval."""
        self._started = True
        self.refresh_facts()
        self.periodic.start()
        self.request()

    def stop(self) -> None:
        """No new sync starts (the store is about to close); one running finishes on its own."""
        self._stopped = True
        self.periodic.stop()
        self.after_change.stop()

    def set_interval(self, minutes: int) -> None:
        self.periodic.setInterval(max(1, minutes) * 60_000)

    def request(self) -> None:
        """Sync now, or once more right after the sync that is running."""
        if self._stopped:
            return
        if self._status.running:
            self._again = True
            return
        self._publish(running=True, stage="", done=0, total=0)
        self._runner.run_network(
            sync_now,
            self._args,
            self._store,
            self._progress,
            on_done=self._finished,
            on_error=self._failed,
        )

    def local_change(self) -> None:
        """A change was saved here: send it soon, once the technician pauses."""
        self.refresh_facts()
        if self._started and not self._stopped:
            self.after_change.start()

    def refresh_facts(self) -> None:
        if not self._stopped:
            self._runner.run(read_facts, self._store.read_sessions, on_done=self._facts)

    def _facts(self, facts: SyncFacts) -> None:
        self._publish(
            waiting=facts.waiting,
            last_success=facts.last_success,
            unseen_conflicts=facts.unseen_conflicts,
        )

    def _moved(self, stage: str, done: int, total: int) -> None:
        if self._status.running:
            self._publish(stage=stage, done=done, total=total)

    def _finished(self, outcome: SyncOutcome) -> None:
        self._publish(running=False, state=outcome.state, detail=outcome.detail)
        self.sync_finished.emit(outcome)
        if self._stopped:
            return
        if outcome.pulled or outcome.evicted:
            self.rows_pulled.emit(outcome.pulled + outcome.evicted)
        self.refresh_facts()
        if self._again:
            self._again = False
            self.request()

    def _failed(self, error: FieldTechError) -> None:
        self._finished(SyncOutcome(state=SyncState.SERVER_ERROR, detail=error.message))

    def _publish(self, **changes: object) -> None:
        self._status = dataclasses.replace(self._status, **changes)  # type: ignore[arg-type]
        self.status_changed.emit(self._status)
