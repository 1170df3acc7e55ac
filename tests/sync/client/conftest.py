"""Sync-client fixtures: the in-memory keyring."""

from __future__ import annotations

from tests.keyring_memory import memory_keyring, restore_keyring

__all__ = ["memory_keyring", "restore_keyring"]
