"""The job table model: it holds only job ids and builds display rows a page at a time, on demand.

A list of 50,000 jobs costs 50,000 UUIDs; rows are read from the store (on the database worker)
only for the pages a view actually asks about, so scrolling stays smooth and memory flat.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from fieldtech.domain.enums import Urgency
from fieldtech.usecases.common import Db
from ui import labels
from ui.jobs.queries import JobIds, JobRow, rows_for
from ui.tasks import TaskRunner

JobIdRole = Qt.ItemDataRole.UserRole + 1
UrgencyRole = Qt.ItemDataRole.UserRole + 2
StatusRole = Qt.ItemDataRole.UserRole + 3

PAGE_SIZE = 100
LOADING = "…"
_URGENT_COLOURS = {Urgency.URGENT: QColor("#9a4a00"), Urgency.MAJOR: QColor("#b00020")}

Index = QModelIndex | QPersistentModelIndex


class Column(Enum):
    WINDOW = QT_TRANSLATE_NOOP("JobTableModel", "Time")
    DATE = QT_TRANSLATE_NOOP("JobTableModel", "Appointment")
    TICKET = QT_TRANSLATE_NOOP("JobTableModel", "Ticket")
    CUSTOMER = QT_TRANSLATE_NOOP("JobTableModel", "Customer")
    PHONE = QT_TRANSLATE_NOOP("JobTableModel", "Phone")
    ADDRESS = QT_TRANSLATE_NOOP("JobTableModel", "Address")
    ITEM = QT_TRANSLATE_NOOP("JobTableModel", "Item")
    SERIAL = QT_TRANSLATE_NOOP("JobTableModel", "Serial")
    FAULT = QT_TRANSLATE_NOOP("JobTableModel", "Fault")
    URGENCY = QT_TRANSLATE_NOOP("JobTableModel", "Urgency")
    STATUS = QT_TRANSLATE_NOOP("JobTableModel", "Status")


TODAY_COLUMNS = (
    Column.WINDOW,
    Column.CUSTOMER,
    Column.ADDRESS,
    Column.ITEM,
    Column.FAULT,
    Column.URGENCY,
    Column.STATUS,
)
ALL_COLUMNS = (
    Column.TICKET,
    Column.DATE,
    Column.CUSTOMER,
    Column.PHONE,
    Column.ITEM,
    Column.SERIAL,
    Column.STATUS,
)


def _cell(row: JobRow, column: Column) -> str:
    match column:
        case Column.WINDOW:
            if row.start is None:
                return ""
            end = f"–{labels.local_time(row.end)}" if row.end else ""
            return labels.local_time(row.start) + end
        case Column.DATE:
            return labels.local_date_time(row.start) if row.start else ""
        case Column.TICKET:
            return row.ticket
        case Column.CUSTOMER:
            return row.customer
        case Column.PHONE:
            return row.phone
        case Column.ADDRESS:
            return row.address
        case Column.ITEM:
            return row.item
        case Column.SERIAL:
            return row.serial
        case Column.FAULT:
            return row.fault
        case Column.URGENCY:
            return labels.urgency_text(row.urgency)
        case Column.STATUS:
            return labels.status_text(row.status)


class JobTableModel(QAbstractTableModel):
    """Job ids in list order; display rows fetched by page through the task runner."""

    def __init__(
        self,
        db: Db,
        runner: TaskRunner,
        columns: Sequence[Column],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._columns = tuple(columns)
        self._ids: Sequence[uuid.UUID] = []
        self._pages: dict[int, list[JobRow | None]] = {}
        self._requested: set[int] = set()
        self._generation = 0
        self.rows_built = 0
        """How many display rows were built since the last `set_ids` (for tests and benchmarks)."""

    def set_ids(self, ids: Sequence[uuid.UUID]) -> None:
        self.beginResetModel()
        self._ids = ids if isinstance(ids, JobIds) else list(ids)
        self._pages.clear()
        self._requested.clear()
        self._generation += 1
        self.rows_built = 0
        self.endResetModel()

    def refresh(self) -> None:
        """Forget the built rows (after an edit) and re-read those on screen as they are asked for."""
        self._pages.clear()
        self._requested.clear()
        self._generation += 1
        if self._ids:
            last = self.index(len(self._ids) - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def retranslate(self) -> None:
        """Headers and status words are translated when shown: ask the views to show them again."""
        last = len(self._columns) - 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, last))

    def job_id(self, row: int) -> uuid.UUID:
        return self._ids[row]

    def row_of(self, job_id: uuid.UUID) -> int:
        try:
            return self._ids.index(job_id)
        except ValueError:
            return -1

    def column_of(self, column: Column) -> int:
        return self._columns.index(column)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's API)
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's API)
        return 0 if parent.isValid() else len(self._columns)

    def headerData(  # noqa: N802 (Qt's API)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("JobTableModel", str(self._columns[section].value))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == JobIdRole:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.FontRole,
            UrgencyRole,
            StatusRole,
        ):
            return None
        row = self._row(index.row())
        if row is None:
            return LOADING if role == Qt.ItemDataRole.DisplayRole else None
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _cell(row, column)
        if role == UrgencyRole:
            return row.urgency
        if role == StatusRole:
            return row.status
        if column is Column.URGENCY and row.urgency in _URGENT_COLOURS:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(_URGENT_COLOURS[row.urgency])
            bold = QFont()
            bold.setBold(True)
            return bold
        return None

    def _row(self, row: int) -> JobRow | None:
        page = row // PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            self._request(page)
            rows = self._pages.get(page)
            if rows is None:
                return None
        return rows[row - page * PAGE_SIZE]

    def _request(self, page: int) -> None:
        if page in self._requested:
            return
        self._requested.add(page)
        ids = list(self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE])
        generation = self._generation
        self._runner.run(
            rows_for,
            self._db,
            ids,
            on_done=lambda found: self._page_loaded(generation, page, ids, found),
        )

    def _page_loaded(
        self,
        generation: int,
        page: int,
        ids: list[uuid.UUID],
        found: dict[uuid.UUID, JobRow],
    ) -> None:
        if generation != self._generation:
            return
        self._pages[page] = [found.get(job_id) for job_id in ids]
        self.rows_built += len(found)
        first = page * PAGE_SIZE
        self.dataChanged.emit(
            self.index(first, 0), self.index(first + len(ids) - 1, len(self._columns) - 1)
        )
