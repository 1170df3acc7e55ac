"""Photos on the job screen: files imported and dropped become attachments with thumbnails."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from fieldtech.domain.enums import AttachmentKind
from fieldtech.models import Attachment, Blob
from fieldtech.store.engine import Store
from tests.factories import new_job
from ui.job.screen import JobScreen
from ui.photos.strip import PhotoStrip, camera_available
from ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


def picture(path: Path, colour: str = "#d04030", fmt: str = "JPG") -> Path:
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), fmt)  # type: ignore[call-overload]
    return path


def drop(widget: JobScreen, paths: list[Path]) -> bool:
    """Deliver a real drag-enter and drop of local files, as a file manager does."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = QPoint(widget.width() // 2, widget.height() // 2)
    action = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(point, action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0))
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    dropped = QDropEvent(
        point.toPointF(), action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0)
    )
    QApplication.sendEvent(widget, dropped)
    return dropped.isAccepted()


def photos(store: Store, job: uuid.UUID) -> list[Attachment]:
    with store.read_sessions() as session:
        return list(
            session.scalars(
                select(Attachment).where(
                    Attachment.job_id == job, Attachment.kind == AttachmentKind.PHOTO
                )
            )
        )


@pytest.fixture
def screen(qtbot: QtBot, store: Store, runner: TaskRunner) -> JobScreen:
    widget = JobScreen(store.sessions, store.read_sessions, runner)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def test_dropped_files_become_job_photos_with_thumbnails(
    tmp_path: Path, store: Store, technician: uuid.UUID, screen: JobScreen
) -> None:
    job = new_job(store.sessions)
    screen.open_job(job)
    files = [picture(tmp_path / "front.jpg"), picture(tmp_path / "label.png", "#2040d0", "PNG")]
    assert drop(screen, files)
    stored = photos(store, job)
    assert sorted(p.filename for p in stored) == ["front.jpg", "label.png"]
    assert {p.media_type for p in stored} == {"image/jpeg", "image/png"}
    with store.read_sessions() as session:
        blob = session.get(Blob, stored[0].sha256)
        assert blob is not None
        assert blob.data == (tmp_path / stored[0].filename).read_bytes()
    strip = screen.photos.strip
    assert strip.list.count() == 2
    assert not strip.list.item(0).icon().isNull()
    assert not strip.hint.isVisibleTo(screen)


def test_broken_and_unsupported_files_refused_in_plain_words(
    tmp_path: Path, store: Store, technician: uuid.UUID, screen: JobScreen
) -> None:
    job = new_job(store.sessions)
    screen.open_job(job)
    whole = picture(tmp_path / "whole.jpg").read_bytes()
    (tmp_path / "cut.jpg").write_bytes(whole[:200])
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.7\n")
    strip = screen.photos.strip
    strip.add_files([tmp_path / "cut.jpg"])
    assert (
        strip.message.text()
        == "cut.jpg is damaged or cut short. Copy it again or take a new photo."
    )
    assert strip.message.objectName() == "errorText"
    strip.add_files([tmp_path / "notes.pdf"])
    assert "notes.pdf is not a picture" in strip.message.text()
    strip.add_files([tmp_path / "gone.jpg"])
    assert strip.message.text() == "gone.jpg could not be read. Check the file is still there."
    assert photos(store, job) == []


def test_photo_removed_with_delete_key_and_reload_keeps_the_rest(
    qtbot: QtBot, tmp_path: Path, store: Store, technician: uuid.UUID, screen: JobScreen
) -> None:
    job = new_job(store.sessions)
    screen.open_job(job)
    strip = screen.photos.strip
    strip.add_files([picture(tmp_path / "a.jpg"), picture(tmp_path / "b.jpg", "#30a040")])
    strip.list.setFocus()
    strip.list.setCurrentRow(0)
    qtbot.keyClick(strip.list, Qt.Key.Key_Delete)
    assert [p.filename for p in photos(store, job)] == ["b.jpg"]
    screen.open_job(job)
    assert [strip.list.item(r).text() for r in range(strip.list.count())] == ["b.jpg"]


def test_camera_button_follows_what_qt_multimedia_finds(qtbot: QtBot) -> None:
    found = PhotoStrip()
    without = PhotoStrip(camera=False)
    for strip in (found, without):
        qtbot.addWidget(strip)
        strip.show()
    assert found.camera_button.isVisible() == camera_available()
    assert not without.camera_button.isVisible()
    assert without.add_button.isVisible()
