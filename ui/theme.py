"""The look: Fusion style, a strong-contrast light theme for daylight, and a dark one that follows
the system (or the technician's choice in Settings).

The dark stylesheet is resources/qss/light.qss with each colour swapped through DARK_COLOURS, then
resources/qss/dark.qss for the few places where one light colour plays two parts; so a rule added
to the light theme is dark at once, and a test checks that every light colour has a dark partner.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

import resources
from ui.icons import refresh_icons

QSS_DIR = Path(resources.__file__).parent / "qss"
FONTS_DIR = Path(resources.__file__).parent / "fonts"
UI_FONTS = (
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "DroidSansFallbackFull.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
)
STYLESHEET = QSS_DIR / "light.qss"
DARK_EXTRA = QSS_DIR / "dark.qss"
APPEARANCES = ("system", "light", "dark")
COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b")

LIGHT_PALETTE = {
    QPalette.ColorRole.Window: "#f6f7f9",
    QPalette.ColorRole.WindowText: "#111418",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f3f5f8",
    QPalette.ColorRole.Text: "#111418",
    QPalette.ColorRole.Button: "#ffffff",
    QPalette.ColorRole.ButtonText: "#111418",
    QPalette.ColorRole.Highlight: "#1b5fc1",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#0b4fb3",
    QPalette.ColorRole.PlaceholderText: "#5f6873",
    QPalette.ColorRole.ToolTipBase: "#ffffff",
    QPalette.ColorRole.ToolTipText: "#111418",
}
DARK_PALETTE = {
    QPalette.ColorRole.Window: "#15181c",
    QPalette.ColorRole.WindowText: "#e8eaed",
    QPalette.ColorRole.Base: "#1f2329",
    QPalette.ColorRole.AlternateBase: "#242930",
    QPalette.ColorRole.Text: "#e8eaed",
    QPalette.ColorRole.Button: "#1f2329",
    QPalette.ColorRole.ButtonText: "#e8eaed",
    QPalette.ColorRole.Highlight: "#2f6ed3",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.PlaceholderText: "#8f98a3",
    QPalette.ColorRole.ToolTipBase: "#262b32",
    QPalette.ColorRole.ToolTipText: "#e8eaed",
}
DARK_COLOURS = {
    # surfaces
    "#f6f7f9": "#15181c",
    "#ffffff": "#1f2329",
    "#f3f5f8": "#242930",
    "#f0f1f3": "#2a2f36",
    "#eef2f7": "#2b323b",
    "#e8eef8": "#253247",
    "#dde4ee": "#323b47",
    "#eceff3": "#262b32",
    "#e9ebee": "#2e333a",
    "#e3ecfa": "#1d3050",
    "#dcefdf": "#17331f",
    "#fff1cc": "#3a2f10",
    "#fff4d6": "#362c0f",
    "#fde7e9": "#3d1a1e",
    "#cfe0fa": "#244a80",
    "#f4f7fc": "#1c2430",
    # borders
    "#d5d9df": "#3a414a",
    "#d5dae1": "#3a414a",
    "#c3c9d1": "#4a525c",
    "#9aa3ae": "#6b7480",
    "#cfd4da": "#3a414a",
    "#c99700": "#a07a10",
    # text
    "#111418": "#e8eaed",
    "#2b3036": "#d0d4da",
    "#3c434c": "#c0c6ce",
    "#4b5560": "#a9b1bb",
    "#7a828c": "#7d8590",
    "#8a939e": "#8a939e",
    # accents
    "#1b5fc1": "#2f6ed3",
    "#174fa0": "#2a5fb5",
    "#9db5d8": "#34465f",
    "#0b3d91": "#8ab4f8",
    "#b00020": "#ff6b7a",
    "#a1160a": "#ff7a6b",
    "#9a4a00": "#f0a050",
    "#1e6b2e": "#6fcf87",
    "#1e8e3e": "#5bd07a",
    "#6b4a00": "#f1c76a",
    "#4d3a00": "#f3d27a",
    "#6d0014": "#ffb3bd",
}
"""Light colour -> dark colour; every colour of light.qss must be here."""


class _Theme:
    """What was chosen, so a change of the system's colour scheme can follow it."""

    appearance = "system"
    listening = False
    fonts_loaded = False


def system_is_dark(app: QApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def dark_stylesheet() -> str:
    light = STYLESHEET.read_text(encoding="utf-8")
    swapped = COLOUR.sub(lambda m: DARK_COLOURS.get(m.group(0).lower(), m.group(0)), light)
    extra = DARK_EXTRA.read_text(encoding="utf-8").replace("@QSS_DIR@", QSS_DIR.as_posix())
    return swapped + "\n" + extra


def bundled_font_fallbacks(app: QApplication) -> list[str]:
    """Register the fonts the documents bundle and put them behind the desktop's own font, so
    Chinese and Arabic (the UI's language, customers' names) show on a machine that has no
    font for them instead of empty boxes; the desktop's font still draws what it has."""
    families: list[str] = []
    for name in UI_FONTS:
        font_id = QFontDatabase.addApplicationFont(str(FONTS_DIR / name))
        for family in QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []:
            if family not in families:
                families.append(family)
    font = app.font()
    own = [f for f in font.families() or [font.family()] if f not in families]
    font.setFamilies([*own, *families])
    app.setFont(font)
    return families


def apply_theme(app: QApplication, appearance: str = "system") -> bool:
    """Apply the light or dark look (`system` follows the desktop); returns True when dark."""
    _Theme.appearance = appearance if appearance in APPEARANCES else "system"
    if not _Theme.listening:
        app.styleHints().colorSchemeChanged.connect(lambda _: _follow_system(app))
        _Theme.listening = True
    dark = _Theme.appearance == "dark" or (_Theme.appearance == "system" and system_is_dark(app))
    app.setStyle("Fusion")
    if not _Theme.fonts_loaded:
        bundled_font_fallbacks(app)
        _Theme.fonts_loaded = True
    palette = QPalette()
    for role, colour in (DARK_PALETTE if dark else LIGHT_PALETTE).items():
        palette.setColor(role, QColor(colour))
    if dark:
        for role in (
            QPalette.ColorRole.Text,
            QPalette.ColorRole.ButtonText,
            QPalette.ColorRole.WindowText,
        ):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7d8590"))
    app.setPalette(palette)
    app.setStyleSheet(dark_stylesheet() if dark else STYLESHEET.read_text(encoding="utf-8"))
    app.setProperty("fieldtechDark", dark)
    for window in app.topLevelWidgets():
        refresh_icons(window)
    return dark


def _follow_system(app: QApplication) -> None:
    if _Theme.appearance == "system":
        apply_theme(app, "system")


def set_tone(widget: QWidget, name: str) -> None:
    """Give a label another look from the stylesheet (savedText, warningText, errorText)."""
    widget.setObjectName(name)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class MessageLabel(QLabel):
    """A one-line outcome under a form ("Saved.", a refusal): takes no room while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's API)
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        super().clear()
        self.hide()
