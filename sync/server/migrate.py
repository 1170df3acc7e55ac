"""Runs the office schema's Alembic migrations from code, for `init` and before `serve`."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import MetaData

from fieldtech.models import Base
from sync.server.models import OfficeBase

MIGRATIONS = Path(__file__).with_name("migrations")

# Laptop-only bookkeeping: the office keeps no outbox, no device settings, no lent blocks of its
# own, and stores attachment bytes outside the database, so these tables are not created here.
LAPTOP_ONLY_TABLES = frozenset(
    {"outbox", "local_settings", "ticket_blocks", "blobs", "record_versions", "digest_buckets"}
)


# Indexes made by migrations for office-only reports; the shared models do not declare them.
UNDECLARED_INDEX_PREFIXES = ("figures_", "office_")


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """What the schema comparison looks at: not the laptop's tables, nor the report indexes."""
    if type_ == "table" and name in LAPTOP_ONLY_TABLES:
        return False
    return not (type_ == "index" and (name or "").startswith(UNDECLARED_INDEX_PREFIXES))


def target_metadata() -> list[MetaData]:
    """Every table the office schema holds; importing the modules that declare them first makes
    the set the same whichever modules the caller happened to import."""
    import sync.server.replication.tables
    import sync.server.stock_models  # noqa: F401

    return [Base.metadata, OfficeBase.metadata]


def office_table_names() -> list[str]:
    target_metadata()
    names = set(OfficeBase.metadata.tables) | set(Base.metadata.tables)
    return sorted(names - LAPTOP_ONLY_TABLES)


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Bring the database to `revision`; safe to call from several processes at once."""
    command.upgrade(alembic_config(database_url), revision)


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


def current_revision(database_url: str) -> str | None:
    from alembic.runtime.migration import MigrationContext

    from sync.server.db import make_engine

    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def new_revision(message: str) -> Path:
    """Writes the next migration for whatever the models hold that the migrations do not yet.

    Compares against a scratch SQLite database brought to head, so no server is needed. The
    file is numbered after the current head (`0006_<slug>.py`); read it before committing.
    Run as `python -m sync.server.migrate "what changed"`.
    """
    import tempfile

    head = head_revision()
    rev_id = f"{int(head) + 1:04d}"
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{Path(scratch) / 'head.sqlite3'}"
        upgrade(url)
        script = command.revision(
            alembic_config(url), message=message, autogenerate=True, rev_id=rev_id
        )
    assert script is not None
    assert not isinstance(script, list)
    return Path(script.path)


if __name__ == "__main__":
    import sys

    print(new_revision(" ".join(sys.argv[1:]) or "schema change"))
