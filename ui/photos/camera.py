"""Taking a photo with the laptop's camera through Qt Multimedia (offered only when one exists)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession, QMediaDevices
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.theme import MessageLabel, set_tone


class CameraDialog(QDialog):
    """Shows the camera's picture; Enter or Space takes a photo, Escape closes."""

    captured = Signal(QImage)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.camera = QCamera(QMediaDevices.defaultVideoInput())
        self.capture = QImageCapture()
        self.session = QMediaCaptureSession(self)
        self.session.setCamera(self.camera)
        self.session.setImageCapture(self.capture)
        self.view = QVideoWidget()
        self.view.setMinimumSize(640, 360)
        self.session.setVideoOutput(self.view)
        self.capture.imageCaptured.connect(self._captured)
        self.capture.errorOccurred.connect(self._failed)
        self.camera.errorOccurred.connect(self._failed)
        self.capture.readyForCaptureChanged.connect(self._ready)
        self.shoot_button = QPushButton()
        self.shoot_button.setProperty("primary", True)
        self.shoot_button.setMinimumHeight(44)
        self.shoot_button.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.shoot_button.setDefault(True)
        self.shoot_button.setEnabled(False)
        self.shoot_button.clicked.connect(self.capture.capture)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        self.message = MessageLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.shoot_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._retranslate()
        self.finished.connect(lambda _: self.camera.stop())
        self.camera.start()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _ready(self, ready: bool) -> None:
        self.shoot_button.setEnabled(ready)

    def _captured(self, _: int, image: QImage) -> None:
        set_tone(self.message, "savedText")
        self.message.setText(self.tr("Photo taken. Take another or close."))
        self.captured.emit(image)

    def _failed(self, *_: object) -> None:
        set_tone(self.message, "errorText")
        self.message.setText(
            self.tr("The camera did not answer. Close this window and add a photo file instead.")
        )

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Take photo"))
        self.shoot_button.setText(self.tr("Take photo (Space)"))
        self.close_button.setText(self.tr("Close"))
