"""The job screen, as the visit goes: header with arrival/departure, then the job's panels.

It loads the job as plain data on the database worker, hands it to each panel, and reloads after
any panel saved something. A job signed by the customer shows read-only, with "Start new
revision" as the only way to change it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldtech.domain.enums import JobStatus
from fieldtech.domain.errors import FieldTechError
from fieldtech.usecases.common import Db
from fieldtech.usecases.signoff import start_new_revision
from fieldtech.usecases.visit import record_arrival, record_departure
from ui import labels
from ui.icons import set_icon
from ui.job.advice import AdvicePanel
from ui.job.customer import CustomerCard
from ui.job.data import JobDetail, load_detail
from ui.job.diagnosis import DiagnosisForm
from ui.job.money import MoneyPanel
from ui.job.parts import PartsPanel
from ui.job.past_repairs import PastRepairsPanel
from ui.photos.panel import JobPhotosPanel
from ui.photos.strip import dropped_files
from ui.tasks import TaskRunner
from ui.theme import MessageLabel, set_tone
from ui.workshop.work import unfinished_forms

STATUS_TONES = {
    JobStatus.SIGNED: "done",
    JobStatus.CLOSED: "done",
    JobStatus.AWAITING_SIGNATURE: "waiting",
    JobStatus.ITEM_IN_WORKSHOP: "waiting",
    JobStatus.CANCELLED: "off",
}
"""The status chip's colour (light-theme stylesheet); every other status is "active" (blue)."""


class JobScreen(QWidget):
    back_requested = Signal()
    load_failed = Signal(object)
    """The job could not be read (FieldTechError), for example it is no longer on this laptop."""
    job_changed = Signal(object)
    """A job id whose stored record changed (lists refresh, the outbox count moves)."""
    sign_off_requested = Signal(object)
    documents_requested = Signal(object)
    take_back_requested = Signal(object)
    return_requested = Signal(object)

    def __init__(
        self, db: Db, read_db: Db, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._read_db = read_db
        self._runner = runner
        self.detail: JobDetail | None = None
        self._unfinished: frozenset[str] = frozenset()
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back_requested)
        self.title = QLabel()
        self.title.setObjectName("ticketTitle")
        self.status = QLabel()
        self.status.setObjectName("statusChip")
        self.times = QLabel()
        self.times.setObjectName("hintText")
        self.arrived_button = QPushButton()
        self.arrived_button.setProperty("primary", True)
        self.arrived_button.clicked.connect(self._arrived)
        self.left_button = QPushButton()
        self.left_button.clicked.connect(self._left)
        self.revision_button = QPushButton()
        self.revision_button.clicked.connect(self._new_revision)
        self.sign_off_button = QPushButton()
        self.sign_off_button.setProperty("primary", True)
        self.sign_off_button.clicked.connect(self._sign_off)
        self.documents_button = QPushButton()
        self.documents_button.clicked.connect(self._documents)
        self.take_back_button = QPushButton()
        self.take_back_button.clicked.connect(self._take_back)
        self.return_button = QPushButton()
        self.return_button.setProperty("primary", True)
        self.return_button.clicked.connect(self._return)
        self.take_back_button.hide()
        self.return_button.hide()
        self._shortcuts: dict[QPushButton, QKeySequence] = {}
        """Set again after each setText, which replaces a button's shortcut with its mnemonic."""
        for button, icon, keys in (
            (self.back_button, "arrow-left", ""),
            (self.arrived_button, "map-pin-check", "Ctrl+Shift+A"),
            (self.left_button, "door-open", "Ctrl+Shift+L"),
            (self.revision_button, "file-pen-line", ""),
            (self.take_back_button, "package", "Ctrl+Shift+T"),
            (self.return_button, "package-check", "Ctrl+Shift+R"),
            (self.sign_off_button, "signature", "Ctrl+Shift+S"),
            (self.documents_button, "printer", "Ctrl+P"),
        ):
            set_icon(button, icon)
            if keys:
                self._shortcuts[button] = QKeySequence(keys)
        self.frozen_banner = QLabel()
        self.frozen_banner.setObjectName("frozenBanner")
        self.frozen_banner.setWordWrap(True)
        self.frozen_banner.hide()
        self.message = MessageLabel()

        self.customer = CustomerCard()
        self.diagnosis = DiagnosisForm(db, runner)
        self.parts = PartsPanel(db, runner)
        self.money = MoneyPanel(db, runner)
        self.advice = AdvicePanel(db, runner)
        self.past_repairs = PastRepairsPanel(read_db, runner)
        self.diagnosis.fault_code.textEdited.connect(self._fault_code_typed)
        self.photos = JobPhotosPanel(db, read_db, runner)
        self.photos.changed.connect(self._saved_quietly)
        self.diagnosis.saved.connect(self._saved_quietly)
        for editor in (self.parts, self.money, self.advice):
            editor.changed.connect(self._saved_and_reload)

        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addSpacing(8)
        header.addWidget(self.title)
        header.addWidget(self.status)
        header.addStretch(1)
        header.addWidget(self.times)
        actions = QHBoxLayout()
        actions.addWidget(self.arrived_button)
        actions.addWidget(self.left_button)
        actions.addWidget(self.revision_button)
        actions.addStretch(1)
        actions.addWidget(self.take_back_button)
        actions.addWidget(self.return_button)
        actions.addWidget(self.sign_off_button)
        actions.addWidget(self.documents_button)
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 8, 8)
        columns.setSpacing(16)
        for panels in (
            (self.customer, self.diagnosis, self.past_repairs),
            (self.parts, self.money, self.advice, self.photos),
        ):
            column = QVBoxLayout()
            for box in panels:
                column.addWidget(box)
            column.addStretch(1)
            columns.addLayout(column, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 0)
        layout.addLayout(header)
        layout.addLayout(actions)
        layout.addWidget(self.frozen_banner)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        self.setAcceptDrops(True)
        self._retranslate()

    @property
    def job_id(self) -> uuid.UUID | None:
        return self.detail.id if self.detail else None

    def open_job(self, job_id: uuid.UUID) -> None:
        """Show a job (saving anything still typed for the previous one first)."""
        self.flush()
        self.message.clear()
        self._load(job_id)

    def flush(self) -> None:
        """Save what is typed and not saved yet (leaving the job, closing the window)."""
        self.diagnosis.flush()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's API)
        """Picture files dropped anywhere on the job become its photos."""
        if self.detail is not None and not self.photos.strip.read_only and dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's API)
        paths = dropped_files(event)
        if paths and self.detail is not None:
            event.acceptProposedAction()
            self.photos.strip.add_files(paths)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.back_button.setText(self.tr("Jobs"))
        self.back_button.setToolTip(self.tr("Back to the job lists (Esc)"))
        self.arrived_button.setText(self.tr("Arrived"))
        self.left_button.setText(self.tr("Left"))
        self.revision_button.setText(self.tr("Start new revision"))
        self.sign_off_button.setText(self.tr("Customer sign-off"))
        self.documents_button.setText(self.tr("Documents"))
        self.documents_button.setToolTip(self.tr("Preview, print or save this job's documents"))
        self.take_back_button.setText(
            self.tr("Continue taking item back")
            if "pickup" in self._unfinished
            else self.tr("Take item back")
        )
        self.take_back_button.setToolTip(
            self.tr("Take the item to the workshop against a signed pickup receipt")
        )
        self.return_button.setText(
            self.tr("Continue returning item")
            if "return" in self._unfinished
            else self.tr("Return item")
        )
        self.return_button.setToolTip(
            self.tr("Give the item back to the customer against a signed return receipt")
        )
        self.frozen_banner.setText(
            self.tr(
                "The customer signed this job. It is read-only; to change it, start a new "
                "revision, which needs a new signature."
            )
        )
        described = (self.documents_button, self.take_back_button, self.return_button)
        for button, keys in self._shortcuts.items():
            button.setShortcut(keys)
            tip = button.toolTip() if button in described else button.text()
            button.setToolTip(f"{tip}  ({keys.toString(QKeySequence.SequenceFormat.NativeText)})")
        if self.detail is not None:
            self._show(self.detail)

    def _load(self, job_id: uuid.UUID) -> None:
        self._runner.run(
            load_detail,
            self._read_db,
            job_id,
            dt.date.today(),
            on_done=self._show,
            on_error=self.load_failed.emit,
        )

    def _show(self, detail: JobDetail) -> None:
        self.detail = detail
        self.title.setText(self.tr("Job %1").replace("%1", detail.ticket))
        self.status.setText(labels.status_text(detail.status))
        self.status.setProperty("tone", STATUS_TONES.get(detail.status, "active"))
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        times = []
        if detail.arrived_at:
            times.append(self.tr("Arrived %1").replace("%1", labels.local_time(detail.arrived_at)))
        if detail.departed_at:
            times.append(self.tr("Left %1").replace("%1", labels.local_time(detail.departed_at)))
        self.times.setText(" · ".join(times))
        frozen = detail.frozen
        self.frozen_banner.setVisible(frozen)
        self.revision_button.setVisible(frozen)
        self.arrived_button.setVisible(not frozen)
        self.left_button.setVisible(not frozen)
        visiting = detail.status not in (JobStatus.CLOSED, JobStatus.CANCELLED)
        self.arrived_button.setEnabled(visiting and not detail.on_site)
        self.left_button.setEnabled(visiting and detail.on_site)
        self.sign_off_button.setVisible(not frozen and visiting)
        self.take_back_button.setVisible(not frozen and detail.status == JobStatus.ON_SITE)
        self.return_button.setVisible(detail.status == JobStatus.ITEM_IN_WORKSHOP)
        if detail.status in (JobStatus.ON_SITE, JobStatus.ITEM_IN_WORKSHOP):
            job_id = detail.id
            self._runner.run(
                unfinished_forms,
                self._read_db,
                job_id,
                on_done=lambda forms: self._show_unfinished(job_id, forms),
            )
        self.customer.show_detail(detail)
        self.diagnosis.load(detail)
        self.past_repairs.show_for(
            detail.model, self.diagnosis.fault_code.text(), detail.id, now=True
        )
        for shown in (self.parts, self.money, self.advice, self.photos):
            shown.show_detail(detail)
        for editable in (self.diagnosis, self.parts, self.money, self.advice, self.photos):
            editable.set_read_only(frozen)

    def _fault_code_typed(self, code: str) -> None:
        if self.detail is not None:
            self.past_repairs.show_for(self.detail.model, code, self.detail.id)

    def _arrived(self) -> None:
        if self.job_id is not None:
            self._run_and_reload(record_arrival, self._db, self.job_id)

    def _left(self) -> None:
        if self.job_id is not None:
            self._run_and_reload(record_departure, self._db, self.job_id)

    def _sign_off(self) -> None:
        if self.job_id is not None:
            self.flush()
            self.sign_off_requested.emit(self.job_id)

    def _documents(self) -> None:
        if self.job_id is not None:
            self.flush()
            self.documents_requested.emit(self.job_id)

    def _show_unfinished(self, job_id: uuid.UUID, forms: frozenset[str]) -> None:
        """A receipt started and not signed (closed, or the app stopped) says so on its button."""
        if job_id == self.job_id and forms != self._unfinished:
            self._unfinished = forms
            self._retranslate()

    def _take_back(self) -> None:
        if self.job_id is not None:
            self.flush()
            self.take_back_requested.emit(self.job_id)

    def _return(self) -> None:
        if self.job_id is not None:
            self.flush()
            self.return_requested.emit(self.job_id)

    def reload(self) -> None:
        """Read the open job again (after a dialog changed it)."""
        if self.job_id is not None:
            self._load(self.job_id)

    def _new_revision(self) -> None:
        if self.job_id is not None:
            self._run_and_reload(start_new_revision, self._db, self.job_id)

    def _run_and_reload(self, fn: Callable[..., object], *args: object) -> None:
        self.message.clear()
        self._runner.run(
            fn, *args, on_done=lambda _: self._saved_and_reload(), on_error=self._refused
        )

    def _saved_quietly(self) -> None:
        if self.job_id is not None:
            self.job_changed.emit(self.job_id)

    def _saved_and_reload(self) -> None:
        if self.job_id is not None:
            self.job_changed.emit(self.job_id)
            self._load(self.job_id)

    def _refused(self, error: FieldTechError) -> None:
        set_tone(self.message, "errorText")
        self.message.setText(labels.error_text(error))
