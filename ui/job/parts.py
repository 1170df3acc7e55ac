"""Parts fitted from the van: pick by number (a scanner types like a keyboard), quantity, serials.

Going below zero in van stock warns the technician and never blocks the repair.
"""

from __future__ import annotations

import html
import uuid

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from fieldtech.domain.errors import FieldTechError
from fieldtech.usecases.common import Db
from fieldtech.usecases.parts import PartOutcome, use_part
from ui import labels
from ui.job.data import JobDetail, StockLine, van_stock
from ui.tasks import TaskRunner
from ui.theme import MessageLabel, set_tone


class PartsPanel(QGroupBox):
    changed = Signal()

    def __init__(self, db: Db, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._job_id: uuid.UUID | None = None
        self._stock: dict[str, StockLine] = {}
        self.used = QLabel()
        self.used.setWordWrap(True)
        self.used.setTextFormat(Qt.TextFormat.RichText)
        self.part_number = QLineEdit()
        self.part_number.textChanged.connect(self._show_stock)
        self.part_number.returnPressed.connect(self.add)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 99)
        self.serial_removed = QLineEdit()
        self.serial_fitted = QLineEdit()
        self.price = QLineEdit()
        self.stock_hint = MessageLabel()
        self.stock_hint.setObjectName("hintText")
        self.message = MessageLabel()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add)
        self._captions = [QLabel() for _ in range(5)]
        grid = QGridLayout(self)
        grid.addWidget(self.used, 0, 0, 1, 2)
        fields = (
            self.part_number,
            self.quantity,
            self.serial_removed,
            self.serial_fitted,
            self.price,
        )
        for n, (caption, field) in enumerate(zip(self._captions, fields, strict=True)):
            caption.setBuddy(field)
            grid.addWidget(caption, 1 + n // 2 * 2, n % 2)
            grid.addWidget(field, 2 + n // 2 * 2, n % 2)
        grid.addWidget(self.add_button, 6, 1)
        grid.addWidget(self.stock_hint, 7, 0, 1, 2)
        grid.addWidget(self.message, 8, 0, 1, 2)
        self._retranslate()

    def show_detail(self, detail: JobDetail) -> None:
        self._job_id = detail.id
        if not detail.parts:
            self.used.setText(self.tr("No parts used yet."))
        else:
            lines = []
            for p in detail.parts:
                serials = " → ".join(s for s in (p.serial_removed, p.serial_fitted) if s)
                lines.append(
                    f"<b>{html.escape(p.part_number)}</b> × {p.quantity} "
                    f"{html.escape(p.description)}"
                    + (
                        f" <span style='color:#4b5560'>({html.escape(serials)})</span>"
                        if serials
                        else ""
                    )
                )
            self.used.setText("<br>".join(lines))
        self._runner.run(van_stock, self._db, on_done=self._stock_loaded)

    def set_read_only(self, read_only: bool) -> None:
        for field in (self.part_number, self.serial_removed, self.serial_fitted, self.price):
            field.setReadOnly(read_only)
        self.quantity.setReadOnly(read_only)
        self.add_button.setEnabled(not read_only)

    def add(self) -> None:
        if self._job_id is None or not self.add_button.isEnabled():
            return
        price = self.price.text().strip()
        self.add_button.setEnabled(False)
        self._runner.run(
            use_part,
            self._db,
            self._job_id,
            part_number=self.part_number.text().strip(),
            quantity=self.quantity.value(),
            serial_removed=self.serial_removed.text(),
            serial_fitted=self.serial_fitted.text(),
            unit_price=price or None,
            on_done=self._added,
            on_error=self._refused,
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Parts from the van"))
        texts = (
            self.tr("Part &number"),
            self.tr("&Quantity"),
            self.tr("Serial &removed"),
            self.tr("Serial &fitted"),
            self.tr("Price (only if not in the van)"),
        )
        for caption, text in zip(self._captions, texts, strict=True):
            caption.setText(text)
        self.part_number.setPlaceholderText(self.tr("Type or scan"))
        self.add_button.setText(self.tr("Add part"))
        self._show_stock(self.part_number.text())

    def _stock_loaded(self, stock: list[StockLine]) -> None:
        self._stock = {line.part_number: line for line in stock}
        completer = QCompleter(sorted(self._stock), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.part_number.setCompleter(completer)
        self._show_stock(self.part_number.text())

    def _show_stock(self, number: str) -> None:
        line = self._stock.get(number.strip())
        if line is None:
            self.stock_hint.setText(
                self.tr("Not in the van's list: enter its price") if number.strip() else ""
            )
        else:
            self.stock_hint.setText(
                self.tr("%1 · %2 in the van · %3 each")
                .replace("%1", line.description)
                .replace("%2", str(line.quantity))
                .replace("%3", f"{line.unit_price:.2f}")
            )

    def _added(self, outcome: PartOutcome) -> None:
        self.add_button.setEnabled(True)
        number = outcome.part.part_number
        if outcome.below_zero:
            set_tone(self.message, "warningText")
            self.message.setText(
                self.tr("Van stock of %1 is now %2: the repair is recorded; tell the office.")
                .replace("%1", number)
                .replace("%2", str(outcome.stock_left))
            )
        else:
            set_tone(self.message, "savedText")
            self.message.setText(self.tr("Added %1.").replace("%1", number))
        for field in (self.part_number, self.serial_removed, self.serial_fitted, self.price):
            field.clear()
        self.quantity.setValue(1)
        self.changed.emit()

    def _refused(self, error: FieldTechError) -> None:
        self.add_button.setEnabled(True)
        set_tone(self.message, "errorText")
        self.message.setText(labels.error_text(error))
