"""Office migration 0015: an office's change log and stamps, as older versions wrote them, made
compact without changing what a pull or a push decides."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from sync.server import migrate
from sync.server.db import make_engine
from sync.server.replication.stamps import columns
from sync.server.replication.stamps import read as read_stamps
from tests.sync.server.conftest import PostgresDatabases

BEFORE = "0014"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'office.db'}"
    databases: PostgresDatabases = request.getfixturevalue("postgres_databases")
    return databases.empty()


def test_older_log_and_stamps_are_pruned_and_compacted(empty_url: str) -> None:
    url = empty_url
    migrate.upgrade(url, BEFORE)
    job, visit = uuid.uuid4(), uuid.uuid4()
    old = {f: [3, "office"] for f in columns("jobs")}
    old["work_done"] = [9, "technician"]
    engine = make_engine(url)
    with engine.begin() as connection:
        for seq, rid in ((3, job), (5, visit), (9, job), (12, visit)):
            connection.execute(
                text("INSERT INTO change_log (seq, table_name, record_id) VALUES (:s, 't', :r)"),
                {"s": seq, "r": rid.hex},
            )
        for rid, table, version, stamps in ((job, "jobs", 9, old), (visit, "visits", 12, {})):
            connection.execute(
                text(
                    "INSERT INTO record_meta (record_id, table_name, job_id, version, deleted, "
                    "stamps) VALUES (:r, :t, :j, :v, false, :s)"
                ),
                {"r": rid.hex, "t": table, "j": job.hex, "v": version, "s": json.dumps(stamps)},
            )
    engine.dispose()
    migrate.upgrade(url)
    engine = make_engine(url)
    with engine.connect() as connection:
        seqs = list(connection.scalars(text("SELECT seq FROM change_log ORDER BY seq")))
        query = text("SELECT table_name, stamps FROM record_meta")
        stored = {
            str(table): raw if isinstance(raw, str) else json.dumps(raw)
            for table, raw in connection.execute(query)
        }
        indexes = inspect(connection).get_indexes("change_log")
    engine.dispose()
    assert seqs == [9, 12]
    assert json.loads(stored["jobs"]) == [3, "o", {"work_done": [9, "t"]}]
    assert all(read_stamps(json.loads(stored["jobs"])).of(f) == tuple(old[f]) for f in old)
    assert json.loads(stored["visits"]) == []
    assert "ix_change_log_record_id" not in {index["name"] for index in indexes}
