"""A row of photo thumbnails that takes files from a dialog, from drag and drop, or the camera,
and asks for a thumbnail to be shown at full size when it is clicked, tapped or chosen with Enter.

The strip only shows and asks: its owner stores what is added (on the database worker) and tells
the strip the outcome, so the same strip serves a job and a pickup wizard's draft.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QPixmap,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldtech.domain.errors import FieldTechError, ValidationError
from fieldtech.usecases.photos import SUPPORTED_SUFFIXES, PhotoRef
from ui import labels
from ui.photos.work import THUMB_SIZE, Thumb
from ui.theme import MessageLabel, set_tone

KeyRole = Qt.ItemDataRole.UserRole + 1
LockedRole = Qt.ItemDataRole.UserRole + 2
RefRole = Qt.ItemDataRole.UserRole + 3


_camera_found: bool | None = None


def camera_available() -> bool:
    """Whether Qt Multimedia finds a camera. The module (and its FFmpeg backend) loads on the
    first ask, which is when a photo strip is first shown, never at start-up; the answer is
    kept for the session."""
    global _camera_found
    if _camera_found is None:
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except ImportError:
            _camera_found = False
        else:
            _camera_found = bool(QMediaDevices.videoInputs())
    return _camera_found


def dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class PhotoStrip(QWidget):
    files_chosen = Signal(list)
    """Paths picked in the file dialog or dropped on the strip (list[Path])."""
    camera_requested = Signal()
    remove_requested = Signal(str)
    """The key of the photo to take off."""
    open_requested = Signal(int)
    """The row of a thumbnail clicked, tapped or chosen with Enter: show it at full size."""

    def __init__(self, parent: QWidget | None = None, *, camera: bool | None = None) -> None:
        super().__init__(parent)
        self.read_only = False
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMB_SIZE)
        self.list.setGridSize(QSize(THUMB_SIZE.width() + 16, THUMB_SIZE.height() + 40))
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setMinimumHeight(THUMB_SIZE.height() + 52)
        self.list.setAcceptDrops(False)
        self.list.viewport().setAcceptDrops(False)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.itemClicked.connect(lambda item: self.open_requested.emit(self.list.row(item)))
        for keys in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            opener = QShortcut(QKeySequence(keys), self.list)
            opener.setContext(Qt.ShortcutContext.WidgetShortcut)
            opener.activated.connect(self._open_current)
        self.hint = QLabel()
        self.hint.setObjectName("hintText")
        self.hint.setWordWrap(True)
        self.add_button = QPushButton()
        self.add_button.setMinimumHeight(40)
        self.add_button.clicked.connect(self.choose_files)
        self.camera_button = QPushButton()
        self.camera_button.setMinimumHeight(40)
        self.camera_button.clicked.connect(self.camera_requested)
        self._camera = camera
        self.camera_button.setVisible(bool(camera))
        self.remove_button = QPushButton()
        self.remove_button.setMinimumHeight(40)
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setEnabled(False)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)
        self.message = MessageLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.camera_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.setAcceptDrops(True)
        self._dialog: QFileDialog | None = None
        self._retranslate()

    @property
    def keys(self) -> list[str]:
        return [str(self.list.item(row).data(KeyRole)) for row in range(self.list.count())]

    @property
    def refs(self) -> list[PhotoRef]:
        """The photos shown, in order (what the full-size viewer pages through)."""
        return [self.list.item(row).data(RefRole) for row in range(self.list.count())]

    def set_thumbs(self, thumbs: list[Thumb]) -> None:
        self.list.clear()
        for thumb in thumbs:
            self.add_thumb(thumb)
        self._update_hint()

    def add_thumb(self, thumb: Thumb) -> None:
        item = QListWidgetItem(thumb.ref.filename)
        item.setData(KeyRole, thumb.key)
        item.setData(LockedRole, thumb.locked)
        item.setData(RefRole, thumb.ref)
        item.setToolTip(thumb.ref.filename)
        if thumb.image is not None:
            item.setIcon(QIcon(QPixmap.fromImage(thumb.image)))
        else:
            waiting = self.tr("%1 (its picture arrives with the next sync)")
            item.setToolTip(waiting.replace("%1", thumb.ref.filename))
        self.list.addItem(item)
        self._update_hint()

    def take(self, key: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(KeyRole) == key:
                self.list.takeItem(row)
                break
        self._update_hint()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.add_button.setEnabled(not read_only)
        self.camera_button.setEnabled(not read_only)
        self._selection_changed()
        self._update_hint()

    def choose_files(self) -> None:
        dialog = self._dialog = QFileDialog(self, self.tr("Add photos"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
        dialog.setNameFilters(
            [self.tr("Photos (%1)").replace("%1", patterns), self.tr("All files (*)")]
        )
        dialog.filesSelected.connect(self._files_selected)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def add_files(self, paths: list[Path]) -> None:
        """Ask the owner to store these files (what a drop or the file dialog does)."""
        if paths and not self.read_only:
            self.message.clear()
            self.files_chosen.emit(list(paths))

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None or self.read_only or item.data(LockedRole):
            return
        self.remove_requested.emit(str(item.data(KeyRole)))

    def show_error(self, error: FieldTechError) -> None:
        set_tone(self.message, "errorText")
        self.message.setText(self.error_text(error))

    def error_text(self, error: FieldTechError) -> str:
        """Plain words, in the chosen language, for the ways a photo file goes wrong."""
        name = str(error.params.get("name", ""))
        problem = error.params.get("problem")
        texts = {
            "empty": self.tr("%1 is empty. Take or choose the photo again."),
            "too_large": self.tr("%1 is too large (over 25 MB). Choose a smaller photo."),
            "not_picture": self.tr(
                "%1 is not a picture this app can keep. Use JPEG, PNG, WebP, GIF or BMP."
            ),
            "damaged": self.tr("%1 is damaged or cut short. Copy it again or take a new photo."),
            "unreadable": self.tr("%1 could not be read. Check the file is still there."),
        }
        if isinstance(error, ValidationError) and isinstance(problem, str) and problem in texts:
            return texts[problem].replace("%1", name)
        return labels.error_text(error)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's API)
        if self._camera is None:
            self._camera = camera_available()
            self.camera_button.setVisible(self._camera)
        super().showEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's API)
        if not self.read_only and dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's API)
        paths = dropped_files(event)
        if paths and not self.read_only:
            event.acceptProposedAction()
            self.add_files(paths)
        else:
            event.ignore()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _files_selected(self, files: list[str]) -> None:
        self.add_files([Path(f) for f in files])

    def _open_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.open_requested.emit(row)

    def _selection_changed(self) -> None:
        item = self.list.currentItem()
        removable = item is not None and item.isSelected() and not item.data(LockedRole)
        self.remove_button.setEnabled(removable and not self.read_only)

    def _update_hint(self) -> None:
        self.hint.setVisible(self.list.count() == 0 and not self.read_only)

    def _retranslate(self) -> None:
        self.add_button.setText(self.tr("Add photos…"))
        self.add_button.setToolTip(self.tr("Choose picture files, or drop them here"))
        self.camera_button.setText(self.tr("Take photo"))
        self.remove_button.setText(self.tr("Remove photo"))
        self.remove_button.setToolTip(self.tr("Remove the selected photo (Delete)"))
        self.hint.setText(self.tr("No photos yet. Drop picture files here or add them."))
