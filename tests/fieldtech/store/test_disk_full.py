"""A full disk: the failed write says so plainly, and everything committed before survives a reopen."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.pool import ConnectionPoolEntry

from fieldtech.models import Blob
from fieldtech.store.engine import Store, open_store
from fieldtech.store.errors import StoreFullError
from fieldtech.store.integrity import check_store_file
from tests.fieldtech.store.records import add_jobs, count_jobs

CHUNK = 48 * 1024


def _blob(n: int) -> Blob:
    data = (uuid.uuid4().bytes * (CHUNK // 16))[:CHUNK] + n.to_bytes(4, "big")
    return Blob(sha256=hashlib.sha256(data).hexdigest(), data=data, size=len(data))


def _fill_until_full(store: Store, limit: int = 400) -> int:
    """Commit one photo-sized blob per transaction until the disk is full; return how many committed."""
    committed: list[int] = []

    def fill() -> None:
        for n in range(limit):
            with store.sessions.begin() as session:
                session.add(_blob(n))
            committed.append(n)

    with pytest.raises(StoreFullError, match=r"^the disk is full: free space") as caught:
        fill()
    assert caught.value.code == "disk_full"
    return len(committed)


def _blob_count(store: Store) -> int:
    with store.read_sessions() as session:
        return int(session.execute(select(func.count()).select_from(Blob)).scalar_one())


def test_store_at_its_page_limit_refuses_writes_and_keeps_commits(
    store: Store, store_file: Path, key: bytes
) -> None:
    add_jobs(store.sessions, ["202611-001", "202611-002"])

    @event.listens_for(store.engine, "connect")
    def _cap(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 40}")

    store.engine.dispose()  # new connections carry the cap
    committed = _fill_until_full(store)
    assert committed >= 1
    store.close()
    with open_store(store_file, key) as reopened:
        assert _blob_count(reopened) == committed
        with reopened.read_sessions() as session:
            assert count_jobs(session) == 2
    assert check_store_file(store_file, key, full=True).ok


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MiB tmpfs: a real file system that runs out of space (needs root and mount)."""
    mount = shutil.which("mount")
    if os.geteuid() != 0 or mount is None:
        pytest.skip("a tiny tmpfs needs root and mount; the page-limit test covers disk full")
    folder = tmp_path / "tiny"
    folder.mkdir()
    made = subprocess.run(
        [mount, "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip(
            f"cannot mount a tmpfs here ({made.stderr.decode().strip()}); "
            "the page-limit test covers disk full"
        )
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_store_on_a_full_file_system_refuses_writes_and_keeps_commits(
    tiny_disk: Path, key: bytes
) -> None:
    path = tiny_disk / "store.db"
    with open_store(path, key) as store:
        add_jobs(store.sessions, ["202611-001", "202611-002"])
        committed = _fill_until_full(store)
        assert committed >= 1
        with pytest.raises(StoreFullError, match="the disk is full"):
            add_jobs(store.sessions, ["202611-003"])
    with open_store(path, key) as reopened:
        assert _blob_count(reopened) == committed
        with reopened.read_sessions() as session:
            assert count_jobs(session) == 2
    assert check_store_file(path, key).ok
