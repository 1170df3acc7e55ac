"""The signature pad: mouse, touch and tablet pen (with pressure) into normalised strokes and a PNG.

Strokes are lists of [x, y, pressure], each between 0 and 1, relative to the pad, so the same
signature redraws at any size; mouse and touch points carry a pressure of 0.5.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

Point = list[float]
Stroke = list[Point]
DEFAULT_PRESSURE = 0.5
INK = QColor("#101828")
IMAGE_SIZE = (900, 300)


def _pen_width(pressure: float, scale: float) -> float:
    """Thin for a light touch, about three times as thick at full pressure."""
    return max(1.0, scale * (0.9 + 2.2 * pressure))


def draw_strokes(painter: QPainter, strokes: list[Stroke], rect: QRectF) -> None:
    """Draw normalised strokes into `rect`, antialiased, pen width following the pressure."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scale = rect.height() / 150.0
    for stroke in strokes:
        if len(stroke) == 1:
            x, y, pressure = stroke[0]
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(INK)
            radius = _pen_width(pressure, scale) / 2
            centre = QPointF(rect.x() + x * rect.width(), rect.y() + y * rect.height())
            painter.drawEllipse(centre, radius, radius)
            continue
        for start, end in itertools.pairwise(stroke):
            pen = QPen(INK, _pen_width((start[2] + end[2]) / 2, scale))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.drawLine(
                QPointF(rect.x() + start[0] * rect.width(), rect.y() + start[1] * rect.height()),
                QPointF(rect.x() + end[0] * rect.width(), rect.y() + end[1] * rect.height()),
            )


def strokes_png(strokes: list[Stroke], size: tuple[int, int] = IMAGE_SIZE) -> bytes:
    """Dark ink on white, antialiased, as PNG bytes."""
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    draw_strokes(painter, strokes, QRectF(0, 0, size[0], size[1]))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide takes str
    buffer.close()
    return bytes(data.data())


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[Stroke] = []
        self._drawing = False
        self._pen_down = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setMinimumSize(360, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setObjectName("signaturePad")
        self.hint = ""

    @property
    def is_empty(self) -> bool:
        return not any(len(stroke) >= 2 for stroke in self.strokes)

    def clear(self) -> None:
        self.strokes = []
        self.update()
        self.changed.emit()

    def undo_stroke(self) -> None:
        if self.strokes:
            self.strokes.pop()
            self.update()
            self.changed.emit()

    def png(self) -> bytes:
        return strokes_png(self.strokes)

    def begin_stroke(self, position: QPointF, pressure: float = DEFAULT_PRESSURE) -> None:
        self.strokes.append([self._point(position, pressure)])
        self._drawing = True
        self.update()

    def extend_stroke(self, position: QPointF, pressure: float = DEFAULT_PRESSURE) -> None:
        if self._drawing and self.strokes:
            self.strokes[-1].append(self._point(position, pressure))
            self.update()

    def end_stroke(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's API)
        if event.button() == Qt.MouseButton.LeftButton and not self._pen_down:
            self.begin_stroke(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's API)
        if not self._pen_down:
            self.extend_stroke(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's API)
        if not self._pen_down:
            self.end_stroke()

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802 (Qt's API)
        """A pen: its pressure sets the ink width; the mouse events it synthesises are ignored."""
        kind = event.type()
        pressure = min(1.0, max(0.0, event.pressure()))
        if kind == QEvent.Type.TabletPress:
            self._pen_down = True
            self.begin_stroke(event.position(), pressure)
        elif kind == QEvent.Type.TabletMove and self._pen_down:
            self.extend_stroke(event.position(), pressure)
        elif kind == QEvent.Type.TabletRelease:
            self.end_stroke()
            self._pen_down = False
        event.accept()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        ):
            assert isinstance(event, QTouchEvent)
            self._touch(event)
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's API)
        painter = QPainter(self)
        rect = QRectF(self.rect())
        painter.fillRect(rect, QColor("white"))
        baseline = rect.height() * 0.78
        painter.setPen(QPen(QColor("#9aa4b2"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(24, baseline), QPointF(rect.width() - 24, baseline))
        if not self.strokes and self.hint:
            painter.setPen(QColor("#5f6873"))
            painter.drawText(
                rect.adjusted(0, 0, 0, -(rect.height() - baseline) - 6),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                self.hint,
            )
        draw_strokes(painter, self.strokes, rect)
        painter.setPen(QPen(QColor("#c3cad4"), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()

    def _touch(self, event: QTouchEvent) -> None:
        points = event.points()
        if not points:
            return
        point = points[0]
        pressure = point.pressure() if 0.0 < point.pressure() <= 1.0 else DEFAULT_PRESSURE
        if event.type() == QEvent.Type.TouchBegin:
            self.begin_stroke(point.position(), pressure)
        elif event.type() == QEvent.Type.TouchUpdate:
            self.extend_stroke(point.position(), pressure)
        else:
            self.extend_stroke(point.position(), pressure)
            self.end_stroke()

    def _point(self, position: QPointF, pressure: float) -> Point:
        width, height = max(1, self.width()), max(1, self.height())
        x = min(1.0, max(0.0, position.x() / width))
        y = min(1.0, max(0.0, position.y() / height))
        return [round(x, 4), round(y, 4), round(pressure, 3)]
