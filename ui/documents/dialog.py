"""The documents of a job: preview any of them, print through the system dialog, save as PDF."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldtech.domain.errors import FieldTechError
from fieldtech.usecases.common import Db
from ui import labels
from ui.documents.preview import PdfPreview
from ui.documents.printing import print_pdf
from ui.documents.work import (
    PAPERS,
    Kind,
    PaperName,
    RenderedDocument,
    available_kinds,
    render_job_document,
)
from ui.settings import Settings
from ui.tasks import TaskRunner
from ui.theme import MessageLabel, set_tone


class DocumentsDialog(QDialog):
    def __init__(
        self,
        read_db: Db,
        runner: TaskRunner,
        settings: Settings,
        job_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._read_db = read_db
        self._runner = runner
        self._settings = settings
        self.job_id = job_id
        self.document: RenderedDocument | None = None
        self._select: Kind | None = None
        self._printer: QPrinter | None = None
        self.kind = QComboBox()
        self.kind.setMinimumHeight(36)
        self.kind.currentIndexChanged.connect(self.show_document)
        self.paper = QComboBox()
        self.paper.setMinimumHeight(36)
        for paper in PAPERS:
            self.paper.addItem("", paper)
        default_paper = settings.paper_for(QPrinterInfo.defaultPrinterName())
        self.paper.setCurrentIndex(self.paper.findData(default_paper))
        self.paper.currentIndexChanged.connect(self.show_document)
        self.kind_label = QLabel()
        self.kind_label.setBuddy(self.kind)
        self.paper_label = QLabel()
        self.paper_label.setBuddy(self.paper)
        self.code = QLabel()
        self.code.setObjectName("hintText")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = QLabel()
        self.state.setObjectName("hintText")
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview = PdfPreview()
        self.print_button = QPushButton()
        self.print_button.setProperty("primary", True)
        self.print_button.clicked.connect(self.choose_printer)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.choose_file)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        self.message = MessageLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.kind_label)
        bar.addWidget(self.kind, 1)
        bar.addSpacing(12)
        bar.addWidget(self.paper_label)
        bar.addWidget(self.paper)
        bar.addStretch(1)
        bar.addWidget(self.code)
        actions = QHBoxLayout()
        actions.addWidget(self.message, 1)
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        actions.addWidget(self.save_button)
        actions.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.state)
        layout.addWidget(self.preview, 1)
        layout.addLayout(actions)
        self.resize(1000, 820)
        self._retranslate()
        self._set_ready(False)

    @property
    def paper_name(self) -> PaperName:
        paper: PaperName = self.paper.currentData() or "a4"
        return paper

    def load(self, select: Kind | None = None) -> None:
        """List the job's documents (the repair slip first) and show `select`, or the first."""
        self._select = select
        self._runner.run(available_kinds, self._read_db, self.job_id, on_done=self._kinds)

    def show_document(self) -> None:
        kind: Kind | None = self.kind.currentData()
        if kind is None:
            return
        self._set_ready(False)
        self.state.setText(self.tr("Preparing the document…"))
        self.state.show()
        self._runner.run(
            render_job_document,
            self._read_db,
            self.job_id,
            kind,
            self.paper_name,
            on_done=self._rendered,
            on_error=self._failed,
        )

    def choose_printer(self) -> None:
        printer = self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._printer_chosen)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def _printer_chosen(self) -> None:
        if self._printer is not None:
            self.print_to(self._printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Print what is shown; the paper is remembered for that printer."""
        try:
            pages = print_pdf(self.preview.document, printer)
        except FieldTechError as error:
            self._say(labels.error_text(error), error=True)
            return False
        name = printer.printerName() or printer.outputFileName()
        if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and name:
            self._settings.set_paper_for(name, self.paper_name)
        self._say(self.tr("Sent %1 page(s) to the printer.").replace("%1", str(pages)), False)
        return True

    def choose_file(self) -> None:
        if self.document is None:
            return
        dialog = QFileDialog(self, self.tr("Save as PDF"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF documents (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(f"{self.document.kind}-{self.document.verification_code}.pdf")
        dialog.fileSelected.connect(self._file_chosen)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def _file_chosen(self, path: str) -> None:
        self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        if self.document is None:
            return False
        try:
            path.write_bytes(self.document.pdf)
        except OSError as error:
            self._say(
                self.tr("Could not save %1: %2").replace("%1", str(path)).replace("%2", str(error)),
                error=True,
            )
            return False
        self._say(self.tr("Saved %1.").replace("%1", str(path)), error=False)
        return True

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _kinds(self, kinds: list[Kind]) -> None:
        self.kind.blockSignals(True)
        self.kind.clear()
        for kind in kinds:
            self.kind.addItem("", kind)
        if self._select in kinds:
            self.kind.setCurrentIndex(kinds.index(self._select))
        self.kind.blockSignals(False)
        self._retranslate()
        self.show_document()

    def _rendered(self, document: RenderedDocument) -> None:
        self.document = document
        if not self.preview.show_pdf(document.pdf):
            self.state.setText(self.tr("The document could not be shown."))
            return
        self.state.hide()
        self.preview.fit(roll=document.paper == "80mm")
        self.code.setText(self.tr("Verification code %1").replace("%1", document.verification_code))
        self._set_ready(True)

    def _failed(self, error: FieldTechError) -> None:
        self.document = None
        self.state.setText(labels.error_text(error))

    def _set_ready(self, ready: bool) -> None:
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    def _say(self, text: str, error: bool) -> None:
        set_tone(self.message, "errorText" if error else "savedText")
        self.message.setText(text)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Documents"))
        self.kind_label.setText(self.tr("&Document"))
        self.paper_label.setText(self.tr("&Paper"))
        names = {
            "repair-slip": self.tr("Repair slip"),
            "pickup-receipt": self.tr("Pickup receipt"),
            "return-receipt": self.tr("Return receipt"),
        }
        for index in range(self.kind.count()):
            self.kind.setItemText(index, names[self.kind.itemData(index)])
        papers = {
            "a4": self.tr("A4"),
            "letter": self.tr("US Letter"),
            "80mm": self.tr("80 mm roll"),
        }
        for index in range(self.paper.count()):
            self.paper.setItemText(index, papers[self.paper.itemData(index)])
        self.print_button.setText(self.tr("Print…"))
        self.save_button.setText(self.tr("Save as PDF…"))
        self.close_button.setText(self.tr("Close"))
