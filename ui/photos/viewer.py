"""A photo at full size, opened from a thumbnail: previous and next by button, arrow key or swipe;
Escape closes. The picture is read and decoded on the database worker, at most screen-sized."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldtech.usecases.common import Db
from fieldtech.usecases.photos import PhotoRef
from ui.icons import set_icon
from ui.photos.strip import PhotoStrip
from ui.photos.work import full_image
from ui.tasks import TaskRunner

SWIPE_PX = 60
"""How far a finger (or the mouse) must travel sideways to turn to the next photo."""

MAX_SIDE = 2560
"""The longest side a photo is decoded at: sharp on a large screen, light on memory."""

CAPTION_NAME_PX = 360
"""How wide a photo's file name may run in the caption before its middle is elided."""


class PhotoCanvas(QWidget):
    """The picture, scaled to fit and centred; a sideways swipe asks for the next or previous."""

    def __init__(self, viewer: PhotoViewer) -> None:
        super().__init__(viewer)
        self._viewer = viewer
        self.pixmap: QPixmap | None = None
        self._pressed_at: QPointF | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)

    def set_pixmap(self, pixmap: QPixmap | None) -> None:
        self.pixmap = pixmap
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's API)
        if self.pixmap is None or self.pixmap.isNull():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        size = self.pixmap.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        if size.width() > self.pixmap.width():  # small photos are not blown up
            size = self.pixmap.size()
        left = (self.width() - size.width()) / 2
        top = (self.height() - size.height()) / 2
        painter.drawPixmap(QRectF(left, top, size.width(), size.height()), self.pixmap, QRectF())

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's API)
        self._pressed_at = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's API)
        """Touch arrives as mouse events too, so a swipe works on a touch screen."""
        start, self._pressed_at = self._pressed_at, None
        if start is not None:
            moved = event.position() - start
            if abs(moved.x()) >= SWIPE_PX and abs(moved.x()) > 2 * abs(moved.y()):
                self._viewer.step(1 if moved.x() < 0 else -1)
        super().mouseReleaseEvent(event)


class PhotoViewer(QDialog):
    """The photos of one strip, one at a time at full size."""

    def __init__(
        self,
        read_db: Db,
        runner: TaskRunner,
        photos: Sequence[PhotoRef],
        index: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._read_db = read_db
        self._runner = runner
        self.photos = list(photos)
        self.index = max(0, min(index, len(self.photos) - 1))
        self._images: dict[str, QPixmap | None] = {}
        self.canvas = PhotoCanvas(self)
        self.caption = QLabel()
        self.caption.setObjectName("hintText")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = QLabel()
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.close_button = QPushButton()
        for button, icon in (
            (self.previous_button, "arrow-left"),
            (self.next_button, "arrow-right"),
            (self.close_button, "x"),
        ):
            button.setMinimumSize(QSize(120, 44))  # a finger's width
            button.setAutoDefault(False)
            set_icon(button, icon)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.close_button.clicked.connect(self.reject)
        for keys, move in (
            (QKeySequence(Qt.Key.Key_Left), -1),
            (QKeySequence(Qt.Key.Key_Right), 1),
            (QKeySequence(QKeySequence.StandardKey.MoveToPreviousPage), -1),
            (QKeySequence(QKeySequence.StandardKey.MoveToNextPage), 1),
        ):
            QShortcut(keys, self).activated.connect(lambda move=move: self.step(move))
        QShortcut(QKeySequence(Qt.Key.Key_Home), self).activated.connect(lambda: self.show_at(0))
        QShortcut(QKeySequence(Qt.Key.Key_End), self).activated.connect(
            lambda: self.show_at(len(self.photos) - 1)
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.previous_button)
        buttons.addStretch(1)
        buttons.addWidget(self.caption)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.setModal(True)
        if parent is not None:
            window = parent.window().size()
            self.resize(max(640, window.width() * 9 // 10), max(480, window.height() * 9 // 10))
        else:
            self.resize(1024, 720)
        self._retranslate()
        self.show_at(self.index)

    @property
    def current(self) -> PhotoRef | None:
        return self.photos[self.index] if self.photos else None

    def step(self, move: int) -> None:
        self.show_at(self.index + move)

    def show_at(self, index: int) -> None:
        if not self.photos or not 0 <= index < len(self.photos):
            return
        self.index = index
        ref = self.photos[index]
        self._update_caption()
        if ref.sha256 in self._images:
            self._show(ref.sha256)
            return
        self.canvas.set_pixmap(None)
        self.status.setText(self.tr("Opening the photo…"))
        self._runner.run(
            full_image,
            self._read_db,
            ref.sha256,
            MAX_SIDE,
            on_done=lambda image: self._loaded(ref.sha256, image),
            on_error=lambda _: self._loaded(ref.sha256, None),
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's API)
        """Enter does not close the viewer (no default button); Escape does, as in any dialog."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _loaded(self, sha256: str, image: QImage | None) -> None:
        self._images[sha256] = QPixmap.fromImage(image) if image is not None else None
        current = self.current
        if current is not None and current.sha256 == sha256:
            self._show(sha256)

    def _show(self, sha256: str) -> None:
        pixmap = self._images.get(sha256)
        self.canvas.set_pixmap(pixmap)
        if pixmap is None:
            self.status.setText(
                self.tr(
                    "This photo's picture is not on this laptop yet; it arrives with the next sync."
                )
            )
        else:
            self.status.clear()

    def _update_caption(self) -> None:
        ref = self.current
        if ref is None:
            return
        # A camera's or a phone's long file name must not push the buttons off the window.
        name = self.caption.fontMetrics().elidedText(
            ref.filename, Qt.TextElideMode.ElideMiddle, CAPTION_NAME_PX
        )
        self.caption.setToolTip(ref.filename)
        self.caption.setText(
            self.tr("%1 — photo %2 of %3")
            .replace("%1", name)
            .replace("%2", str(self.index + 1))
            .replace("%3", str(len(self.photos)))
        )
        self.setWindowTitle(ref.filename)
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.photos) - 1)

    def _retranslate(self) -> None:
        self.previous_button.setText(self.tr("Previous"))
        self.previous_button.setToolTip(self.tr("Previous photo (Left arrow, or swipe right)"))
        self.next_button.setText(self.tr("Next"))
        self.next_button.setToolTip(self.tr("Next photo (Right arrow, or swipe left)"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Back to the job (Esc)"))
        self._update_caption()


def open_viewer(strip: PhotoStrip, read_db: Db, runner: TaskRunner, row: int) -> PhotoViewer:
    """Show the strip's photos from `row` on, over the strip's window."""
    viewer = PhotoViewer(read_db, runner, strip.refs, row, strip)
    viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    viewer.open()
    return viewer
