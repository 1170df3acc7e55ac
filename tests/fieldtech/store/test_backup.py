"""Rotating backups: encrypted with the store's key, consistent, named by UTC time, newest N kept."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3

import pytest

from fieldtech.store.backup import backup_if_due, backups_dir, list_backups, make_backup
from fieldtech.store.cipher import connect_raw
from fieldtech.store.engine import Store
from fieldtech.store.integrity import Verdict, check_store_file
from tests.fieldtech.store.records import add_job, add_jobs

T0 = dt.datetime(2026, 11, 25, 8, 0, tzinfo=dt.UTC)


def test_backup_opens_with_the_store_key_only_and_holds_the_committed_jobs(
    store: Store, key: bytes
) -> None:
    add_jobs(store.sessions, ["202611-001", "202611-002"])
    backup = make_backup(store)
    assert backup.path.parent == backups_dir(store.path)
    assert check_store_file(backup.path, key, full=True).verdict is Verdict.OK
    connection = connect_raw(backup.path, key)
    try:
        assert connection.execute("SELECT count(*) FROM jobs").fetchone() == (2,)
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        connection.close()
    assert check_store_file(backup.path, os.urandom(32)).verdict is Verdict.WRONG_KEY
    unencrypted_reader = sqlite3.connect(backup.path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            unencrypted_reader.execute("SELECT count(*) FROM sqlite_master").fetchall()
    finally:
        unencrypted_reader.close()


def test_backups_rotate_keeping_the_newest_seven(store: Store) -> None:
    add_job(store.sessions)
    made = [make_backup(store, now=T0 + dt.timedelta(hours=n)) for n in range(9)]
    kept = list_backups(store.path)
    assert [b.taken_at for b in kept] == [T0 + dt.timedelta(hours=n) for n in range(8, 1, -1)]
    assert not made[0].path.exists()
    assert not made[1].path.exists()
    assert kept[0].path.name == "store-20261125T160000.000000Z.db"


def test_backups_rotate_to_a_smaller_keep(store: Store) -> None:
    for n in range(4):
        make_backup(store, now=T0 + dt.timedelta(minutes=n), keep=2)
    assert [b.taken_at.minute for b in list_backups(store.path)] == [3, 2]


def test_list_backups_ignores_other_files_and_unfinished_copies(store: Store) -> None:
    backup = make_backup(store, now=T0)
    folder = backups_dir(store.path)
    (folder / "notes.txt").write_text("x")
    (folder / "store-20261125T090000.000000Z.db.partial").write_bytes(b"half")
    assert list_backups(store.path) == [backup]


def test_make_backup_keep_below_one_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="keep"):
        make_backup(store, keep=0)
    assert list_backups(store.path) == []


def test_backup_if_due_makes_one_a_day(store: Store) -> None:
    day = dt.datetime(2026, 11, 25, 8, tzinfo=dt.UTC)
    assert backup_if_due(store, now=day) is not None
    assert backup_if_due(store, now=day + dt.timedelta(hours=23)) is None
    assert backup_if_due(store, now=day + dt.timedelta(hours=25)) is not None
    assert len(list_backups(store.path)) == 2
