"""The main window: lists, search, opening a job, Esc back, close flushes edits, language switch."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from fieldtech.models import Diagnosis
from fieldtech.store.engine import Store
from tests.factories import new_job
from ui.i18n import Translations
from ui.jobs.queries import outbox_count
from ui.main_window import MainWindow
from ui.new_job_dialog import NewJobDialog
from ui.settings import Settings
from ui.settings_dialog import SettingsDialog
from ui.tasks import TaskRunner
from ui.theme import apply_theme

pytestmark = pytest.mark.gui

ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
KEY_NAMES = re.compile(r"Ctrl\+\w|Esc")
NOT_UI_TEXT = {"FieldTech"}


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    installed = Translations(qapp)
    yield installed
    installed.set_language("en")


@pytest.fixture
def window(
    qtbot: QtBot,
    store: Store,
    runner: TaskRunner,
    settings: Settings,
    translations: Translations,
) -> MainWindow:
    main = MainWindow(store, runner, settings, translations)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    return main


def test_window_today_and_all_jobs_listed(
    qtbot: QtBot,
    store: Store,
    technician: uuid.UUID,
    runner: TaskRunner,
    settings: Settings,
    translations: Translations,
) -> None:
    job = new_job(store.sessions)
    main = MainWindow(store, runner, settings, translations)
    qtbot.addWidget(main)
    main.show()
    assert not main.all_jobs.loaded
    main.tabs.setCurrentWidget(main.all_jobs)
    assert main.all_jobs.model.rowCount() == 1
    assert main.all_jobs.model.job_id(0) == job
    assert main.tabs.tabText(0) == "Today"
    waiting = outbox_count(store.read_sessions)
    assert waiting > 0
    assert main.sync_area.waiting.text() == f"Changes waiting: {waiting}"
    assert main.sync_area.state.text() == "Not synced yet"


def test_window_search_then_enter_opens_job_and_esc_goes_back(
    qtbot: QtBot, store: Store, technician: uuid.UUID, window: MainWindow
) -> None:
    new_job(store.sessions, name="Ahmed Karimi")
    wanted = new_job(store.sessions)
    window.all_jobs.reload()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.all_jobs.search.hasFocus()
    window.all_jobs.search.insert("张伟")
    qtbot.waitUntil(lambda: window.all_jobs.model.rowCount() == 1, timeout=2000)
    qtbot.keyClick(window.all_jobs.search, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.job_screen
    assert window.job_screen.job_id == wanted
    qtbot.keyClick(window.job_screen, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.tabs


def test_window_close_flushes_diagnosis_typed_just_before(
    qtbot: QtBot, store: Store, technician: uuid.UUID, window: MainWindow, settings: Settings
) -> None:
    job = new_job(store.sessions)
    window.open_job(job)
    qtbot.keyClicks(window.job_screen.diagnosis.symptoms, "Grinding noise on spin")
    assert window.job_screen.diagnosis.dirty
    window.close()
    with store.read_sessions() as session:
        saved = session.scalar(select(Diagnosis).where(Diagnosis.job_id == job))
    assert saved is not None
    assert saved.symptoms == "Grinding noise on spin"
    assert settings.last_job_id == str(job)


def test_window_reopens_last_job_and_geometry(
    qtbot: QtBot,
    store: Store,
    technician: uuid.UUID,
    runner: TaskRunner,
    tmp_path: Path,
    translations: Translations,
) -> None:
    job = new_job(store.sessions)
    settings = Settings.in_folder(tmp_path / "prefs")
    first = MainWindow(store, runner, settings, translations)
    qtbot.addWidget(first)
    first.resize(701, 502)
    first.show()
    first.open_job(job)
    first.close()
    again = MainWindow(store, runner, Settings.in_folder(tmp_path / "prefs"), translations)
    qtbot.addWidget(again)
    assert again.stack.currentWidget() is again.job_screen
    assert again.job_screen.job_id == job
    assert again.size().width() == 701


def _visible_texts(window: MainWindow) -> list[str]:
    texts: list[str] = [window.windowTitle()]
    for widget in window.findChildren(QLabel):
        if widget.isVisibleTo(window) and not widget.openExternalLinks():
            texts.append(widget.text())
    for widget in window.findChildren(QAbstractButton):
        if widget.isVisibleTo(window):
            texts.append(widget.text())
    for widget in window.findChildren(QGroupBox):
        texts.append(widget.title())
    for widget in window.findChildren(QLineEdit) + window.findChildren(QPlainTextEdit):
        texts.append(widget.placeholderText())
    for widget in window.findChildren(QComboBox):
        texts.extend(widget.itemText(n) for n in range(widget.count()))
    for tabs in window.findChildren(QTabWidget):
        texts.extend(tabs.tabText(n) for n in range(tabs.count()))
    for view in (window.today, window.all_jobs):
        model = view.model
        texts.extend(
            str(model.headerData(n, Qt.Orientation.Horizontal)) for n in range(model.columnCount())
        )
    for action in window.actions() + window.findChildren(type(window.new_job_action)):
        texts.append(action.text())
    return texts


def test_window_switch_to_chinese_leaves_no_english(
    qtbot: QtBot, store: Store, technician: uuid.UUID, window: MainWindow, settings: Settings
) -> None:
    job = new_job(store.sessions)
    window.all_jobs.reload()
    window.open_job(job)
    window.set_language("zh_CN")
    assert settings.language == "zh_CN"
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "今天", timeout=2000)
    data = window.job_screen.detail
    assert data is not None
    own_data = {data.customer_name, data.phone, data.address, data.serial, data.model, data.fault}
    english = [
        text
        for text in _visible_texts(window)
        if ENGLISH_WORD.search(KEY_NAMES.sub("", text))
        and text not in NOT_UI_TEXT
        and not any(value and value in text for value in own_data)
        and not text.startswith("FieldTech ")
    ]
    assert english == []
    window.set_language("en")
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Today", timeout=2000)


def test_window_last_job_gone_falls_back_to_lists(
    qtbot: QtBot,
    store: Store,
    technician: uuid.UUID,
    runner: TaskRunner,
    settings: Settings,
    translations: Translations,
) -> None:
    settings.last_job_id = str(uuid.uuid4())
    main = MainWindow(store, runner, settings, translations)
    qtbot.addWidget(main)
    assert main.stack.currentWidget() is main.tabs
    assert settings.last_job_id == ""
    assert "not on this laptop" in main.statusBar().currentMessage()


def test_window_ctrl_n_opens_job_with_ticket_from_lent_block(
    qtbot: QtBot, store: Store, technician: uuid.UUID, window: MainWindow
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(NewJobDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.name, "Maria Rossi")
    qtbot.keyClicks(dialog.phone, "13912345678")
    qtbot.keyClicks(dialog.model, "WM-8000")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.stack.currentWidget() is window.job_screen
    detail = window.job_screen.detail
    assert detail is not None
    assert detail.customer_name == "Maria Rossi"
    assert detail.ticket == "202611-001"
    qtbot.keyClick(window.job_screen, Qt.Key.Key_Escape)
    window.tabs.setCurrentWidget(window.all_jobs)
    assert window.all_jobs.model.rowCount() == 1


def test_window_new_job_without_name_refused_in_dialog(
    qtbot: QtBot, store: Store, technician: uuid.UUID, window: MainWindow
) -> None:
    window.new_job()
    dialog = window.findChild(NewJobDialog)
    assert dialog is not None
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.error.text().startswith("Customer name:")


def test_window_settings_dialog_switches_language_in_place(
    qtbot: QtBot, store: Store, technician: uuid.UUID, window: MainWindow, settings: Settings
) -> None:
    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    qtbot.waitUntil(lambda: window.all_jobs.search.placeholderText().startswith("按工单号"))
    assert dialog.windowTitle() == "设置"
    assert settings.language == "zh_CN"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    qtbot.waitUntil(lambda: window.windowTitle() == "FieldTech")


def test_window_touch_targets_at_least_40_px(
    qtbot: QtBot, store: Store, technician: uuid.UUID, window: MainWindow, qapp: QApplication
) -> None:
    apply_theme(qapp)
    try:
        window.open_job(new_job(store.sessions))
        qtbot.wait(10)
        buttons = [b for b in window.findChildren(QPushButton) if b.isVisibleTo(window)]
        assert buttons
        assert min(b.height() for b in buttons) >= 40
        assert window.today.table.verticalHeader().defaultSectionSize() >= 40
    finally:
        qapp.setStyleSheet("")


def test_window_tab_moves_search_filter_table_and_through_diagnosis(
    qtbot: QtBot, store: Store, technician: uuid.UUID, window: MainWindow
) -> None:
    window.activateWindow()
    window.focus_search()
    qtbot.waitUntil(window.all_jobs.search.hasFocus, timeout=1000)
    qtbot.keyClick(window.all_jobs.search, Qt.Key.Key_Tab)
    assert window.all_jobs.status_filter.hasFocus()
    qtbot.keyClick(window.all_jobs.status_filter, Qt.Key.Key_Tab)
    assert window.all_jobs.table.hasFocus()
    window.open_job(new_job(store.sessions))
    diagnosis = window.job_screen.diagnosis
    diagnosis.symptoms.setFocus()
    qtbot.waitUntil(diagnosis.symptoms.hasFocus, timeout=1000)
    for field in (diagnosis.cause, diagnosis.fault_code, diagnosis.checks):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert field.hasFocus()
