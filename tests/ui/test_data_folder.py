"""Moving the data folder from Settings: the store, its key, backups and preferences go to the
folder picked, the app reopens from there, and a refusal leaves everything where it was."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from fieldtech.models import Job
from fieldtech.store.capture import install_capture
from fieldtech.store.engine import Store
from fieldtech.store.paths import profile_dir, store_path
from tests.factories import new_job, set_up_laptop
from tests.keyring_memory import MemoryKeyring, memory_keyring
from ui.data_folder import POINTER_FILE
from ui.i18n import Translations
from ui.main_window import MainWindow
from ui.profile import credentials, data_dir, open_store_for, set_current_user
from ui.settings import Settings
from ui.settings_dialog import SettingsDialog
from ui.tasks import TaskRunner

pytestmark = pytest.mark.gui
__all__ = ["memory_keyring"]

USER = "li.na"


@pytest.fixture
def args(tmp_path: Path, memory_keyring: MemoryKeyring) -> argparse.Namespace:
    """A signed-in technician in tmp_path/data, the store key in the (memory) keyring."""
    chosen = argparse.Namespace(data_dir=str(tmp_path / "data"), user=USER)
    set_current_user(tmp_path / "data", USER)
    with open_store_for(chosen, create_user=USER) as store:
        set_up_laptop(store.sessions)
    credentials(chosen).set_device_token(profile_dir(tmp_path / "data", USER), "token-1")
    backups = profile_dir(tmp_path / "data", USER) / "backups"
    backups.mkdir()
    (backups / "store-20261124.db").write_bytes(b"backup bytes")
    return chosen


def window_for(
    qtbot: QtBot, qapp: QApplication, args: argparse.Namespace, runner: TaskRunner
) -> tuple[MainWindow, Store, SettingsDialog]:
    store = open_store_for(args)
    install_capture(store.sessions)
    settings = Settings.in_folder(data_dir(args))
    window = MainWindow(store, runner, settings, Translations(qapp), args=args)
    qtbot.addWidget(window)
    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    return window, store, dialog


def test_move_data_folder_reopens_from_the_new_place_with_everything(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    args: argparse.Namespace,
    runner: TaskRunner,
    memory_keyring: MemoryKeyring,
) -> None:
    old = Path(args.data_dir)
    window, store, dialog = window_for(qtbot, qapp, args, runner)
    job = new_job(store.sessions)
    reopened: list[tuple[Path, str]] = []
    window.reopen_requested.connect(lambda folder, problem: reopened.append((folder, problem)))
    dialog.request_move(tmp_path / "bigger drive")
    new = (tmp_path / "bigger drive" / "FieldTech").resolve()
    assert reopened == [(new, "")]
    assert sorted(p.name for p in old.iterdir()) == [POINTER_FILE]
    assert data_dir(args) == new  # every later start, and every command, finds it there
    profile = profile_dir(new, USER)
    assert (profile / "backups" / "store-20261124.db").read_bytes() == b"backup bytes"
    assert (new / "ui.ini").exists()
    keys = credentials(args)
    assert keys.device_token(profile) == "token-1"
    assert keys.device_token(profile_dir(old, USER)) is None  # the old entries are forgotten
    assert not keys.has_store_key(profile_dir(old, USER))
    with open_store_for(args) as moved, moved.read_sessions() as session:
        assert moved.path == store_path(profile)
        assert session.scalar(select(Job.id).where(Job.id == job)) == job


@pytest.mark.parametrize("where", ["inside", "unwritable", "no space"])
def test_move_refused_in_plain_words_and_nothing_moves(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    args: argparse.Namespace,
    runner: TaskRunner,
    where: str,
) -> None:
    old = Path(args.data_dir)
    window, store, dialog = window_for(qtbot, qapp, args, runner)
    chosen = {
        "inside": old / "profiles",
        "unwritable": Path("/proc/fieldtech-data"),  # not even root may create this
        "no space": tmp_path / "small",
    }[where]
    if where == "no space":  # 8 TB of apparent size: more than any disk here has free
        with (old / "huge.bin").open("wb") as huge:
            huge.truncate(2**43)
    before = sorted(str(p.relative_to(old)) for p in old.rglob("*"))
    reopened: list[object] = []
    window.reopen_requested.connect(lambda *event: reopened.append(event))
    dialog.request_move(chosen)
    words = {
        "inside": "is inside the current data folder. Choose a folder elsewhere.",
        "unwritable": "cannot be written to",
        "no space": "Free some space or choose another drive.",
    }[where]
    assert words in dialog.folder_message.text()
    assert dialog.folder_message.isVisibleTo(dialog)
    assert reopened == []
    assert sorted(str(p.relative_to(old)) for p in old.rglob("*")) == before
    assert data_dir(args) == old
    job = new_job(store.sessions)  # the store stayed open and usable
    with store.read_sessions() as session:
        assert session.get(Job, job) is not None
    if where == "no space":
        os.remove(old / "huge.bin")


def test_move_into_a_folder_already_holding_data_refused(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, args: argparse.Namespace, runner: TaskRunner
) -> None:
    taken = tmp_path / "usb" / "FieldTech"
    taken.mkdir(parents=True)
    (taken / "someone else's.txt").write_text("keep me", encoding="utf-8")
    _window, _, dialog = window_for(qtbot, qapp, args, runner)
    dialog.request_move(tmp_path / "usb")
    assert "already holds files" in dialog.folder_message.text()
    assert (taken / "someone else's.txt").read_text(encoding="utf-8") == "keep me"
    assert data_dir(args) == Path(args.data_dir)


def test_settings_dialog_move_button_asks_for_the_folder_picked(
    qtbot: QtBot, tmp_path: Path
) -> None:
    settings = Settings.in_folder(tmp_path / "data")
    dialog = SettingsDialog(settings, tmp_path / "data", USER, printers=[])
    qtbot.addWidget(dialog)
    assert dialog.move_folder.text() == "&Move…"
    asked: list[Path] = []
    dialog.move_folder_requested.connect(asked.append)
    dialog.request_move(tmp_path / "elsewhere")
    assert asked == [tmp_path / "elsewhere"]
