"""Sync tests: a laptop signed in to a real office on loopback, with an in-memory keyring."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from fieldtech.store.engine import Store
from tests.keyring_memory import MemoryKeyring
from tests.ui.office import (
    PASSWORD,
    TECHNICIAN,
    app_args,
    closed_office,
    memory_keyring,
    office,
    office_db,
    office_template,
)
from ui.profile import open_store_for
from ui.signin.work import sign_in_and_sync

__all__ = [
    "app_args",
    "closed_office",
    "memory_keyring",
    "office",
    "office_db",
    "office_template",
]


@pytest.fixture
def signed_store(
    app_args: argparse.Namespace, office: str, memory_keyring: MemoryKeyring
) -> Iterator[Store]:
    outcome = sign_in_and_sync(app_args, office, TECHNICIAN, PASSWORD)
    assert outcome.signed_in
    with open_store_for(app_args) as store:
        yield store
