"""Fleet: N technicians syncing once a minute against `fieldtech-office serve --workers 2` on
PostgreSQL; p50/p95/p99 request latency, errors, and the largest fleet that keeps p99 <= 250 ms.

`python -m tests.benchmarks fleet`. Each simulated laptop is a device signed in to the office
(its token row written in bulk, as sign-in would) holding a few jobs of its own. Every minute
each one pushes a few changes (a new advice note and an edit of its job's work done, real
protocol payloads spelled by the store's codec) and pulls until the office has nothing more,
asking for the digest as the app does. The N syncs of a minute are spread evenly over it.

The simulated laptops speak the protocol from one asyncio loop (httpx) in this process, on the
same cores as the office: the figures say how much CPU the load generator itself used.
Settings: FIELDTECH_FLEET_SIZES (comma list, tried in order, default "2000,1000,500,250,100"; the
search stops at the first size that passes), FIELDTECH_FLEET_ROUNDS (syncs per laptop, 2),
FIELDTECH_FLEET_MINUTE (seconds in a simulated minute, 60).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gzip
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg
from sqlalchemy.orm import sessionmaker

from fieldtech.models import AdviceNote, Job
from fieldtech.store.codec import encode_row, encode_value
from sync.protocol.schemas import (
    PROTOCOL_VERSION,
    Mutation,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
)
from sync.server.db import make_engine
from tests.benchmarks.fleet_office import SimulatedLaptop, current_head, prepare
from tests.benchmarks.timing import pct, table

ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
JOBS_EACH = 3
P99_TARGET_MS = 250.0
SIZES = [
    int(s) for s in os.environ.get("FIELDTECH_FLEET_SIZES", "2000,1000,500,250,100").split(",")
]
ROUNDS = int(os.environ.get("FIELDTECH_FLEET_ROUNDS", "2"))
MINUTE = float(os.environ.get("FIELDTECH_FLEET_MINUTE", "60"))
WORKERS = 2
# Syncs in flight at once: httpcore's pool scans every queued request against every connection,
# so thousands queued inside httpx stall the loop; they wait on a semaphore instead.
IN_FLIGHT = 64
MAX_LAG_MS = 1000.0
GIVE_UP_S = 30.0  # a sync that cannot start this late counts as an error (the office fell behind)


@dataclass
class Run:
    size: int
    requests: list[float] = field(default_factory=list)
    syncs: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    wall: float = 0.0
    generator_cpu: float = 0.0
    office_cpu: float = 0.0
    late_ms: float = 0.0

    @property
    def passed(self) -> bool:
        """No errors, p99 within target, and the generator kept its schedule (else the office
        was not offered the load the fleet size says)."""
        kept_up = self.late_ms <= MAX_LAG_MS
        return not self.errors and kept_up and pct(self.requests, 99) <= P99_TARGET_MS


def _body(message: Any) -> tuple[bytes, dict[str, str]]:
    """The request as the laptop's HttpTransport sends it: compact JSON, gzip from 1 KiB."""
    data = json.dumps(message.model_dump(mode="json"), separators=(",", ":")).encode()
    headers = {"Content-Type": "application/json", "Accept-Encoding": "gzip"}
    if len(data) >= 1024:
        data = gzip.compress(data, compresslevel=6, mtime=0)
        headers["Content-Encoding"] = "gzip"
    return data, headers


def _changes(laptop: SimulatedLaptop, round_no: int) -> list[Mutation]:
    """A new advice note and an edit of one job's work done, as the store's capture spells them."""
    now = dt.datetime.now(dt.UTC)
    job_id = laptop.jobs[round_no % len(laptop.jobs)]
    note = AdviceNote(
        id=uuid.uuid4(),
        job_id=job_id,
        text=f"Round {round_no}: descale every six months",
        created_at=now,
        updated_at=now,
    )
    edit = Job(work_done=f"Replaced the drain pump (round {round_no})", updated_at=now)
    return [
        Mutation(
            mutation_id=uuid.uuid4(),
            table="advice_notes",
            record_id=note.id,
            op="insert",
            fields=encode_row(AdviceNote.__mapper__, note),
            base_cursor=laptop.cursor,
            created_at=now,
        ),
        Mutation(
            mutation_id=uuid.uuid4(),
            table="jobs",
            record_id=job_id,
            op="update",
            fields={k: encode_value(getattr(edit, k)) for k in ("work_done", "updated_at")},
            base_cursor=laptop.cursor,
            created_at=now,
        ),
    ]


async def _post(
    client: httpx.AsyncClient, run: Run, laptop: SimulatedLaptop, path: str, message: Any
) -> dict[str, Any] | None:
    data, headers = _body(message)
    headers["Authorization"] = f"Bearer {laptop.token}"
    started = time.perf_counter()
    try:
        response = await client.post(path, content=data, headers=headers)
    except httpx.HTTPError as failure:
        run.errors.append(f"{path}: {type(failure).__name__}")
        return None
    run.requests.append((time.perf_counter() - started) * 1000)
    if response.status_code != 200:
        run.errors.append(f"{path}: HTTP {response.status_code} {response.text[:120]}")
        return None
    answer: dict[str, Any] = response.json()
    return answer


async def _sync(client: httpx.AsyncClient, run: Run, laptop: SimulatedLaptop, n: int) -> None:
    started = time.perf_counter()
    push = PushRequest(protocol=PROTOCOL_VERSION, mutations=_changes(laptop, n))
    answer = await _post(client, run, laptop, "/api/v1/sync/push", push)
    if answer is None:
        return
    pushed = PushResponse.model_validate(answer)
    refused = [r.reason for r in pushed.results if r.status != "applied"]
    if refused:
        run.errors.append(f"push refused: {refused}")
    for _ in range(100):
        laptop.sequence += 1
        pull = PullRequest(
            protocol=PROTOCOL_VERSION,
            sequence=laptop.sequence,
            cursor=laptop.cursor,
            received=[uuid.UUID(j) for j in laptop.received],
            want_digest=True,
        )
        answer = await _post(client, run, laptop, "/api/v1/sync/pull", pull)
        if answer is None:
            return
        page = PullResponse.model_validate(answer)
        laptop.cursor = page.cursor
        laptop.received = [str(j) for j in page.jobs]
        if page.digests is not None or (not page.has_more and not page.jobs):
            break
    run.syncs.append((time.perf_counter() - started) * 1000)


def _cpu_seconds(pid: int) -> float:
    """User plus system CPU of a process and its children (uvicorn's workers)."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.name) == pid or int(fields[1]) == pid:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


async def _drive(
    base: str,
    fleet: list[SimulatedLaptop],
    office_pid: int,
    rounds: int = ROUNDS,
    minute: float = MINUTE,
) -> Run:
    run = Run(size=len(fleet))
    spacing = minute / len(fleet)
    # Idle connections are dropped before uvicorn's 5 s keep-alive ends, so a request never goes
    # out on a connection the office is closing at that moment.
    limits = httpx.Limits(
        max_connections=IN_FLIGHT, max_keepalive_connections=IN_FLIGHT, keepalive_expiry=4.0
    )
    gate = asyncio.Semaphore(IN_FLIGHT)
    async with httpx.AsyncClient(base_url=base, timeout=30.0, limits=limits) as client:
        loop = asyncio.get_running_loop()
        start = loop.time() + 1.0
        lateness: list[float] = []

        async def one(laptop: SimulatedLaptop, round_no: int, at: float) -> None:
            await asyncio.sleep(max(0.0, at - loop.time()))
            async with gate:
                lag = loop.time() - at
                lateness.append(lag * 1000)
                if lag > GIVE_UP_S:
                    run.errors.append(f"sync not started within {GIVE_UP_S:.0f} s of its minute")
                    return
                await _sync(client, run, laptop, round_no)

        cpu, office, wall = time.process_time(), _cpu_seconds(office_pid), time.perf_counter()
        tasks = [
            one(laptop, r, start + (r * len(fleet) + i) * spacing)
            for r in range(rounds)
            for i, laptop in enumerate(fleet)
        ]
        await asyncio.gather(*tasks)
        run.wall = time.perf_counter() - wall
        run.generator_cpu = time.process_time() - cpu
        run.office_cpu = _cpu_seconds(office_pid) - office
        run.late_ms = pct(lateness, 99)
    return run


def _start_office(url: str) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    command = [sys.executable, "-m", "sync.server.cli", "--database-url", url, "serve"]
    office = subprocess.Popen(
        [*command, "--port", str(port), "--workers", str(WORKERS)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if office.poll() is not None:
            raise SystemExit("the office stopped at start")
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return office, base
        except httpx.HTTPError:
            time.sleep(0.3)
    office.terminate()
    raise SystemExit("the office did not answer /healthz within 180 s")


def _row(run: Run) -> tuple[str, ...]:
    return (
        f"{run.size:,}",
        str(len(run.syncs)),
        str(len(run.requests)),
        f"{pct(run.requests, 50):.0f} / {pct(run.requests, 95):.0f} / {pct(run.requests, 99):.0f}",
        f"{pct(run.syncs, 50):.0f} / {pct(run.syncs, 99):.0f}" if run.syncs else "-",
        str(len(run.errors)),
        f"{run.office_cpu / run.wall * 100:.0f}%",
        f"{run.generator_cpu / run.wall * 100:.0f}%",
        f"{run.late_ms:.0f}",
        "yes" if run.passed else "no",
    )


def main() -> None:
    database = f"ft_fleet_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(ADMIN, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{database}"')
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{database}"
    office: subprocess.Popen[bytes] | None = None
    runs: list[Run] = []
    try:
        started = time.perf_counter()
        fleet = prepare(url, max(SIZES), JOBS_EACH)
        print(
            f"office seeded: {max(SIZES):,} technicians, {JOBS_EACH} jobs each, "
            f"in {time.perf_counter() - started:.0f} s",
            flush=True,
        )
        office, base = _start_office(url)
        engine = make_engine(url)
        # Warm-up, not reported: both workers import their lazy modules and fill their pools.
        asyncio.run(_drive(base, fleet[:20], office.pid, rounds=1, minute=5.0))
        for size in SIZES:
            head = current_head(sessionmaker(engine))
            for laptop in fleet:  # each laptop synced just before the measured minutes
                laptop.cursor, laptop.received = head, []
            run = asyncio.run(_drive(base, fleet[:size], office.pid))
            runs.append(run)
            print(table([_row(run)], HEADER), flush=True)
            for error in sorted(set(run.errors))[:5]:
                print(f"  error: {error}")
            if run.passed:
                break
        engine.dispose()
    finally:
        if office is not None:
            office.terminate()
            office.wait(timeout=30)
        with psycopg.connect(ADMIN, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    print(
        f"\noffice on PostgreSQL, {WORKERS} workers, {os.cpu_count()} cores shared with the "
        f"load generator; {ROUNDS} syncs per technician, a minute is {MINUTE:.0f} s"
    )
    print(table([_row(r) for r in runs], HEADER))
    passing = [r.size for r in runs if r.passed]
    print(
        f"largest fleet tried with p99 <= {P99_TARGET_MS:.0f} ms and 0 errors: {max(passing):,}"
        if passing
        else "no fleet size tried met the target"
    )


HEADER = (
    "technicians",
    "syncs",
    "requests",
    "request p50/p95/p99 ms",
    "sync p50/p99 ms",
    "errors",
    "office CPU",
    "generator CPU",
    "start lag p99 ms",
    "p99 <= 250 ms, 0 errors",
)


if __name__ == "__main__":
    main()
