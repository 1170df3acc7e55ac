"""A damaged store is moved aside, never deleted, and the newest good backup restored with a report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from fieldtech.models import Job
from fieldtech.store import integrity
from fieldtech.store.backup import list_backups, make_backup
from fieldtech.store.cipher import connect_raw
from fieldtech.store.engine import open_store
from fieldtech.store.errors import BackupError, StoreCorruptError
from fieldtech.store.integrity import Verdict, check_store_file
from tests.fieldtech.store.records import add_jobs, count_jobs

PAGE = 4096
T0 = dt.datetime(2026, 11, 25, 8, 0, tzinfo=dt.UTC)


def _store_with_backup(store_file: Path, key: bytes) -> None:
    """100 jobs, a backup of them, then 5 more jobs that only the live file holds."""
    with open_store(store_file, key) as store:
        add_jobs(store.sessions, [f"202611-{n:03d}" for n in range(1, 101)])
        make_backup(store, now=T0)
        add_jobs(store.sessions, [f"202612-{n:03d}" for n in range(1, 6)])
    connection = connect_raw(store_file, key)
    try:
        assert connection.execute("PRAGMA freelist_count").fetchone() == (0,)
    finally:
        connection.close()


def _root_page(path: Path, key: bytes, table: str) -> int:
    connection = connect_raw(path, key)
    try:
        row = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
        return int(row.fetchone()[0])
    finally:
        connection.close()


def _damage(path: Path, page: int) -> None:
    with open(path, "r+b") as handle:
        handle.seek(page * PAGE + 1000)
        handle.write(b"\xa5" * 64)


def test_damaged_middle_page_restores_newest_backup_and_keeps_the_damaged_file(
    store_file: Path, key: bytes
) -> None:
    _store_with_backup(store_file, key)
    _damage(store_file, store_file.stat().st_size // PAGE // 2)
    damaged_bytes = store_file.read_bytes()

    with open_store(store_file, key) as store:
        report = store.recovery
        assert report is not None
        with store.sessions() as session:
            assert count_jobs(session) == 100

    assert report.restored_from == list_backups(store_file)[0]
    assert report.problems
    assert report.damaged_path is not None
    assert report.damaged_path.parent == store_file.parent
    assert report.damaged_path.name.startswith("corrupt-")
    assert report.damaged_path.name.endswith(".db")
    assert report.damaged_path.read_bytes() == damaged_bytes
    summary = report.summary()
    assert str(report.damaged_path) in summary
    assert "2026-11-25 08:00 UTC" in summary
    assert "not deleted" in summary


def test_damaged_first_page_is_damage_not_a_wrong_key(store_file: Path, key: bytes) -> None:
    _store_with_backup(store_file, key)
    _damage(store_file, 0)
    assert check_store_file(store_file, key).verdict is Verdict.DAMAGED
    with open_store(store_file, key) as store:
        assert store.recovery is not None
        with store.sessions() as session:
            assert count_jobs(session) == 100


def test_damaged_newest_backup_is_skipped_for_an_older_good_one(
    store_file: Path, key: bytes
) -> None:
    _store_with_backup(store_file, key)
    with open_store(store_file, key) as store:
        newest = make_backup(store, now=T0 + dt.timedelta(hours=1))
    _damage(newest.path, 3)
    _damage(store_file, 5)
    with open_store(store_file, key) as store:
        assert store.recovery is not None
        assert store.recovery.restored_from is not None
        assert store.recovery.restored_from.taken_at == T0
    assert newest.path.exists(), "a bad backup is reported, not deleted"


def test_damaged_store_without_backup_raises_and_leaves_the_file_in_place(
    store_file: Path, key: bytes
) -> None:
    with open_store(store_file, key) as store:
        add_jobs(store.sessions, [f"202611-{n:03d}" for n in range(1, 51)])
    _damage(store_file, 4)
    before = store_file.read_bytes()
    with pytest.raises(StoreCorruptError, match="no good backup") as caught:
        open_store(store_file, key)
    assert caught.value.report.damaged_path is None
    assert not caught.value.report.restored
    assert store_file.read_bytes() == before
    assert [p.name for p in store_file.parent.iterdir()] == ["store.db"]


def test_large_store_damage_found_later_is_recovered_at_the_next_start(
    store_file: Path, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(integrity, "FULL_CHECK_MAX_BYTES", 0)  # as if years of jobs
    _store_with_backup(store_file, key)
    _damage(store_file, _root_page(store_file, key, "jobs") - 1)

    with open_store(store_file, key) as store:
        assert store.recovery is None, "start-up checks only the local-only tables of a big file"
        with pytest.raises(DBAPIError), store.read_sessions() as session:
            session.scalars(select(Job.fault_description)).all()
    assert integrity.needs_check(store_file), "a corrupt read marks the file for a full check"
    integrity.clear_check_needed(store_file)

    assert integrity.verify_store(store_file, key).verdict is Verdict.DAMAGED
    assert integrity.needs_check(store_file)
    with open_store(store_file, key) as store:
        assert store.recovery is not None
        assert store.recovery.restored
        with store.sessions() as session:
            assert count_jobs(session) == 100
    assert not integrity.needs_check(store_file)


def test_backup_of_a_damaged_store_is_refused_and_keeps_the_good_backups(
    store_file: Path, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(integrity, "FULL_CHECK_MAX_BYTES", 0)
    _store_with_backup(store_file, key)
    good = list_backups(store_file)
    _damage(store_file, _root_page(store_file, key, "jobs") - 1)
    with open_store(store_file, key) as store, pytest.raises(BackupError, match="earlier backups"):
        make_backup(store, keep=1, now=T0 + dt.timedelta(days=1))
    assert list_backups(store_file) == good
    assert [p.name for p in good[0].path.parent.iterdir()] == [good[0].path.name]
    assert integrity.needs_check(store_file)
