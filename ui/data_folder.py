"""Moving the data folder (every technician's store, its key reference, backups, preferences) to
a folder the technician picks, without ever holding the only copy in a half-written place.

The old folder keeps one small file, `moved-to`, naming the new place, so the app (and every
`fieldtech` command) finds the data there from then on. The move copies into a staging folder
beside the target, checks the copy (every file's size, each store opens with its key), then
renames it into place, and only then points the old place at it and empties the old place.
Anything going wrong before that leaves the old folder as it was, with a plain error.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

from fieldtech.domain.errors import FieldTechError
from fieldtech.store import cipher
from fieldtech.store.paths import STORE_FILE
from sync.client.credentials import KEY_FILE, TOKEN_FILE, CredentialStore

POINTER_FILE = "moved-to"
MOVED_NAME = "FieldTech"
"""The folder created inside the one the technician picks, so their own files are never mixed in."""
SPACE_MARGIN = 1.1
"""Free space needed on the target: the data plus a tenth, as the copy is checked before use."""
_MAX_HOPS = 5


class DataFolderError(FieldTechError):
    code = "data_folder"


@dataclass(frozen=True)
class MovePlan:
    source: Path
    target: Path
    size: int
    root: Path | None = None
    """Where the app looks first (the platform's folder or --data-dir), pointed at the new place
    too, so a folder moved twice is found in one hop."""


def followed(folder: Path) -> Path:
    """Where the data lives, following `moved-to` pointers (a few hops at most)."""
    for _ in range(_MAX_HOPS):
        pointer = folder / POINTER_FILE
        try:
            text = pointer.read_text(encoding="utf-8").strip()
        except OSError:
            return folder
        if not text:
            return folder
        folder = Path(text)
    return folder


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def plan_move(source: Path, chosen: Path, root: Path | None = None) -> MovePlan:
    """Check the chosen folder before anything is copied; a refusal says what to do instead."""
    source = source.resolve()
    chosen = chosen.expanduser().resolve()
    target = chosen / MOVED_NAME
    if chosen == source or source in chosen.parents:
        raise DataFolderError(
            f"data folder: {chosen} is inside the current data folder; choose a folder elsewhere",
            problem="inside",
            folder=str(chosen),
        )
    if target.exists() and any(target.iterdir()):
        raise DataFolderError(
            f"data folder: {target} already holds files; choose another folder, or empty it",
            problem="occupied",
            folder=str(target),
        )
    try:
        chosen.mkdir(parents=True, exist_ok=True)
        probe = chosen / f".fieldtech-write-test-{uuid.uuid4().hex}"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise DataFolderError(
            f"data folder: {chosen} cannot be written to ({reason}); choose a folder you can "
            "write to",
            problem="unwritable",
            folder=str(chosen),
            reason=reason,
        ) from None
    size = folder_size(source)
    free = shutil.disk_usage(chosen).free
    if free < size * SPACE_MARGIN:
        needed = _megabytes(int(size * SPACE_MARGIN))
        raise DataFolderError(
            f"data folder: {chosen} has {_megabytes(free)} free and the data needs {needed}; "
            "free some space or choose another drive",
            problem="no_space",
            folder=str(chosen),
            free=_megabytes(free),
            needed=needed,
        )
    return MovePlan(source, target, size, root)


def move_data(plan: MovePlan, credentials: CredentialStore) -> Path:
    """Copy, check, switch over, then empty the old folder; returns the new data folder.

    Every store in the folder must be closed. Until the switch, a failure removes the partial
    copy (and any key entries made for it) and leaves everything where it was."""
    staging = plan.target.with_name(f".{MOVED_NAME}-moving-{uuid.uuid4().hex[:8]}")
    copied_profiles: list[Path] = []
    try:
        shutil.copytree(plan.source, staging, copy_function=shutil.copy2)
        _check_copy(plan.source, staging)
        staging.rename(plan.target)
        for profile in _profiles(plan.source):
            moved = plan.target / profile.relative_to(plan.source)
            _copy_secrets(credentials, profile, moved)
            copied_profiles.append(moved)
            _check_store_opens(credentials, moved)
    except (OSError, FieldTechError, ValueError) as error:
        for moved in copied_profiles:
            _forget_quietly(credentials, moved)
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(plan.target, ignore_errors=True)
        if isinstance(error, DataFolderError):
            raise
        reason = getattr(error, "strerror", None) or str(error)
        raise DataFolderError(
            f"data folder: the copy to {plan.target} failed ({reason}); nothing was moved and "
            "your data is still where it was",
            problem="copy_failed",
            folder=str(plan.target),
            reason=reason,
        ) from None
    _point(plan.source, plan.target)
    if plan.root is not None and plan.root.resolve() != plan.source:
        with contextlib.suppress(OSError):  # if not, the old place points on: one hop more
            _point(plan.root, plan.target)
    for profile in _profiles(plan.source):
        _forget_quietly(credentials, profile)
    _empty(plan.source)
    return plan.target


def _profiles(folder: Path) -> list[Path]:
    profiles = folder / "profiles"
    if not profiles.is_dir():
        return []
    return sorted(p for p in profiles.iterdir() if (p / STORE_FILE).exists())


def _check_copy(source: Path, copy: Path) -> None:
    for path in source.rglob("*"):
        if not path.is_file():
            continue
        twin = copy / path.relative_to(source)
        if not twin.is_file() or twin.stat().st_size != path.stat().st_size:
            raise DataFolderError(
                f"data folder: {twin.name} did not copy whole; nothing was moved and your "
                "data is still where it was",
                problem="copy_failed",
                folder=str(copy),
                reason=f"{twin.name} incomplete",
            )
    for path in copy.rglob("*"):
        if path.is_file():
            with path.open("rb") as handle:
                os.fsync(handle.fileno())


def _copy_secrets(credentials: CredentialStore, old: Path, new: Path) -> None:
    """The key and token are kept per profile folder; the new folder gets the same ones. Key
    files (the insecure opt-in) travelled with the copy already."""
    if credentials.insecure_key_file:
        return
    key = credentials.store_key(old)
    token = credentials.device_token(old)
    keyring_store = _MovingCredentials(insecure_key_file=False, service=credentials.service)
    keyring_store.put(new, key, token)


def _check_store_opens(credentials: CredentialStore, profile: Path) -> None:
    if not credentials.has_store_key(profile):
        raise DataFolderError(
            f"data folder: the key for {profile.name} did not move; nothing was moved",
            problem="copy_failed",
            folder=str(profile),
            reason="key",
        )
    connection = cipher.connect_raw(profile / STORE_FILE, credentials.store_key(profile))
    try:
        answer = connection.execute("PRAGMA quick_check").fetchone()
    finally:
        connection.close()
    if not answer or answer[0] != "ok":
        raise DataFolderError(
            f"data folder: the copy of {profile.name}'s store does not read back; nothing was "
            "moved and your data is still where it was",
            problem="copy_failed",
            folder=str(profile),
            reason="store check",
        )


def _point(old: Path, new: Path) -> None:
    pointer = old / POINTER_FILE
    partial = pointer.with_name(POINTER_FILE + ".partial")
    partial.write_text(str(new) + "\n", encoding="utf-8")
    with partial.open("rb") as handle:
        os.fsync(handle.fileno())
    partial.replace(pointer)


def _forget_quietly(credentials: CredentialStore, profile: Path) -> None:
    if credentials.insecure_key_file:
        return
    with contextlib.suppress(FieldTechError):  # a stale entry names a folder holding nothing
        credentials.wipe(profile)


def _empty(folder: Path) -> None:
    """Everything but the pointer goes; what cannot be removed stays, harmlessly."""
    for path in folder.iterdir():
        if path.name == POINTER_FILE:
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"


class _MovingCredentials(CredentialStore):
    """Puts an existing key and token under a new profile folder's name in the keyring."""

    def put(self, profile: Path, key: bytes, token: str | None) -> None:
        self._set(profile, "store-key", KEY_FILE, key.hex())
        if token:
            self._set(profile, "device-token", TOKEN_FILE, token)
