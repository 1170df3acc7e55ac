"""Background sync in the window: status in plain words, F5, revocation and wipe, against an office."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldtech.store.engine import Store
from fieldtech.usecases.device import put_setting
from sync.client.errors import SyncState
from tests.keyring_memory import MemoryKeyring
from tests.ui.office import mark_devices
from ui.i18n import Translations
from ui.main_window import MainWindow
from ui.profile import credentials, current_user
from ui.settings import Settings
from ui.sync.work import wipe_store
from ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


def _window(
    qtbot: QtBot,
    signed_store: Store,
    runner: TaskRunner,
    settings: Settings,
    args: argparse.Namespace,
) -> MainWindow:
    translations = Translations(QApplication.instance())
    main = MainWindow(signed_store, runner, settings, translations, args=args)
    qtbot.addWidget(main)
    main.show()
    return main


def test_sync_f5_against_office_shows_online_and_last_sync(
    qtbot: QtBot,
    signed_store: Store,
    runner: TaskRunner,
    settings: Settings,
    app_args: argparse.Namespace,
) -> None:
    main = _window(qtbot, signed_store, runner, settings, app_args)
    assert main.sync_area.last.text().startswith("Last sync: ")
    assert main.sync_area.state.text() == "Not synced yet"
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow, timeout=2000)
    qtbot.keyClick(main, Qt.Key.Key_F5)
    status = main.sync.status
    assert status.state == SyncState.OK
    assert status.online is True
    assert status.last_success is not None
    assert main.sync_area.state.text() == "Online"
    assert main.sync_area.waiting.text() == "Changes waiting: 0"
    assert not main.sync_area.problem.isVisible()
    assert main.sync_area.sync_button.isEnabled()


def test_sync_office_unreachable_says_offline_in_plain_words(
    qtbot: QtBot,
    signed_store: Store,
    runner: TaskRunner,
    settings: Settings,
    app_args: argparse.Namespace,
    closed_office: str,
) -> None:
    with signed_store.sessions.begin() as session:
        put_setting(session, "server_url", closed_office)
    main = _window(qtbot, signed_store, runner, settings, app_args)
    main.sync_area.sync_button.click()
    assert main.sync.status.online is False
    assert main.sync_area.state.text() == "Offline"
    assert main.sync_area.state.toolTip().startswith("The office cannot be reached.")
    assert not main.sync_area.problem.isVisible()


def test_sync_revoked_device_told_plainly_and_sync_stops(
    qtbot: QtBot,
    signed_store: Store,
    runner: TaskRunner,
    settings: Settings,
    app_args: argparse.Namespace,
    office_db: str,
) -> None:
    mark_devices(office_db, wipe=False)
    main = _window(qtbot, signed_store, runner, settings, app_args)
    main.sync_now()
    assert main.sync.status.state == SyncState.REVOKED
    assert "revoked this laptop's access" in main.sync_area.problem.text()
    assert main.sync_area.problem.isVisible()
    assert not main.sync.periodic.isActive()


def test_sync_wipe_requested_signals_then_store_key_and_profile_are_gone(
    qtbot: QtBot,
    signed_store: Store,
    runner: TaskRunner,
    settings: Settings,
    app_args: argparse.Namespace,
    office_db: str,
    memory_keyring: MemoryKeyring,
) -> None:
    mark_devices(office_db, wipe=True)
    main = _window(qtbot, signed_store, runner, settings, app_args)
    with qtbot.waitSignal(main.wipe_requested, timeout=10_000):
        main.sync_now()
    profile = signed_store.path.parent
    main.close()
    wipe_store(app_args, signed_store)
    assert not signed_store.path.exists()
    assert credentials(app_args).device_token(profile) is None
    assert memory_keyring.entries == {}
    assert current_user(Path(app_args.data_dir)) is None


def test_sync_auto_runs_at_start_then_periodically_and_after_a_local_change(
    qtbot: QtBot,
    signed_store: Store,
    runner: TaskRunner,
    settings: Settings,
    app_args: argparse.Namespace,
) -> None:
    settings.sync_minutes = 7
    main = MainWindow(
        signed_store,
        runner,
        settings,
        Translations(QApplication.instance()),
        args=app_args,
        auto_sync=True,
    )
    qtbot.addWidget(main)
    assert main.sync.status.state == SyncState.OK
    assert main.sync.periodic.isActive()
    assert main.sync.periodic.interval() == 7 * 60_000
    assert not main.sync.after_change.isActive()
    main.sync.local_change()
    assert main.sync.after_change.isActive()
    main.close()
    assert not main.sync.periodic.isActive()
    assert not main.sync.after_change.isActive()
