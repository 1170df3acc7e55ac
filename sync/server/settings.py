"""The office service's settings: where the database is and the limits it enforces."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

APP_NAME = "FieldTech Office"
DATABASE_URL_ENV = "FIELDTECH_OFFICE_DATABASE_URL"
INSECURE_COOKIES_ENV = "FIELDTECH_OFFICE_INSECURE_COOKIES"
TIMEZONE_ENV = "FIELDTECH_OFFICE_TIMEZONE"
ATTACHMENTS_DIR_ENV = "FIELDTECH_OFFICE_ATTACHMENTS_DIR"
DEFAULT_TIMEZONE = "Asia/Shanghai"


def default_database_url() -> str:
    """A SQLite file in the user's data folder, so the service runs with no set-up at all."""
    folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return f"sqlite:///{folder / 'office.sqlite3'}"


def database_url_from_env(explicit: str | None = None) -> str:
    """`--database-url` wins over the environment, which wins over the default file."""
    return explicit or os.environ.get(DATABASE_URL_ENV) or default_database_url()


def default_attachments_dir(database_url: str) -> Path:
    """Beside the SQLite file when there is one, else in the user's data folder."""
    prefix = "sqlite:///"
    if database_url.startswith(prefix) and database_url != prefix + ":memory:":
        return Path(database_url[len(prefix) :]).parent / "attachments"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "attachments"


@dataclass(frozen=True)
class Settings:
    database_url: str = field(default_factory=database_url_from_env)
    # Bodies above this are refused with 413 before they are parsed.
    max_body_bytes: int = 1_000_000
    # Cookies carry the Secure flag unless the office runs on plain HTTP loopback (the demo).
    secure_cookies: bool = True
    session_hours: int = 12
    # Failed sign-ins per user name and per client address within the window before 429.
    login_max_failures: int = 5
    login_window_seconds: int = 900
    # A device's last-seen time is written at most this often, to keep reads from becoming writes.
    last_seen_every_seconds: int = 60
    # The company's time zone: ticket months and "today" follow the office's calendar, not UTC.
    timezone: str = DEFAULT_TIMEZONE
    # Attachment bytes, content-addressed by SHA-256; None means `default_attachments_dir`.
    attachments_dir: Path | None = None

    @property
    def attachments_folder(self) -> Path:
        return self.attachments_dir or default_attachments_dir(self.database_url)

    @classmethod
    def from_env(cls, database_url: str | None = None) -> Settings:
        insecure = os.environ.get(INSECURE_COOKIES_ENV) == "1"
        return cls(
            database_url=database_url_from_env(database_url),
            secure_cookies=not insecure,
            timezone=os.environ.get(TIMEZONE_ENV) or DEFAULT_TIMEZONE,
            attachments_dir=Path(folder)
            if (folder := os.environ.get(ATTACHMENTS_DIR_ENV))
            else None,
        )
