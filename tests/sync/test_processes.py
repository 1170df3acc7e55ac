"""Real processes: `fieldtech-office serve` on PostgreSQL and `fieldtech sync` subprocesses killed
with SIGKILL mid-push and mid-pull, the office killed mid-apply, and a proxy that cuts responses.

Counts are small by default so the file stays well under two minutes on two cores; raise them with
FIELDTECH_PROC_CHANGES, FIELDTECH_PROC_JOBS and FIELDTECH_PROC_ROUNDS for longer runs.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
import requests
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from fieldtech.models import AdviceNote, Job
from fieldtech.models.syncstate import OutboxEntry
from fieldtech.store.engine import Store
from fieldtech.usecases.visit import add_advice
from sync.server.db import make_engine, make_sessionmaker
from sync.server.models import Device, User
from sync.server.replication.pull import should_hold
from sync.server.replication.scope import DeviceContext, held_jobs, scope_jobs
from tests.sync.replication.simulation import laptop_rows
from tests.tools import need_postgres
from ui.commands.sync import SERVER_SETTING
from ui.profile import open_store_for

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

CHANGES = int(os.environ.get("FIELDTECH_PROC_CHANGES", "300"))
JOBS = int(os.environ.get("FIELDTECH_PROC_JOBS", "400"))
ROUNDS = int(os.environ.get("FIELDTECH_PROC_ROUNDS", "4"))
ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
TECH = "tech.proc"
CLERK = "clerk.proc"
PASSWORD = "process test password"
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _env() -> dict[str, str]:
    return {**os.environ, "FIELDTECH_INSECURE_KEY_FILE": "1", "PYTHONPATH": str(ROOT)}


def office_command(url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "sync.server.cli", "--database-url", url, *args]


@dataclass
class Office:
    """One `fieldtech-office serve` process; restartable on the same database and port."""

    url: str
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = office_command(self.url, "serve", "--port", str(self.port))
        self.process = subprocess.Popen(command, env=_env(), cwd=ROOT, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "the office stopped at start"
            try:
                if requests.get(self.base + "/healthz", timeout=1).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise AssertionError("the office did not answer /healthz within 60 s")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)
        self.process = None


@dataclass
class World:
    """An office on a fresh PostgreSQL database, a clerk's API session, one signed-in laptop."""

    office: Office
    laptop: Path
    sessions: sessionmaker[Session]
    clerk: requests.Session
    technician_id: str
    created: set[uuid.UUID] = field(default_factory=set)

    def fieldtech(self, *args: str, stdin: str | None = None) -> subprocess.Popen[str]:
        command = [sys.executable, "-m", "ui.cli", "--data-dir", str(self.laptop)]
        command += ["--insecure-key-file", *args]
        return subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
            cwd=ROOT,
            start_new_session=True,
        )

    def sync(self) -> int:
        process = self.fieldtech("sync")
        _, err = process.communicate(timeout=120)
        if process.returncode != 0:
            print(err, file=sys.stderr)
        return process.returncode

    def store(self) -> Store:
        args = argparse.Namespace(data_dir=str(self.laptop), insecure_key_file=True, user=TECH)
        return open_store_for(args)

    def assign_jobs(self, count: int) -> None:
        start = dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)
        for n in range(count):
            created = self.clerk.post(self.office.base + "/api/v1/jobs", json=_intake(n))
            assert created.status_code == 201, created.text
            job = created.json()
            assigned = self.clerk.post(
                f"{self.office.base}/api/v1/jobs/{job['id']}/assign",
                json={
                    "expected_updated_at": job["updated_at"],
                    "technician_id": self.technician_id,
                    "appointment_start": start.isoformat(),
                    "appointment_end": (start + dt.timedelta(hours=2)).isoformat(),
                },
            )
            assert assigned.status_code == 200, assigned.text

    def write_offline(self, count: int) -> None:
        """`count` advice notes through the real use case, spread over the laptop's jobs."""
        with self.store() as store:
            with store.read_sessions() as session:
                jobs = list(session.scalars(select(Job.id).order_by(Job.id)))
            assert jobs, "the laptop holds no job to work on"
            for n in range(count):
                note = add_advice(store.sessions, jobs[n % len(jobs)], f"advice {n}")
                self.created.add(note.id)

    def point_at(self, base: str) -> None:
        with self.store() as store, store.sessions.begin() as session:
            from fieldtech.usecases.device import put_setting

            put_setting(session, SERVER_SETTING, base)


def _intake(n: int) -> dict[str, object]:
    return {
        "customer": {"name": f"Customer {n}", "phone": "+86 138 0000 0000", "address": "1 Road"},
        "item": {"brand": "Acme", "model": "WM-800", "serial": f"SN{n}", "purchase_date": None},
        "fault_description": "drum does not turn",
        "channel": "phone",
        "category": "product_fault",
        "sub_category": "noise",
        "urgency": "normal",
        "preferred_time": "",
    }


def _admin(statement: str) -> None:
    with psycopg.connect(ADMIN, autocommit=True) as connection:
        connection.execute(statement)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    need_postgres()
    name = f"ft_proc_{uuid.uuid4().hex[:16]}"
    _admin(f'CREATE DATABASE "{name}"')
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    office = Office(url)
    engine = make_engine(url)
    try:
        subprocess.run(
            office_command(url, "init"), env=_env(), cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )
        for user, role in ((TECH, "technician"), (CLERK, "office")):
            subprocess.run(
                office_command(url, "user", "add", user, "--role", role),
                input=PASSWORD + "\n",
                text=True,
                env=_env(),
                cwd=ROOT,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        office.start()
        clerk = requests.Session()
        signin = clerk.post(
            office.base + "/api/v1/devices/signin",
            json={
                "username": CLERK,
                "password": PASSWORD,
                "device_id": str(uuid.uuid4()),
                "device_name": "front desk",
                "app_version": "1.0.0",
            },
        )
        assert signin.status_code == 201, signin.text
        clerk.headers["Authorization"] = f"Bearer {signin.json()['token']}"
        sessions = make_sessionmaker(engine)
        with sessions() as session:
            tech = session.scalar(select(User.technician_id).where(User.username == TECH))
        world = World(office, tmp_path / "laptop", sessions, clerk, str(tech))
        process = world.fieldtech("signin", "--server", office.base, "--user", TECH)
        _, err = process.communicate(PASSWORD + "\n", timeout=120)
        assert process.returncode == 0, err
        yield world
        clerk.close()
    finally:
        office.kill()
        engine.dispose()
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def kill_at_random(
    world: World,
    rng: random.Random,
    rounds: int,
    most: float,
    seen: list[int] | None = None,
    least: float = 0.2,
) -> int:
    """Starts `fieldtech sync` and SIGKILLs it after a random delay, `rounds` times; returns how
    many runs were killed before they finished (the rest completed first). After each round the
    office's count of advice notes goes into `seen`, to show where the kills landed."""
    killed = 0
    for _ in range(rounds):
        process = world.fieldtech("sync")
        try:
            process.wait(timeout=rng.uniform(least, most))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            killed += 1
        process.wait(timeout=30)
        process.communicate(timeout=30)
        if seen is not None:
            with world.sessions() as session:
                seen.append(session.scalar(select(func.count()).select_from(AdviceNote)) or 0)
    return killed


def kill_once_jobs_arrive(world: World) -> int:
    """Starts `fieldtech sync` and SIGKILLs it as soon as the office hears that the laptop
    committed its first page of jobs (the acks ride on the next page's request), so the kill lands
    between pages; returns how many jobs the laptop then holds."""
    with world.sessions() as session:
        device_id = laptop_device(session)
    process = world.fieldtech("sync")
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        with world.sessions() as session:
            if held_jobs(session, device_id):
                break
        time.sleep(0.02)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate(timeout=30)
    with world.store() as store, store.read_sessions() as session:
        return session.scalar(select(func.count()).select_from(Job)) or 0


def laptop_device(session: Session) -> uuid.UUID:
    device_id = session.scalar(
        select(Device.id).join(User, User.id == Device.user_id).where(User.username == TECH)
    )
    assert device_id is not None
    return device_id


def assert_converged(world: World) -> None:
    """The laptop holds exactly the office's view of its scope, nothing waits to be sent, and each
    note written offline is at the office exactly once."""
    with world.sessions() as session:
        device_id = laptop_device(session)
        ctx = DeviceContext(device_id=device_id, technician_id=uuid.UUID(world.technician_id))
        scope = scope_jobs(session, ctx.technician_id)
        assert held_jobs(session, device_id) == scope
        expected = {(s.table, s.record_id): s.fields for s in should_hold(session, ctx, scope)}
        notes = session.scalar(select(func.count()).select_from(AdviceNote))
        note_ids = set(session.scalars(select(AdviceNote.id)))
    assert notes == len(world.created), f"{notes} notes at the office, {len(world.created)} written"
    assert note_ids == world.created
    with world.store() as store, store.read_sessions() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 0
        actual = laptop_rows(session)
    assert actual.keys() == expected.keys()
    for key, fields in expected.items():
        assert actual[key] == fields, f"{key} differs"


def test_client_killed_mid_push_resumes_exactly_once(world: World) -> None:
    world.assign_jobs(10)
    assert world.sync() == 0
    world.write_offline(CHANGES)
    rng = random.Random(1)
    seen: list[int] = []
    killed = kill_at_random(world, rng, ROUNDS, most=2.5, seen=seen)
    assert killed >= 1, "no run was interrupted: the kill window missed the push"
    print(f"office notes after each killed run: {seen}")
    assert world.sync() == 0
    assert_converged(world)


def test_client_killed_mid_pull_ends_with_office_jobs(world: World) -> None:
    world.assign_jobs(JOBS)
    held: list[int] = []
    for _ in range(ROUNDS):
        held.append(kill_once_jobs_arrive(world))
        if 0 < held[-1] < JOBS:
            break
    print(f"jobs on the laptop after each killed run: {held}")
    assert any(0 < n < JOBS for n in held), f"no kill landed mid-pull: {held}"
    assert world.sync() == 0
    with world.store() as store, store.read_sessions() as session:
        laptop_jobs = set(session.scalars(select(Job.id)))
    with world.sessions() as session:
        office_jobs = scope_jobs(session, uuid.UUID(world.technician_id))
    assert len(office_jobs) == JOBS
    assert laptop_jobs == office_jobs
    assert_converged(world)


def test_office_killed_mid_apply_converges_after_restart(world: World) -> None:
    world.assign_jobs(10)
    assert world.sync() == 0
    rng = random.Random(3)
    for _ in range(max(2, ROUNDS // 2)):
        world.write_offline(CHANGES // 2)
        process = world.fieldtech("sync")
        time.sleep(rng.uniform(0.8, 2.0))
        world.office.kill()
        process.communicate(timeout=120)
        world.office.start()
    assert world.sync() == 0
    assert_converged(world)


class CuttingProxy:
    """Loopback TCP proxy that passes requests whole and cuts a share of responses part-way."""

    def __init__(self, upstream: int, cut_share: float, seed: int) -> None:
        self.upstream = upstream
        self.cut_share = cut_share
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.cuts = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.port = int(self.listener.getsockname()[1])
        self.stopping = threading.Event()
        self.threads: list[threading.Thread] = []
        self.acceptor = threading.Thread(target=self._accept, daemon=True)

    def __enter__(self) -> CuttingProxy:
        self.acceptor.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.acceptor.join(timeout=5)
        for thread in self.threads:
            thread.join(timeout=5)
        self.listener.close()

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            with self.lock:
                budget = self.rng.randint(0, 4000) if self.rng.random() < self.cut_share else -1
            thread = threading.Thread(target=self._serve, args=(client, budget), daemon=True)
            self.threads.append(thread)
            thread.start()

    def _serve(self, client: socket.socket, budget: int) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.upstream), timeout=30)
        client.settimeout(30)
        pump = threading.Thread(target=self._pump, args=(client, upstream), daemon=True)
        pump.start()
        sent = 0
        try:
            while not self.stopping.is_set():
                data = upstream.recv(65536)
                if not data:
                    break
                if budget >= 0 and sent + len(data) > budget:
                    client.sendall(data[: max(0, budget - sent)])
                    with self.lock:
                        self.cuts += 1
                    break
                client.sendall(data)
                sent += len(data)
        except OSError:
            pass
        finally:
            for end in (client, upstream):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
                end.close()
            pump.join(timeout=5)

    @staticmethod
    def _pump(source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass


def test_proxy_cutting_responses_converges_without_duplicates(world: World) -> None:
    world.assign_jobs(20)
    assert world.sync() == 0
    with CuttingProxy(world.office.port, cut_share=0.5, seed=4) as proxy:
        world.point_at(f"http://127.0.0.1:{proxy.port}")
        for _ in range(ROUNDS + 2):
            world.write_offline(CHANGES // 6)
            world.assign_jobs(5)
            world.sync()
        assert proxy.cuts >= 1, "the proxy never cut a response"
        proxy.cut_share = 0.0
        assert world.sync() == 0
    assert_converged(world)
