"""Diagnosis fields that save themselves: after a pause in typing, on leaving a field, on close.

There is no Save button to forget. Each edit restarts a short timer; when it fires, or when focus
leaves a field, or when the screen is closed, the four fields go to `record_diagnosis` on the
database worker. A refusal (a field too long) is shown under the fields and retried on the next
edit.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from fieldtech.domain.errors import FieldTechError
from fieldtech.usecases.common import Db
from ui import labels
from ui.job.data import JobDetail
from ui.job.drafts import FIELDS, Draft, drop_draft, load_draft, save_diagnosis, save_draft
from ui.tasks import TaskRunner
from ui.theme import MessageLabel, set_tone

AUTOSAVE_MS = 600


class DiagnosisForm(QGroupBox):
    saved = Signal()

    def __init__(self, db: Db, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._job_id: uuid.UUID | None = None
        self._frozen = False
        self._keep_notice = False
        self._draft_in_flight = False
        self._draft_again = False
        self._edit = 0
        """Counts edits; drafts and saves carry it so a save never drops a newer draft."""
        self.dirty = False
        self.symptoms = QPlainTextEdit()
        self.cause = QPlainTextEdit()
        self.fault_code = QLineEdit()
        self.checks = QPlainTextEdit()
        for box in (self.symptoms, self.cause, self.checks):
            box.setTabChangesFocus(True)
            box.setFixedHeight(84)
        self.state = MessageLabel()
        self.state.setObjectName("savedText")
        self._captions = [QLabel() for _ in range(4)]
        form = QFormLayout(self)
        for caption, field in zip(self._captions, self._fields(), strict=True):
            caption.setBuddy(field)
            form.addRow(caption, field)
        form.addRow(self.state)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.symptoms.textChanged.connect(self._edited)
        self.cause.textChanged.connect(self._edited)
        self.fault_code.textEdited.connect(self._edited)
        self.checks.textChanged.connect(self._edited)
        self._retranslate()

    def load(self, detail: JobDetail) -> None:
        """Show a job's saved diagnosis; never overwrites what is being typed for the same job."""
        if detail.id == self._job_id and self.dirty:
            return
        self._job_id = detail.id
        self._frozen = detail.frozen
        self._show_values(
            {
                "symptoms": detail.symptoms,
                "cause": detail.cause,
                "fault_code": detail.fault_code,
                "checks_done": detail.checks_done,
            }
        )
        self.state.clear()
        if not detail.frozen:
            job_id = detail.id
            self._runner.run(
                load_draft, self._db, job_id, on_done=lambda draft: self._restore(job_id, draft)
            )

    def set_read_only(self, read_only: bool) -> None:
        for field in self._fields():
            field.setReadOnly(read_only)

    def flush(self) -> None:
        """Save now whatever was typed and not saved yet."""
        self._timer.stop()
        if not self.dirty or self._job_id is None:
            return
        self.dirty = False
        if not self._keep_notice:
            set_tone(self.state, "savedText")
            self.state.setText(self.tr("Saving…"))
        self._runner.run(
            save_diagnosis,
            self._db,
            self._job_id,
            self._values(),
            self._edit,
            on_done=self._saved,
            on_error=self._refused,
        )

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """Leaving a diagnosis field saves at once (an application signal, not an event filter)."""
        if old is not None and old in self._fields():
            self.flush()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _fields(self) -> tuple[QPlainTextEdit | QLineEdit, ...]:
        return (self.symptoms, self.cause, self.fault_code, self.checks)

    def _values(self) -> Draft:
        return {
            name: field.text() if isinstance(field, QLineEdit) else field.toPlainText()
            for name, field in zip(FIELDS, self._fields(), strict=True)
        }

    def _show_values(self, values: Draft) -> None:
        for name, field in zip(FIELDS, self._fields(), strict=True):
            value = values[name]
            field.blockSignals(True)
            if isinstance(field, QLineEdit):
                if field.text() != value:
                    field.setText(value)
            elif field.toPlainText() != value:
                field.setPlainText(value)
            field.blockSignals(False)

    def _restore(self, job_id: uuid.UUID, stored: tuple[int, Draft] | None) -> None:
        """Bring back what was typed before a crash, and save it through the use case now."""
        if stored is None or job_id != self._job_id or self._frozen or self.dirty:
            return
        edit, draft = stored
        self._edit = max(self._edit, edit)
        if draft == self._values():
            self._runner.run(drop_draft, self._db, job_id)
            return
        self._show_values(draft)
        self.dirty = True
        self._keep_notice = True
        self.flush()
        set_tone(self.state, "warningText")
        self.state.setText(self.tr("Restored what was typed before the app closed."))

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Diagnosis"))
        texts = (
            self.tr("S&ymptoms"),
            self.tr("&Cause"),
            self.tr("Fault c&ode"),
            self.tr("C&hecks done"),
        )
        for caption, text in zip(self._captions, texts, strict=True):
            caption.setText(text)
        self.symptoms.setPlaceholderText(self.tr("What the customer and you saw"))
        self.cause.setPlaceholderText(self.tr("What caused it"))
        self.fault_code.setPlaceholderText(self.tr("For example E21"))
        self.checks.setPlaceholderText(self.tr("What you checked"))
        self.setToolTip(self.tr("Saved as you type"))

    def _edited(self, *_: object) -> None:
        if self._job_id is None or self._frozen:
            return
        self.dirty = True
        self._edit += 1
        self._keep_notice = False
        self._timer.start()
        self._queue_draft()

    def _queue_draft(self) -> None:
        """Write the draft on the worker; keystrokes typed meanwhile coalesce into one next write."""
        if self._job_id is None:
            return
        if self._draft_in_flight:
            self._draft_again = True
            return
        self._draft_in_flight = True
        self._runner.run(
            save_draft,
            self._db,
            self._job_id,
            self._values(),
            self._edit,
            on_done=self._draft_written,
            on_error=self._draft_written,
        )

    def _draft_written(self, _: object) -> None:
        self._draft_in_flight = False
        if self._draft_again:
            self._draft_again = False
            self._queue_draft()

    def _saved(self, _: object) -> None:
        if not self.dirty and not self._keep_notice:
            set_tone(self.state, "savedText")
            self.state.setText(self.tr("All changes saved"))
        self.saved.emit()

    def _refused(self, error: FieldTechError) -> None:
        self.dirty = True
        set_tone(self.state, "errorText")
        self.state.setText(labels.error_text(error))
