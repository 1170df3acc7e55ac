"""Which technician's store a command works on: data folder, signed-in profile, key, opening.

The last technician to sign in is remembered by username (no secret) in `<data dir>/current`.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.orm import Session

from fieldtech.domain.errors import FieldTechError
from fieldtech.store.capture import install_capture
from fieldtech.store.engine import Store, open_store
from fieldtech.store.paths import default_data_dir, profile_dir, store_path
from sync.client.credentials import CredentialStore, insecure_requested
from ui.data_folder import followed

CURRENT_FILE = "current"


class NoProfileError(FieldTechError):
    code = "no_profile"


def data_dir(args: argparse.Namespace) -> Path:
    """The data folder: --data-dir or the platform's, or where it was moved to from Settings."""
    return followed(root_dir(args))


def root_dir(args: argparse.Namespace) -> Path:
    """Where the app looks first, before following a moved folder's pointer."""
    chosen = getattr(args, "data_dir", None)
    return Path(chosen).expanduser() if chosen else default_data_dir()


def current_user(folder: Path) -> str | None:
    marker = folder / CURRENT_FILE
    if not marker.exists():
        return None
    name = marker.read_text(encoding="utf-8").strip()
    return name or None


def set_current_user(folder: Path, username: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / CURRENT_FILE).write_text(username + "\n", encoding="utf-8")


def credentials(args: argparse.Namespace) -> CredentialStore:
    return CredentialStore(
        insecure_key_file=insecure_requested(bool(getattr(args, "insecure_key_file", False)))
    )


def open_store_for(args: argparse.Namespace, *, create_user: str | None = None) -> Store:
    """Open the chosen technician's store (creating it, and its key, for `create_user`)."""
    folder = data_dir(args)
    username = getattr(args, "user", None) or current_user(folder)
    if username is None:
        if create_user is None:
            raise NoProfileError(
                f"no technician has signed in on this computer (data folder {folder}); "
                "run `fieldtech signin` first, or pass --user"
            )
        username = create_user
    profile = profile_dir(folder, username)
    path = store_path(profile)
    if not path.exists() and create_user is None:
        raise NoProfileError(f"there is no store for {username} in {folder}; sign in first")
    key = credentials(args).store_key(profile)
    store = open_store(path, key, on_sessionmaker=[install_capture])
    if current_user(folder) is None:
        set_current_user(folder, username)
    if store.recovery is not None:
        print(f"fieldtech: {store.recovery.summary()}")
    return store


@contextmanager
def open_session_for(args: argparse.Namespace) -> Iterator[Session]:
    """A read session on the chosen store, for headless commands such as `render --job`."""
    with open_store_for(args) as store, store.read_sessions() as session:
        yield session
