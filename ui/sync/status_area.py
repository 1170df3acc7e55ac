"""The sync status area of the status bar: online or offline, changes waiting, last sync, errors."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from sync.client.errors import SyncState
from ui import labels
from ui.sync.controller import SyncStatus
from ui.sync_words import state_text


class SyncStatusArea(QWidget):
    """Draws a SyncStatus; asks for a sync or for the conflict inbox by signal."""

    sync_requested = Signal()
    conflicts_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._status = SyncStatus()
        self.dot = QLabel("●")
        self.dot.setObjectName("syncDot")
        self.state = QLabel()
        self.state.setObjectName("syncStatus")
        self.waiting = QLabel()
        self.waiting.setObjectName("syncWaiting")
        self.last = QLabel()
        self.last.setObjectName("syncLast")
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(180)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.bar.setVisible(False)
        # A banner for what needs the technician (revoked, clock, signed out): the window places
        # it above its content; being offline is normal and stays in the status line's tooltip.
        self.problem = QLabel()
        self.problem.setObjectName("syncBanner")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        self.conflicts = QPushButton()
        self.conflicts.setObjectName("conflictsButton")
        self.conflicts.setFlat(True)
        self.conflicts.clicked.connect(self.conflicts_requested)
        self.sync_button = QPushButton()
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(self.sync_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(10)
        layout.addWidget(self.dot)
        layout.addWidget(self.state)
        for widget in (self.waiting, self.last, self.bar):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.conflicts)
        layout.addWidget(self.sync_button)
        self.show_status(self._status)

    def show_status(self, status: SyncStatus) -> None:
        self._status = status
        online = status.online
        if status.running:
            headline, tone = self.tr("Syncing…"), "busy"
        elif online is None:
            headline, tone = self.tr("Not synced yet"), "idle"
        elif status.state == SyncState.OK:
            headline, tone = self.tr("Online"), "ok"
        elif online:
            headline, tone = self.tr("Sync failed"), "error"
        else:
            headline, tone = self.tr("Offline"), "offline"
        self.state.setText(headline)
        if self.dot.property("tone") != tone:  # polishing anew on every progress step is not free
            self.dot.setProperty("tone", tone)
            self.dot.style().unpolish(self.dot)
            self.dot.style().polish(self.dot)
        self.waiting.setText(self.tr("Changes waiting: %1").replace("%1", str(status.waiting)))
        self.last.setText(self._last_text(status.last_success))
        self.bar.setVisible(status.running)
        if status.running:
            self.bar.setRange(0, status.total if status.total > status.done else 0)
            self.bar.setValue(status.done)
            self.bar.setToolTip(self._stage_text(status))
        failed = status.state not in (None, SyncState.OK) and not status.running
        sentence = state_text(status.state) if failed and status.state is not None else ""
        self.state.setToolTip(sentence)
        self.problem.setVisible(failed and online is not False)
        self.problem.setText(sentence)
        self.problem.setToolTip(status.detail)
        self.conflicts.setVisible(status.unseen_conflicts > 0)
        self.conflicts.setText(
            self.tr("Conflicts to review: %1").replace("%1", str(status.unseen_conflicts))
        )
        self.sync_button.setEnabled(not status.running)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self.sync_button.setText(self.tr("Sync now"))
            self.sync_button.setToolTip(self.tr("Send and fetch changes now (F5)"))
            self.show_status(self._status)
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's API)
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setToolTip(self.tr("Send and fetch changes now (F5)"))
        self.show_status(self._status)
        super().showEvent(event)

    def _last_text(self, when: dt.datetime | None) -> str:
        if when is None:
            return self.tr("Never synced")
        local = when.astimezone()
        shown = (
            labels.local_time(when)
            if local.date() == dt.datetime.now().astimezone().date()
            else labels.local_date_time(when)
        )
        return self.tr("Last sync: %1").replace("%1", shown)

    def _stage_text(self, status: SyncStatus) -> str:
        stage = self.tr("Sending changes") if status.stage == "push" else self.tr("Fetching")
        if status.total:
            return f"{stage} {status.done} / {status.total}"
        return stage
