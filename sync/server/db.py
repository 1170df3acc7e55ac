"""The office database: engine and session factory for SQLite (embedded default) or PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastapi import Request
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets the dashboard read while a sync writes; SQLite leaves foreign keys off."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _sqlite_begin_immediate(conn: Any) -> None:
    """Take the write lock at BEGIN so two writers queue instead of failing mid-transaction."""
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(database_url: str) -> Engine:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "connect", _disable_pysqlite_begin)
        event.listen(engine, "begin", _sqlite_begin_immediate)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


def _disable_pysqlite_begin(dbapi_connection: Any, _record: Any) -> None:
    """pysqlite would defer BEGIN until the first write; we issue BEGIN IMMEDIATE ourselves."""
    dbapi_connection.isolation_level = None


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Every office session records what it changes in the sync change log (dashboard, API, CLI
    and pushes alike), so laptops hear of every change, and turns signed repairs into fault cases."""
    from sync.server.replication.capture import install_office_capture
    from sync.server.replication.faultcases import install_fault_case_derivation

    sessions = sessionmaker(engine, expire_on_commit=False)
    install_office_capture(sessions)
    install_fault_case_derivation(sessions)
    return sessions


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def get_session(request: Request) -> Iterator[Session]:
    """One session per request; routes commit their own writes, anything else is rolled back."""
    factory: sessionmaker[Session] = request.app.state.sessionmaker
    with factory() as session:
        yield session
