"""One signer's part of a receipt: the printed name and the signature pad, with undo and clear."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.signoff.pad import SignaturePad


class SignatureBox(QWidget):
    changed = Signal()
    """The name was edited or a stroke was drawn, undone or cleared."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel()
        self.caption.setObjectName("sectionTitle")
        self.name_label = QLabel()
        self.name = QLineEdit()
        self.name.setMinimumHeight(40)
        self.name_label.setBuddy(self.name)
        self.pad = SignaturePad()
        self.pad.setMinimumHeight(160)
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.pad.undo_stroke)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.pad.clear)
        self.name.textEdited.connect(self.changed)
        self.pad.changed.connect(self._pad_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.name_label)
        layout.addWidget(self.name)
        layout.addWidget(self.pad, 1)
        layout.addLayout(buttons)
        self._pad_changed(emit=False)

    def set_texts(self, caption: str, name_label: str, hint: str, undo: str, clear: str) -> None:
        self.caption.setText(caption)
        self.name_label.setText(name_label)
        self.pad.hint = hint
        self.pad.update()
        self.undo_button.setText(undo)
        self.clear_button.setText(clear)

    def restore(self, name: str, strokes: object) -> None:
        self.name.setText(name)
        self.name.setCursorPosition(0)
        if isinstance(strokes, list):
            self.pad.strokes = [[list(map(float, p)) for p in s] for s in strokes]
            self.pad.update()
        self._pad_changed(emit=False)

    def _pad_changed(self, emit: bool = True) -> None:
        has = bool(self.pad.strokes)
        self.undo_button.setEnabled(has)
        self.clear_button.setEnabled(has)
        if emit:
            self.changed.emit()


def clipped(text: str, limit: int = 240) -> str:
    """A long value shortened for a summary (the receipt itself prints it whole)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def summary_area(label: QLabel, max_height: int = 170) -> QScrollArea:
    """A summary that scrolls instead of pushing the signature pads off the window."""
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    area = QScrollArea()
    area.setWidget(label)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setMaximumHeight(max_height)
    area.setMinimumHeight(min(max_height, 120))
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area
