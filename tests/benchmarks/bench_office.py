"""The office on PostgreSQL with a million jobs: the jobs list, the figures page, ticket numbers.

`python -m tests.benchmarks office`. The seeded database is kept (tests/benchmarks/office_seed.py),
so only the first run pays for seeding. Page times are in-process requests through the whole
FastAPI stack (routing, session cookie, queries, template), so they are server time plus well
under a millisecond of test client; each is also shown as a ratio to `/healthz` measured in the
same run. Ticket numbers: two processes issue 500 each at once, one transaction per number.
"""

from __future__ import annotations

import datetime as dt
import html
import multiprocessing
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi.testclient import TestClient
from sqlalchemy import delete, select

from fieldtech.domain.enums import JobCategory, JobStatus
from fieldtech.models import Job, Technician
from fieldtech.rules.numbering import format_ticket
from sync.server.app import create_app
from sync.server.db import make_engine, make_sessionmaker
from sync.server.models import Role, TicketCounter, User
from sync.server.routes.pages_params import job_key_text
from sync.server.settings import Settings
from sync.server.tickets import reserve_numbers
from sync.server.users import create_user
from tests.benchmarks.office_seed import DATABASE, ensure_seeded
from tests.benchmarks.timing import pct, table

RUNS = 30
WARM_UP = 3
PASSWORD = "bench password 1"
TICKET_MONTH = "209901"
TICKETS_PER_PROCESS = 500


def _admin(client: TestClient) -> None:
    sessions = client.app.state.sessionmaker  # type: ignore[attr-defined]
    with sessions() as session:
        if session.scalar(select(User.id).where(User.username == "bench.admin")) is None:
            create_user(session, "bench.admin", Role.ADMIN, PASSWORD)
            session.commit()
    signed = client.post("/api/v1/session", json={"username": "bench.admin", "password": PASSWORD})
    assert signed.status_code == 201, signed.text


def _technician(client: TestClient) -> str:
    sessions = client.app.state.sessionmaker  # type: ignore[attr-defined]
    with sessions() as session:
        found = session.scalar(select(Technician.id).where(Technician.username == "tech7"))
    return str(found)


def _database_cpu_ms() -> float:
    """CPU the PostgreSQL backends serving the benchmark database have used so far, in ms (from
    /proc: their process titles name the database). Parallel workers that have exited are not
    counted; the benchmark's queries rarely start any."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            title = (proc / "cmdline").read_bytes().decode(errors="replace")
            if not title.startswith("postgres:") or f" {DATABASE} " not in title:
                continue
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total * 1000 / tick


def _time(client: TestClient, path: str, runs: int = RUNS) -> tuple[list[float], list[float]]:
    """Wall times of `runs` requests and the CPU each used, this process's and the database
    backends' together, in ms: under a shared machine's load, CPU is the steadier figure."""
    walls: list[float] = []
    cpu: list[float] = []
    for run in range(WARM_UP + runs):
        mine, database = time.process_time(), _database_cpu_ms()
        started = time.perf_counter()
        response = client.get(path)
        wall = (time.perf_counter() - started) * 1000
        used = (time.process_time() - mine) * 1000 + _database_cpu_ms() - database
        assert response.status_code == 200, (path, response.status_code, response.text[:300])
        if run >= WARM_UP:
            walls.append(wall)
            cpu.append(used)
    return walls, cpu


def _row(
    label: str, timed: tuple[list[float], list[float]], baseline: float, limit: float | None
) -> tuple[str, ...]:
    times, cpu = timed
    p95 = pct(times, 95)
    verdict = "" if limit is None else ("ok" if p95 <= limit else f"over {limit:.0f} ms")
    return (
        label,
        f"{pct(times, 50):.1f}",
        f"{p95:.1f}",
        f"{pct(times, 99):.1f}",
        f"{pct(cpu, 50):.1f}",
        f"{pct(times, 50) / baseline:.0f}x",
        verdict,
    )


def _next_link(client: TestClient, path: str) -> str:
    """The page's Next link, which carries the last job's place in the list."""
    found = re.search(r'href="([^"]*after=[^"]*)"', client.get(path).text)
    assert found, f"{path} has no Next link"
    return html.unescape(found.group(1))


def _deep_key(client: TestClient) -> str:
    """The place of a closed product-fault job from May 2025, as a Next link carries it."""
    sessions = client.app.state.sessionmaker  # type: ignore[attr-defined]
    with sessions() as session:
        job = session.execute(
            select(Job.created_at, Job.id)
            .where(
                Job.status == JobStatus.CLOSED,
                Job.category == JobCategory.PRODUCT_FAULT,
                Job.created_at < dt.datetime(2025, 6, 1, tzinfo=dt.UTC),
            )
            .order_by(Job.created_at.desc(), Job.id)
            .limit(1)
        ).one()
    return job_key_text(job.created_at, job.id)


def pages(url: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings(
            database_url=url, timezone="Asia/Shanghai", attachments_dir=Path(scratch)
        )
        with TestClient(create_app(settings), base_url="https://testserver") as client:
            _admin(client)
            technician = _technician(client)
            closed = "/jobs?job_status=closed&category=product_fault"
            past_count = _next_link(client, f"{closed}&page=40")
            deep = f"{closed}&page=2000&after={quote(_deep_key(client))}"
            health = pct(_time(client, "/healthz")[0], 50)
            cases: list[tuple[str, str, float | None]] = [
                ("jobs page, newest, page 1", "/jobs", 100),
                (
                    "jobs page, closed + product fault, page 1",
                    "/jobs?job_status=closed&category=product_fault",
                    100,
                ),
                (
                    "jobs page, closed + product fault, page 40 (last the pager offers)",
                    "/jobs?job_status=closed&category=product_fault&page=40",
                    100,
                ),
                (
                    "jobs page, closed + product fault, page 2,000 (typed in the address)",
                    "/jobs?job_status=closed&category=product_fault&page=2000",
                    None,
                ),
                (
                    "jobs page, closed + product fault, page 41 (Next, past the count)",
                    past_count,
                    100,
                ),
                ("jobs page, closed + product fault, Next from a job of May 2025", deep, 100),
                ("jobs page, status assigned", "/jobs?job_status=assigned", 100),
                ("jobs page, urgency major", "/jobs?urgency=major&page=3", 100),
                (
                    "API jobs, technician + October, page 2",
                    f"/api/v1/jobs?technician_id={technician}&created_from=2026-10-01"
                    "&created_to=2026-10-31&page=2",
                    100,
                ),
                ("jobs page, search a ticket number", "/jobs?q=202611-0999", None),
                ("jobs page, search a phone", "/jobs?q=13800012345", None),
                ("figures page, October 2026", "/figures?start=2026-10-01&end=2026-10-31", 500),
                (
                    "figures API, October 2026",
                    "/api/v1/figures?start=2026-10-01&end=2026-10-31",
                    500,
                ),
                ("follow-up calls page, due today, page 1", "/follow-ups", 100),
                (
                    "follow-up calls page, due today, page 8 (last the pager offers)",
                    "/follow-ups?page=8",
                    100,
                ),
                (
                    "API follow-up calls, due 2026-11-01",
                    "/api/v1/follow-ups/due?due_by=2026-11-01",
                    100,
                ),
            ]
            rows: list[tuple[str, ...]] = [
                ("/healthz (baseline)", *(f"{health:.1f}",) * 3, "", "1x", "")
            ]
            for label, path, limit in cases:
                runs = 10 if limit is None or limit > 100 else RUNS
                rows.append(_row(label, _time(client, path, runs), health, limit))
                print(rows[-1][0], rows[-1][1:], flush=True)
    print()
    header = ("request", "p50 ms", "p95 ms", "p99 ms", "CPU p50 ms", "vs healthz", "target")
    print("CPU: this process and the database's backends together, per request")
    print(table(rows, header))


def _issue(url: str, count: int, start_at: float, out: Any) -> None:
    """One process: `count` ticket numbers, each in its own transaction, as intake issues them."""
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    numbers = []
    while time.time() < start_at:
        time.sleep(0.001)
    started = time.perf_counter()
    for _ in range(count):
        with sessions.begin() as session:
            number = reserve_numbers(session, TICKET_MONTH).start
        numbers.append(format_ticket(TICKET_MONTH, number))
    out.put((numbers, time.perf_counter() - started))
    engine.dispose()


def _reset_counter(url: str) -> None:
    engine = make_engine(url)
    with make_sessionmaker(engine).begin() as session:
        session.execute(delete(TicketCounter).where(TicketCounter.month == TICKET_MONTH))
    engine.dispose()


def _run_issuers(url: str, processes: int) -> tuple[list[str], float]:
    _reset_counter(url)
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    start_at = time.time() + 3
    workers = [
        context.Process(target=_issue, args=(url, TICKETS_PER_PROCESS, start_at, queue))
        for _ in range(processes)
    ]
    for worker in workers:
        worker.start()
    results = [queue.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join()
    numbers = [n for batch, _ in results for n in batch]
    return numbers, max(elapsed for _, elapsed in results)


def tickets(url: str) -> None:
    alone, alone_s = _run_issuers(url, 1)
    both, both_s = _run_issuers(url, 2)
    duplicates = len(both) - len(set(both))
    expected = {format_ticket(TICKET_MONTH, n) for n in range(1, 2 * TICKETS_PER_PROCESS + 1)}
    print()
    rows: list[tuple[str, ...]] = [
        (
            "1 process (baseline)",
            f"{len(alone):,}",
            f"{len(alone) / alone_s:,.0f}",
            str(len(alone) - len(set(alone))),
            "",
        ),
        (
            "2 processes at once",
            f"{len(both):,}",
            f"{len(both) / both_s:,.0f}",
            str(duplicates),
            "yes" if set(both) == expected else "NO",
        ),
    ]
    print(table(rows, ("ticket numbers", "issued", "per second", "duplicates", "no gaps")))
    assert duplicates == 0, f"{duplicates} duplicate ticket numbers"
    assert set(both) == expected, "the two processes left a gap or went past the count"


def main() -> None:
    started = dt.datetime.now(dt.UTC)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average before the run: {load} ({os.cpu_count()} cores)")
    url = ensure_seeded()
    pages(url)
    # FIELDTECH_BENCH_OFFICE=pages: only the page times, when the ticket numbers are not in question.
    if os.environ.get("FIELDTECH_BENCH_OFFICE") != "pages":
        tickets(url)
    print(f"\noffice benchmark took {(dt.datetime.now(dt.UTC) - started).total_seconds():.0f} s")


if __name__ == "__main__":
    main()
