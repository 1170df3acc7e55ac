"""Who and what the visit is for: customer (copy the phone, open the address on a map) and item."""

from __future__ import annotations

import html
from urllib.parse import quote

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ui import labels
from ui.job.data import JobDetail
from ui.theme import set_tone

MAPS_URL = "https://www.openstreetmap.org/search?query="


class CustomerCard(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._detail: JobDetail | None = None
        self.name = QLabel()
        self.name.setObjectName("customerName")
        self.phone = QLabel()
        self.phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_phone = QPushButton()
        self.copy_phone.clicked.connect(self._copy_phone)
        self.address = QLabel()
        self.address.setOpenExternalLinks(True)
        self.address.setWordWrap(True)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.item = QLabel()
        self.item.setWordWrap(True)
        self.serial = QLabel()
        self.serial.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.purchase = QLabel()
        self.warranty = QLabel()
        self.warranty.setWordWrap(True)
        self.fault = QLabel()
        self.fault.setWordWrap(True)
        self._captions = [QLabel() for _ in range(8)]
        phone_row = QHBoxLayout()
        phone_row.setContentsMargins(0, 0, 0, 0)
        phone_row.addWidget(self.phone)
        phone_row.addWidget(self.copy_phone)
        phone_row.addStretch(1)
        form = QFormLayout(self)
        rows: tuple[QWidget | QHBoxLayout, ...] = (
            self.name,
            phone_row,
            self.address,
            self.item,
            self.serial,
            self.purchase,
            self.fault,
            self.warranty,
        )
        for caption, row in zip(self._captions, rows, strict=True):
            form.addRow(caption, row)
        self._retranslate()

    def show_detail(self, detail: JobDetail) -> None:
        self._detail = detail
        self.name.setText(f"<b>{html.escape(detail.customer_name)}</b>")
        self.phone.setText(detail.phone or "—")
        self.copy_phone.setEnabled(bool(detail.phone))
        self.address.setText(
            f'<a href="{MAPS_URL}{quote(detail.address)}">{html.escape(detail.address)}</a>'
            if detail.address
            else "—"
        )
        self.item.setText(" ".join(p for p in (detail.brand, detail.model) if p) or "—")
        self.serial.setText(detail.serial or "—")
        self.purchase.setText(detail.purchase_date.isoformat() if detail.purchase_date else "—")
        self.fault.setText(detail.fault or "—")
        self._show_warranty()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Customer and item"))
        texts = (
            self.tr("Customer"),
            self.tr("Phone"),
            self.tr("Address"),
            self.tr("Item"),
            self.tr("Serial"),
            self.tr("Bought on"),
            self.tr("Reported fault"),
            self.tr("Warranty"),
        )
        for caption, text in zip(self._captions, texts, strict=True):
            caption.setText(text)
        self.copy_phone.setText(self.tr("Copy"))
        self.copy_phone.setToolTip(self.tr("Copy the phone number"))
        self.address.setToolTip(self.tr("Open the address on a map"))
        self._show_warranty()

    def _show_warranty(self) -> None:
        detail = self._detail
        if detail is None:
            return
        if detail.warranty is None:
            text = self.tr("Warranty unknown: the item has no product category")
        else:
            text = labels.warranty_text(detail.warranty.reason, detail.warranty.expires_on)
        set_tone(
            self.warranty,
            "goodText" if detail.warranty and detail.warranty.in_warranty else "warningText",
        )
        self.warranty.setText(text)

    def _copy_phone(self) -> None:
        if self._detail is not None:
            QGuiApplication.clipboard().setText(self._detail.phone)
