"""Alembic environment of the laptop store: runs on the connection fieldtech.store.migrate hands it."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from fieldtech.models import Base
from fieldtech.store.migrate import include_name


def run_migrations_online(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        # One transaction for the whole upgrade: a file is either at its old revision or at head.
        transaction_per_migration=False,
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


_connection = context.config.attributes.get("connection")
if not isinstance(_connection, Connection):
    raise RuntimeError("run the store migrations through fieldtech.store.migrate.upgrade_to_head")
run_migrations_online(_connection)
