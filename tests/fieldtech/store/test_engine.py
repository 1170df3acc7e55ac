"""Opening the encrypted store: pragmas, encryption at rest, wrong keys, real transactions, durability."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from fieldtech.models import Customer, LocalSetting
from fieldtech.store.backup import make_backup
from fieldtech.store.engine import Store, open_store
from fieldtech.store.errors import StoreKeyError
from tests.fieldtech.store.records import CHINESE_NAME, add_job, count_jobs

NAME_BYTES = [CHINESE_NAME.encode(), "张伟".encode(), b"Zhang Wei", "张伟".encode("utf-16-le")]


def _leaks(path: Path) -> list[bytes]:
    data = path.read_bytes()
    return [needle for needle in NAME_BYTES if needle in data]


@pytest.mark.parametrize("factory", ["sessions", "read_sessions"])
def test_open_store_any_session_has_wal_foreign_keys_and_full_sync(
    store: Store, factory: str
) -> None:
    sessions: sessionmaker[Session] = getattr(store, factory)
    with sessions() as session:
        pragmas = {
            name: session.execute(text(f"PRAGMA {name}")).scalar()
            for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
        }
    assert pragmas["journal_mode"] == "wal"
    assert pragmas["foreign_keys"] == 1
    assert pragmas["synchronous"] == 2
    assert int(pragmas["busy_timeout"]) >= 1000


def test_store_files_on_disk_contain_no_customer_name(store: Store, tmp_path: Path) -> None:
    add_job(store.sessions)
    wal = store.path.with_name(store.path.name + "-wal")
    assert wal.stat().st_size > 0, "the committed job should still be in the WAL"
    backup = make_backup(store)
    for path in (store.path, wal, backup.path):
        assert _leaks(path) == [], path
        assert not path.read_bytes().startswith(b"SQLite format 3")
    store.close()
    assert _leaks(store.path) == []
    # The same row in an unencrypted SQLite file is found by this very check.
    plain = tmp_path / "plain.db"
    with sqlite3.connect(plain) as connection:
        connection.execute("CREATE TABLE customers (name TEXT)")
        connection.execute("INSERT INTO customers VALUES (?)", (CHINESE_NAME,))
    assert _leaks(plain) != []


def test_open_store_wrong_key_is_refused_and_file_left_untouched(
    store: Store, store_file: Path
) -> None:
    add_job(store.sessions)
    store.close()
    before = store_file.read_bytes()
    with pytest.raises(StoreKeyError, match=r"^the store could not be opened with this key: "):
        open_store(store_file, os.urandom(32))
    assert store_file.read_bytes() == before
    assert sorted(p.name for p in store_file.parent.iterdir()) == ["store.db"]


def test_open_store_key_of_wrong_length_is_refused(store_file: Path) -> None:
    with pytest.raises(ValueError, match="32 random bytes"):
        open_store(store_file, b"short")
    assert not store_file.exists()


def test_session_begin_failure_rolls_back_everything_including_the_select_snapshot(
    store: Store,
) -> None:
    in_transaction_after_select: list[bool] = []

    def use_case() -> None:
        with store.sessions.begin() as session:
            session.execute(select(Customer)).all()
            driver = session.connection().connection.driver_connection
            in_transaction_after_select.append(bool(getattr(driver, "in_transaction", False)))
            session.add(Customer(name="Ana Souza"))
            session.flush()
            raise RuntimeError("use case failed half-way")

    with pytest.raises(RuntimeError, match="half-way"):
        use_case()
    assert in_transaction_after_select == [True], "a SELECT must already be inside the transaction"
    with store.sessions() as session:
        assert session.scalars(select(Customer)).all() == []


def test_savepoint_rollback_undoes_only_the_inner_part(store: Store) -> None:
    with store.sessions.begin() as session:
        session.add(Customer(name="kept"))
        session.flush()

        def inner_step() -> None:
            with session.begin_nested():
                session.add(Customer(name="undone"))
                session.flush()
                raise RuntimeError("inner step failed")

        with pytest.raises(RuntimeError, match="inner step"):
            inner_step()
    with store.sessions() as session:
        assert session.scalars(select(Customer.name)).all() == ["kept"]


def test_two_writer_threads_read_then_write_lose_no_update(store: Store) -> None:
    with store.sessions.begin() as session:
        session.add(LocalSetting(key="counter", value="0"))
    errors: list[BaseException] = []

    def bump(times: int) -> None:
        try:
            for _ in range(times):
                with store.sessions.begin() as session:
                    row = session.get_one(LocalSetting, "counter")
                    row.value = str(int(row.value) + 1)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=bump, args=(25,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with store.sessions() as session:
        assert session.get_one(LocalSetting, "counter").value == "50"


def test_read_session_reads_while_a_writer_holds_the_lock(store: Store) -> None:
    add_job(store.sessions)
    with store.sessions.begin() as writer:
        writer.add(Customer(name="not yet committed"))
        writer.flush()
        with store.read_sessions() as reader:
            assert count_jobs(reader) == 1
            assert reader.scalars(select(Customer.name)).all() == [CHINESE_NAME]


_KILLED_WRITER = """
import os, signal, sys
from pathlib import Path
from fieldtech.store.engine import open_store
from tests.fieldtech.store.records import add_job
store = open_store(Path(sys.argv[1]), bytes.fromhex(os.environ["STORE_KEY"]))
add_job(store.sessions)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_committed_job_survives_kill_without_checkpoint(store_file: Path, key: bytes) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _KILLED_WRITER, str(store_file)],
        env={**os.environ, "STORE_KEY": key.hex()},
        cwd=Path(__file__).parents[3],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == -9, result.stderr.decode()
    wal = store_file.with_name("store.db-wal")
    assert wal.stat().st_size > 0, "the commit should only be in the WAL, never checkpointed"
    with open_store(store_file, key) as reopened, reopened.sessions() as session:
        assert count_jobs(session) == 1


def test_on_sessionmaker_hooks_get_both_factories(store_file: Path, key: bytes) -> None:
    seen: list[sessionmaker[Session]] = []
    with open_store(store_file, key, on_sessionmaker=[seen.append]) as opened:
        assert seen == [opened.sessions, opened.read_sessions]
