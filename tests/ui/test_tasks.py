"""The background-work door: serial order, results on the GUI thread, errors to the caller."""

from __future__ import annotations

import threading
import time

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from fieldtech.domain.errors import FieldTechError, ValidationError
from ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


def test_run_synchronous_callback_before_return(qtbot: QtBot) -> None:
    runner = TaskRunner(synchronous=True)
    got: list[int] = []
    runner.run(lambda a, b: a + b, 2, 3, on_done=got.append)
    assert got == [5]
    assert runner.pending == 0


def test_run_threaded_work_off_gui_thread_result_on_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    gui = threading.get_ident()
    seen: dict[str, int] = {}

    def work() -> int:
        seen["work"] = threading.get_ident()
        return 7

    def done(value: int) -> None:
        seen["done"] = threading.get_ident()
        seen["value"] = value

    runner.run(work, on_done=done)
    qtbot.waitUntil(lambda: "done" in seen, timeout=2000)
    runner.shutdown()
    assert seen["work"] != gui
    assert seen["done"] == gui
    assert seen["value"] == 7


def test_run_threaded_many_tasks_run_in_submission_order(qtbot: QtBot) -> None:
    runner = TaskRunner()
    order: list[int] = []
    delivered: list[int] = []

    def work(n: int) -> int:
        time.sleep(0.002 if n % 2 else 0)
        order.append(n)
        return n

    for n in range(20):
        runner.run(work, n, on_done=delivered.append)
    assert runner.wait_idle()
    qtbot.waitUntil(lambda: len(delivered) == 20, timeout=2000)
    runner.shutdown()
    assert order == list(range(20))
    assert delivered == list(range(20))


def test_run_domain_error_goes_to_on_error(qtbot: QtBot) -> None:
    runner = TaskRunner(synchronous=True)
    errors: list[FieldTechError] = []

    def refuse() -> None:
        raise ValidationError("symptoms", "is too long")

    runner.run(refuse, on_done=lambda _: pytest.fail("no result expected"), on_error=errors.append)
    assert [e.code for e in errors] == ["invalid"]


def test_run_unexpected_error_without_handler_emits_task_failed(qtbot: QtBot) -> None:
    runner = TaskRunner(synchronous=True)

    def crash() -> None:
        raise RuntimeError("boom")

    with qtbot.waitSignal(runner.task_failed, timeout=1000) as blocker:
        runner.run(crash)
    assert "unexpected" in blocker.args[0].message
    assert runner.pending == 0


def test_run_threaded_widget_deleted_before_answer_drops_it(qtbot: QtBot) -> None:
    runner = TaskRunner()
    label = QLabel()
    runner.run(lambda: "late answer", on_done=label.setText)
    shiboken6.delete(label)
    runner.shutdown()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=2000)
