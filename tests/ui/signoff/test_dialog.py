"""The sign-off dialog: the slip shown first, refusals in plain words, a real signature stored."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from fieldtech.domain.enums import JobStatus
from fieldtech.models import Job, Signature
from fieldtech.store.engine import Store
from tests.factories import new_job
from ui.job.screen import JobScreen
from ui.signoff.dialog import SignOffDialog
from ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


def _dialog(qtbot: QtBot, store: Store, runner: TaskRunner, job: uuid.UUID) -> SignOffDialog:
    dialog = SignOffDialog(store.sessions, store.read_sessions, runner, job)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.load()
    return dialog


def _sign(dialog: SignOffDialog) -> None:
    pad = dialog.pad
    w, h = pad.width(), pad.height()
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(w // 8, h // 2))
    for step in range(1, 8):
        QTest.mouseMove(pad, QPoint(w // 8 + step * w // 10, h // 2 - (step % 3) * h // 8))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(w * 7 // 8, h // 2))


def test_signoff_shows_slip_before_signing(
    qtbot: QtBot, store: Store, technician: uuid.UUID, runner: TaskRunner
) -> None:
    dialog = _dialog(qtbot, store, runner, new_job(store.sessions))
    assert dialog.preview.pdf.startswith(b"%PDF")
    assert dialog.preview.page_count >= 1
    assert not dialog.preview_state.isVisible()
    assert not dialog.sign_button.isEnabled()


def test_signoff_without_name_refused_in_plain_words(
    qtbot: QtBot, store: Store, technician: uuid.UUID, runner: TaskRunner
) -> None:
    job = new_job(store.sessions)
    dialog = _dialog(qtbot, store, runner, job)
    _sign(dialog)
    dialog.sign_button.click()
    assert dialog.message.text() == "Type the customer's name as it should be printed."
    with store.read_sessions() as session:
        assert session.scalars(select(Signature)).first() is None


def test_signoff_stores_signature_strokes_png_and_freezes_job(
    qtbot: QtBot, store: Store, technician: uuid.UUID, runner: TaskRunner
) -> None:
    job = new_job(store.sessions)
    dialog = _dialog(qtbot, store, runner, job)
    dialog.name.setText("Zhang Wei 张伟")
    _sign(dialog)
    with qtbot.waitSignal(dialog.signed) as signal:
        dialog.sign_button.click()
    assert signal.args == [job]
    with store.read_sessions() as session:
        signature = session.scalars(select(Signature).where(Signature.job_id == job)).one()
        stored = session.get(Job, job)
        assert stored is not None
        assert stored.status == JobStatus.SIGNED
    assert signature.printed_name == "Zhang Wei 张伟"
    assert len(signature.strokes) == 1
    assert all(0 <= v <= 1 for point in signature.strokes[0] for v in point)


def test_job_screen_sign_off_button_asks_for_the_dialog(
    qtbot: QtBot, store: Store, technician: uuid.UUID, runner: TaskRunner
) -> None:
    job = new_job(store.sessions)
    screen = JobScreen(store.sessions, store.read_sessions, runner)
    qtbot.addWidget(screen)
    screen.show()
    screen.open_job(job)
    assert screen.sign_off_button.isVisible()
    with qtbot.waitSignal(screen.sign_off_requested) as signal:
        screen.sign_off_button.click()
    assert signal.args == [job]
