"""Laptop schema migrations: models and migrations agree, old files upgrade, newer ones are refused."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, select

from fieldtech.models import Base, Customer, Job
from fieldtech.store.engine import Store, create_store_engine, open_store
from fieldtech.store.errors import StoreTooNewError
from fieldtech.store.migrate import (
    HEAD_REVISION,
    alembic_config,
    current_revision,
    include_name,
    known_revisions,
    upgrade_to_head,
)
from fieldtech.store.search import search_job_ids

FIRST_REVISION = "a3f9c2d41e07"


def _script(connection: Connection) -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config(connection))


def test_head_revision_constant_is_the_script_head(store: Store) -> None:
    with store.engine.connect() as connection:
        script = _script(connection)
        assert script.get_heads() == [HEAD_REVISION]
        assert known_revisions() == {rev.revision for rev in script.walk_revisions()}
        assert current_revision(connection) == HEAD_REVISION


# SQLAlchemy cannot reflect the job list's expression index; include_name leaves it out anyway.
@pytest.mark.filterwarnings(
    "ignore:Skipped unsupported reflection of expression-based index jobs_fts_"
)
def test_migrated_schema_matches_the_models(store: Store) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": include_name}
        )
        drift = compare_metadata(context, Base.metadata)
    assert drift == [], "models changed without a migration: add one in fieldtech/store/migrations"


def _insert_first_revision_rows(connection: Connection) -> None:
    """Rows written with the columns the first revision had, as an old app wrote them."""
    now = dt.datetime(2026, 1, 5, 9, 30).isoformat(sep=" ")
    customer, item, job = (uuid.uuid4().hex for _ in range(3))
    connection.exec_driver_sql(
        "INSERT INTO customers (id, name, phone, address, email, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (customer, "Fatima Al-Sayed فاطمة", "139 1234 5678", "7 Harbour St", "", now, now),
    )
    connection.exec_driver_sql(
        "INSERT INTO customer_items (id, customer_id, brand, model, serial, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (item, customer, "Midea", "FR-550", "SN-OLD-4242", now, now),
    )
    connection.exec_driver_sql(
        "INSERT INTO jobs (id, ticket_number, customer_id, item_id, channel, category, "
        "sub_category, urgency, fault_description, preferred_time, status, revision, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, 'phone', 'product_fault', '', 'normal', "
        "'Fridge not cooling', '', 'assigned', 1, ?, ?)",
        (job, "202601-007", customer, item, now, now),
    )


def test_file_made_at_first_revision_upgrades_to_head_with_data_intact(
    store_file: Path, key: bytes
) -> None:
    store_file.parent.mkdir(parents=True)
    engine = create_store_engine(store_file, key, busy_timeout_ms=1000)
    upgrade_to_head(engine, FIRST_REVISION)
    with engine.begin() as connection:
        assert current_revision(connection) == FIRST_REVISION
        _insert_first_revision_rows(connection)
    engine.dispose()

    with open_store(store_file, key) as store, store.sessions() as session:
        assert store.previous_revision == FIRST_REVISION
        job = session.scalars(select(Job)).one()
        assert job.ticket_number == "202601-007"
        assert job.customer.name == "Fatima Al-Sayed فاطمة"
        assert job.item is not None
        assert job.item.serial == "SN-OLD-4242"
        assert search_job_ids(session, "OLD-42") == [job.id]
        assert search_job_ids(session, "فاطمة") == [job.id]
        assert session.scalars(select(Customer)).one().created_at.tzinfo is dt.UTC


def test_file_from_a_newer_app_is_refused_and_left_unchanged(
    store: Store, store_file: Path, key: bytes
) -> None:
    with store.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'f00dfeedbeef'")
    store.close()
    with pytest.raises(StoreTooNewError, match="newer FieldTech") as caught:
        open_store(store_file, key)
    assert caught.value.params["revision"] == "f00dfeedbeef"
    engine = create_store_engine(store_file, key, busy_timeout_ms=1000)
    with engine.connect() as connection:
        assert current_revision(connection) == "f00dfeedbeef"
    engine.dispose()
