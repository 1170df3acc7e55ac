"""End of day: cash to hand in by method, parts used and jobs left open, for the chosen day."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from fieldtech.domain.enums import PaymentMethod
from fieldtech.store.engine import Store
from fieldtech.usecases.money import take_payment
from fieldtech.usecases.parts import use_part
from fieldtech.usecases.signoff import sign_off
from tests.factories import new_job
from ui.endofday.data import end_of_day
from ui.endofday.dialog import EndOfDayDialog
from ui.tasks import TaskRunner

pytestmark = pytest.mark.gui

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@pytest.fixture
def day_of_work(store: Store, technician: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID]:
    db = store.sessions
    done = new_job(db, name="Zhang Wei 张伟")
    waiting = new_job(db, name="Wang Fang 王芳")
    take_payment(db, done, method=PaymentMethod.CASH, amount="120.00")
    take_payment(db, waiting, method="cash", amount="35.50")
    take_payment(db, done, method="card", amount="80.00", receipt_number="POS-1")
    yesterday = dt.datetime.now(dt.UTC) - dt.timedelta(days=1, hours=1)
    take_payment(db, waiting, method="cash", amount="999.00", taken_at=yesterday)
    use_part(db, done, part_number="WM-PUMP-01", quantity=1)
    use_part(db, waiting, part_number="WM-PUMP-01", quantity=1)
    use_part(db, waiting, part_number="WM-BELT-07", quantity=2)
    sign_off(
        db, done, printed_name="Zhang Wei", strokes=[[[0, 0, 0.5], [1, 1, 0.5]]], image_png=PNG
    )
    return done, waiting


def test_end_of_day_totals_today_only_by_method(
    store: Store, day_of_work: tuple[uuid.UUID, uuid.UUID]
) -> None:
    local = dt.datetime.now().astimezone()
    summary = end_of_day(store.read_sessions, local.date(), local.tzinfo or dt.UTC)
    totals = {m.method: (m.count, m.total) for m in summary.by_method}
    assert totals[PaymentMethod.CASH] == (2, Decimal("155.50"))
    assert totals[PaymentMethod.CARD] == (1, Decimal("80.00"))
    assert totals[PaymentMethod.TRANSFER] == (0, Decimal("0.00"))
    assert summary.cash == Decimal("155.50")
    parts = {p.part_number: (p.quantity, len(p.tickets)) for p in summary.parts}
    assert parts == {"WM-BELT-07": (2, 1), "WM-PUMP-01": (2, 2)}
    assert [j.id for j in summary.open_jobs] == [day_of_work[1]]
    assert summary.open_count == 1


def test_end_of_day_dialog_shows_cash_and_opens_an_open_job(
    qtbot: QtBot, store: Store, runner: TaskRunner, day_of_work: tuple[uuid.UUID, uuid.UUID]
) -> None:
    dialog = EndOfDayDialog(store.read_sessions, runner)
    qtbot.addWidget(dialog)
    dialog.load()
    dialog.show()
    assert dialog.cash.text() == "CNY 155.50"
    assert dialog.total.text() == "CNY 235.50"
    assert dialog.payments.rowCount() == 3
    assert dialog.tabs.tabText(2) == "Jobs left open (1)"
    opened: list[uuid.UUID] = []
    dialog.job_open_requested.connect(opened.append)
    dialog.tabs.setCurrentIndex(2)
    dialog.open_jobs.setFocus()
    dialog.open_jobs.setCurrentCell(0, 0)
    qtbot.keyClick(dialog.open_jobs, Qt.Key.Key_Return)
    assert opened == [day_of_work[1]]


def test_end_of_day_dialog_yesterday_shows_that_days_cash(
    qtbot: QtBot, store: Store, runner: TaskRunner, day_of_work: tuple[uuid.UUID, uuid.UUID]
) -> None:
    dialog = EndOfDayDialog(store.read_sessions, runner)
    qtbot.addWidget(dialog)
    dialog.load()
    when = dt.datetime.now(dt.UTC) - dt.timedelta(days=1, hours=1)
    local = when.astimezone().date()
    dialog.day.setDate(QDate(local.year, local.month, local.day))
    assert dialog.cash.text() == "CNY 999.00"
    assert dialog.payments.rowCount() == 1
