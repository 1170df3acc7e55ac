"""The one door for background work: database work on one serial worker, results on the GUI thread.

Widgets never touch the store directly. They hand `TaskRunner.run` a plain function and plain
arguments (ids, strings, decimals, never widgets); the function runs on the single database
worker thread, one after another in submission order, so a save typed before a read is always
visible to that read. Network work (sign-in, sync) goes through `run_network` to a second
worker of its own, so a slow office never holds up a save. The outcome comes back on the GUI
thread through a queued signal, to the `on_done` or `on_error` callable given with the task.

Tests build the runner with `synchronous=True`: the same functions run inline and the callbacks
fire before `run` returns, so a test reads the store straight after a click.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from fieldtech.domain.errors import FieldTechError

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[FieldTechError], None]


class TaskRunner(QObject):
    """Runs database work in submission order on one worker thread; see the module docstring."""

    task_failed = Signal(object)
    """A task without its own `on_error` failed with a FieldTechError (plain-English message)."""
    busy_changed = Signal(bool)

    _deliver = Signal(object)

    def __init__(self, *, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._executor: ThreadPoolExecutor | None = None
        self._network: ThreadPoolExecutor | None = None
        self._pending = 0
        self._lock = threading.Lock()
        self._deliver.connect(self._on_deliver)

    @property
    def pending(self) -> int:
        """Tasks submitted whose callbacks have not run yet."""
        return self._pending

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        **kwargs: Any,
    ) -> None:
        """Run `fn(*args, **kwargs)` on the database worker; report back on the GUI thread."""
        self._started()
        if self.synchronous:
            self._on_deliver(self._call(fn, args, kwargs, on_done, on_error))
            return
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fieldtech-db")
        self._executor.submit(self._work, fn, args, kwargs, on_done, on_error)

    def run_network(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        **kwargs: Any,
    ) -> None:
        """Run `fn` on the network worker (its own thread, its own store sessions).

        Network work opens its own sessions; its writes and the database worker's are serialised
        by the store's BEGIN IMMEDIATE, so neither waits for the other's HTTP round trips.
        """
        self._started()
        if self.synchronous:
            self._on_deliver(self._call(fn, args, kwargs, on_done, on_error))
            return
        if self._network is None:
            self._network = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fieldtech-net")
        self._network.submit(self._work, fn, args, kwargs, on_done, on_error)

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Block until every submitted task has run (on quit: nothing typed is left unsaved).

        Callbacks of finished tasks are delivered later by the event loop, if it still runs.
        """
        if self._executor is None:
            return True
        barrier: Future[None] = self._executor.submit(lambda: None)
        try:
            barrier.result(timeout=timeout)
        except TimeoutError:
            return False
        return True

    def shutdown(self) -> None:
        """Finish every queued task, then stop the worker threads."""
        if self._network is not None:
            self._network.shutdown(wait=True, cancel_futures=True)
            self._network = None
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None

    def _work(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        on_done: Done | None,
        on_error: Failed | None,
    ) -> None:
        self._deliver.emit(self._call(fn, args, kwargs, on_done, on_error))

    def _call(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        on_done: Done | None,
        on_error: Failed | None,
    ) -> Callable[[], None]:
        try:
            result = fn(*args, **kwargs)
        except FieldTechError as error:
            refused = error
            return lambda: self._fail(refused, on_error)
        except Exception:
            log.exception("background task %s failed", getattr(fn, "__name__", fn))
            unexpected = FieldTechError("an unexpected error happened; the details are in the log")
            return lambda: self._fail(unexpected, on_error)
        return lambda: on_done(result) if on_done is not None else None

    def _fail(self, error: FieldTechError, on_error: Failed | None) -> None:
        if on_error is not None:
            on_error(error)
        else:
            self.task_failed.emit(error)

    def _started(self) -> None:
        with self._lock:
            self._pending += 1
            first = self._pending == 1
        if first:
            self.busy_changed.emit(True)

    @Slot(object)
    def _on_deliver(self, callback: Callable[[], None]) -> None:
        try:
            callback()
        except RuntimeError as error:
            # The widget that asked was closed while its task ran; its answer has nowhere to go.
            if "already deleted" not in str(error):
                raise
            log.debug("result dropped: %s", error)
        finally:
            with self._lock:
                self._pending -= 1
                idle = self._pending == 0
            if idle:
                self.busy_changed.emit(False)
