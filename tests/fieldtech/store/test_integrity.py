"""Start-up checks: cheap at head, whole-file when asked by the marker, and the background verify."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldtech.store import integrity, migrate
from fieldtech.store.engine import Store, open_store
from fieldtech.store.integrity import Verdict, check_store_file, verify_store
from tests.fieldtech.store.records import add_job


def test_reopen_at_head_runs_no_migration(
    store: Store, store_file: Path, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.close()

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a store already at head must not run Alembic")

    monkeypatch.setattr(migrate, "upgrade_to_head", refuse)
    with open_store(store_file, key) as reopened:
        assert reopened.previous_revision == migrate.HEAD_REVISION


def test_verify_store_of_a_sound_open_store_is_ok_and_sets_no_marker(store: Store) -> None:
    add_job(store.sessions)
    assert verify_store(store.path, store.key).verdict is Verdict.OK
    assert not integrity.needs_check(store.path)


def test_marker_on_a_sound_file_is_cleared_by_the_next_full_start(
    store: Store, store_file: Path, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.close()
    monkeypatch.setattr(integrity, "FULL_CHECK_MAX_BYTES", 0)
    integrity.mark_check_needed(store_file, "a read failed yesterday")
    assert integrity.marker_path(store_file).read_text().startswith("a read failed yesterday")
    with open_store(store_file, key) as reopened:
        assert reopened.recovery is None
    assert not integrity.needs_check(store_file)


def test_missing_file_checks_ok_and_is_not_created(tmp_path: Path) -> None:
    assert check_store_file(tmp_path / "none.db", b"\x01" * 32).ok
    assert not (tmp_path / "none.db").exists()
