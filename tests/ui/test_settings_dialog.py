"""Settings: paper per printer, sync interval, data folder, and signing out, applied at once."""

from __future__ import annotations

import argparse
import uuid
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fieldtech.store.engine import Store
from tests.keyring_memory import MemoryKeyring, memory_keyring
from ui.account import sign_out
from ui.i18n import Translations
from ui.main_window import MainWindow
from ui.profile import credentials, current_user, set_current_user
from ui.settings import Settings
from ui.settings_dialog import SettingsDialog
from ui.tasks import TaskRunner

pytestmark = pytest.mark.gui
__all__ = ["memory_keyring"]


def _dialog(qtbot: QtBot, settings: Settings, tmp_path: Path, waiting: int = 0) -> SettingsDialog:
    printers = ["Office laser", "Van thermal"]
    dialog = SettingsDialog(
        settings, tmp_path / "data", "li.na", printers=printers, waiting=waiting
    )
    qtbot.addWidget(dialog)
    return dialog


def test_settings_dialog_paper_per_printer_remembered(
    qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, settings, tmp_path)
    thermal = dialog.papers["Van thermal"]
    assert [thermal.itemText(i) for i in range(thermal.count())] == [
        "A4",
        "US Letter",
        "80 mm roll",
    ]
    thermal.setCurrentIndex(thermal.findData("80mm"))
    assert settings.paper_for("Van thermal") == "80mm"
    assert settings.paper_for("Office laser") == "a4"
    again = _dialog(qtbot, settings, tmp_path)
    assert again.papers["Van thermal"].currentData() == "80mm"
    assert again.no_printers.isHidden()


def test_settings_dialog_no_printers_says_paper_is_chosen_when_printing(
    qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    dialog = SettingsDialog(settings, tmp_path, "li.na", printers=[])
    qtbot.addWidget(dialog)
    assert dialog.papers == {}
    assert not dialog.no_printers.isHidden()
    assert "remembered for that printer" in dialog.no_printers.text()


def test_settings_dialog_sync_interval_saved_and_announced(
    qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, settings, tmp_path)
    assert dialog.sync_minutes.value() == 5
    with qtbot.waitSignal(dialog.sync_interval_changed) as changed:
        dialog.sync_minutes.setValue(15)
    assert changed.args == [15]
    assert settings.sync_minutes == 15
    assert dialog.folder_path.text() == str(tmp_path / "data")


def test_settings_dialog_sign_out_asks_then_announces(
    qtbot: QtBot, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, settings, tmp_path, waiting=3)
    asked: list[str] = []

    def answer(parent: object, title: str, text: str, *rest: object) -> object:
        asked.append(text)
        return (
            QMessageBox.StandardButton.Cancel if len(asked) == 1 else QMessageBox.StandardButton.Yes
        )

    monkeypatch.setattr(QMessageBox, "question", answer)
    with qtbot.assertNotEmitted(dialog.sign_out_requested):
        dialog.sign_out.click()
    with qtbot.waitSignal(dialog.sign_out_requested):
        dialog.sign_out.click()
    assert "3 change(s) have not reached the office" in asked[0]


def test_sign_out_forgets_token_and_user_but_keeps_store_key(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    args = argparse.Namespace(data_dir=str(tmp_path))
    profile = tmp_path / "li.na"
    profile.mkdir()
    keys = credentials(args)
    key = keys.store_key(profile)
    keys.set_device_token(profile, "token-123")
    set_current_user(tmp_path, "li.na")
    sign_out(args, profile)
    assert keys.device_token(profile) is None
    assert current_user(tmp_path) is None
    assert keys.store_key(profile) == key


def test_window_settings_interval_restarts_timer_and_sign_out_stops_sync(
    qtbot: QtBot,
    store: Store,
    technician: uuid.UUID,
    runner: TaskRunner,
    settings: Settings,
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    args = argparse.Namespace(user="li.na", data_dir=str(tmp_path))
    window = MainWindow(store, runner, settings, Translations(qapp), args=args)
    qtbot.addWidget(window)
    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    assert dialog.signed_in_as.text() == "Signed in as li.na"
    assert dialog.folder_path.text() == str(tmp_path)
    dialog.sync_minutes.setValue(12)
    assert window.sync.periodic.interval() == 12 * 60_000
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.sign_out_requested):
        dialog.sign_out.click()
    window.sync.request()
    assert not window.sync.status.running
