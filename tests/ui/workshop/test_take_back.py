"""Taking an item back and returning it, driven through the real wizard and dialog."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from fieldtech.domain.enums import AttachmentKind, DocumentKind, JobStatus, SignerRole
from fieldtech.models import (
    Attachment,
    Blob,
    Job,
    LocalSetting,
    PickupReceipt,
    ReturnReceipt,
    Signature,
)
from fieldtech.rules.calendar import WorkingCalendar
from fieldtech.store.engine import Store
from fieldtech.usecases.visit import record_arrival
from fieldtech.usecases.workshop import take_item_back
from tests.factories import new_job
from tests.ui.photos.test_photos import picture
from ui.documents.dialog import DocumentsDialog
from ui.i18n import Translations
from ui.job.screen import JobScreen
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.signoff.pad import SignaturePad
from ui.tasks import TaskRunner
from ui.workshop.return_dialog import ReturnDialog
from ui.workshop.wizard import TakeBackWizard

pytestmark = pytest.mark.gui


def scribble(pad: SignaturePad) -> None:
    pad.begin_stroke(QPointF(20, 60))
    for x in range(30, 300, 15):
        pad.extend_stroke(QPointF(x, 60 + (x % 40)))
    pad.end_stroke()


def on_site_job(store: Store) -> uuid.UUID:
    job = new_job(store.sessions)
    record_arrival(store.sessions, job)
    return job


def open_wizard(qtbot: QtBot, store: Store, runner: TaskRunner, job: uuid.UUID) -> TakeBackWizard:
    wizard = TakeBackWizard(store.sessions, store.read_sessions, runner, job)
    qtbot.addWidget(wizard)
    wizard.load()
    wizard.show()
    return wizard


def drafts(store: Store) -> list[str]:
    with store.read_sessions() as session:
        rows = session.scalars(select(LocalSetting.key).where(LocalSetting.key.like("ui.draft.%")))
        return list(rows)


def test_wizard_issues_signed_pickup_receipt_with_photo_and_promised_date(
    qtbot: QtBot, tmp_path: Path, store: Store, technician: uuid.UUID, runner: TaskRunner
) -> None:
    job = on_site_job(store)
    wizard = open_wizard(qtbot, store, runner, job)
    issued: list[tuple[uuid.UUID, str]] = []
    wizard.issued.connect(lambda j, n: issued.append((j, n)))
    qtbot.keyClicks(wizard.condition, "Scratch on the lid")
    qtbot.keyClicks(wizard.accessories, "Power cord")
    wizard.accessories.appendPlainText("Drain hose")
    wizard.next()
    assert wizard.currentPage() is wizard.photos_page
    wizard.strip.add_files([picture(tmp_path / "lid.jpg")])
    assert wizard.strip.list.count() == 1
    wizard.next()
    qtbot.keyClicks(wizard.reason, "Main board must be replaced")
    promised = WorkingCalendar().add_working_days(wizard.context.today, 3)  # type: ignore[union-attr]
    assert wizard.context is not None
    assert wizard.context.promised_return_date == promised
    assert "3 working days" in wizard.promised.text()
    wizard.next()
    assert wizard.currentPage() is wizard.sign_page
    assert wizard.customer.name.text() == "Zhang Wei 张伟"
    assert wizard.technician.name.text() == "Li Na 李娜"
    assert "Scratch on the lid" in wizard.summary.text()
    scribble(wizard.customer.pad)
    scribble(wizard.technician.pad)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert issued
    assert issued[0][0] == job
    assert issued[0][1].startswith("P-")
    with store.read_sessions() as session:
        receipt = session.scalar(select(PickupReceipt).where(PickupReceipt.job_id == job))
        assert receipt is not None
        assert receipt.condition == "Scratch on the lid"
        assert receipt.accessories == ["Power cord", "Drain hose"]
        assert receipt.promised_return_date == promised
        photos = session.scalars(
            select(Attachment).where(
                Attachment.receipt_id == receipt.id, Attachment.kind == AttachmentKind.PHOTO
            )
        ).all()
        assert [p.filename for p in photos] == ["lid.jpg"]
        signatures = session.scalars(
            select(Signature).where(Signature.document_kind == DocumentKind.PICKUP_RECEIPT)
        ).all()
        assert {s.signer_role for s in signatures} == {SignerRole.CUSTOMER, SignerRole.TECHNICIAN}
        assert all(s.image_sha256 and len(s.strokes[0]) > 5 for s in signatures)
        stored_job = session.get(Job, job)
        assert stored_job is not None
        assert stored_job.status == JobStatus.ITEM_IN_WORKSHOP
    assert drafts(store) == []


def test_wizard_refuses_to_go_on_without_condition(
    qtbot: QtBot, store: Store, technician: uuid.UUID, runner: TaskRunner
) -> None:
    wizard = open_wizard(qtbot, store, runner, on_site_job(store))
    wizard.next()
    assert wizard.currentPage() is wizard.condition_page
    assert "visible condition" in wizard.condition_page.message.text()


def test_wizard_keeps_every_keystroke_and_restores_it(
    qtbot: QtBot, tmp_path: Path, store: Store, technician: uuid.UUID, runner: TaskRunner
) -> None:
    job = on_site_job(store)
    wizard = open_wizard(qtbot, store, runner, job)
    qtbot.keyClicks(wizard.condition, "Dent on the right side")
    wizard.next()
    wizard.strip.add_files([picture(tmp_path / "dent.jpg")])
    scribble(wizard.customer.pad)
    assert drafts(store) == [f"ui.draft.pickup:{job.hex}"]
    wizard.reject()
    again = open_wizard(qtbot, store, runner, job)
    assert again.condition.toPlainText() == "Dent on the right side"
    assert again.restored.text() == "Restored what was typed before."
    assert again.strip.list.count() == 1
    assert again.customer.pad.strokes == wizard.customer.pad.strokes


def test_return_dialog_issues_signed_return_receipt(
    qtbot: QtBot, store: Store, technician: uuid.UUID, runner: TaskRunner
) -> None:
    job = on_site_job(store)
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
    dialog = ReturnDialog(store.sessions, store.read_sessions, runner, job)
    qtbot.addWidget(dialog)
    dialog.load()
    dialog.show()
    assert "P-" in dialog.summary.text()
    qtbot.keyClick(dialog.charges, Qt.Key.Key_Return)
    assert "workshop" in dialog.message.text()
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.work_done, "Main board replaced, tested two cycles")
    qtbot.keyClicks(dialog.charges, "180.5")
    assert drafts(store) == [f"ui.draft.return:{job.hex}"]
    scribble(dialog.customer.pad)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert dialog.receipt_number.startswith("R-")
    with store.read_sessions() as session:
        back = session.scalar(select(ReturnReceipt))
        assert back is not None
        assert back.work_done == "Main board replaced, tested two cycles"
        assert str(back.charges_total) == "180.50"
        stored_job = session.get(Job, job)
        assert stored_job is not None
        assert stored_job.status == JobStatus.AWAITING_SIGNATURE
    assert drafts(store) == []


def test_main_window_take_back_ends_in_pickup_receipt_to_print(
    qtbot: QtBot,
    store: Store,
    technician: uuid.UUID,
    runner: TaskRunner,
    settings: Settings,
    qapp: QApplication,
) -> None:
    translations = Translations(qapp)
    window = MainWindow(store, runner, settings, translations)
    qtbot.addWidget(window)
    window.show()
    job = on_site_job(store)
    window.open_job(job)
    screen = window.job_screen
    assert screen.take_back_button.isVisibleTo(screen)
    assert not screen.return_button.isVisibleTo(screen)
    qtbot.mouseClick(screen.take_back_button, Qt.MouseButton.LeftButton)
    wizard = window.findChild(TakeBackWizard)
    assert wizard is not None
    qtbot.keyClicks(wizard.condition, "Scratch on the lid")
    wizard.next()
    wizard.next()
    qtbot.keyClicks(wizard.reason, "Board")
    wizard.next()
    scribble(wizard.customer.pad)
    scribble(wizard.technician.pad)
    # The closed wizard is deleted by the event loop, as in the running app.
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(TakeBackWizard) is None, timeout=3000)
    documents = window.findChild(DocumentsDialog)
    assert documents is not None
    assert documents.kind.currentData() == "pickup-receipt"
    assert documents.preview.page_count >= 1
    assert documents.print_button.isEnabled()
    assert screen.return_button.isVisibleTo(screen)
    assert not screen.take_back_button.isVisibleTo(screen)


def test_wizard_keyboard_only_tab_enter_and_escape(
    qtbot: QtBot, store: Store, technician: uuid.UUID, runner: TaskRunner
) -> None:
    job = on_site_job(store)
    wizard = open_wizard(qtbot, store, runner, job)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.condition.hasFocus, timeout=2000)
    qtbot.keyClicks(wizard.condition, "Scratch")
    qtbot.keyClick(wizard.condition, Qt.Key.Key_Tab)
    assert wizard.accessories.hasFocus()
    qtbot.keyClicks(wizard.accessories, "Power cord")
    qtbot.keyClick(wizard.accessories, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is wizard.button(QWizard.WizardButton.NextButton)
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.photos_page
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    assert drafts(store) == [f"ui.draft.pickup:{job.hex}"]


def test_job_screen_says_continue_when_a_pickup_was_started(
    qtbot: QtBot, store: Store, technician: uuid.UUID, runner: TaskRunner
) -> None:
    job = on_site_job(store)
    screen = JobScreen(store.sessions, store.read_sessions, runner)
    qtbot.addWidget(screen)
    screen.show()
    screen.open_job(job)
    assert screen.take_back_button.text() == "Take item back"
    wizard = open_wizard(qtbot, store, runner, job)
    qtbot.keyClicks(wizard.condition, "Scratch")
    wizard.reject()
    screen.reload()
    assert screen.take_back_button.text() == "Continue taking item back"


def test_photo_taken_off_the_draft_leaves_no_bytes_behind(
    qtbot: QtBot, tmp_path: Path, store: Store, technician: uuid.UUID, runner: TaskRunner
) -> None:
    wizard = open_wizard(qtbot, store, runner, on_site_job(store))
    wizard.condition.setPlainText("Scratch")
    wizard.next()
    wizard.strip.add_files([picture(tmp_path / "a.jpg"), picture(tmp_path / "b.jpg", "#2050c0")])
    kept, dropped = wizard.strip.keys
    wizard.strip.list.setCurrentRow(1)
    qtbot.mouseClick(wizard.strip.remove_button, Qt.MouseButton.LeftButton)
    assert wizard.strip.keys == [kept]
    assert [p["sha256"] for p in wizard.values()["photos"]] == [kept]
    with store.read_sessions() as session:
        assert session.get(Blob, kept) is not None
        assert session.get(Blob, dropped) is None
