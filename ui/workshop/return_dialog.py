"""Return the item: what was done in the workshop, its condition, charges, the customer's signature.

Every field is kept as a draft on each change, like the take-back wizard; the return receipt is
written when the customer signs, then it opens to print.
"""

from __future__ import annotations

import html
import uuid
from typing import Any

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldtech.domain.errors import FieldTechError
from fieldtech.usecases.common import Db
from ui import labels
from ui.tasks import TaskRunner
from ui.theme import MessageLabel, set_tone
from ui.workshop.drafts import DraftKeeper
from ui.workshop.signature_box import SignatureBox, clipped, summary_area
from ui.workshop.work import RETURN_FORM, ReturnContext, issue_return, return_context


class ReturnDialog(QDialog):
    issued = Signal(object, str)
    """The job id and the new return receipt number, once the customer signed."""

    def __init__(
        self,
        db: Db,
        read_db: Db,
        runner: TaskRunner,
        job_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._read_db = read_db
        self._runner = runner
        self.job_id = job_id
        self.context: ReturnContext | None = None
        self.receipt_number = ""
        self._restoring = False
        self.keeper = DraftKeeper(db, runner, RETURN_FORM, job_id, self)
        self.heading = QLabel()
        self.heading.setObjectName("dialogHeading")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.restored = MessageLabel()
        self.work_done = QPlainTextEdit()
        self.work_done.setTabChangesFocus(True)
        self.work_done.setMinimumHeight(90)
        self.condition = QPlainTextEdit()
        self.condition.setTabChangesFocus(True)
        self.condition.setMinimumHeight(60)
        self.charges = QLineEdit()
        self.charges.setMinimumHeight(40)
        self.charges.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,12}([.,]\d{0,2})?"), self)
        )
        self.captions = [QLabel() for _ in range(3)]
        self.customer = SignatureBox()
        self.message = MessageLabel()
        self.sign_button = QPushButton()
        self.sign_button.setProperty("primary", True)
        self.sign_button.setMinimumHeight(44)
        self.sign_button.setDefault(True)
        self.sign_button.clicked.connect(self.sign)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        form = QFormLayout()
        for caption, field in zip(
            self.captions, (self.work_done, self.condition, self.charges), strict=True
        ):
            caption.setBuddy(field)
            form.addRow(caption, field)
        actions = QHBoxLayout()
        actions.addWidget(self.message, 1)
        actions.addStretch(1)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.sign_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(summary_area(self.summary, 150))
        layout.addWidget(self.restored)
        layout.addLayout(form)
        layout.addWidget(self.customer, 1)
        layout.addLayout(actions)
        for box in (self.work_done, self.condition):
            box.textChanged.connect(self._edited)
        self.charges.textEdited.connect(self._edited)
        self.customer.changed.connect(self._edited)
        self.resize(760, 780)
        self._retranslate()

    def load(self) -> None:
        self._runner.run(
            return_context, self._read_db, self.job_id, on_done=self._loaded, on_error=self._refuse
        )

    def values(self) -> dict[str, Any]:
        return {
            "work_done": self.work_done.toPlainText(),
            "condition_on_return": self.condition.toPlainText(),
            "charges_total": self.charges.text().replace(",", "."),
            "customer_name": self.customer.name.text(),
            "customer_strokes": self.customer.pad.strokes,
        }

    def sign(self) -> None:
        if self.context is None or not self.sign_button.isEnabled():
            return
        if not self.work_done.toPlainText().strip():
            self.work_done.setFocus()
            self._say(self.tr("Say what was done in the workshop."))
            return
        if not self.customer.name.text().strip():
            self.customer.name.setFocus()
            self._say(self.tr("Type the customer's name as it should be printed."))
            return
        if self.customer.pad.is_empty:
            self._say(self.tr("Ask the customer to sign in the box."))
            return
        values = self.values()
        values["customer_png"] = self.customer.pad.png()
        self.sign_button.setEnabled(False)
        self._runner.run(
            issue_return,
            self._db,
            self.job_id,
            self.context.pickup_id,
            values,
            on_done=self._issued,
            on_error=self._sign_failed,
        )

    def done(self, result: int) -> None:
        self.keeper.flush()
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _loaded(self, context: ReturnContext) -> None:
        self.context = context
        draft = context.draft or {}
        self._restoring = True
        self.work_done.setPlainText(str(draft.get("work_done", "")))
        self.condition.setPlainText(str(draft.get("condition_on_return", "")))
        self.charges.setText(str(draft.get("charges_total", "")))
        self.customer.restore(
            str(draft.get("customer_name", context.customer_name)), draft.get("customer_strokes")
        )
        self._restoring = False
        if context.draft:
            set_tone(self.restored, "warningText")
            self.restored.setText(self.tr("Restored what was typed before."))
        self._retranslate()
        self.work_done.setFocus()

    def _edited(self) -> None:
        if not self._restoring and self.context is not None:
            self.keeper.changed(self.values())

    def _issued(self, number: str) -> None:
        self.receipt_number = number
        self.keeper.enabled = False
        self.issued.emit(self.job_id, number)
        self.accept()

    def _sign_failed(self, error: FieldTechError) -> None:
        self.sign_button.setEnabled(True)
        self._refuse(error)

    def _refuse(self, error: FieldTechError) -> None:
        self._say(labels.error_text(error))

    def _say(self, text: str) -> None:
        set_tone(self.message, "errorText")
        self.message.setText(text)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Return item"))
        self.heading.setText(self.tr("Return the item to the customer"))
        context = self.context
        if context is not None:
            rows = [
                (self.tr("Pickup receipt"), context.pickup_number),
                (self.tr("Item"), context.item),
                (self.tr("Taken"), labels.local_date_time(context.taken_at)),
                (self.tr("Promised by"), context.promised_return_date.isoformat()),
                (self.tr("Condition when taken"), context.condition),
                (self.tr("Accessories"), ", ".join(context.accessories) or self.tr("None")),
            ]
            self.summary.setText(
                "<table>"
                + "".join(
                    f"<tr><td style='padding-right:12px'><b>{html.escape(k)}</b></td>"
                    f"<td>{html.escape(clipped(v))}</td></tr>"
                    for k, v in rows
                )
                + "</table>"
            )
        texts = (self.tr("&Work done"), self.tr("C&ondition now"), self.tr("C&harges"))
        for caption, text in zip(self.captions, texts, strict=True):
            caption.setText(text)
        self.work_done.setPlaceholderText(self.tr("What was repaired or replaced in the workshop"))
        self.condition.setPlaceholderText(self.tr("Leave empty when it is as when taken"))
        self.charges.setPlaceholderText(self.tr("0.00 when free"))
        self.customer.set_texts(
            self.tr("Customer"),
            self.tr("Customer's &printed name"),
            self.tr("Customer signs here"),
            self.tr("Undo stroke"),
            self.tr("Clear"),
        )
        self.sign_button.setText(self.tr("Sign and print"))
        self.cancel_button.setText(self.tr("Close"))
