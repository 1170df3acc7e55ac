"""End of day: the money taken by method (cash to hand in first), parts used, jobs left open.

Read on the database worker for the chosen day; Enter or a double click on an open job opens it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldtech.domain.enums import PaymentMethod
from fieldtech.domain.errors import FieldTechError
from fieldtech.usecases.common import Db
from ui import labels
from ui.endofday.data import EndOfDay, end_of_day
from ui.tasks import TaskRunner
from ui.theme import MessageLabel, set_tone

JobIdRole = Qt.ItemDataRole.UserRole + 1


def money(currency: str, amount: Decimal) -> str:
    return f"{currency} {amount:,.2f}"


def _table(columns: int, stretch: int) -> QTableWidget:
    """A read-only list whose `stretch` column (the names) takes the spare width."""
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(36)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], right: tuple[int, ...] = ()) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class EndOfDayDialog(QDialog):
    job_open_requested = Signal(object)

    def __init__(self, read_db: Db, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._read_db = read_db
        self._runner = runner
        self.summary: EndOfDay | None = None
        self.heading = QLabel()
        self.heading.setObjectName("dialogHeading")
        self.day_label = QLabel()
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setMinimumHeight(40)
        self.day.setMaximumDate(QDate.currentDate())
        self.day.dateChanged.connect(self.load)
        self.day_label.setBuddy(self.day)
        self.today_button = QPushButton()
        self.today_button.setMinimumHeight(40)
        self.today_button.clicked.connect(lambda: self.day.setDate(QDate.currentDate()))
        self.cash_caption = QLabel()
        self.cash = QLabel()
        self.cash.setStyleSheet("font-size: 22pt; font-weight: 600; color: #0b3d91;")
        self.cash.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.method_names = {m: QLabel() for m in PaymentMethod}
        self.method_counts = {m: QLabel() for m in PaymentMethod}
        self.method_totals = {m: QLabel() for m in PaymentMethod}
        self.total_caption = QLabel()
        self.total = QLabel()
        self.payments = _table(6, stretch=2)
        self.parts = _table(4, stretch=1)
        self.open_jobs = _table(4, stretch=1)
        self.open_jobs.activated.connect(self._open_job)
        self.open_jobs.doubleClicked.connect(self._open_job)
        self.open_more = QLabel()
        self.open_more.setObjectName("hintText")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.payments, "")
        self.tabs.addTab(self.parts, "")
        open_page = QWidget()
        open_layout = QVBoxLayout(open_page)
        open_layout.setContentsMargins(0, 0, 0, 0)
        open_layout.addWidget(self.open_jobs)
        open_layout.addWidget(self.open_more)
        self.tabs.addTab(open_page, "")
        self.message = MessageLabel()
        self.close_button = QPushButton()
        self.close_button.setMinimumHeight(40)
        self.close_button.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.day_label)
        top.addWidget(self.day)
        top.addWidget(self.today_button)
        figures = QGridLayout()
        figures.setHorizontalSpacing(24)
        figures.addWidget(self.cash_caption, 0, 0)
        figures.addWidget(self.cash, 1, 0, 3, 1, Qt.AlignmentFlag.AlignTop)
        for row, method in enumerate(PaymentMethod):
            figures.addWidget(self.method_names[method], row, 1)
            figures.addWidget(self.method_counts[method], row, 2)
            figures.addWidget(self.method_totals[method], row, 3, Qt.AlignmentFlag.AlignRight)
        figures.addWidget(self.total_caption, len(PaymentMethod), 1)
        figures.addWidget(self.total, len(PaymentMethod), 3, Qt.AlignmentFlag.AlignRight)
        figures.setColumnStretch(0, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.message, 1)
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(figures)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(actions)
        self.setTabOrder(self.day, self.today_button)
        self.setTabOrder(self.today_button, self.tabs)
        self.resize(980, 680)
        self._retranslate()

    @property
    def chosen_day(self) -> dt.date:
        d = self.day.date()
        return dt.date(d.year(), d.month(), d.day())

    def load(self) -> None:
        tz = dt.datetime.now().astimezone().tzinfo or dt.UTC
        self._runner.run(
            end_of_day,
            self._read_db,
            self.chosen_day,
            tz,
            on_done=self._show,
            on_error=self._failed,
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _show(self, summary: EndOfDay) -> None:
        if summary.day != self.chosen_day:
            return
        self.summary = summary
        self.message.clear()
        cur = summary.currency
        self.cash.setText(money(cur, summary.cash))
        for m in summary.by_method:
            self.method_counts[m.method].setText(self.tr("%n payment(s)", "", m.count))
            self.method_totals[m.method].setText(money(cur, m.total))
        self.total.setText(money(cur, summary.total))
        _fill(
            self.payments,
            [
                [
                    labels.local_time(p.taken_at),
                    p.ticket,
                    p.customer,
                    labels.payment_text(p.method),
                    p.receipt_number,
                    money(cur, p.amount),
                ]
                for p in summary.payments
            ],
            right=(5,),
        )
        _fill(
            self.parts,
            [
                [p.part_number, p.description, str(p.quantity), ", ".join(p.tickets)]
                for p in summary.parts
            ],
            right=(2,),
        )
        _fill(
            self.open_jobs,
            [
                [
                    j.ticket,
                    j.customer,
                    labels.status_text(j.status),
                    labels.local_date_time(j.appointment) if j.appointment else "",
                ]
                for j in summary.open_jobs
            ],
        )
        for row, job in enumerate(summary.open_jobs):
            cell = self.open_jobs.item(row, 0)
            if cell is not None:
                cell.setData(JobIdRole, job.id)
        self._retranslate()

    def _failed(self, error: FieldTechError) -> None:
        set_tone(self.message, "errorText")
        self.message.setText(labels.error_text(error))

    def _open_job(self) -> None:
        row = self.open_jobs.currentRow()
        cell = self.open_jobs.item(row, 0) if row >= 0 else None
        job_id = cell.data(JobIdRole) if cell is not None else None
        if isinstance(job_id, uuid.UUID):
            self.job_open_requested.emit(job_id)
            self.accept()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("End of day"))
        self.heading.setText(self.tr("End of day"))
        self.day_label.setText(self.tr("&Day"))
        self.today_button.setText(self.tr("Today"))
        self.cash_caption.setText(self.tr("Cash to hand in"))
        for method, label in self.method_names.items():
            label.setText(labels.payment_text(method))
        self.total_caption.setText(self.tr("All payments"))
        summary = self.summary
        counts = (
            (len(summary.payments), len(summary.parts), summary.open_count)
            if summary
            else (0, 0, 0)
        )
        titles = (
            self.tr("Payments (%1)"),
            self.tr("Parts used (%1)"),
            self.tr("Jobs left open (%1)"),
        )
        for index, (title, count) in enumerate(zip(titles, counts, strict=True)):
            self.tabs.setTabText(index, title.replace("%1", str(count)))
        self.payments.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Ticket"),
                self.tr("Customer"),
                self.tr("Method"),
                self.tr("Receipt no."),
                self.tr("Amount"),
            ]
        )
        self.parts.setHorizontalHeaderLabels(
            [self.tr("Part number"), self.tr("Description"), self.tr("Quantity"), self.tr("Jobs")]
        )
        self.open_jobs.setHorizontalHeaderLabels(
            [self.tr("Ticket"), self.tr("Customer"), self.tr("Status"), self.tr("Appointment")]
        )
        shown = len(summary.open_jobs) if summary else 0
        more = summary.open_count - shown if summary else 0
        self.open_more.setVisible(more > 0)
        self.open_more.setText(
            self.tr("%1 more open jobs are in the job list.").replace("%1", str(more))
        )
        self.close_button.setText(self.tr("Close"))
