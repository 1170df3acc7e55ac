"""The look: a dark theme that follows the system, one icon set drawn in the theme's colours,
keyboard shortcuts for the job's actions, and the window's tab remembered."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from fieldtech.models import Visit
from fieldtech.store.engine import Store
from tests.factories import new_job
from ui import theme
from ui.i18n import Translations
from ui.icons import ICON_DIR, NAME_PROPERTY, icon_colour, svg_icon
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.settings_dialog import SettingsDialog
from ui.tasks import TaskRunner
from ui.theme import COLOUR, DARK_COLOURS, STYLESHEET, apply_theme, dark_stylesheet

pytestmark = pytest.mark.gui


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    apply_theme(qapp, "light")


@pytest.fixture
def window(
    qtbot: QtBot,
    store: Store,
    technician: uuid.UUID,
    runner: TaskRunner,
    settings: Settings,
    qapp: QApplication,
) -> MainWindow:
    main = MainWindow(store, runner, settings, Translations(qapp))
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    return main


def _lightness(colour: str) -> int:
    return int(colour[1:3], 16) + int(colour[3:5], 16) + int(colour[5:7], 16)


def test_theme_every_light_colour_has_a_dark_partner() -> None:
    light = {c.lower() for c in COLOUR.findall(STYLESHEET.read_text(encoding="utf-8"))}
    assert light - set(DARK_COLOURS) == set()
    dark = dark_stylesheet()
    assert "#f6f7f9" not in dark  # the light window colour is gone
    assert "#15181c" in dark


def test_theme_dark_follows_the_system_and_redraws_icons(
    qtbot: QtBot, themed: QApplication, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    apply_theme(themed, "system")
    assert themed.palette().color(QPalette.ColorRole.Window).name() == "#f6f7f9"
    assert _lightness(icon_colour(window.settings_action).name()) < 200
    # The desktop switches to dark (the offscreen platform cannot, so its answer is stood in for).
    monkeypatch.setattr(theme, "system_is_dark", lambda _: True)
    themed.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert themed.palette().color(QPalette.ColorRole.Window).name() == "#15181c"
    assert _lightness(icon_colour(window.settings_action).name()) > 600
    drawn = window.settings_action.icon().pixmap(24, 24).toImage()
    strokes = [
        drawn.pixelColor(x, y)
        for x in range(24)
        for y in range(24)
        if drawn.pixelColor(x, y).alpha() == 255
    ]
    assert strokes
    assert all(_lightness(c.name()) > 600 for c in strokes)
    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    dialog.appearance.setCurrentIndex(dialog.appearance.findData("light"))  # overrides the system
    assert themed.palette().color(QPalette.ColorRole.Window).name() == "#f6f7f9"
    assert window._settings.appearance == "light"


def test_icons_one_set_with_licence_and_drawn_in_the_given_colour(qapp: QApplication) -> None:
    assert "ISC License" in (ICON_DIR / "LICENSE").read_text(encoding="utf-8")
    image = svg_icon("printer", "#ff0000").pixmap(48, 48).toImage()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(48)
        for y in range(48)
        if image.pixelColor(x, y).alpha() == 255
    }
    assert colours == {"#ff0000"}
    with pytest.raises(ValueError, match="no-such-icon"):
        svg_icon("no-such-icon", "#000000")


def test_window_toolbar_and_job_actions_have_icons_and_shortcuts(
    qtbot: QtBot, store: Store, window: MainWindow
) -> None:
    for action in window.toolbar.actions():
        if action.property(NAME_PROPERTY):
            assert not action.icon().isNull()
    named = [a for a in window.toolbar.actions() if a.property(NAME_PROPERTY)]
    assert len(named) == 4
    assert not window.settings_action.shortcut().isEmpty()
    screen = window.job_screen
    buttons = (
        screen.back_button,
        screen.arrived_button,
        screen.left_button,
        screen.sign_off_button,
        screen.documents_button,
        screen.take_back_button,
        screen.return_button,
        screen.revision_button,
    )
    assert all(not b.icon().isNull() for b in buttons)
    assert icon_colour(screen.arrived_button).name() == "#ffffff"  # primary: white on blue
    job = new_job(store.sessions)
    window.open_job(job)
    qtbot.waitUntil(lambda: screen.detail is not None)
    assert screen.arrived_button.isVisible()
    qtbot.keyClick(
        window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: _arrived(store, job))
    assert "Ctrl+Shift+A" in screen.arrived_button.toolTip()
    with qtbot.waitSignal(screen.documents_requested):
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)


def _arrived(store: Store, job: uuid.UUID) -> bool:
    with store.read_sessions() as session:
        visit = session.scalar(select(Visit).where(Visit.job_id == job))
        return visit is not None and visit.arrived_at is not None


def test_window_reopens_on_the_tab_it_was_left_on(
    qtbot: QtBot,
    store: Store,
    technician: uuid.UUID,
    runner: TaskRunner,
    settings: Settings,
    qapp: QApplication,
) -> None:
    first = MainWindow(store, runner, settings, Translations(qapp))
    qtbot.addWidget(first)
    first.tabs.setCurrentIndex(1)
    first.close()
    again = MainWindow(store, runner, settings, Translations(qapp))
    qtbot.addWidget(again)
    assert again.tabs.currentIndex() == 1


def test_bundled_fonts_stand_behind_the_desktop_font_for_chinese_and_arabic(
    qapp: QApplication,
) -> None:
    apply_theme(qapp, "light")
    families = qapp.font().families()
    assert "Droid Sans Fallback" in families
    assert "Noto Sans Arabic" in families
    assert families.index("Droid Sans Fallback") > 0  # the desktop's own font comes first
    for family, text in (("Droid Sans Fallback", "维修单"), ("Noto Sans Arabic", "محمد")):
        metrics = QFontMetrics(QFont(family))
        assert all(metrics.inFontUcs4(ord(ch)) for ch in text), family
