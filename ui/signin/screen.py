"""The sign-in screen shown on first run: office address, username, password, first sync."""

from __future__ import annotations

import argparse

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldtech.domain.errors import FieldTechError
from sync.client.errors import SyncState
from ui import labels
from ui.signin.work import SignInOutcome, sign_in_and_sync
from ui.sync_words import state_text
from ui.tasks import TaskRunner

DEFAULT_SERVER = "http://"


class _Progress(QObject):
    """Carries the engine's progress calls from the network worker to the GUI thread."""

    moved = Signal(str, int, int)

    def __call__(self, stage: str, done: int, total: int) -> None:
        self.moved.emit(stage, done, total)


class SignInScreen(QWidget):
    """Emits `signed_in` once the token is kept and the first sync has run (even if it failed)."""

    signed_in = Signal(object)

    def __init__(
        self, args: argparse.Namespace, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._args = args
        self._runner = runner
        self._progress = _Progress(self)
        self._progress.moved.connect(self._moved)
        self.heading = QLabel()
        self.heading.setObjectName("signInHeading")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.server = QLineEdit(DEFAULT_SERVER)
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.submit = QPushButton()
        self.submit.setProperty("primary", True)
        self.submit.setDefault(True)
        self.submit.setAutoDefault(True)
        self.submit.setMinimumHeight(40)
        self.submit.clicked.connect(self.sign_in)
        for field in (self.server, self.username, self.password):
            field.setMinimumHeight(36)
            field.returnPressed.connect(self.sign_in)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        self.bar.setVisible(False)
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(12)
        self.form.setHorizontalSpacing(14)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.server_label = QLabel()
        self.username_label = QLabel()
        self.password_label = QLabel()
        for label, field in (
            (self.server_label, self.server),
            (self.username_label, self.username),
            (self.password_label, self.password),
        ):
            label.setBuddy(field)
            self.form.addRow(label, field)
        card = QFrame()
        card.setObjectName("signInCard")
        card.setFixedWidth(500)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(14)
        inner.addWidget(self.heading)
        inner.addWidget(self.intro)
        inner.addLayout(self.form)
        inner.addWidget(self.submit)
        inner.addWidget(self.bar)
        inner.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.setTabOrder(self.server, self.username)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.submit)
        self._retranslate()

    def sign_in(self) -> None:
        if not self.submit.isEnabled():
            return
        server = self.server.text().strip()
        username = self.username.text().strip()
        password = self.password.text()
        missing = self._missing(server, username, password)
        if missing is not None:
            self._say(missing, error=True)
            return
        if "://" not in server:
            server = "https://" + server
        self._busy(True)
        self._say(self.tr("Signing in…"), error=False)
        self._runner.run_network(
            sign_in_and_sync,
            self._args,
            server,
            username,
            password,
            self._progress,
            on_done=self._finished,
            on_error=self._failed,
        )

    def show_wiped(self) -> None:
        """Say why the technician is back here: the office had this laptop's data erased."""
        self._say(
            self.tr(
                "The office revoked this laptop and asked for its data to be erased. The jobs "
                "and the key were deleted from this computer. Sign in again when the office "
                "allows it."
            ),
            error=True,
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _missing(self, server: str, username: str, password: str) -> str | None:
        if server in ("", DEFAULT_SERVER, "https://"):
            self.server.setFocus()
            return self.tr("Enter the office address your office gave you.")
        if not username:
            self.username.setFocus()
            return self.tr("Enter your username.")
        if not password:
            self.password.setFocus()
            return self.tr("Enter your password.")
        return None

    def _moved(self, stage: str, done: int, total: int) -> None:
        self.bar.setVisible(True)
        self.bar.setRange(0, max(total, done, 1))
        self.bar.setValue(done)
        words = self.tr("Sending your changes…") if stage == "push" else self.tr("Fetching jobs…")
        self._say(f"{words} {done} / {max(total, done)}", error=False)

    def _finished(self, outcome: SignInOutcome) -> None:
        self._busy(False)
        if not outcome.signed_in:
            self.password.clear()
            self.password.setFocus()
            self._say(state_text(outcome.state), error=True, detail=outcome.detail)
            return
        self.password.clear()
        if outcome.state != SyncState.OK:
            self._say(
                self.tr("Signed in. The first sync did not finish: %1 It will be retried.").replace(
                    "%1", state_text(outcome.state)
                ),
                error=True,
                detail=outcome.detail,
            )
        else:
            self._say(self.tr("Signed in as %1.").replace("%1", outcome.display_name), error=False)
        self.signed_in.emit(outcome)

    def _failed(self, error: FieldTechError) -> None:
        self._busy(False)
        self._say(labels.error_text(error), error=True)

    def _busy(self, busy: bool) -> None:
        for widget in (self.server, self.username, self.password, self.submit):
            widget.setEnabled(not busy)
        self.bar.setVisible(busy)
        if busy:
            self.bar.setRange(0, 0)

    def _say(self, text: str, *, error: bool, detail: str = "") -> None:
        self.message.setProperty("error", error)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.setToolTip(detail)

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Sign in to your office"))
        self.intro.setText(
            self.tr(
                "Sign in once with the account your office gave you. After that the app works "
                "offline and syncs whenever the network allows."
            )
        )
        self.server_label.setText(self.tr("&Office address"))
        self.username_label.setText(self.tr("&Username"))
        self.password_label.setText(self.tr("&Password"))
        self.server.setPlaceholderText(self.tr("e.g. https://office.example.com"))
        self.submit.setText(self.tr("Sign in"))
