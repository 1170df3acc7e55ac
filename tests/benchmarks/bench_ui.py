"""The desktop app at 50,000 jobs, offscreen: cold start, search, stalls during a first sync, memory.

`python -m tests.benchmarks ui`. FIELDTECH_BENCH_JOBS sets the store size (50,000, the store
benchmark's cached store is reused); FIELDTECH_BENCH_UI_SYNC_JOBS the office scope synced while
the event loop is watched (10,000; 0 skips that part); FIELDTECH_BENCH_RUNS the cold starts (7).

Each figure comes from the real app (`ui.main_window.launch`, the `fieldtech` command's path)
in a new process driven by `tests/benchmarks/ui_driver.py`. Cold start counts from the moment
the parent starts the process (interpreter start and imports included, the app's modules
byte-compiled as an installed app ships them) until the "Today" list shows its rows; the
baseline, measured in the same run, is a bare PySide6 window with a table of 100 rows. Search
counts from the last keystroke of a query typed at a brisk pace until the first page of
results is on screen.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import select

from fieldtech.models import Customer, CustomerItem, Job
from fieldtech.store.engine import open_store
from fieldtech.store.paths import profile_dir, store_path
from fieldtech.usecases.device import put_setting
from sync.client.credentials import KEY_FILE, CredentialStore
from sync.client.signin import sign_in
from tests.benchmarks import bench_store, bench_sync
from tests.benchmarks.timing import median, pct, table
from ui.commands.sync import SERVER_SETTING
from ui.profile import open_store_for, set_current_user

RUNS = int(os.environ.get("FIELDTECH_BENCH_RUNS", "7"))
SYNC_JOBS = int(os.environ.get("FIELDTECH_BENCH_UI_SYNC_JOBS", "10000"))
DRIVER = Path(__file__).with_name("ui_driver.py")
ROOT = Path(__file__).resolve().parents[2]
USER = "tech.bench"


def drive(mode: str, fieldtech_args: list[str], *extra: str) -> list[dict[str, object]]:
    """Run the driver in a new process and return the figures it printed."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FIELDTECH_INSECURE_KEY_FILE": "1"}
    env["PYTHONPATH"] = str(ROOT)
    spawned = time.time()
    done = subprocess.run(
        [sys.executable, str(DRIVER), repr(spawned), mode, *extra, "--", *fieldtech_args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=3600,
    )
    figures = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not figures:
        raise SystemExit(f"the app driver failed ({mode}):\n{done.stdout}\n{done.stderr[-3000:]}")
    return figures


def profile_with_store(folder: Path, seeded: Path) -> list[str]:
    """A data folder whose technician's store is the seeded one, its key in the opt-in file."""
    data = folder / "data"
    profile = profile_dir(data, USER)
    profile.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(seeded, store_path(profile))
    key_file = profile / KEY_FILE
    key_file.write_text(bench_store.KEY.hex(), encoding="ascii")
    key_file.chmod(0o600)
    (data / "current").write_text(USER + "\n", encoding="utf-8")
    open_store(store_path(profile), bench_store.KEY).close()  # migrations run before timing
    return ["--data-dir", str(data), "--user", USER, "--insecure-key-file"]


def queries(seeded: Path) -> list[str]:
    """What a technician types: part of a ticket, a phone number, a serial, a model, a name."""
    with open_store(seeded, bench_store.KEY) as store, store.read_sessions() as session:
        ticket, phone, name = session.execute(
            select(Job.ticket_number, Customer.phone, Customer.name)
            .join(Customer, Customer.id == Job.customer_id)
            .order_by(Job.created_at)
            .limit(1)
            .offset(1234)
        ).one()
        serial, model = session.execute(
            select(CustomerItem.serial, CustomerItem.model).limit(1).offset(4321)
        ).one()
    return [ticket[:9], phone[-7:], serial or "SN2025", (model or "XQG")[:6], name[:3]]


def cold_starts(args: list[str]) -> list[tuple[str, ...]]:
    app_ms: list[float] = []
    bare_ms: list[float] = []
    rss: list[float] = []
    for _ in range(RUNS):  # alternate, so load from other processes falls on both alike
        figures = drive("start", args)
        app_ms.append(float(figures[0]["start_ms"]))  # type: ignore[arg-type]
        rss.append(float(figures[-1]["rss_mib"]))  # type: ignore[arg-type]
        bare_ms.append(float(drive("bare", [])[0]["start_ms"]))  # type: ignore[arg-type]
    return [
        (
            "cold start to a populated main window",
            f"{median(app_ms):.0f}",
            f"{pct(app_ms, 90):.0f}",
            "1500",
        ),
        (
            "bare PySide6 window with a 100-row table",
            f"{median(bare_ms):.0f}",
            f"{pct(bare_ms, 90):.0f}",
            "-",
        ),
        ("ratio to the bare window", f"{median(app_ms) / median(bare_ms):.2f}x", "-", "-"),
        ("resident memory after start (MiB)", f"{median(rss):.0f}", f"{max(rss):.0f}", "300"),
    ]


def searches(args: list[str], typed: list[str]) -> list[tuple[str, ...]]:
    figures = drive("search", args, "--queries", json.dumps(typed))
    timed = [f for f in figures if "query" in f]
    times = [float(f["ms"]) for f in timed]  # type: ignore[arg-type]
    rows = [
        (f"search '{f['query']}' ({f['found']} found)", f"{float(f['ms']):.0f}", "-", "100")  # type: ignore[arg-type]
        for f in timed
    ]
    rows.append(("search, median / worst", f"{median(times):.0f}", f"{max(times):.0f}", "100"))
    rows.append(
        (
            "resident memory after searching (MiB)",
            f"{float(figures[-1]['rss_mib']):.0f}",
            "-",
            "300",
        )
    )  # type: ignore[arg-type]
    return rows


def signed_in_without_sync(data: Path, server: str) -> None:
    """What `fieldtech signin` leaves before its first sync: a token, a new store, the address."""
    signed = sign_in(server, bench_sync.USERNAME, bench_sync.PASSWORD, uuid.uuid4())
    profile = profile_dir(data, bench_sync.USERNAME)
    profile.mkdir(parents=True)
    CredentialStore(insecure_key_file=True).set_device_token(profile, signed.token)
    set_current_user(data, bench_sync.USERNAME)
    chosen = argparse.Namespace(
        data_dir=str(data), user=bench_sync.USERNAME, insecure_key_file=True
    )
    with (
        open_store_for(chosen, create_user=bench_sync.USERNAME) as store,
        store.sessions.begin() as session,
    ):
        put_setting(session, SERVER_SETTING, server)


def sync_stalls(folder: Path) -> list[tuple[str, ...]]:
    """Sign a new profile in to a seeded office and watch the event loop during its first sync."""
    bench_sync.JOBS = SYNC_JOBS
    url = f"sqlite:///{folder / 'office.db'}"
    bench_sync.prepare_office(url)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    office = bench_sync.start_office(url, port)
    try:
        data = folder / "fresh"
        args = ["--data-dir", str(data), "--user", bench_sync.USERNAME, "--insecure-key-file"]
        signed_in_without_sync(data, f"http://127.0.0.1:{port}")
        figures = drive("sync", args)
    finally:
        office.terminate()
        office.wait(timeout=30)
    sync = next(f for f in figures if "stall_max_ms" in f)
    return [
        (
            f"first sync of {SYNC_JOBS} jobs in the app (s)",
            f"{float(sync['sync_s']):.1f}",
            "-",
            "-",
        ),  # type: ignore[arg-type]
        ("  outcome", str(sync["state"]), "-", "-"),
        ("  longest event-loop stall (ms)", f"{float(sync['stall_max_ms']):.0f}", "-", "50"),  # type: ignore[arg-type]
        (
            "  99th percentile heartbeat lateness (ms)",
            f"{float(sync['stall_p99_ms']):.1f}",
            "-",
            "-",
        ),  # type: ignore[arg-type]
        (
            "  resident memory after the sync (MiB)",
            f"{float(figures[-1]['rss_mib']):.0f}",
            "-",
            "300",
        ),  # type: ignore[arg-type]
    ]


def compile_sources() -> None:
    """Byte-compile the app's own modules, as an installed app ships them: where
    PYTHONDONTWRITEBYTECODE is set, every start would otherwise compile them from source."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "fieldtech", "sync", "ui", "tests/benchmarks"],
        cwd=ROOT,
        check=True,
    )


def main() -> None:
    compile_sources()
    cache = Path(tempfile.gettempdir()) / "fieldtech-bench"
    cache.mkdir(exist_ok=True)
    print(f"seeding/reusing a store of {bench_store.JOBS} jobs in {cache} ...", flush=True)
    seeded = bench_store.seeded_store(cache)
    with tempfile.TemporaryDirectory(prefix="bench-ui-") as temp:
        folder = Path(temp)
        args = profile_with_store(folder, seeded)
        rows = cold_starts(args)
        rows += searches(args, queries(seeded))
        if SYNC_JOBS:
            rows += sync_stalls(folder)
    print(
        f"{bench_store.JOBS} jobs in the store, offscreen, {os.cpu_count()} cores; "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    print(table(rows, ("figure", "median / value", "p90 / worst", "target")))


if __name__ == "__main__":
    main()
