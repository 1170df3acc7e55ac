"""Alembic environment of the office database; the URL comes from the caller, not an ini file."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from sync.server.db import make_engine
from sync.server.migrate import include_object, target_metadata

# Any constant works; it only has to be the same in every process that migrates this database.
_MIGRATION_LOCK_KEY = 0x46_54_4F_46


def run_migrations_online() -> None:
    url = context.config.attributes.get("database_url")
    if not url:
        raise RuntimeError("no database URL given to the office migrations")
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            if connection.dialect.name == "postgresql":
                # Several `serve` processes start at once; one migrates, the others wait and
                # then find nothing to do.
                connection.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _MIGRATION_LOCK_KEY})
                connection.commit()
            context.configure(
                connection=connection,
                target_metadata=target_metadata(),
                include_object=include_object,
                transaction_per_migration=True,
                render_as_batch=connection.dialect.name == "sqlite",
                compare_type=True,
            )
            with context.begin_transaction():
                context.run_migrations()
            if connection.dialect.name == "postgresql":
                unlock = text("SELECT pg_advisory_unlock(:k)")
                connection.execute(unlock, {"k": _MIGRATION_LOCK_KEY})
                connection.commit()
    finally:
        engine.dispose()


run_migrations_online()
