"""Opening the technician's encrypted store: SQLCipher engine, sessions, migrations, start-up checks.

`open_store(path, key)` returns a `Store` whose schema is at this app's head and whose file passed
the start-up integrity check (fieldtech.store.integrity: the whole file while it is small or
suspect, the tables only this laptop holds otherwise; run `verify_store` in the background for the
rest). A damaged file is moved aside and the newest good backup restored; then `store.recovery`
holds the `RecoveryReport` to show the user (None on a normal start).

Two session factories, both `expire_on_commit=False`:

- `store.sessions` begins every transaction with `BEGIN IMMEDIATE`: it takes the write lock at the
  start, so two writers (the use-case worker and the sync worker) wait for each other through
  `busy_timeout` instead of one failing half-way with SQLITE_BUSY. Use cases write through it.
- `store.read_sessions` begins with a deferred `BEGIN`: in WAL mode its reads never wait for a
  writer, for lists and screens that only read.

Either way `with session.begin():` is one real SQLite transaction: the driver's own transaction
handling is switched off and the engine emits BEGIN itself (SQLAlchemy's documented recipe for
pysqlite), so DDL, SAVEPOINTs and SELECTs all belong to the transaction.

Hooks: pass `on_sessionmaker=[install_capture, ...]`; each callable is called once with each of the
two factories before `open_store` returns, the place to install session event listeners (change
capture). A write that fails for lack of disk space raises `StoreFullError`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry, QueuePool

from fieldtech.store import cipher
from fieldtech.store.errors import StoreFullError, StoreKeyError
from fieldtech.store.integrity import Verdict, mark_check_needed, startup_check
from fieldtech.store.migrate import ensure_schema
from fieldtech.store.recovery import RecoveryReport, recover_store

SessionmakerHook = Callable[[sessionmaker[Session]], object]
_BEGIN_OPTION = "fieldtech_begin"


class Store:
    """An open store: the engine, its two session factories, and how start-up went."""

    def __init__(self, path: Path, engine: Engine, key: bytes) -> None:
        self.path = path
        self.engine = engine
        self._key = key
        self.sessions: sessionmaker[Session] = sessionmaker(
            engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"}), expire_on_commit=False
        )
        self.read_sessions: sessionmaker[Session] = sessionmaker(
            engine.execution_options(**{_BEGIN_OPTION: "DEFERRED"}), expire_on_commit=False
        )
        self.recovery: RecoveryReport | None = None
        self.previous_revision: str | None = None

    @property
    def key(self) -> bytes:
        """The raw key, for backups that must stay encrypted with it."""
        return self._key

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_store(
    path: Path,
    key: bytes,
    *,
    on_sessionmaker: Iterable[SessionmakerHook] = (),
    busy_timeout_ms: int = cipher.BUSY_TIMEOUT_MS,
) -> Store:
    """Open (or create) the store at `path` with `key`, checked, recovered if needed, migrated."""
    cipher.check_key(key)
    # The profile folder is the technician's alone: backups and markers live there too.
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    report = None
    result = startup_check(path, key)
    if result.verdict is Verdict.WRONG_KEY:
        raise StoreKeyError(
            f"the store could not be opened with this key: {path} is encrypted with another key "
            "(the keyring entry may belong to another profile); the file was left untouched",
            path=str(path),
        )
    if result.verdict is Verdict.DAMAGED:
        report = recover_store(path, key, result.problems)
    store = Store(path, create_store_engine(path, key, busy_timeout_ms=busy_timeout_ms), key)
    try:
        store.previous_revision = ensure_schema(store.engine)
        store.recovery = report
        for hook in on_sessionmaker:
            hook(store.sessions)
            hook(store.read_sessions)
    except BaseException:
        store.close()
        raise
    return store


def create_store_engine(path: Path, key: bytes, *, busy_timeout_ms: int) -> Engine:
    """The SQLAlchemy engine over SQLCipher; no check, no migration (open_store does those)."""
    url = URL.create("sqlite+pysqlcipher", password=f"x'{key.hex()}'", database=str(path))
    engine = create_engine(
        url,
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
        connect_args={"check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        # Driver-level BEGIN off: the "begin" listener below emits it, for every statement kind.
        # The dialect already keyed the connection from the URL's password (the raw-key form).
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA cipher_log_level = NONE")
        cipher.apply_pragmas(dbapi_connection, busy_timeout_ms)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(_BEGIN_OPTION, "IMMEDIATE")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if mode == "IMMEDIATE" else "BEGIN")

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> BaseException | None:
        code = cipher.error_code(context.original_exception)
        if code in (cipher.SQLITE_CORRUPT, cipher.SQLITE_NOTADB):
            mark_check_needed(path, str(context.original_exception))
        if code == cipher.SQLITE_FULL:
            return StoreFullError(
                f"the disk is full: free space on the drive that holds {path.parent} and try "
                "again; the change was not saved, everything saved before is intact",
                path=str(path),
            )
        return None

    return engine
