"""A whole house call through the real widgets, against a real office service on loopback.

The office books two jobs for the technician and loads two parts on the van through its own HTTP
API. The laptop signs in on the sign-in screen, then the technician works both jobs from the
Today list with a threaded task runner, as the app runs: job 1 is diagnosed, repaired with two
parts from the van, paid in cash, signed off with strokes drawn on the pad, and its slip saved
and printed as PDF; on job 2 the item is taken back through the wizard. "Sync now" sends it all,
and the office's API shows the finished job and the item held in the repair register.
"""

from __future__ import annotations

import argparse
import subprocess
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QPushButton,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from fieldtech.domain.enums import JobStatus
from fieldtech.models import Diagnosis, Job, Payment, VanStock
from fieldtech.store.engine import Store
from sync.client.errors import SyncState
from tests.keyring_memory import MemoryKeyring
from tests.tools import need_executable
from tests.ui.house_call_office import BELT, PUMP, booked, office_sees_it
from tests.ui.office import (
    PASSWORD,
    TECHNICIAN,
    app_args,
    memory_keyring,
    office,
    office_db,
    office_template,
)
from ui.documents.dialog import DocumentsDialog
from ui.i18n import Translations
from ui.main_window import MainWindow
from ui.profile import open_store_for
from ui.settings import Settings
from ui.signin.screen import SignInScreen
from ui.signoff.dialog import SignOffDialog
from ui.signoff.pad import SignaturePad
from ui.tasks import TaskRunner
from ui.workshop.wizard import TakeBackWizard

__all__ = ["app_args", "booked", "memory_keyring", "office", "office_db", "office_template"]

pytestmark = pytest.mark.gui

WAIT_MS = 15_000


@pytest.fixture
def threaded(qapp: QApplication) -> Iterator[TaskRunner]:
    """Background workers as the app has them (database and network threads)."""
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def _sign_in(qtbot: QtBot, runner: TaskRunner, args: argparse.Namespace, office: str) -> None:
    screen = SignInScreen(args, runner)
    qtbot.addWidget(screen)
    screen.show()
    screen.server.clear()
    qtbot.keyClicks(screen.server, office)
    qtbot.keyClicks(screen.username, TECHNICIAN)
    qtbot.keyClicks(screen.password, PASSWORD)
    with qtbot.waitSignal(screen.signed_in, timeout=WAIT_MS) as signal:
        qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert signal.args is not None
    assert signal.args[0].state == SyncState.OK
    assert signal.args[0].pulled > 0
    screen.close()


def _draw(qtbot: QtBot, pad: SignaturePad) -> None:
    """A signature as mouse strokes: press, a zig-zag of moves, release; then a second stroke."""
    qtbot.waitUntil(lambda: pad.isVisible() and pad.width() > 100, timeout=WAIT_MS)
    w, h = pad.width(), pad.height()
    for row in (h // 3, 2 * h // 3):
        QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(w // 10, row))
        for step in range(1, 9):
            QTest.mouseMove(pad, QPoint(w // 10 + step * w // 11, row - (step % 3) * h // 10))
        QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(w * 9 // 10, row))
    assert len(pad.strokes) == 2


def _commit_from_input_method(field: QWidget, text: str) -> None:
    """Chinese arrives as an input method's commit, not as key presses (QTest has no keys for it)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def _shown(qtbot: QtBot, parent: QWidget, kind: type[Any]) -> Any:
    """The visible child window of `kind` that `parent` opened (a dialog, the file chooser)."""
    found: list[Any] = []

    def opened() -> bool:
        found[:] = [w for w in parent.findChildren(kind) if w.isVisible()]
        return len(found) == 1

    qtbot.waitUntil(opened, timeout=WAIT_MS)
    return found[0]


def _open_from_today(qtbot: QtBot, window: MainWindow, job: uuid.UUID) -> None:
    """Click the job's row in the Today list and wait for the job screen to show it."""
    if window.stack.currentWidget() is window.job_screen:
        qtbot.mouseClick(window.job_screen.back_button, Qt.MouseButton.LeftButton)
    window.tabs.setCurrentWidget(window.today)
    model = window.today.model
    row = next(r for r in range(model.rowCount()) if model.job_id(r) == job)
    table = window.today.table
    cell = table.visualRect(model.index(row, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.waitUntil(
        lambda: (
            window.stack.currentWidget() is window.job_screen and window.job_screen.job_id == job
        ),
        timeout=WAIT_MS,
    )


def _pdf_text(pdftotext: str, path: Path) -> str:
    out = subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, timeout=30
    )
    return " ".join(out.stdout.decode("utf-8").split())


def _stored(store: Store, model: type[Any], job: uuid.UUID) -> list[Any]:
    with store.read_sessions() as session:
        return list(session.scalars(select(model).where(model.job_id == job)))


def _van(store: Store) -> dict[str, int]:
    with store.read_sessions() as session:
        return {v.part_number: v.quantity for v in session.scalars(select(VanStock))}


def _status(store: Store, job: uuid.UUID) -> JobStatus:
    with store.read_sessions() as session:
        found = session.get(Job, job)
        assert found is not None
        return found.status


def test_house_call_through_widgets_reaches_office_complete(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    office: str,
    office_db: str,
    booked: dict[str, Any],
    app_args: argparse.Namespace,
    memory_keyring: MemoryKeyring,
    threaded: TaskRunner,
) -> None:
    pdftotext = need_executable("pdftotext", "poppler-utils")
    repair, take_back = booked["repair"], booked["take_back"]
    _sign_in(qtbot, threaded, app_args, office)
    store = open_store_for(app_args)
    window = MainWindow(
        store, threaded, Settings.in_folder(tmp_path / "prefs"), Translations(qapp), args=app_args
    )  # as the app opens it after sign-in, but with no timed syncs: "Sync now" sends everything
    try:
        qtbot.addWidget(window)
        window.resize(1280, 860)
        window.show()
        qtbot.waitExposed(window)
        assert window.stack.currentWidget() is window.tabs
        qtbot.waitUntil(lambda: window.today.model.rowCount() == 2, timeout=WAIT_MS)
        assert [window.today.model.job_id(r) for r in range(2)] == [repair, take_back]
        slip_code = _work_the_repair(qtbot, window, store, repair, pdftotext, tmp_path)
        receipt = _take_the_item_back(qtbot, window, store, take_back, pdftotext, tmp_path)

        assert window.sync_area.waiting.text() != "Changes waiting: 0"
        qtbot.mouseClick(window.sync_area.sync_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: (
                not window.sync.status.running
                and window.sync.status.state is not None
                and window.sync_area.waiting.text() == "Changes waiting: 0"
            ),
            timeout=WAIT_MS,
        )
        assert window.sync.status.state == SyncState.OK
        assert window.sync_area.state.text() == "Online"
    finally:
        window.close()
        threaded.shutdown()
        store.close()
    office_sees_it(booked, office_db, slip_code, receipt)


def _work_the_repair(
    qtbot: QtBot, window: MainWindow, store: Store, job: uuid.UUID, pdftotext: str, tmp: Path
) -> str:
    """Arrive, diagnose, fit two parts from the van, take cash, leave, sign; save and print the
    slip. Returns the slip's verification code."""
    _open_from_today(qtbot, window, job)
    screen = window.job_screen
    assert screen.detail is not None
    assert screen.detail.customer_name == "Chen Jing 陈静"
    assert screen.detail.status == JobStatus.ASSIGNED
    qtbot.mouseClick(screen.arrived_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.left_button.isEnabled(), timeout=WAIT_MS)
    assert _status(store, job) == JobStatus.ON_SITE
    assert screen.times.text().startswith("Arrived ")

    form = screen.diagnosis
    form.symptoms.setFocus()
    qtbot.keyClicks(form.symptoms, "Water left in the drum, pump hums")
    form.cause.setFocus()
    qtbot.keyClicks(form.cause, "Drain pump seized; drum belt worn")
    form.fault_code.setFocus()
    qtbot.keyClicks(form.fault_code, "E21")
    form.checks.setFocus()
    qtbot.keyClicks(form.checks, "Filter clean, hose clear")
    screen.parts.part_number.setFocus()  # leaving the field saves at once
    qtbot.waitUntil(
        lambda: (
            [
                (d.symptoms, d.cause, d.fault_code, d.checks_done)
                for d in _stored(store, Diagnosis, job)
            ]
            == [
                (
                    "Water left in the drum, pump hums",
                    "Drain pump seized; drum belt worn",
                    "E21",
                    "Filter clean, hose clear",
                )
            ]
        ),
        timeout=WAIT_MS,
    )

    parts = screen.parts
    for (number, description, _), serials in ((PUMP, ("P-OLD-77", "P-NEW-91")), (BELT, ("", ""))):
        qtbot.keyClicks(parts.part_number, number)
        qtbot.waitUntil(lambda: "3 in the van" in parts.stock_hint.text(), timeout=WAIT_MS)
        assert parts.stock_hint.text().startswith(description)
        qtbot.keyClicks(parts.serial_removed, serials[0])
        qtbot.keyClicks(parts.serial_fitted, serials[1])
        qtbot.mouseClick(parts.add_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda n=number: n in parts.used.text(), timeout=WAIT_MS)
        assert parts.message.text() == f"Added {number}."
    assert _van(store) == {PUMP[0]: 2, BELT[0]: 2}
    qtbot.keyClicks(parts.part_number, PUMP[0])
    qtbot.waitUntil(lambda: "2 in the van" in parts.stock_hint.text(), timeout=WAIT_MS)
    parts.part_number.clear()

    money = screen.money
    money.kind.setCurrentIndex(money.kind.findText("Labour"))
    qtbot.keyClicks(money.description, "Replace drain pump and drum belt")
    qtbot.keyClicks(money.unit_price, "80.00")
    qtbot.mouseClick(money.add_charge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "to pay 80.00" in money.lines.text(), timeout=WAIT_MS)
    assert money.amount.text() == "80.00"
    money.method.setCurrentIndex(money.method.findText("Cash"))
    qtbot.mouseClick(money.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "to pay 0.00" in money.lines.text(), timeout=WAIT_MS)
    assert [(p.method.value, p.amount) for p in _stored(store, Payment, job)] == [
        ("cash", Decimal("80.00"))
    ]

    # Leaving is part of what the customer signs (the slip prints the visit times).
    qtbot.mouseClick(screen.left_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Left " in screen.times.text(), timeout=WAIT_MS)

    qtbot.mouseClick(screen.sign_off_button, Qt.MouseButton.LeftButton)
    dialog: SignOffDialog = _shown(qtbot, window, SignOffDialog)
    qtbot.waitUntil(lambda: dialog.preview.page_count >= 1, timeout=WAIT_MS)
    assert not dialog.sign_button.isEnabled()
    qtbot.keyClicks(dialog.name, "Chen Jing ")
    _commit_from_input_method(dialog.name, "陈静")
    assert dialog.name.text() == "Chen Jing 陈静"
    _draw(qtbot, dialog.pad)
    with qtbot.waitSignal(dialog.signed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.frozen_banner.isVisible(), timeout=WAIT_MS)
    assert _status(store, job) == JobStatus.SIGNED
    assert screen.status.text() == "Signed"

    qtbot.mouseClick(screen.documents_button, Qt.MouseButton.LeftButton)
    documents: DocumentsDialog = _shown(qtbot, window, DocumentsDialog)
    qtbot.waitUntil(lambda: documents.save_button.isEnabled(), timeout=WAIT_MS)
    assert documents.document is not None
    assert documents.document.kind == "repair-slip"
    code = documents.document.verification_code
    assert documents.code.text() == f"Verification code {code}"

    saved = tmp / "slip.pdf"
    qtbot.mouseClick(documents.save_button, Qt.MouseButton.LeftButton)
    chooser: QFileDialog = _shown(qtbot, documents, QFileDialog)
    chooser.setDirectory(str(tmp))  # the folder the technician browses to
    name = chooser.findChild(QLineEdit, "fileNameEdit")
    assert name is not None
    assert name.text() == f"repair-slip-{code}.pdf"
    name.clear()
    qtbot.keyClicks(name, saved.name)
    buttons = chooser.findChild(QDialogButtonBox, "buttonBox")
    assert buttons is not None
    qtbot.mouseClick(
        buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(saved.exists, timeout=WAIT_MS)
    assert documents.message.text() == f"Saved {saved}."
    text = _pdf_text(pdftotext, saved)
    ticket = screen.detail.ticket if screen.detail else ""
    assert ticket
    assert ticket in text
    assert code in text
    assert "Chen Jing 陈静" in text
    assert "DP-220" in text
    assert "BELT-1270" in text

    # Print through the system dialog to its "Print to File (PDF)" printer: pages go as images.
    printed = tmp / "printed.pdf"
    qtbot.mouseClick(documents.print_button, Qt.MouseButton.LeftButton)
    system: QPrintDialog = _shown(qtbot, documents, QPrintDialog)
    printers = system.findChild(QComboBox, "printers")
    assert printers is not None
    printers.setCurrentIndex(printers.findText("Print to File (PDF)"))
    file_name = system.findChild(QLineEdit, "filename")
    assert file_name is not None
    file_name.clear()
    qtbot.keyClicks(file_name, str(printed))
    [print_button] = [b for b in system.findChildren(QPushButton) if b.text() == "&Print"]
    qtbot.mouseClick(print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: documents.message.text().startswith("Sent "), timeout=WAIT_MS)
    copy = QPdfDocument()
    copy.load(str(printed))
    pages = documents.preview.page_count
    assert pages >= 1
    assert copy.pageCount() == pages
    assert documents.message.text() == f"Sent {pages} page(s) to the printer."
    copy.close()
    qtbot.mouseClick(documents.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not documents.isVisible(), timeout=WAIT_MS)
    return code


def _take_the_item_back(
    qtbot: QtBot, window: MainWindow, store: Store, job: uuid.UUID, pdftotext: str, tmp: Path
) -> dict[str, str]:
    """Arrive, take the item to the workshop through the wizard, see the pickup receipt, leave."""
    _open_from_today(qtbot, window, job)
    screen = window.job_screen
    assert not screen.take_back_button.isVisible()
    qtbot.mouseClick(screen.arrived_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.take_back_button.isVisible(), timeout=WAIT_MS)
    qtbot.mouseClick(screen.take_back_button, Qt.MouseButton.LeftButton)
    wizard: TakeBackWizard = _shown(qtbot, window, TakeBackWizard)
    qtbot.waitUntil(lambda: wizard.context is not None, timeout=WAIT_MS)
    next_button = wizard.button(QWizard.WizardButton.NextButton)

    qtbot.keyClicks(wizard.condition, "Scratch on the door, front panel dented")
    qtbot.keyClicks(wizard.accessories, "Cutlery basket")
    qtbot.keyClick(wizard.accessories, Qt.Key.Key_Return)
    qtbot.keyClicks(wizard.accessories, "Power cord")
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.photos_page
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.reason_page
    qtbot.keyClicks(wizard.reason, "Heating element shorts to earth; workshop test needed")
    assert wizard.context is not None
    promised = wizard.context.promised_return_date
    assert "3 working days" in wizard.promised.text()
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.sign_page
    assert wizard.customer.name.text() == "Liu Yang 刘洋"
    assert wizard.technician.name.text() == "Wang Fang"
    _draw(qtbot, wizard.customer.pad)
    _draw(qtbot, wizard.technician.pad)
    with qtbot.waitSignal(wizard.issued, timeout=WAIT_MS) as issued:
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )
    assert issued.args is not None
    number = str(issued.args[1])
    assert number.startswith("P-")

    documents: DocumentsDialog = _shown(qtbot, window, DocumentsDialog)
    qtbot.waitUntil(lambda: documents.print_button.isEnabled(), timeout=WAIT_MS)
    assert documents.document is not None
    assert documents.document.kind == "pickup-receipt"
    saved = tmp / "pickup.pdf"
    assert documents.save_to(saved)
    text = _pdf_text(pdftotext, saved)
    assert number in text
    pickup_code = documents.document.verification_code
    assert pickup_code in text
    qtbot.mouseClick(documents.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not documents.isVisible(), timeout=WAIT_MS)

    qtbot.waitUntil(lambda: screen.status.text() == "In workshop", timeout=WAIT_MS)
    assert _status(store, job) == JobStatus.ITEM_IN_WORKSHOP
    assert screen.left_button.isEnabled()
    qtbot.mouseClick(screen.left_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Left " in screen.times.text(), timeout=WAIT_MS)
    return {"number": number, "promised": promised.isoformat(), "code": pickup_code}
