"""An in-memory keyring backend and the fixtures that install it, for machines with no keyring service."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    """Secrets in a dict: behaves like a real backend (delete of a missing entry raises)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(f"no entry for {username}")


class LockedKeyring(MemoryKeyring):
    """A backend whose collection stays locked, as a Secret Service does when the user cancels."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("the collection is locked")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Install a fresh in-memory keyring for one test, then put back the one there was."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def restore_keyring() -> Iterator[None]:
    """For a test that installs a backend of its own: the previous one is put back afterwards."""
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)
