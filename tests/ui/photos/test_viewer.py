"""A job's photos at full size: a click, a tap or Enter on a thumbnail opens the viewer; arrows,
buttons and swipes page through; Escape closes. Removing a photo takes its bytes off the laptop."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from fieldtech.models import Blob
from fieldtech.store.engine import Store
from tests.factories import new_job
from tests.ui.photos.test_photos import photos, picture
from ui.job.screen import JobScreen
from ui.photos.strip import PhotoStrip
from ui.photos.viewer import PhotoViewer

pytestmark = pytest.mark.gui

COLOURS = ("#d04030", "#30a040", "#2040d0")


@pytest.fixture
def screen(qtbot: QtBot, store: Store, runner: object) -> JobScreen:
    from ui.tasks import TaskRunner

    assert isinstance(runner, TaskRunner)
    widget = JobScreen(store.sessions, store.read_sessions, runner)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def with_three_photos(tmp_path: Path, store: Store, screen: JobScreen) -> PhotoStrip:
    job = new_job(store.sessions)
    screen.open_job(job)
    strip = screen.photos.strip
    for number, colour in enumerate(COLOURS):
        strip.add_files([picture(tmp_path / f"photo-{number}.jpg", colour)])
    assert strip.list.count() == 3
    return strip


def open_viewer(qtbot: QtBot) -> PhotoViewer:
    viewer = QApplication.activeModalWidget()
    assert isinstance(viewer, PhotoViewer)
    viewer.activateWindow()  # what the window manager does with a new dialog; keys go to it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is viewer)
    return viewer


def centre_colour(viewer: PhotoViewer) -> QColor:
    pixmap = viewer.canvas.pixmap
    assert pixmap is not None
    image = pixmap.toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2)


def close_to(colour: QColor, wanted: str) -> bool:
    target = QColor(wanted)
    pairs = (
        (colour.red(), target.red()),
        (colour.green(), target.green()),
        (colour.blue(), target.blue()),
    )
    return all(abs(a - b) < 12 for a, b in pairs)  # JPEG rounds colours a little


def test_click_on_a_thumbnail_shows_that_photo_and_arrows_page_through(
    qtbot: QtBot, tmp_path: Path, store: Store, technician: uuid.UUID, screen: JobScreen
) -> None:
    strip = with_three_photos(tmp_path, store, screen)
    second = strip.list.visualItemRect(strip.list.item(1)).center()
    qtbot.mouseClick(strip.list.viewport(), Qt.MouseButton.LeftButton, pos=second)
    viewer = open_viewer(qtbot)
    assert viewer.index == 1
    assert close_to(centre_colour(viewer), COLOURS[1])
    assert viewer.caption.text() == "photo-1.jpg — photo 2 of 3"
    assert viewer.canvas.pixmap is not None
    assert viewer.canvas.pixmap.width() == 640
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.index == 2
    assert close_to(centre_colour(viewer), COLOURS[2])
    assert not viewer.next_button.isEnabled()
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.index == 2
    qtbot.mouseClick(viewer.previous_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(viewer, Qt.Key.Key_Left)
    assert viewer.index == 0
    assert close_to(centre_colour(viewer), COLOURS[0])
    assert not viewer.previous_button.isEnabled()
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()


def test_swipe_turns_the_photo_and_enter_on_a_thumbnail_opens_it(
    qtbot: QtBot, tmp_path: Path, store: Store, technician: uuid.UUID, screen: JobScreen
) -> None:
    strip = with_three_photos(tmp_path, store, screen)
    strip.list.setFocus()
    strip.list.setCurrentRow(0)
    qtbot.keyClick(strip.list, Qt.Key.Key_Return)
    viewer = open_viewer(qtbot)
    canvas = viewer.canvas
    middle = canvas.rect().center()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=middle + QPoint(150, 0))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=middle - QPoint(150, 0))
    assert viewer.index == 1  # swiped left: the next photo
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=middle)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=middle + QPoint(20, 0))
    assert viewer.index == 1  # a tap or a small slip turns nothing
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=middle - QPoint(150, 0))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=middle + QPoint(150, 0))
    assert viewer.index == 0
    qtbot.mouseClick(viewer.close_button, Qt.MouseButton.LeftButton)
    assert not viewer.isVisible()


def test_photo_whose_bytes_have_not_arrived_says_so(
    qtbot: QtBot, store: Store, technician: uuid.UUID, runner: object
) -> None:
    from fieldtech.usecases.photos import PhotoRef
    from ui.tasks import TaskRunner

    assert isinstance(runner, TaskRunner)
    away = PhotoRef("ab" * 32, "from-office.jpg", "image/jpeg", 1000)
    viewer = PhotoViewer(store.read_sessions, runner, [away])
    qtbot.addWidget(viewer)
    viewer.show()
    assert viewer.canvas.pixmap is None
    assert "arrives with the next sync" in viewer.status.text()


def test_removed_photo_leaves_no_bytes_in_the_store(
    qtbot: QtBot, tmp_path: Path, store: Store, technician: uuid.UUID, screen: JobScreen
) -> None:
    strip = with_three_photos(tmp_path, store, screen)
    job = screen.detail.id if screen.detail else None
    assert job is not None
    with store.read_sessions() as session:
        before = set(session.scalars(select(Blob.sha256)))
    removed = strip.refs[0].sha256
    strip.list.setFocus()
    strip.list.setCurrentRow(0)
    qtbot.keyClick(strip.list, Qt.Key.Key_Delete)
    assert [p.filename for p in photos(store, job)] == ["photo-1.jpg", "photo-2.jpg"]
    with store.read_sessions() as session:
        assert set(session.scalars(select(Blob.sha256))) == before - {removed}


def test_a_long_file_name_is_elided_and_keeps_the_buttons_in_the_window(
    qtbot: QtBot, tmp_path: Path, store: Store, technician: uuid.UUID, screen: JobScreen
) -> None:
    job = new_job(store.sessions)
    screen.open_job(job)
    strip = screen.photos.strip
    long_name = "IMG_20261125_104512_" + "washing-machine-drum-bearing-" * 6 + "end.jpg"
    strip.add_files([picture(tmp_path / long_name, "#d04030")])
    assert strip.list.count() == 1
    first = strip.list.visualItemRect(strip.list.item(0)).center()
    qtbot.mouseClick(strip.list.viewport(), Qt.MouseButton.LeftButton, pos=first)
    viewer = open_viewer(qtbot)
    qtbot.waitUntil(lambda: "…" in viewer.caption.text())
    assert viewer.caption.toolTip() == long_name
    assert viewer.close_button.geometry().right() <= viewer.width()
    shot = os.environ.get("FIELDTECH_SHOT_DIR")
    if shot:
        viewer.grab().save(str(Path(shot) / "viewer-long-name.png"))
    viewer.reject()
