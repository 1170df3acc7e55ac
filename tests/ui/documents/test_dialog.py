"""The documents dialog: preview, paper choice, printing to a PDF file, saving, paper per printer."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from fieldtech.store.engine import Store
from tests.factories import new_job
from ui.documents.dialog import DocumentsDialog
from ui.settings import Settings
from ui.tasks import TaskRunner

pytestmark = pytest.mark.gui

MM_80_IN_POINTS = 80 / 25.4 * 72


@pytest.fixture
def dialog(
    qtbot: QtBot, store: Store, technician: uuid.UUID, runner: TaskRunner, settings: Settings
) -> DocumentsDialog:
    shown = DocumentsDialog(store.read_sessions, runner, settings, new_job(store.sessions))
    qtbot.addWidget(shown)
    shown.show()
    shown.load()
    return shown


def test_documents_new_job_lists_repair_slip_only_and_previews_it(
    dialog: DocumentsDialog,
) -> None:
    assert [dialog.kind.itemText(n) for n in range(dialog.kind.count())] == ["Repair slip"]
    assert dialog.document is not None
    assert dialog.preview.page_count >= 1
    assert dialog.code.text() == f"Verification code {dialog.document.verification_code}"
    assert dialog.print_button.isEnabled()


def test_documents_80mm_paper_renders_a_roll_page(dialog: DocumentsDialog) -> None:
    dialog.paper.setCurrentIndex(dialog.paper.findData("80mm"))
    assert dialog.document is not None
    assert dialog.document.paper == "80mm"
    width = dialog.preview.document.pagePointSize(0).width()
    assert width == pytest.approx(MM_80_IN_POINTS, abs=2)


def test_documents_print_to_pdf_file_writes_every_page(
    dialog: DocumentsDialog, tmp_path: Path
) -> None:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    assert dialog.print_to(printer)
    assert target.read_bytes().startswith(b"%PDF")
    printed = QPdfDocument()
    printed.load(str(target))
    assert printed.pageCount() == dialog.preview.page_count
    assert dialog.message.text() == f"Sent {printed.pageCount()} page(s) to the printer."
    printed.close()


def test_documents_save_as_pdf_writes_the_rendered_bytes(
    dialog: DocumentsDialog, tmp_path: Path
) -> None:
    target = tmp_path / "slip.pdf"
    assert dialog.save_to(target)
    assert dialog.document is not None
    assert target.read_bytes() == dialog.document.pdf


def test_settings_paper_remembered_per_printer(settings: Settings) -> None:
    assert settings.paper_for("Office/LaserJet") == "a4"
    settings.set_paper_for("Office/LaserJet", "letter")
    settings.set_paper_for("Thermal 80", "80mm")
    settings.set_paper_for("Thermal 80", "tabloid")
    assert settings.paper_for("Office/LaserJet") == "letter"
    assert settings.paper_for("Thermal 80") == "80mm"
