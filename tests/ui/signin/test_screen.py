"""The sign-in screen: plain-words refusals, and a real sign-in and first sync against an office."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fieldtech.store.paths import profile_dir, store_path
from fieldtech.usecases.device import get_setting
from tests.keyring_memory import MemoryKeyring
from tests.ui.office import PASSWORD, TECHNICIAN
from ui.profile import credentials, current_user, open_store_for
from ui.signin.screen import SignInScreen
from ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


def _fill(screen: SignInScreen, server: str, user: str, password: str) -> None:
    screen.server.setText(server)
    screen.username.setText(user)
    screen.password.setText(password)


def test_signin_missing_password_says_so_and_sends_nothing(
    qtbot: QtBot, runner: TaskRunner, app_args: argparse.Namespace
) -> None:
    screen = SignInScreen(app_args, runner)
    qtbot.addWidget(screen)
    _fill(screen, "http://127.0.0.1:1", TECHNICIAN, "")
    screen.submit.click()
    assert screen.message.text() == "Enter your password."
    assert current_user(Path(app_args.data_dir)) is None


def test_signin_office_unreachable_plain_words_and_no_profile(
    qtbot: QtBot,
    runner: TaskRunner,
    app_args: argparse.Namespace,
    closed_office: str,
    memory_keyring: MemoryKeyring,
) -> None:
    screen = SignInScreen(app_args, runner)
    qtbot.addWidget(screen)
    _fill(screen, closed_office, TECHNICIAN, PASSWORD)
    screen.submit.click()
    assert "office cannot be reached" in screen.message.text()
    assert screen.submit.isEnabled()
    assert current_user(Path(app_args.data_dir)) is None
    assert memory_keyring.entries == {}


def test_signin_wrong_password_plain_words(
    qtbot: QtBot,
    runner: TaskRunner,
    app_args: argparse.Namespace,
    office: str,
    memory_keyring: MemoryKeyring,
) -> None:
    screen = SignInScreen(app_args, runner)
    qtbot.addWidget(screen)
    _fill(screen, office, TECHNICIAN, "not the password")
    screen.submit.click()
    assert screen.message.text() == "The username or password is wrong. Check them and try again."
    assert screen.password.text() == ""
    assert current_user(Path(app_args.data_dir)) is None


def test_signin_real_office_keeps_token_runs_first_sync_and_signals(
    qtbot: QtBot,
    runner: TaskRunner,
    app_args: argparse.Namespace,
    office: str,
    memory_keyring: MemoryKeyring,
) -> None:
    screen = SignInScreen(app_args, runner)
    qtbot.addWidget(screen)
    _fill(screen, office + "/", TECHNICIAN, PASSWORD)
    with qtbot.waitSignal(screen.signed_in, timeout=20_000) as signal:
        screen.submit.click()
    assert signal.args is not None
    assert signal.args[0].display_name == "Wang Fang"
    assert signal.args[0].state == "ok"
    folder = Path(app_args.data_dir)
    assert current_user(folder) == TECHNICIAN
    profile = profile_dir(folder, TECHNICIAN)
    assert store_path(profile).exists()
    assert credentials(app_args).device_token(profile)
    with open_store_for(app_args) as store, store.read_sessions() as session:
        assert get_setting(session, "server_url") == office


def test_signin_threaded_runner_keeps_gui_responsive_and_finishes(
    qtbot: QtBot, app_args: argparse.Namespace, closed_office: str, memory_keyring: MemoryKeyring
) -> None:
    threaded = TaskRunner()
    screen = SignInScreen(app_args, threaded)
    qtbot.addWidget(screen)
    _fill(screen, closed_office, TECHNICIAN, PASSWORD)
    try:
        screen.submit.click()
        assert not screen.submit.isEnabled()
        qtbot.waitUntil(screen.submit.isEnabled, timeout=20_000)
        assert "office cannot be reached" in screen.message.text()
    finally:
        threaded.shutdown()
