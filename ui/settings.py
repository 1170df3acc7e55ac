"""The desktop app's preferences: one typed registry over QSettings, with versioned upgrades.

Every preference is declared once below as an `Option` (key, type, default); code reads and
writes `settings.language`, never a raw QSettings key. Preferences live in `ui.ini` in the data
folder, next to the profiles, so a test's temporary data folder brings its own settings. Secrets
never go here: they go through the keyring (sync.client.credentials).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

SETTINGS_FILE = "ui.ini"
VERSION = 1
LANGUAGES = ("en", "zh_CN")
PAPERS = ("a4", "letter", "80mm")
APPEARANCES = ("system", "light", "dark")


class Option(Generic[T]):
    """One preference: its QSettings key, its type, and what it is until the user changes it."""

    def __init__(
        self, key: str, kind: type[T], default: T, check: Callable[[T], bool] | None = None
    ) -> None:
        self.key = key
        self.kind = kind
        self.default = default
        self.check = check

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> Option[T]: ...
    @overload
    def __get__(self, obj: Settings, owner: type[Any]) -> T: ...
    def __get__(self, obj: Settings | None, owner: type[Any]) -> Option[T] | T:
        if obj is None:
            return self
        raw = obj.qsettings.value(self.key, None)
        if raw is None:
            return self.default
        value = self._coerce(raw)
        if value is None or (self.check is not None and not self.check(value)):
            return self.default
        return value

    def __set__(self, obj: Settings, value: T) -> None:
        if not isinstance(value, self.kind):
            raise TypeError(f"setting {self.key} takes {self.kind.__name__}, not {value!r}")
        obj.qsettings.setValue(self.key, value)

    def _coerce(self, raw: object) -> T | None:
        """INI files give strings back; turn them into the declared type, or None if they don't fit."""
        if isinstance(raw, self.kind):
            return raw
        if self.kind is int:
            try:
                return self.kind(str(raw))  # type: ignore[call-arg]
            except ValueError:
                return None
        if self.kind is QByteArray and isinstance(raw, bytes | bytearray):
            return self.kind(bytes(raw))  # type: ignore[call-arg]
        if self.kind is str:
            return self.kind(raw)  # type: ignore[call-arg]
        return None


class Settings:
    """The typed preferences of the desktop app."""

    version = Option("meta/version", int, 0)
    language = Option("ui/language", str, "en", lambda v: v in LANGUAGES)
    window_geometry = Option("window/geometry", QByteArray, QByteArray())
    window_state = Option("window/state", QByteArray, QByteArray())
    last_job_id = Option("window/last_job_id", str, "")
    """The job open when the app closed, reopened at the next start ('' for the job lists)."""
    appearance = Option("ui/appearance", str, "system", lambda v: v in APPEARANCES)
    """Light, dark, or whatever the desktop uses ("system")."""
    last_tab = Option("window/last_tab", int, 0, lambda v: v in (0, 1))
    """Today (0) or All jobs (1), as the window was left."""
    sync_minutes = Option("sync/interval_minutes", int, 5, lambda v: 1 <= v <= 24 * 60)
    """Minutes between background syncs (a sync also runs on F5 and after local changes)."""

    def __init__(self, qsettings: QSettings) -> None:
        self.qsettings = qsettings
        upgrade(self)

    @classmethod
    def in_folder(cls, folder: Path) -> Settings:
        folder.mkdir(parents=True, exist_ok=True)
        return cls(QSettings(str(folder / SETTINGS_FILE), QSettings.Format.IniFormat))

    def sync(self) -> None:
        self.qsettings.sync()

    def paper_for(self, printer: str) -> str:
        """The paper last used on `printer` (a4, letter or 80mm); A4 for a printer never used."""
        value = self.qsettings.value(_paper_key(printer), "a4")
        return value if value in PAPERS else "a4"

    def set_paper_for(self, printer: str, paper: str) -> None:
        if paper in PAPERS:
            self.qsettings.setValue(_paper_key(printer), paper)


def _paper_key(printer: str) -> str:
    """One key per printer; QSettings keys may not hold slashes or backslashes."""
    safe = "".join(c if c.isalnum() or c in "-_. " else "_" for c in printer) or "default"
    return f"printing/paper/{safe}"


UPGRADES: dict[int, Callable[[Settings], None]] = {}
"""Step from version N-1 to N; renamed or retyped keys are moved here, never silently dropped."""


def upgrade(settings: Settings) -> None:
    for target in range(settings.version + 1, VERSION + 1):
        step = UPGRADES.get(target)
        if step is not None:
            step(settings)
    if settings.version != VERSION:
        settings.version = VERSION
