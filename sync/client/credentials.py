"""The technician's secrets in the OS keyring: each profile's store key and its device token.

Entries live under the service "FieldTech", named by kind and by the profile folder's absolute
path, so two profiles (two technicians, or a test folder) never share a key. Without a usable
keyring, `KeyringUnavailable` says what to install; only the explicit, logged opt-in
`insecure_key_file=True` (the `--insecure-key-file` flag or FIELDTECH_INSECURE_KEY_FILE=1, for demos
and tests) keeps the secrets in 0600 files inside the profile folder instead.
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
from keyring.backends import chainer, fail

from fieldtech.domain.errors import FieldTechError

log = logging.getLogger(__name__)

SERVICE = "FieldTech"
INSECURE_ENV = "FIELDTECH_INSECURE_KEY_FILE"
KEY_BYTES = 32
KEY_FILE = "store.key"
TOKEN_FILE = "device.token"
_INSTALL_HINT = (
    "install and unlock a Secret Service provider such as gnome-keyring, or KWallet (on Windows "
    "and macOS the system keychain is used); or start with --insecure-key-file for a demo"
)


class KeyringUnavailable(FieldTechError):  # noqa: N818 -- the name callers already code against
    """No keyring can hold the secrets safely; the message says what to install."""

    code = "keyring_unavailable"


def insecure_requested(flag: bool = False, environ: Mapping[str, str] | None = None) -> bool:
    """True when the command-line flag or FIELDTECH_INSECURE_KEY_FILE=1 asks for key files."""
    env = os.environ if environ is None else environ
    return flag or env.get(INSECURE_ENV, "").strip() == "1"


def keyring_problem(backend: Any) -> str | None:
    """Why `backend` cannot hold our secrets, or None when it can.

    keyrings.alt backends are refused too: they keep secrets in a file, in clear or behind a
    terminal prompt, which is exactly what the insecure opt-in exists to make explicit.
    """
    if isinstance(backend, chainer.ChainerBackend):
        usable = [b for b in backend.backends if keyring_problem(b) is None]
        return None if usable else "no keyring backend is available"
    if isinstance(backend, fail.Keyring):
        return "no keyring backend is available"
    module = type(backend).__module__
    if module.startswith("keyring.backends.null"):
        return "the keyring is switched off (null backend): it forgets every secret"
    if module.startswith("keyrings.alt"):
        return f"the keyring backend {type(backend).__name__} keeps secrets in a plain file"
    return None


class CredentialStore:
    """Store key and device token per profile folder, in the keyring or (opt-in) in 0600 files."""

    def __init__(self, *, insecure_key_file: bool = False, service: str = SERVICE) -> None:
        self.insecure_key_file = insecure_key_file
        self.service = service

    def store_key(self, profile_dir: Path) -> bytes:
        """The profile's 32-byte store key, created at random the first time and kept from then on."""
        existing = self._get(profile_dir, "store-key", KEY_FILE)
        if existing is not None:
            try:
                key = bytes.fromhex(existing)
            except ValueError:
                key = b""
            if len(key) != KEY_BYTES:
                raise ValueError(
                    f"store key: the saved key for {profile_dir} is not {KEY_BYTES} bytes of hex; "
                    "it was changed outside FieldTech: restore it, or wipe the profile and sync again"
                )
            return key
        key = secrets.token_bytes(KEY_BYTES)
        self._set(profile_dir, "store-key", KEY_FILE, key.hex())
        return key

    def has_store_key(self, profile_dir: Path) -> bool:
        return self._get(profile_dir, "store-key", KEY_FILE) is not None

    def device_token(self, profile_dir: Path) -> str | None:
        return self._get(profile_dir, "device-token", TOKEN_FILE)

    def set_device_token(self, profile_dir: Path, token: str) -> None:
        if not token:
            raise ValueError("device token: empty; sign in again to get one from the office")
        self._set(profile_dir, "device-token", TOKEN_FILE, token)

    def forget_device_token(self, profile_dir: Path) -> None:
        """Sign out: the office's token goes; the store key stays, so the jobs open again."""
        self._forget(profile_dir, (("device-token", TOKEN_FILE),))

    def wipe(self, profile_dir: Path) -> None:
        """Forget the profile's key and token (a revoked device): its store cannot be opened again."""
        self._forget(profile_dir, (("store-key", KEY_FILE), ("device-token", TOKEN_FILE)))

    def _forget(self, profile_dir: Path, entries: tuple[tuple[str, str], ...]) -> None:
        for kind, filename in entries:
            if self.insecure_key_file:
                (profile_dir / filename).unlink(missing_ok=True)
                continue
            backend = self._backend()
            try:
                backend.delete_password(self.service, _entry(kind, profile_dir))
            except keyring.errors.PasswordDeleteError:
                pass
            except keyring.errors.KeyringError as exc:
                raise _unavailable(exc) from exc

    def _backend(self) -> Any:
        backend = keyring.get_keyring()
        problem = keyring_problem(backend)
        if problem is not None:
            raise KeyringUnavailable(f"keyring: {problem}; {_INSTALL_HINT}")
        return backend

    def _get(self, profile_dir: Path, kind: str, filename: str) -> str | None:
        if self.insecure_key_file:
            path = profile_dir / filename
            _warn_insecure(path)
            return path.read_text(encoding="ascii").strip() if path.exists() else None
        try:
            value = self._backend().get_password(self.service, _entry(kind, profile_dir))
        except keyring.errors.KeyringError as exc:
            raise _unavailable(exc) from exc
        return None if value is None else str(value)

    def _set(self, profile_dir: Path, kind: str, filename: str, value: str) -> None:
        if self.insecure_key_file:
            path = profile_dir / filename
            _warn_insecure(path)
            _write_private(path, value)
            return
        try:
            self._backend().set_password(self.service, _entry(kind, profile_dir), value)
        except keyring.errors.KeyringError as exc:
            raise _unavailable(exc) from exc


def _entry(kind: str, profile_dir: Path) -> str:
    return f"{kind}:{profile_dir.resolve()}"


def _unavailable(exc: BaseException) -> KeyringUnavailable:
    return KeyringUnavailable(f"keyring: {exc or type(exc).__name__}; {_INSTALL_HINT}")


_WARNED: set[Path] = set()


def _warn_insecure(path: Path) -> None:
    """Logged once per file and process: loud enough to notice, not a wall of repeats."""
    if path in _WARNED:
        return
    _WARNED.add(path)
    log.warning(
        "insecure key file in use (--insecure-key-file / %s=1): %s holds a secret unencrypted; "
        "anyone who copies the profile folder can read the store. For demos and tests only.",
        INSECURE_ENV,
        path,
    )


def _write_private(path: Path, value: str) -> None:
    """Create the file readable by its owner only, durably, before it holds the secret."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, value.encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(partial, 0o600)
    os.replace(partial, path)
