"""The job search index: found by any fragment of ticket, name, phone, serial or model, kept current."""

from __future__ import annotations

from sqlalchemy import delete

from fieldtech.models import Customer, CustomerItem, Job
from fieldtech.store.engine import Store
from fieldtech.store.search import rebuild, search_job_ids
from tests.fieldtech.store.records import add_job


def test_search_finds_a_job_by_any_indexed_fragment(store: Store) -> None:
    job = add_job(store.sessions)
    other = add_job(
        store.sessions,
        ticket="202611-002",
        name="Ana Souza",
        phone="139 555 0101",
        serial="XK-77",
        model="DW-12",
    )
    with store.read_sessions() as session:
        for query in ("202611-001", "0013 8000", "000117", "WM-80", "张伟", "Zhang", "wei 张"):
            assert search_job_ids(session, query) == [job], query
        assert search_job_ids(session, "souza") == [other]
        assert sorted(search_job_ids(session, "202611")) == sorted([job, other])
        assert search_job_ids(session, "nobody") == []
        assert search_job_ids(session, "  ") == []
        assert search_job_ids(session, 'quote" OR "x') == []


def test_search_follows_renames_of_customer_and_item_and_deletions(store: Store) -> None:
    job = add_job(store.sessions)
    with store.sessions.begin() as session:
        loaded = session.get_one(Job, job)
        loaded.customer.name = "Wang Fang 王芳"
        assert loaded.item is not None
        loaded.item.serial = "SN-NEW-9000"
    with store.read_sessions() as session:
        assert search_job_ids(session, "张伟") == []
        assert search_job_ids(session, "王芳") == [job]
        assert search_job_ids(session, "NEW-9000") == [job]
        assert search_job_ids(session, "000117") == []
    with store.sessions.begin() as session:
        session.execute(delete(Job))
        session.execute(delete(CustomerItem))
        session.execute(delete(Customer))
    with store.read_sessions() as session:
        assert search_job_ids(session, "王芳") == []


def test_rebuild_restores_an_emptied_index(store: Store) -> None:
    job = add_job(store.sessions)
    with store.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM jobs_fts")
    with store.read_sessions() as session:
        assert search_job_ids(session, "000117") == []
    with store.engine.begin() as connection:
        rebuild(connection)
    with store.read_sessions() as session:
        assert search_job_ids(session, "000117") == [job]
