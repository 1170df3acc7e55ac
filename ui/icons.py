"""The app's icons: Lucide SVGs from resources/icons, drawn in the current theme's colours.

Widgets name an icon with `set_icon(button_or_action, "printer")`; the name is kept on the object
so that `refresh_icons` can draw every icon again when the theme switches between light and dark.
Buttons marked `primary` get the highlighted-text colour (white on blue).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

import resources

ICON_DIR = Path(resources.__file__).parent / "icons" / "lucide"
NAME_PROPERTY = "fieldtechIcon"
SIZES = (16, 24, 32, 48, 64)


def icon_path(name: str) -> Path:
    path = ICON_DIR / f"{name}.svg"
    if not path.is_file():
        raise ValueError(f"icon {name!r}: there is no {path.name} in {ICON_DIR}")
    return path


@cache
def svg_icon(name: str, colour: str) -> QIcon:
    """The icon `name` drawn in `colour` (#rrggbb), at the sizes toolbars and buttons ask for."""
    source = icon_path(name).read_text(encoding="utf-8").replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(source.encode("utf-8")))
    icon = QIcon()
    for size in SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def _colour(target: QObject) -> str:
    palette = QApplication.palette()
    if isinstance(target, QAbstractButton) and target.property("primary"):
        return palette.color(QPalette.ColorRole.HighlightedText).name()
    return palette.color(QPalette.ColorRole.ButtonText).name()


def set_icon(target: QAbstractButton | QAction, name: str) -> None:
    """Give a button or action the icon `name`, redrawn whenever the theme changes."""
    target.setProperty(NAME_PROPERTY, name)
    target.setIcon(svg_icon(name, _colour(target)))


def refresh_icons(root: QWidget) -> None:
    """Draw again every named icon under `root` (after a switch between light and dark)."""
    for target in (root, *root.findChildren(QObject)):
        name = target.property(NAME_PROPERTY)
        if isinstance(name, str) and isinstance(target, QAbstractButton | QAction):
            target.setIcon(svg_icon(name, _colour(target)))


def icon_colour(target: QAbstractButton | QAction) -> QColor:
    """The colour the target's icon is drawn in now (for tests and screenshots)."""
    return QColor(_colour(target))
