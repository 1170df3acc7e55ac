"""Charges and the payment taken on site (cash, card or transfer with its receipt number)."""

from __future__ import annotations

import html
from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from fieldtech.domain.enums import ChargeKind, PaymentMethod
from fieldtech.domain.errors import FieldTechError
from fieldtech.usecases.common import Db
from fieldtech.usecases.money import add_charge, take_payment
from ui import labels
from ui.job.data import JobDetail
from ui.tasks import TaskRunner
from ui.theme import MessageLabel, set_tone


class MoneyPanel(QGroupBox):
    changed = Signal()

    def __init__(self, db: Db, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._detail: JobDetail | None = None
        self.lines = QLabel()
        self.lines.setWordWrap(True)
        self.lines.setTextFormat(Qt.TextFormat.RichText)
        self.kind = QComboBox()
        for kind in ChargeKind:
            self.kind.addItem("", kind)
        self.description = QLineEdit()
        self.unit_price = QLineEdit()
        self.add_charge_button = QPushButton()
        self.add_charge_button.clicked.connect(self._add_charge)
        self.method = QComboBox()
        for method in PaymentMethod:
            self.method.addItem("", method)
        self.amount = QLineEdit()
        self.receipt = QLineEdit()
        self.pay_button = QPushButton()
        self.pay_button.setProperty("primary", True)
        self.pay_button.clicked.connect(self._take_payment)
        self.message = MessageLabel()
        grid = QGridLayout(self)
        grid.addWidget(self.lines, 0, 0, 1, 4)
        grid.addWidget(self.kind, 1, 0)
        grid.addWidget(self.description, 1, 1)
        grid.addWidget(self.unit_price, 1, 2)
        grid.addWidget(self.add_charge_button, 1, 3)
        grid.addWidget(self.method, 2, 0)
        grid.addWidget(self.amount, 2, 1)
        grid.addWidget(self.receipt, 2, 2)
        grid.addWidget(self.pay_button, 2, 3)
        grid.addWidget(self.message, 3, 0, 1, 4)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 1)
        self._retranslate()

    def show_detail(self, detail: JobDetail) -> None:
        self._detail = detail
        self._show_lines()

    def set_read_only(self, read_only: bool) -> None:
        for field in (self.description, self.unit_price, self.amount, self.receipt):
            field.setReadOnly(read_only)
        for widget in (self.kind, self.method, self.add_charge_button, self.pay_button):
            widget.setEnabled(not read_only)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Charges and payment"))
        for n, kind in enumerate(ChargeKind):
            self.kind.setItemText(n, labels.charge_text(kind))
        for n, method in enumerate(PaymentMethod):
            self.method.setItemText(n, labels.payment_text(method))
        self.kind.setAccessibleName(self.tr("Charge kind"))
        self.method.setAccessibleName(self.tr("Payment method"))
        self.description.setPlaceholderText(self.tr("Description"))
        self.unit_price.setPlaceholderText(self.tr("Price"))
        self.amount.setPlaceholderText(self.tr("Amount"))
        self.receipt.setPlaceholderText(self.tr("Receipt number"))
        self.add_charge_button.setText(self.tr("Add charge"))
        self.pay_button.setText(self.tr("Take payment"))
        self._show_lines()

    def _show_lines(self) -> None:
        detail = self._detail
        if detail is None:
            return
        rows = [
            f"{html.escape(labels.charge_text(c.kind))}: {html.escape(c.description)}"
            f" <b>{c.total:.2f}</b>"
            for c in detail.charges
        ]
        due = sum((c.total for c in detail.charges), Decimal("0"))
        paid = sum((p.amount for p in detail.payments), Decimal("0"))
        rows.extend(
            f"{html.escape(labels.payment_text(p.method))} {p.amount:.2f}"
            + (f" · {html.escape(p.receipt_number)}" if p.receipt_number else "")
            for p in detail.payments
        )
        summary = (
            self.tr("Total %1 · paid %2 · to pay %3")
            .replace("%1", f"{due:.2f}")
            .replace("%2", f"{paid:.2f}")
            .replace("%3", f"{max(due - paid, Decimal('0')):.2f}")
        )
        body = "<br>".join(rows) if rows else html.escape(self.tr("No charges yet."))
        self.lines.setText(f"{body}<br><b>{html.escape(summary)}</b>")
        if due > paid and not self.amount.text():
            self.amount.setText(f"{due - paid:.2f}")

    def _add_charge(self) -> None:
        if self._detail is None:
            return
        self._runner.run(
            add_charge,
            self._db,
            self._detail.id,
            kind=self.kind.currentData(),
            description=self.description.text(),
            unit_price=self.unit_price.text().strip() or "0",
            on_done=lambda _: self._done((self.description, self.unit_price)),
            on_error=self._refused,
        )

    def _take_payment(self) -> None:
        if self._detail is None:
            return
        self._runner.run(
            take_payment,
            self._db,
            self._detail.id,
            method=self.method.currentData(),
            amount=self.amount.text().strip() or "0",
            receipt_number=self.receipt.text(),
            on_done=lambda _: self._done((self.amount, self.receipt)),
            on_error=self._refused,
        )

    def _done(self, fields: tuple[QLineEdit, ...]) -> None:
        for field in fields:
            field.clear()
        set_tone(self.message, "savedText")
        self.message.setText(self.tr("Saved."))
        self.changed.emit()

    def _refused(self, error: FieldTechError) -> None:
        set_tone(self.message, "errorText")
        self.message.setText(labels.error_text(error))
