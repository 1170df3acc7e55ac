"""Sign-in tests run against a real office on loopback and an in-memory keyring."""

from __future__ import annotations

from tests.ui.office import app_args, closed_office, memory_keyring, office, office_template

__all__ = ["app_args", "closed_office", "memory_keyring", "office", "office_template"]
