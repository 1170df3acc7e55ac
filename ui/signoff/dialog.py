"""The sign-off dialog: the repair slip as it will print, then the customer's name and signature."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldtech.domain.errors import FieldTechError
from fieldtech.usecases.common import Db
from fieldtech.usecases.signoff import sign_off
from ui import labels
from ui.documents.preview import PdfPreview
from ui.documents.work import RenderedDocument, render_job_document
from ui.signoff.pad import SignaturePad
from ui.tasks import TaskRunner
from ui.theme import MessageLabel, set_tone


class SignOffDialog(QDialog):
    """Emits `signed` with the job id once the signature is stored and the job frozen."""

    signed = Signal(object)

    def __init__(
        self,
        db: Db,
        read_db: Db,
        runner: TaskRunner,
        job_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._read_db = read_db
        self._runner = runner
        self.job_id = job_id
        self.preview = PdfPreview()
        self.preview_state = QLabel()
        self.preview_state.setObjectName("hintText")
        self.preview_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading = QLabel()
        self.heading.setObjectName("dialogHeading")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.name_label = QLabel()
        self.name = QLineEdit()
        self.name.setMinimumHeight(36)
        self.name_label.setBuddy(self.name)
        self.pad_label = QLabel()
        self.pad = SignaturePad()
        self.pad.setMinimumHeight(220)
        self.pad.changed.connect(self._pad_changed)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.pad.clear)
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.pad.undo_stroke)
        self.sign_button = QPushButton()
        self.sign_button.setProperty("primary", True)
        self.sign_button.setMinimumHeight(44)
        self.sign_button.clicked.connect(self.sign)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        self.message = MessageLabel()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.preview_state)
        left_layout.addWidget(self.preview, 1)
        right = QWidget()
        form = QVBoxLayout(right)
        form.setContentsMargins(12, 0, 0, 0)
        form.setSpacing(10)
        form.addWidget(self.heading)
        form.addWidget(self.intro)
        form.addWidget(self.name_label)
        form.addWidget(self.name)
        form.addWidget(self.pad_label)
        form.addWidget(self.pad, 1)
        pad_buttons = QHBoxLayout()
        pad_buttons.addWidget(self.undo_button)
        pad_buttons.addWidget(self.clear_button)
        pad_buttons.addStretch(1)
        form.addLayout(pad_buttons)
        form.addWidget(self.message)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.sign_button)
        form.addLayout(actions)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.resize(1200, 760)
        self._retranslate()
        self._pad_changed()

    def load(self) -> None:
        """Render the slip as it stands (off the GUI thread) and show it."""
        self.preview_state.setText(self.tr("Preparing the repair slip…"))
        self.preview_state.show()
        self._runner.run(
            render_job_document,
            self._read_db,
            self.job_id,
            "repair-slip",
            on_done=self._rendered,
            on_error=self._render_failed,
        )

    def sign(self) -> None:
        name = self.name.text().strip()
        if not name:
            self._refuse(self.tr("Type the customer's name as it should be printed."))
            self.name.setFocus()
            return
        if self.pad.is_empty:
            self._refuse(self.tr("Ask the customer to sign in the box."))
            return
        self.sign_button.setEnabled(False)
        self._runner.run(
            sign_off,
            self._db,
            self.job_id,
            printed_name=name,
            strokes=[list(map(list, stroke)) for stroke in self.pad.strokes],
            image_png=self.pad.png(),
            on_done=self._signed,
            on_error=self._sign_failed,
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _rendered(self, document: RenderedDocument) -> None:
        if self.preview.show_pdf(document.pdf):
            self.preview_state.hide()
        else:
            self.preview_state.setText(self.tr("The slip could not be shown."))

    def _render_failed(self, error: FieldTechError) -> None:
        self.preview_state.setText(
            self.tr("The slip could not be prepared: %1").replace("%1", labels.error_text(error))
        )

    def _signed(self, _: object) -> None:
        self.signed.emit(self.job_id)
        self.accept()

    def _sign_failed(self, error: FieldTechError) -> None:
        self._pad_changed()
        self._refuse(labels.error_text(error))

    def _refuse(self, text: str) -> None:
        set_tone(self.message, "errorText")
        self.message.setText(text)

    def _pad_changed(self) -> None:
        empty = self.pad.is_empty
        self.sign_button.setEnabled(not empty)
        self.clear_button.setEnabled(bool(self.pad.strokes))
        self.undo_button.setEnabled(bool(self.pad.strokes))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Customer sign-off"))
        self.heading.setText(self.tr("Customer sign-off"))
        self.intro.setText(
            self.tr(
                "Let the customer read the repair slip on the left. Their signature confirms "
                "exactly what it says; after signing, the job can no longer be changed."
            )
        )
        self.name_label.setText(self.tr("Customer's &printed name"))
        self.name.setPlaceholderText(self.tr("Name as the customer writes it"))
        self.pad_label.setText(self.tr("Signature"))
        self.pad.hint = self.tr("Sign here with a finger, pen or mouse")
        self.pad.update()
        self.undo_button.setText(self.tr("Undo stroke"))
        self.clear_button.setText(self.tr("Clear"))
        self.sign_button.setText(self.tr("Sign and finish"))
        self.cancel_button.setText(self.tr("Cancel"))
