"""Advice notes: what the technician explained to the customer about the repair and usage."""

from __future__ import annotations

import html
import uuid

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from fieldtech.domain.errors import FieldTechError
from fieldtech.usecases.common import Db
from fieldtech.usecases.visit import add_advice
from ui import labels
from ui.job.data import JobDetail
from ui.tasks import TaskRunner
from ui.theme import MessageLabel, set_tone


class AdvicePanel(QGroupBox):
    changed = Signal()

    def __init__(self, db: Db, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._job_id: uuid.UUID | None = None
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(70)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._add)
        self.message = MessageLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.notes)
        layout.addWidget(self.text)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.message)
        self._count = 0
        self._retranslate()

    def show_detail(self, detail: JobDetail) -> None:
        self._job_id = detail.id
        self._count = len(detail.advice)
        self.notes.setText("<br>".join("• " + html.escape(n) for n in detail.advice))
        self.notes.setVisible(bool(detail.advice))

    def set_read_only(self, read_only: bool) -> None:
        self.text.setReadOnly(read_only)
        self.add_button.setEnabled(not read_only)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Advice to the customer"))
        self.text.setPlaceholderText(self.tr("What you explained about the repair and use"))
        self.add_button.setText(self.tr("Add note"))

    def _add(self) -> None:
        if self._job_id is None:
            return
        self._runner.run(
            add_advice,
            self._db,
            self._job_id,
            self.text.toPlainText(),
            on_done=self._added,
            on_error=self._refused,
        )

    def _added(self, _: object) -> None:
        self.text.clear()
        self.message.clear()
        self.changed.emit()

    def _refused(self, error: FieldTechError) -> None:
        set_tone(self.message, "errorText")
        self.message.setText(labels.error_text(error))
