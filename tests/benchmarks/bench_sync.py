"""Sync on loopback against a real `fieldtech-office serve`: initial sync, push, no-op sync.

`python -m tests.benchmarks sync`. The office runs on SQLite (PostgreSQL with FIELDTECH_BENCH_PG=1);
FIELDTECH_BENCH_SYNC_JOBS sets the technician's scope (default 10,000 seeded jobs). The laptop
side runs in this process on an encrypted store, so the figures are the engine's, not Python's
start-up.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import psycopg
import requests
from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from fieldtech.models import Job
from fieldtech.models.registry import MODELS, OFFICE_ONLY
from fieldtech.seed import seed
from fieldtech.store.capture import install_capture
from fieldtech.store.engine import open_store
from fieldtech.usecases.visit import add_advice
from sync.client.engine import SyncEngine
from sync.client.http import HttpTransport
from sync.client.signin import sign_in
from sync.server import migrate
from sync.server.db import make_engine, make_sessionmaker
from sync.server.models import Role
from sync.server.replication.capture import CLOCK_ID
from sync.server.replication.registry import job_of
from sync.server.replication.stamps import Stamps
from sync.server.replication.tables import ChangeLogEntry, RecordMeta, SyncClock
from sync.server.users import create_user
from tests.benchmarks.sync_sizes import (
    LAPTOP_DATA,
    LAPTOP_METADATA,
    OFFICE_METADATA,
    laptop_sizes,
    office_sizes,
    share,
)
from tests.benchmarks.timing import pct, table

JOBS = int(os.environ.get("FIELDTECH_BENCH_SYNC_JOBS", "10000"))
EDITS = 1000
NOOPS = 30
USERNAME = "tech.bench"
PASSWORD = "bench password"
KEY = bytes(range(3, 35))
ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def _log_existing_rows(sessions: sessionmaker[Session]) -> None:
    """Seeded rows go in with bulk inserts; give each one the change-log entry and record stamps
    the office capture would have written, so the office serves them as if typed in."""
    with sessions.begin() as session:
        connection = session.connection()
        seq = int(connection.scalar(select(SyncClock.value).where(SyncClock.id == CLOCK_ID)) or 0)
        logged = set(connection.scalars(select(RecordMeta.record_id)))
        for table, model in MODELS.items():
            if table in OFFICE_ONLY:
                continue
            log: list[dict[str, Any]] = []
            metas: list[dict[str, Any]] = []
            for obj in session.scalars(select(model)):
                if obj.id in logged:
                    continue
                seq += 1
                job_id = job_of(session, table, obj)
                log.append({"seq": seq, "table_name": table, "record_id": obj.id, "job_id": job_id})
                metas.append(
                    {
                        "record_id": obj.id,
                        "table_name": table,
                        "job_id": job_id,
                        "version": seq,
                        "deleted": False,
                        "creator_technician_id": None,
                        "stamps": Stamps((seq, "office")).stored(),
                    }
                )
            if log:
                connection.execute(insert(ChangeLogEntry), log)
                connection.execute(insert(RecordMeta), metas)
            session.expunge_all()
        connection.execute(update(SyncClock).where(SyncClock.id == CLOCK_ID).values(value=seq))


def prepare_office(url: str) -> None:
    migrate.upgrade(url)
    engine = make_engine(url)
    try:
        captured = make_sessionmaker(engine)
        with captured.begin() as session:
            technician = create_user(session, USERNAME, Role.TECHNICIAN, PASSWORD).technician_id
        assert technician is not None
        with sessionmaker(engine).begin() as session:
            seed(session, jobs=JOBS, technician_id=technician, seed_value=11)
        _log_existing_rows(sessionmaker(engine, expire_on_commit=False))
    finally:
        engine.dispose()


def start_office(url: str, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "sync.server.cli", "--database-url", url, "serve"]
    office = subprocess.Popen([*command, "--port", str(port)])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if office.poll() is not None:
            raise SystemExit("the office stopped at start")
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=1).ok:
                return office
        except requests.RequestException:
            time.sleep(0.2)
    raise SystemExit("the office did not answer /healthz within 60 s")


class Wire:
    """Counts requests and response body bytes as they crossed the wire (before gunzip)."""

    def __init__(self, session: requests.Session) -> None:
        self.requests = 0
        self.bytes = 0
        session.hooks["response"].append(self._seen)

    def _seen(self, response: requests.Response, *args: object, **kwargs: object) -> None:
        self.requests += 1
        length = response.headers.get("Content-Length")
        self.bytes += int(length) if length is not None else len(response.content)

    def reset(self) -> None:
        self.requests = 0
        self.bytes = 0


def memory_probe(base: str) -> dict[str, int]:
    """A second first sync, in a child process that did nothing else before it."""
    command = [sys.executable, "-m", "tests.benchmarks.sync_memory", base]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=3600)
    if done.returncode != 0:
        raise SystemExit(f"the memory probe failed:\n{done.stderr}")
    figures: dict[str, int] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}% ({part / 1e6:.1f} of {whole / 1e6:.1f} MB)"


def sizes(url: str, store: Path) -> list[tuple[str, ...]]:
    laptop = share(laptop_sizes(store, KEY), LAPTOP_METADATA, LAPTOP_DATA)
    office = share(office_sizes(url), OFFICE_METADATA, LAPTOP_DATA)
    return [
        ("laptop sync metadata / data", _percent(*laptop), "<= 25%"),
        ("office sync metadata / synced data", _percent(*office), "<= 25%"),
    ]


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class PushClock:
    """When the last push request of a sync was settled: wall, laptop and office CPU, requests."""

    def __init__(self, office_pid: int, wire: Wire) -> None:
        self.office_pid = office_pid
        self.wire = wire
        self.mark: tuple[float, float, float, int] | None = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage == "push":
            self.mark = (
                time.perf_counter(),
                time.process_time(),
                cpu_seconds(self.office_pid),
                self.wire.requests,
            )


def measure(base: str, folder: Path, office_pid: int) -> list[tuple[str, ...]]:
    signed = sign_in(base, USERNAME, PASSWORD, uuid.uuid4())
    http = requests.Session()
    wire = Wire(http)
    clock = PushClock(office_pid, wire)
    with open_store(folder / "laptop.db", KEY, on_sessionmaker=[install_capture]) as store:
        transport = HttpTransport(base, signed.token, session=http)
        engine = SyncEngine(store.sessions, transport, progress=clock)
        office_cpu = cpu_seconds(office_pid)
        laptop_cpu = time.process_time()
        started = time.perf_counter()
        report = engine.sync()
        initial = time.perf_counter() - started
        laptop_cpu = time.process_time() - laptop_cpu
        office_cpu = cpu_seconds(office_pid) - office_cpu
        assert report.ok, report.message
        with store.read_sessions() as session:
            rows = sum(
                session.scalar(select(func.count()).select_from(model)) or 0
                for table, model in MODELS.items()
                if table not in OFFICE_ONLY
            )
            jobs = list(session.scalars(select(Job.id).limit(EDITS)))
        pulled_requests, pulled_bytes = wire.requests, wire.bytes
        for n, job_id in enumerate(jobs):
            add_advice(store.sessions, job_id, f"offline advice {n}")
        wire.reset()
        before = (time.perf_counter(), time.process_time(), cpu_seconds(office_pid))
        report = engine.sync()
        push = time.perf_counter() - before[0]
        push_cpu = (time.process_time() - before[1], cpu_seconds(office_pid) - before[2])
        assert report.ok, report.message
        assert report.pushed == len(jobs), report
        assert clock.mark is not None
        pushed = [clock.mark[n] - before[n] for n in range(3)]
        push_requests = clock.mark[3]
        engine.sync()
        latencies: list[float] = []
        counts: list[tuple[int, int]] = []
        for _ in range(NOOPS):
            wire.reset()
            started = time.perf_counter()
            assert engine.sync().ok
            latencies.append((time.perf_counter() - started) * 1000)
            counts.append((wire.requests, wire.bytes))
    noop_requests = max(c[0] for c in counts)
    noop_bytes = max(c[1] for c in counts)
    return [
        ("initial sync, seconds", f"{initial:.2f}", "<= 3"),
        ("initial sync, rows", str(rows), "-"),
        ("initial sync, rows/s", f"{rows / initial:,.0f}", ">= 16,000"),
        ("initial sync, requests / MB", f"{pulled_requests} / {pulled_bytes / 1e6:.1f}", ""),
        (
            "initial sync, CPU s laptop + office",
            f"{laptop_cpu:.2f} + {office_cpu:.2f}",
            "-",
        ),
        ("initial sync, rows per CPU s", f"{rows / (laptop_cpu + office_cpu):,.0f}", "-"),
        (
            f"push {len(jobs)} edits, whole sync: s / CPU s laptop + office",
            f"{push:.2f} / {push_cpu[0]:.2f} + {push_cpu[1]:.2f}",
            "<= 2",
        ),
        (
            f"push {len(jobs)} edits: push requests, s / CPU s laptop + office / requests",
            f"{pushed[0]:.2f} / {pushed[1]:.2f} + {pushed[2]:.2f} / {push_requests}",
            "",
        ),
        ("no-op sync, requests", str(noop_requests), "1"),
        ("no-op sync, response bytes", str(noop_bytes), "<= 512"),
        ("no-op sync, p50 ms", f"{pct(latencies, 50):.1f}", "<= 20"),
        ("no-op sync, p95 ms", f"{pct(latencies, 95):.1f}", ""),
    ]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as temp:
        folder = Path(temp)
        database = None
        if os.environ.get("FIELDTECH_BENCH_PG") == "1":
            database = f"ft_bench_{uuid.uuid4().hex[:12]}"
            with psycopg.connect(ADMIN, autocommit=True) as connection:
                connection.execute(f'CREATE DATABASE "{database}"')
            url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{database}"
        else:
            url = f"sqlite:///{folder / 'office.db'}"
        office: subprocess.Popen[bytes] | None = None
        try:
            started = time.perf_counter()
            prepare_office(url)
            print(f"office seeded with {JOBS} jobs in {time.perf_counter() - started:.0f} s")
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                port = int(probe.getsockname()[1])
            office = start_office(url, port)
            base = f"http://127.0.0.1:{port}"
            rows = measure(base, folder, office.pid)
            rows += sizes(url, folder / "laptop.db")
            print(table(rows, ("measure", "value", "target")))
            memory = memory_probe(base)
            store = memory["store_bytes"]
            rows = [
                (
                    "initial sync memory: traced peak / store",
                    f"{memory['traced_peak'] / store:.2f}x ({memory['traced_peak'] / 1e6:.0f} MB)",
                    "<= 2x",
                ),
                (
                    "initial sync memory: RSS growth / store",
                    f"{memory['rss_growth'] / store:.2f}x ({memory['rss_growth'] / 1e6:.0f} MB)",
                    "<= 2x",
                ),
                ("store after initial sync, MB", f"{store / 1e6:.1f}", "-"),
            ]
            kind = "PostgreSQL" if database else "SQLite"
            print(f"office on {kind}, {JOBS} jobs, loopback, {os.cpu_count()} cores")
            print(table(rows, ("measure", "value", "target")))
        finally:
            if office is not None:
                office.terminate()
                office.wait(timeout=30)
            if database is not None:
                with psycopg.connect(ADMIN, autocommit=True) as connection:
                    connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


if __name__ == "__main__":
    main()
