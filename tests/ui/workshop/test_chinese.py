"""The take-back wizard, the return dialog and the end of day speak Chinese with no English left."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from fieldtech.rules.calendar import WorkingCalendar
from fieldtech.store.engine import Store
from fieldtech.usecases.visit import record_arrival
from fieldtech.usecases.workshop import take_item_back
from tests.factories import new_job
from ui.endofday.dialog import EndOfDayDialog
from ui.i18n import Translations
from ui.tasks import TaskRunner
from ui.workshop.return_dialog import ReturnDialog
from ui.workshop.wizard import TakeBackWizard

pytestmark = pytest.mark.gui

ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
DATA = ("Zhang Wei", "WM-8000", "SN-2024", "CNY", "Ctrl", "Li Na", "Scratch", "Board")


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translations = Translations(qapp)
    assert translations.set_language("zh_CN")
    yield
    translations.set_language("en")


def english_left(root: QWidget) -> list[str]:
    texts: list[str] = [root.windowTitle()]
    for label in root.findChildren(QLabel):
        if label.isVisibleTo(root):
            texts.append(label.text())
    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root):
            texts.append(button.text())
    for edit in root.findChildren(QLineEdit) + root.findChildren(QPlainTextEdit):
        texts.append(edit.placeholderText())
    for tabs in root.findChildren(QTabWidget):
        texts.extend(tabs.tabText(n) for n in range(tabs.count()))
    for table in root.findChildren(QTableWidget):
        texts.extend(
            table.horizontalHeaderItem(n).text()  # type: ignore[union-attr]
            for n in range(table.columnCount())
        )
    return [
        t
        for t in texts
        if ENGLISH_WORD.search(t) and not any(d in t for d in DATA) and "<" not in t
    ]


def test_wizard_pages_in_chinese(
    qtbot: QtBot, store: Store, technician: uuid.UUID, runner: TaskRunner, chinese: None
) -> None:
    job = new_job(store.sessions, name="Zhang Wei")
    record_arrival(store.sessions, job)
    wizard = TakeBackWizard(store.sessions, store.read_sessions, runner, job)
    qtbot.addWidget(wizard)
    wizard.load()
    wizard.show()
    wizard.condition.setPlainText("Scratch")
    for _ in range(3):
        assert english_left(wizard.currentPage()) == []
        wizard.next()
    wizard.reason.setPlainText("Board")
    assert english_left(wizard) == []
    assert wizard.buttonText(QWizard.WizardButton.FinishButton) == "签字并打印"


def test_return_and_end_of_day_in_chinese(
    qtbot: QtBot, store: Store, technician: uuid.UUID, runner: TaskRunner, chinese: None
) -> None:
    job = new_job(store.sessions, name="Zhang Wei")
    record_arrival(store.sessions, job)
    take_item_back(
        store.sessions,
        job,
        condition="Scratch",
        accessories=[],
        reason="Board",
        calendar=WorkingCalendar(),
        today=dt.date(2026, 11, 25),
        customer_name="Zhang Wei",
        technician_name="Li Na",
    )
    back = ReturnDialog(store.sessions, store.read_sessions, runner, job)
    qtbot.addWidget(back)
    back.load()
    back.show()
    assert [t for t in english_left(back) if not t.startswith("P-")] == []
    day = EndOfDayDialog(store.read_sessions, runner)
    qtbot.addWidget(day)
    day.load()
    day.show()
    assert english_left(day) == []
