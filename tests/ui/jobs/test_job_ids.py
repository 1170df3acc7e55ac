"""The job list's ids: in list order from an index, and UUIDs made only for the rows read."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import String, select, text, type_coerce

from fieldtech.models import Job
from fieldtech.store.engine import Store
from ui.jobs.queries import JobIds, list_order

pytestmark = pytest.mark.gui


def test_job_ids_read_like_a_list_of_uuids() -> None:
    ids = [uuid.uuid4() for _ in range(5)]
    held = JobIds([i.hex for i in ids])
    assert len(held) == 5
    assert held[3] == ids[3]
    assert held[-1] == ids[-1]
    assert held[1:3] == ids[1:3]
    assert held.index(ids[4]) == 4
    assert held == ids
    assert list(held) == ids
    with pytest.raises(ValueError, match="is not in list"):
        held.index(uuid.uuid4())
    with pytest.raises(ValueError, match="is not a job id"):
        held.index("not an id")


def test_list_order_walks_the_covering_index_without_sorting(store: Store) -> None:
    stmt = list_order(select(type_coerce(Job.id, String)))
    sql = str(stmt.compile(store.engine, compile_kwargs={"literal_binds": True}))
    with store.read_sessions() as session:
        plan = " | ".join(row[-1] for row in session.execute(text("EXPLAIN QUERY PLAN " + sql)))
    assert "COVERING INDEX jobs_fts_list_order" in plan
    assert "TEMP B-TREE" not in plan
