"""The signature pad: mouse, pen and touch into normalised strokes; the PNG it renders."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.signoff.pad import SignaturePad, strokes_png

pytestmark = pytest.mark.gui


@pytest.fixture
def pad(qtbot: QtBot) -> SignaturePad:
    widget = SignaturePad()
    qtbot.addWidget(widget)
    widget.resize(400, 200)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _drag(pad: SignaturePad, points: list[tuple[int, int]]) -> None:
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for x, y in points[1:]:
        QTest.mouseMove(pad, QPoint(x, y))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def test_pad_mouse_drag_records_normalised_stroke_with_default_pressure(
    pad: SignaturePad,
) -> None:
    _drag(pad, [(40, 100), (200, 50), (360, 150)])
    assert len(pad.strokes) == 1
    stroke = pad.strokes[0]
    assert stroke[0] == [0.1, 0.5, 0.5]
    assert stroke[-1] == [0.9, 0.75, 0.5]
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y, _ in stroke)
    assert not pad.is_empty


def test_pad_undo_then_clear_empties(pad: SignaturePad) -> None:
    _drag(pad, [(40, 100), (100, 120)])
    _drag(pad, [(150, 100), (220, 80)])
    assert len(pad.strokes) == 2
    pad.undo_stroke()
    assert len(pad.strokes) == 1
    pad.clear()
    assert pad.strokes == []
    assert pad.is_empty


def test_pad_pen_pressure_recorded(pad: SignaturePad) -> None:
    device = QPointingDevice.primaryPointingDevice()
    for kind, x, pressure in (
        (QTabletEvent.Type.TabletPress, 100.0, 0.2),
        (QTabletEvent.Type.TabletMove, 200.0, 0.9),
        (QTabletEvent.Type.TabletRelease, 200.0, 0.0),
    ):
        position = QPointF(x, 100.0)
        event = QTabletEvent(
            kind,
            device,
            position,
            pad.mapToGlobal(position),
            pressure,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            Qt.KeyboardModifier.NoModifier,
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
        )
        QApplication.sendEvent(pad, event)
    assert pad.strokes == [[[0.25, 0.5, 0.2], [0.5, 0.5, 0.9]]]


def test_pad_touch_draws_a_stroke(pad: SignaturePad) -> None:
    device = QTest.createTouchDevice()
    QTest.touchEvent(pad, device).press(0, QPoint(80, 60))
    QTest.touchEvent(pad, device).move(0, QPoint(160, 100))
    QTest.touchEvent(pad, device).release(0, QPoint(240, 140))
    assert len(pad.strokes) == 1
    assert pad.strokes[0][0][:2] == pytest.approx([0.2, 0.3], abs=0.02)
    assert pad.strokes[0][-1][:2] == pytest.approx([0.6, 0.7], abs=0.02)


def test_strokes_png_dark_ink_on_white_antialiased() -> None:
    png = strokes_png([[[0.1, 0.5, 0.5], [0.9, 0.5, 1.0]]], size=(300, 150))
    assert png.startswith(b"\x89PNG")
    image = QImage.fromData(png)
    assert (image.width(), image.height()) == (300, 150)
    assert image.pixelColor(5, 5).name() == "#ffffff"
    greys = [image.pixelColor(150, y).lightness() for y in range(65, 86)]
    assert min(greys) < 60
    assert any(60 < grey < 250 for grey in greys)
