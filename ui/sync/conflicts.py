"""The conflict inbox: what the office changed or refused, which value was kept and which lost."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldtech.usecases.common import Db
from ui import labels
from ui.sync.conflict_words import kept_text, reason_text, record_text
from ui.sync.work import ConflictRow, list_conflicts, mark_seen
from ui.tasks import TaskRunner


class ConflictInbox(QDialog):
    """Lists the conflict log, newest first; entries shown are marked seen."""

    seen = Signal(int)
    """How many entries were newly marked seen."""

    def __init__(
        self, db: Db, read_db: Db, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._rows: list[ConflictRow] = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(buttons)
        self.resize(980, 520)
        self._read_db = read_db
        self._retranslate()

    def load(self) -> None:
        """Read the log (connect `seen` first: shown entries are marked seen straight after)."""
        self._runner.run(list_conflicts, self._read_db, on_done=self._listed)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._fill()
        super().changeEvent(event)

    def _listed(self, rows: list[ConflictRow]) -> None:
        self._rows = rows
        self._fill()
        unseen = [row.id for row in rows if not row.seen]
        if unseen:
            self._runner.run(mark_seen, self._db, unseen, on_done=self.seen.emit)

    def _fill(self) -> None:
        rows = self._rows
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            cells = (
                labels.local_date_time(row.created_at),
                record_text(row.table, row.field),
                kept_text(row.kept_side),
                row.kept_value,
                row.lost_value,
                reason_text(row.reason),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if not row.seen:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(index, column, item)
        self.table.resizeColumnsToContents()
        for column in range(self.table.columnCount() - 1):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 240))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Conflicts"))
        self.intro.setText(
            self.tr(
                "When you and the office changed the same thing, or the office refused a change, "
                "it is listed here. Nothing is lost: the value that was not kept is shown too."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("What"),
                self.tr("Outcome"),
                self.tr("Kept value"),
                self.tr("Value not kept"),
                self.tr("Why"),
            ]
        )
        self.empty.setText(self.tr("No conflicts. Everything you sent reached the office."))
