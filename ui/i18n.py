"""Loading the app's translations (and Qt's own, for standard buttons) for the chosen language.

Installing a translator makes Qt send LanguageChange to every widget; each widget re-sets its
texts in `changeEvent`, so a switch takes effect in the open window without a restart.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import resources

I18N_DIR = Path(resources.__file__).parent / "i18n"
APP_CATALOGUE = "fieldtech"
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}
"""Each language named in itself, so anyone can find their own in the list."""


class Translations:
    """The translators currently installed on the application."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def set_language(self, code: str) -> bool:
        """Switch to `code` ('en' or 'zh_CN'); False if its catalogue could not be loaded."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        self.language = "en"
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        if code == "en":
            return True
        ours = QTranslator(self._app)
        if not ours.load(f"{APP_CATALOGUE}_{code}", str(I18N_DIR)):
            return False
        qt_own = QTranslator(self._app)
        if qt_own.load(
            f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            self._app.installTranslator(qt_own)
            self._installed.append(qt_own)
        self._app.installTranslator(ours)
        self._installed.append(ours)
        QLocale.setDefault(QLocale(code))
        self.language = code
        return True
