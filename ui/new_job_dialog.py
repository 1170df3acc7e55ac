"""Opening a job at the customer's door: the few fields the technician types, then the job screen.

The ticket number comes from the block of numbers the office lent this laptop, so it is final
even offline.
"""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from fieldtech.domain.enums import JobCategory
from fieldtech.domain.errors import FieldTechError
from fieldtech.usecases.common import Db
from fieldtech.usecases.visit import NewJob, open_job
from ui import labels
from ui.tasks import TaskRunner

CATEGORIES = {
    JobCategory.PRODUCT_FAULT: QT_TRANSLATE_NOOP("Labels", "Product fault"),
    JobCategory.USAGE_QUESTION: QT_TRANSLATE_NOOP("Labels", "Usage question"),
    JobCategory.RETURN_EXCHANGE: QT_TRANSLATE_NOOP("Labels", "Return or exchange"),
    JobCategory.COMPLAINT: QT_TRANSLATE_NOOP("Labels", "Complaint"),
}


def open_job_id(db: Db, new: NewJob, today: dt.date) -> uuid.UUID:
    """Open the job and hand back only its id (no ORM object crosses threads)."""
    return open_job(db, new, today=today).id


class NewJobDialog(QDialog):
    """Emits `job_opened(job_id)` once the job is stored; refusals are shown in the dialog."""

    job_opened = Signal(object)

    def __init__(self, db: Db, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.address = QLineEdit()
        self.category = QComboBox()
        for code in CATEGORIES:
            self.category.addItem("", code)
        self.model = QLineEdit()
        self.serial = QLineEdit()
        self.fault = QPlainTextEdit()
        self.fault.setTabChangesFocus(True)
        self.fault.setFixedHeight(90)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self._labels = [QLabel() for _ in range(7)]
        form = QFormLayout(self)
        fields = (self.name, self.phone, self.address, self.category, self.model, self.serial)
        for label, field in zip(self._labels, (*fields, self.fault), strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.setMinimumWidth(520)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("New job"))
        texts = (
            self.tr("Customer &name"),
            self.tr("&Phone"),
            self.tr("&Address"),
            self.tr("Ca&tegory"),
            self.tr("&Model"),
            self.tr("&Serial"),
            self.tr("&Fault"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        for position, code in enumerate(CATEGORIES):
            self.category.setItemText(position, labels.tr(CATEGORIES[code]))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open job"))

    def _submit(self) -> None:
        new = NewJob(
            customer_name=self.name.text(),
            phone=self.phone.text(),
            address=self.address.text(),
            category=self.category.currentData(),
            fault_description=self.fault.toPlainText(),
            model=self.model.text(),
            serial=self.serial.text(),
        )
        self.buttons.setEnabled(False)
        self._runner.run(
            open_job_id,
            self._db,
            new,
            dt.date.today(),
            on_done=self._opened,
            on_error=self._refused,
        )

    def _opened(self, job_id: uuid.UUID) -> None:
        self.buttons.setEnabled(True)
        self.job_opened.emit(job_id)
        self.accept()

    def _refused(self, error: FieldTechError) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(labels.error_text(error))
        self.error.show()
