"""Digest sums on the laptop: versions held before the triggers existed are counted at upgrade."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import select

from fieldtech.models.syncstate import DigestBucket, RecordVersion
from fieldtech.store.digest import BucketTotal, bucket_totals
from fieldtech.store.engine import create_store_engine, open_store
from fieldtech.store.migrate import upgrade_to_head

BEFORE_DIGESTS = "e9c3a7f5b2d6"


def test_versions_held_before_the_upgrade_are_in_the_sums(store_file: Path, key: bytes) -> None:
    store_file.parent.mkdir(parents=True)
    engine = create_store_engine(store_file, key, busy_timeout_ms=1000)
    upgrade_to_head(engine, BEFORE_DIGESTS)
    held = [(uuid.uuid4(), uuid.uuid4(), 7), (None, uuid.uuid4(), 12), (None, uuid.uuid4(), 3)]
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO record_versions (record_id, table_name, scope, version) "
            "VALUES (?, 'jobs', ?, ?)",
            [(rid.hex, scope and scope.hex, version) for scope, rid, version in held],
        )
    engine.dispose()
    with open_store(store_file, key) as store, store.sessions() as session:
        sums = {
            b.bucket: BucketTotal(b.count, b.sum_high, b.sum_low)
            for b in session.scalars(select(DigestBucket))
        }
        assert sums == bucket_totals(held)
        assert len(list(session.scalars(select(RecordVersion)))) == 3
