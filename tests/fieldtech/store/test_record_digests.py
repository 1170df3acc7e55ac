"""Digest sums on the laptop: versions held before the triggers existed are counted at upgrade,
and versions kept as text survive the move to the compact layout."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldtech.models.registry import MODELS
from fieldtech.models.syncstate import DigestBucket, RecordVersion
from fieldtech.store.digest import BucketTotal, bucket_totals
from fieldtech.store.engine import Store, create_store_engine, open_store
from fieldtech.store.migrate import upgrade_to_head
from fieldtech.store.versions import table_code

BEFORE_DIGESTS = "e9c3a7f5b2d6"


def test_versions_held_before_the_upgrade_are_in_the_sums(store_file: Path, key: bytes) -> None:
    store_file.parent.mkdir(parents=True)
    engine = create_store_engine(store_file, key, busy_timeout_ms=1000)
    upgrade_to_head(engine, BEFORE_DIGESTS)
    held = [(uuid.uuid4(), uuid.uuid4(), 7), (None, uuid.uuid4(), 12), (None, uuid.uuid4(), 3)]
    tables = ["visits", "technicians", "fault_cases"]
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO record_versions (record_id, table_name, scope, version) "
            "VALUES (?, ?, ?, ?)",
            [
                (rid.hex, table, scope and scope.hex, version)
                for (scope, rid, version), table in zip(held, tables, strict=True)
            ],
        )
    engine.dispose()
    with open_store(store_file, key) as store, store.sessions() as session:
        sums = {
            b.bucket: BucketTotal(b.count, b.sum_high, b.sum_low)
            for b in session.scalars(select(DigestBucket))
        }
        assert sums == bucket_totals(held)
        kept = session.execute(
            select(RecordVersion.scope, RecordVersion.record_id, RecordVersion.version)
        )
        assert sorted(kept, key=str) == sorted(held, key=str)
        query = select(RecordVersion.record_id, RecordVersion.table_name)
        names = {rid: table for rid, table in session.execute(query)}
        assert [names[rid] for _, rid, _ in held] == tables


def test_record_versions_keep_no_rowid_and_no_second_index(store: Store) -> None:
    with store.engine.connect() as connection:
        indexes = connection.exec_driver_sql("PRAGMA index_list(record_versions)").all()
        sql = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'record_versions'"
        ).scalar()
    assert [row[3] for row in indexes] == ["pk"]  # the key itself, nothing beside it
    assert "WITHOUT ROWID" in str(sql)


def test_a_table_without_a_code_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="'parcels' has no code"):
        table_code("parcels")


def test_every_synced_table_has_a_code() -> None:
    assert all(table_code(table) > 0 for table in MODELS)
