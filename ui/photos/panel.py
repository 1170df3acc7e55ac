"""A job's photos on the job screen: stored as attachments the moment they are added."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from fieldtech.usecases.common import Db
from fieldtech.usecases.photos import remove_job_photo
from ui.job.data import JobDetail
from ui.photos.strip import PhotoStrip
from ui.photos.work import Thumb, add_job_image, import_job_photo, job_thumbs
from ui.tasks import TaskRunner


def camera_filename() -> str:
    return dt.datetime.now().strftime("camera-%Y%m%d-%H%M%S.jpg")


class JobPhotosPanel(QGroupBox):
    changed = Signal()
    """A photo was added or removed (the outbox count moves)."""

    def __init__(
        self, db: Db, read_db: Db, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._read_db = read_db
        self._runner = runner
        self._job_id: uuid.UUID | None = None
        self.strip = PhotoStrip()
        self.strip.files_chosen.connect(self.add_files)
        self.strip.remove_requested.connect(self._remove)
        self.strip.camera_requested.connect(self._open_camera)
        self.strip.open_requested.connect(self._view)
        layout = QVBoxLayout(self)
        layout.addWidget(self.strip)
        self._retranslate()

    def show_detail(self, detail: JobDetail) -> None:
        if detail.id != self._job_id:
            self.strip.set_thumbs([])
            self.strip.message.clear()
        self._job_id = detail.id
        job_id = detail.id
        self._runner.run(
            job_thumbs, self._read_db, job_id, on_done=lambda thumbs: self._loaded(job_id, thumbs)
        )

    def set_read_only(self, read_only: bool) -> None:
        self.strip.set_read_only(read_only)

    def add_files(self, paths: list[Path]) -> None:
        """Store each file as a photo of the open job; each refusal is said in plain words."""
        if self._job_id is None:
            return
        for path in paths:
            self._runner.run(
                import_job_photo,
                self._db,
                self._job_id,
                path,
                on_done=self._added,
                on_error=self.strip.show_error,
            )

    def add_image(self, image: QImage) -> None:
        if self._job_id is not None:
            self._runner.run(
                add_job_image,
                self._db,
                self._job_id,
                image,
                camera_filename(),
                on_done=self._added,
                on_error=self.strip.show_error,
            )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _loaded(self, job_id: uuid.UUID, thumbs: list[Thumb]) -> None:
        if job_id == self._job_id:
            self.strip.set_thumbs(thumbs)

    def _added(self, thumb: Thumb) -> None:
        self.strip.add_thumb(thumb)
        self.changed.emit()

    def _remove(self, key: str) -> None:
        self._runner.run(
            remove_job_photo,
            self._db,
            uuid.UUID(key),
            on_done=lambda _: self._removed(key),
            on_error=self.strip.show_error,
        )

    def _removed(self, key: str) -> None:
        self.strip.take(key)
        self.changed.emit()

    def _view(self, row: int) -> None:
        from ui.photos.viewer import open_viewer

        open_viewer(self.strip, self._read_db, self._runner, row)

    def _open_camera(self) -> None:
        from ui.photos.camera import CameraDialog

        dialog = CameraDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.captured.connect(self.add_image)
        dialog.open()

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Photos"))
