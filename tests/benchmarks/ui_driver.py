"""Runs the real desktop app in this process and reports, as JSON lines, what the UI benchmark
measures: when the main window first showed rows (wall clock and CPU time), how long searches
take, the event loop's longest stall during a sync, and resident memory.

`python tests/benchmarks/ui_driver.py SPAWNED_AT MODE -- fieldtech arguments...` where
SPAWNED_AT is the wall-clock time the parent started this process (so interpreter start and
imports count) and MODE is `start`, `search` or `sync`. `bare` instead shows a plain Qt window
with a table of 100 rows: the baseline the start-up figure is compared with.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

SPAWNED_AT = float(sys.argv[1])
MODE = sys.argv[2]

if MODE != "bare":
    # The `fieldtech` command's order: its command line first, Qt when the window opens.
    from ui.cli import build_parser
    from ui.main_window import launch

from PySide6.QtCore import QTimer  # noqa: E402 - time the imports as the app pays them
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

app = QApplication(["fieldtech"])


def report(**figures: object) -> None:
    print(json.dumps(figures), flush=True)


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def wait_until(condition: Callable[[], bool], timeout_s: float = 120.0) -> float:
    """Spin the event loop until `condition` holds; the seconds it took."""
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout_s:
            raise TimeoutError("the app did not get there in time")
        app.processEvents()
        time.sleep(0.0005)
    return time.perf_counter() - started


def bare() -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QMainWindow, QTableView

    window = QMainWindow()
    model = QStandardItemModel(100, 7)
    for row in range(100):
        for col in range(7):
            model.setItem(row, col, QStandardItem(f"cell {row} {col}"))
    table = QTableView()
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1280, 800)
    window.show()
    wait_until(lambda: window.isVisible())
    app.processEvents()
    report(
        start_ms=(time.time() - SPAWNED_AT) * 1000,
        cpu_ms=time.process_time() * 1000,
        rss_mib=rss_mib(),
    )


def main_window() -> QWidget:
    for widget in app.topLevelWidgets():
        if type(widget).__name__ == "MainWindow" and widget.isVisible():
            return widget
    raise LookupError("no main window")


def has_main_window() -> bool:
    try:
        main_window()
    except LookupError:
        return False
    return True


def populated(view: object) -> bool:
    """The list's ids arrived, and its first row (if any) shows data, not the loading mark."""
    from ui.jobs.model import LOADING

    model = view.model  # type: ignore[attr-defined]
    if not view.loaded or view._in_flight:  # type: ignore[attr-defined]
        return False
    if model.rowCount() == 0:
        return True
    return model.data(model.index(0, 0)) != LOADING and model.data(model.index(0, 2)) != LOADING


def lists() -> tuple[object, object]:
    from ui.jobs.list_view import JobListView

    views = main_window().findChildren(JobListView)
    today = next(v for v in views if v._today)
    every = next(v for v in views if not v._today)
    return today, every


def after_launch() -> None:
    wait_until(has_main_window)
    today, every = lists()
    wait_until(lambda: populated(today))
    report(
        start_ms=(time.time() - SPAWNED_AT) * 1000,
        cpu_ms=time.process_time() * 1000,
        today_rows=today.model.rowCount(),  # type: ignore[attr-defined]
    )
    if MODE == "search":
        search(every)
    elif MODE == "sync":
        sync_stalls()
    report(rss_mib=rss_mib())
    app.quit()


def type_in(box: object, letter: str) -> None:
    """A key press for a Latin letter; Chinese arrives committed by an input method."""
    from PySide6.QtTest import QTest

    if letter.isascii():
        QTest.keyClicks(box, letter)
    else:
        box.insert(letter)  # type: ignore[attr-defined]


def search(every: object) -> None:
    """Type each query letter by letter, as a person does, and time the last keystroke to
    the first page of results on screen."""
    window = main_window()
    window.focus_search()  # type: ignore[attr-defined]
    wait_until(lambda: populated(every))
    box = every.search  # type: ignore[attr-defined]
    for query in json.loads(sys.argv[sys.argv.index("--queries") + 1]):
        box.clear()
        wait_until(lambda: populated(every))
        for letter in query[:-1]:
            type_in(box, letter)
            app.processEvents()
            time.sleep(0.12)  # a brisk typist's pace
        type_in(box, query[-1])
        started = time.perf_counter()
        wait_until(lambda: populated(every))
        report(query=query, ms=(time.perf_counter() - started) * 1000, found=every.model.rowCount())  # type: ignore[attr-defined]


def sync_stalls() -> None:
    """A 5 ms heartbeat timer while the first sync runs: its longest lateness is the longest
    time the window could not answer the user."""
    window = main_window()
    late: list[float] = []
    last = [time.perf_counter()]
    interval = 5

    def beat() -> None:
        now = time.perf_counter()
        late.append((now - last[0]) * 1000 - interval)
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(interval)
    heartbeat.timeout.connect(beat)
    done: list[object] = []
    window.sync.sync_finished.connect(done.append)  # type: ignore[attr-defined]
    started = time.perf_counter()
    heartbeat.start()
    if not done:
        window.sync_now()  # type: ignore[attr-defined]
    wait_until(lambda: bool(done), timeout_s=1800)
    heartbeat.stop()
    late.sort()
    outcome = done[0]
    report(
        sync_s=time.perf_counter() - started,
        state=str(getattr(outcome, "state", outcome)),
        beats=len(late),
        stall_max_ms=late[-1] if late else 0.0,
        stall_p99_ms=late[int(len(late) * 0.99)] if late else 0.0,
    )


if MODE == "bare":
    bare()
else:
    fieldtech_args = build_parser().parse_args(sys.argv[sys.argv.index("--") + 1 :])
    QTimer.singleShot(0, after_launch)
    launch(fieldtech_args)
