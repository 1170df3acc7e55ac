"""Schema migrations of the laptop store: a cheap head check at start-up, Alembic only when needed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine

from fieldtech.store.errors import StoreTooNewError

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
VERSIONS_DIR = MIGRATIONS_DIR / "versions"
# The newest revision this app knows; a test checks it equals Alembic's script head.
HEAD_REVISION = "7b2e4c9d1a60"
SEARCH_TABLE = "jobs_fts"


def known_revisions() -> frozenset[str]:
    """Revisions shipped with this app, read from the `<rev>_<slug>.py` file names (no import)."""
    return frozenset(
        p.name.split("_", 1)[0] for p in VERSIONS_DIR.glob("*_*.py") if not p.name.startswith("__")
    )


def current_revision(connection: Connection) -> str | None:
    exists = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).first()
    if exists is None:
        return None
    return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Leave the search feature's own objects out of autogenerate's comparison.

    They are the FTS5 table `jobs_fts` with its shadow tables and the `jobs_fts_*` index its
    triggers use; the models know nothing of them.
    """
    searchable = type_ in ("table", "index")
    return not (searchable and name is not None and name.startswith(SEARCH_TABLE))


def alembic_config(connection: Connection) -> Any:
    """A programmatic Alembic config: no alembic.ini on disk, the connection handed to env.py."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(engine: Engine, revision: str = "head") -> None:
    """Run Alembic with foreign keys off (batch table rebuilds need it), then check every reference.

    `PRAGMA foreign_keys` is a no-op inside a transaction, so it is switched on the connection
    before Alembic begins; the connection is thrown away afterwards, never returned to the pool
    with foreign keys off.
    """
    from alembic import command

    connection = engine.connect()
    try:
        # On the driver connection: through SQLAlchemy the PRAGMA would open a transaction first.
        driver = connection.connection.driver_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys = OFF")
        command.upgrade(alembic_config(connection), revision)
        broken = driver.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"migration left {len(broken)} broken references: {broken[:5]}")
    finally:
        connection.invalidate()
        connection.close()


def ensure_schema(engine: Engine) -> str | None:
    """Bring the file to this app's head; return the revision it had before (None: new file)."""
    with engine.connect() as connection:
        before = current_revision(connection)
        connection.rollback()
    if before == HEAD_REVISION:
        return before
    if before is not None and before not in known_revisions():
        raise StoreTooNewError(
            f"store: the file is at schema revision {before}, which this app does not know; "
            "it was written by a newer FieldTech: install the newer version to open it",
            revision=before,
        )
    upgrade_to_head(engine)
    return before
