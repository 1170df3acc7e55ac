"""A job list: a table over JobTableModel, with an instant search box and a status filter.

The same widget shows "Today" (no search, time order) and "All jobs" (search and filter). It asks
the store for ids through the task runner and emits `job_open_requested` when a job is chosen.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldtech.domain.enums import JobStatus
from fieldtech.domain.errors import FieldTechError
from fieldtech.usecases.common import Db
from ui import labels
from ui.jobs.model import ALL_COLUMNS, TODAY_COLUMNS, Column, JobTableModel
from ui.jobs.queries import SEARCH_LIMIT, Cancel, job_ids, today_ids
from ui.tasks import TaskRunner

ROW_HEIGHT = 44
_WIDTHS = {
    Column.WINDOW: 120,
    Column.DATE: 150,
    Column.TICKET: 120,
    Column.CUSTOMER: 170,
    Column.PHONE: 140,
    Column.ADDRESS: 260,
    Column.ITEM: 170,
    Column.SERIAL: 160,
    Column.FAULT: 220,
    Column.URGENCY: 90,
}


class JobListView(QWidget):
    """Today's appointments (`today=True`) or every job with search and a status filter."""

    job_open_requested = Signal(object)
    """A job id (uuid.UUID) the user chose to open."""

    def __init__(
        self, db: Db, runner: TaskRunner, *, today: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._today = today
        self._query_serial = 0
        self.loaded = False
        """Ids were asked for at least once: "All jobs" reads its 50,000 ids only when first shown."""
        columns: Sequence[Column] = TODAY_COLUMNS if today else ALL_COLUMNS
        self.model = JobTableModel(db, runner, columns, self)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("searchBox")
        self.status_filter = QComboBox()
        self.status_filter.addItem("", None)
        for status in JobStatus:
            self.status_filter.addItem("", status)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for position, column in enumerate(columns):
            if column in _WIDTHS:
                self.table.setColumnWidth(position, _WIDTHS[column])
        self.table.activated.connect(self._open_index)
        self.table.clicked.connect(self._open_index)

        self._in_flight = False
        self._cancel = Cancel()
        self.search.textChanged.connect(self.reload)
        self.status_filter.currentIndexChanged.connect(self.reload)
        self.search.returnPressed.connect(self._open_first)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 0)
        if today:
            self.search.hide()
            self.status_filter.hide()
            bar.insertStretch(0, 1)
        layout.addLayout(bar)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.search, self.status_filter)
        self.setTabOrder(self.status_filter, self.table)
        self._retranslate()

    def reload(self) -> None:
        """Read the ids again (after a search edit, a filter change or a saved change).

        Searching starts at the first keystroke, with no waiting for typing to pause; a further
        edit while a search runs interrupts it, and when it returns the latest text is asked
        for instead. The list so shows results one query after the last keystroke and never
        queues a query per letter.
        """
        self.loaded = True
        self._query_serial += 1
        if self._in_flight:
            self._cancel.cancel()
        else:
            self._start_query()

    def _start_query(self) -> None:
        self._in_flight = True
        serial = self._query_serial
        if self._today:
            tz = dt.datetime.now().astimezone().tzinfo or dt.UTC
            self._runner.run(
                today_ids,
                self._db,
                dt.datetime.now(tz).date(),
                tz,
                on_done=lambda ids: self._answered(serial, ids),
                on_error=lambda error: self._answered(serial, None, error),
            )
        else:
            self._cancel = Cancel()
            self._runner.run(
                job_ids,
                self._db,
                self.search.text(),
                self.status_filter.currentData(),
                self._cancel,
                on_done=lambda ids: self._answered(serial, ids),
                on_error=lambda error: self._answered(serial, None, error),
            )

    def _answered(
        self, serial: int, ids: list[uuid.UUID] | None, error: FieldTechError | None = None
    ) -> None:
        self._in_flight = False
        if serial != self._query_serial:
            self._start_query()
        elif ids is not None:
            self._show(ids)
        elif error is not None:
            self._runner.task_failed.emit(error)

    def reload_if_shown(self) -> None:
        """Re-read the ids if this list was ever shown (after a job was added)."""
        if self.loaded:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's API)
        if not self.loaded:
            self.reload()
        super().showEvent(event)

    def refresh_rows(self) -> None:
        """Re-read the rows on screen without moving (after a job was edited)."""
        self.model.refresh()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Search by ticket, name, phone, serial or model  (Ctrl+F)")
        )
        self.search.setAccessibleName(self.tr("Search jobs"))
        self.status_filter.setItemText(0, self.tr("Every status"))
        for position, status in enumerate(JobStatus, start=1):
            self.status_filter.setItemText(position, labels.status_text(status))
        self.status_filter.setAccessibleName(self.tr("Status filter"))
        self.empty_label.setText(
            self.tr("No appointments today.")
            if self._today
            else self.tr("No job matches this search.")
        )
        self._update_count()
        self.model.retranslate()

    def _show(self, ids: list[uuid.UUID]) -> None:
        self.model.set_ids(ids)
        self.empty_label.setVisible(not ids)
        self._update_count()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        if self._today:
            self.count_label.setText(self.tr("Appointments today: %1").replace("%1", str(n)))
        else:
            text = self.tr("Jobs: %1").replace("%1", str(n))
            if self.search.text().strip() and n >= SEARCH_LIMIT:
                text = self.tr("First %1 matches: type more to narrow").replace("%1", str(n))
            self.count_label.setText(text)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.job_open_requested.emit(self.model.job_id(index.row()))

    def _open_first(self) -> None:
        if self.model.rowCount() > 0:
            self.job_open_requested.emit(self.model.job_id(0))
