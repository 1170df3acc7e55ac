"""The laptop store on 50,000 seeded jobs: open time, one use case against plain SQLite, size.

`python -m tests.benchmarks store` (FIELDTECH_BENCH_JOBS overrides the job count). The seeded
store is cached in the system temp folder between runs; the plain SQLite baseline is exported
from it with `sqlcipher_export`, so both hold the same rows.
"""

from __future__ import annotations

import os
import platform
import random
import tempfile
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from fieldtech.models import Job
from fieldtech.seed import seed
from fieldtech.store import cipher
from fieldtech.store.capture import NO_CAPTURE, install_capture
from fieldtech.store.engine import open_store
from fieldtech.store.integrity import LOCAL_ONLY_TABLES, check_store_file
from fieldtech.usecases import device
from fieldtech.usecases.visit import record_diagnosis
from tests.benchmarks.timing import median, pct, sample_ms, table

KEY = bytes(range(7, 39))
JOBS = int(os.environ.get("FIELDTECH_BENCH_JOBS", "50000"))
OPENS = 30
USE_CASES = 400


def seeded_store(folder: Path) -> Path:
    path = folder / f"store-{JOBS}.db"
    if path.exists():
        return path
    partial = folder / "seeding.db"
    for leftover in folder.glob("seeding.db*"):
        leftover.unlink()
    with open_store(partial, KEY) as store, store.sessions.begin() as session:
        session.info[NO_CAPTURE] = True
        tech = device.ensure_demo_identity(session)
        seed(session, jobs=JOBS, technician_id=tech, seed_value=7)
    partial.rename(path)
    return path


def plain_copy(encrypted: Path) -> Path:
    plain = encrypted.with_name(encrypted.stem + "-plain.db")
    if plain.exists():
        return plain
    connection = cipher.connect_raw(encrypted, KEY)
    try:
        connection.execute(f"ATTACH DATABASE '{plain}' AS plaintext KEY ''")
        connection.execute("SELECT sqlcipher_export('plaintext')")
        connection.execute("DETACH DATABASE plaintext")
    finally:
        connection.close()
    return plain


def plain_engine(path: Path) -> Engine:
    """Plain SQLite with the store's pragmas and transaction handling: the baseline."""
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cipher.apply_pragmas(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def use_case_times(sessions: sessionmaker[Session], job_ids: list[uuid.UUID]) -> list[float]:
    rng = random.Random(3)

    def once() -> None:
        record_diagnosis(
            sessions,
            rng.choice(job_ids),
            symptoms=f"Noise at spin {rng.randrange(10**6)}",
            cause="Worn bearing",
            fault_code="E21",
        )

    for _ in range(20):
        once()
    return sample_ms(once, USE_CASES)


def open_and_check(path: Path) -> None:
    with open_store(path, KEY) as store, store.read_sessions() as session:
        session.scalar(select(Job.id).limit(1))


def plain_open(path: Path) -> None:
    """The same start-up work on the unencrypted copy: schema version, the start-up table checks,
    one read."""
    engine = plain_engine(path)
    with engine.connect() as conn:
        conn.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
        for table in LOCAL_ONLY_TABLES:
            conn.exec_driver_sql(f"PRAGMA quick_check({table})").fetchall()
        conn.exec_driver_sql("SELECT id FROM jobs LIMIT 1").fetchall()
    engine.dispose()


def full_check_ms(path: Path) -> float:
    """A whole-file quick_check, which start-up runs only for small or suspect stores."""
    return median(sample_ms(lambda: check_store_file(path, KEY), 3))


def main() -> None:
    folder = Path(tempfile.gettempdir()) / "fieldtech-bench"
    folder.mkdir(exist_ok=True)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"seeding/reusing a store of {JOBS} jobs in {folder} ...", flush=True)
    encrypted = seeded_store(folder)
    plain = plain_copy(encrypted)
    size_mib = encrypted.stat().st_size / 1_048_576
    open_ms = sample_ms(lambda: open_and_check(encrypted), OPENS)
    plain_open_ms = sample_ms(lambda: plain_open(plain), OPENS)

    work = folder / "work"
    work.mkdir(exist_ok=True)
    enc_work, plain_work = work / "enc.db", work / "plain.db"
    for target, source in ((enc_work, encrypted), (plain_work, plain)):
        for leftover in work.glob(target.name + "*"):
            leftover.unlink()
        target.write_bytes(source.read_bytes())
    with open_store(enc_work, KEY, on_sessionmaker=[install_capture]) as store:
        with store.read_sessions() as session:
            job_ids = list(session.scalars(select(Job.id).limit(5000)))
        enc_ms = use_case_times(store.sessions, job_ids)
    engine = plain_engine(plain_work)
    plain_sessions = sessionmaker(engine, expire_on_commit=False)
    install_capture(plain_sessions)
    base_ms = use_case_times(plain_sessions, job_ids)
    engine.dispose()

    full_ms = full_check_ms(encrypted)
    rows = [
        (
            "open + migration check + start-up check",
            f"{median(open_ms):.1f}",
            f"{pct(open_ms, 95):.1f}",
            f"{median(plain_open_ms):.1f}",
            f"{median(open_ms) / median(plain_open_ms):.2f}",
            "-",
            "p50 <= 200 ms",
        ),
        (
            "record diagnosis + outbox (durable)",
            f"{median(enc_ms):.2f}",
            f"{pct(enc_ms, 95):.2f}",
            f"{median(base_ms):.2f}",
            f"{median(enc_ms) / median(base_ms):.2f}",
            f"{pct(enc_ms, 95) / pct(base_ms, 95):.2f}",
            "p95 <= 10 ms, ratio <= 1.3",
        ),
    ]
    header = ("operation", "p50 ms", "p95 ms", "plain p50 ms", "p50 ratio", "p95 ratio", "target")
    print(table(rows, header))
    print(f"whole-file quick_check (background and suspect starts only): {full_ms:.0f} ms")
    print(
        f"size on disk: {size_mib:.1f} MiB for {JOBS} jobs = {size_mib * 1000 / JOBS:.2f} MiB per 1,000 jobs"
    )


if __name__ == "__main__":
    main()
