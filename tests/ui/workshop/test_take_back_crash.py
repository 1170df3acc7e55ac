"""Never lose a keystroke: a take-back wizard killed mid-typing reopens with every character."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fieldtech.store.engine import Store
from fieldtech.usecases.visit import record_arrival
from tests.factories import new_job
from tests.ui.workshop.wizard_child import ACCESSORIES, CONDITION, REASON
from ui.tasks import TaskRunner
from ui.workshop.wizard import TakeBackWizard

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[3]


def test_kill_9_mid_take_back_reopens_with_every_character(
    qtbot: QtBot, store: Store, technician: uuid.UUID, runner: TaskRunner
) -> None:
    job = new_job(store.sessions)
    record_arrival(store.sessions, job)
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.workshop.wizard_child", str(store.path), str(job)],
        stdout=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"typed"
    finally:
        child.kill()
        child.wait()
        if child.stdout is not None:
            child.stdout.close()
    wizard = TakeBackWizard(store.sessions, store.read_sessions, runner, job)
    qtbot.addWidget(wizard)
    wizard.load()
    assert wizard.condition.toPlainText() == CONDITION
    assert wizard.accessories.toPlainText() == ACCESSORIES
    assert wizard.reason.toPlainText() == REASON
    assert wizard.restored.text() == "Restored what was typed before."
