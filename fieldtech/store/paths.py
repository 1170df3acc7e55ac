"""Where a technician's store lives: the data folder, one profile folder per technician, the file."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import platformdirs

APP_NAME = "FieldTech"
DATA_DIR_ENV = "FIELDTECH_DATA_DIR"
STORE_FILE = "store.db"

_UNSAFE = re.compile(r"[^a-z0-9._-]+")
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"com{i}" for i in range(1, 10)]
    + [f"lpt{i}" for i in range(1, 10)]
)


def default_data_dir() -> Path:
    """The platform's user-data folder for FieldTech, unless FIELDTECH_DATA_DIR names another."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def profile_name(username: str) -> str:
    """A folder name for `username` that is safe on every file system and never collides.

    Usernames are case-insensitive on Windows and macOS folders, may hold characters a file system
    refuses, and may be reserved device names; when the readable part had to change, a short hash of
    the exact username keeps two different usernames in two different folders.
    """
    if not username.strip():
        raise ValueError("username: empty; sign in with a technician username")
    readable = _UNSAFE.sub("_", username.strip().lower()).strip("._")[:40] or "user"
    if readable in _RESERVED:
        readable = f"{readable}_"
    if readable == username:
        return readable
    digest = hashlib.sha256(username.encode("utf-8")).hexdigest()[:8]
    return f"{readable}-{digest}"


def profile_dir(data_dir: Path, username: str) -> Path:
    """The folder that holds one technician's store, its backups and anything else of theirs."""
    return data_dir / "profiles" / profile_name(username)


def store_path(profile_dir: Path) -> Path:
    return profile_dir / STORE_FILE
