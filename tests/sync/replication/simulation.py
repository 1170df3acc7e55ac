"""A deterministic, seeded simulation of one office and several laptops over a faulty network.

Faults: requests dropped before the office sees them, answers lost after it applied them,
requests delivered twice, old requests replayed late, the office crashing before its commit, the
laptop crashing inside its own transactions. Random site work, office edits and reassignments run
in between. Once faults stop and everyone syncs, `check_converged` is the oracle.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import itertools
import random
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker

from fieldtech.domain.enums import JobCategory, JobStatus
from fieldtech.domain.errors import FieldTechError
from fieldtech.models import (
    Attachment,
    Blob,
    ConflictEntry,
    Customer,
    CustomerItem,
    Diagnosis,
    Job,
    OutboxEntry,
    Technician,
)
from fieldtech.models.registry import MODELS, OFFICE_ONLY
from fieldtech.store.capture import install_capture
from fieldtech.store.codec import encode_row
from fieldtech.store.engine import Store, open_store
from fieldtech.usecases import device
from fieldtech.usecases.money import take_payment
from fieldtech.usecases.parts import use_part
from fieldtech.usecases.signoff import sign_off, start_new_revision
from fieldtech.usecases.visit import NewJob, add_advice, open_job, record_arrival, record_diagnosis
from sync.client.engine import SyncEngine
from sync.client.errors import SyncState, TransportError
from sync.protocol.schemas import CHUNK_BYTES
from sync.server.replication.pull import should_hold
from sync.server.replication.scope import DeviceContext, held_jobs, scope_jobs
from tests.sync.replication.harness import KEY, Loopback, office, office_blobs, register_device

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
STROKES = [[[0.1, 0.2], [0.3, 0.4]]]
TODAY = dt.date(2026, 11, 25)


class CrashError(Exception):
    """A process dying at a chosen point: whatever was not committed is gone."""


@dataclass
class Faults:
    rng: random.Random
    on: bool = True
    rate: float = 0.25

    def roll(self) -> bool:
        return self.on and self.rng.random() < self.rate


BYTES = "__bytes__"


class FaultyNetwork:
    """Wraps the loopback transport of one laptop with the network's and the office's faults."""

    def __init__(self, inner: Loopback, faults: Faults, office_crash: OfficeCrash) -> None:
        self.inner = inner
        self.faults = faults
        self.office_crash = office_crash
        self.history: list[tuple[str, dict[str, Any]]] = []

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        f = self.faults
        if f.roll() and self.history:  # an old request, delayed in the network, arrives now
            old_path, old_body = f.rng.choice(self.history)
            # A stale chunk may be refused at its old offset: nobody waits for that answer.
            with contextlib.suppress(TransportError):
                self._deliver(old_path, old_body)
        self.history.append((path, body))
        if f.roll():
            kind = f.rng.choice(("drop_request", "drop_answer", "duplicate", "office_crash"))
            if kind == "drop_request":
                raise TransportError(SyncState.OFFLINE, "simulated: request lost")
            if kind == "office_crash":
                self.office_crash.armed = True
                try:
                    self._deliver(path, body)
                finally:
                    self.office_crash.armed = False
                raise TransportError(SyncState.SERVER_ERROR, "simulated: office crashed")
            answer = self._deliver(path, body)
            if kind == "drop_answer":
                raise TransportError(SyncState.UNREACHABLE, "simulated: answer lost")
            return self._deliver(path, body) or answer
        return self._deliver(path, body)

    def put_bytes(self, path: str, data: bytes) -> dict[str, Any]:
        return self.post(path, {BYTES: data})

    def get_bytes(self, path: str) -> bytes | None:
        f = self.faults
        if f.roll():
            raise TransportError(SyncState.OFFLINE, "simulated: download lost")
        return self.inner.get_bytes(path)

    def _deliver(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        """Chunks travel the same faulty road as JSON: dropped, duplicated, replayed late."""
        try:
            if BYTES in body:
                return self.inner.put_bytes(path, body[BYTES])
            return self.inner.post(path, body)
        except CrashError:
            return {}


class OfficeCrash:
    """Makes the office's next commit fail, as a process killed before COMMIT would."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.armed = False
        event.listen(sessions, "before_commit", self._before_commit)

    def _before_commit(self, session: Session) -> None:
        if self.armed:
            raise CrashError("office killed before commit")


@functools.cache
def _template_store() -> Path:
    """A migrated empty store, made once per process; every simulated laptop starts as a copy."""
    path = Path(tempfile.mkdtemp(prefix="fieldtech-sim-")) / "store.db"
    with open_store(path, KEY):
        pass
    return path


@dataclass
class SimLaptop:
    folder: Path
    ctx: DeviceContext
    network: FaultyNetwork
    faults: Faults
    created: list[tuple[str, uuid.UUID]] = field(default_factory=list)
    store: Store | None = None

    def open(self) -> AbstractContextManager[Store]:
        """The running app's store; it stays open between steps, as in the app."""
        if self.store is None:
            path = self.folder / "store.db"
            if not path.exists():
                shutil.copyfile(_template_store(), path)
            self.store = open_store(path, KEY, on_sessionmaker=[install_capture])
        return nullcontext(self.store)

    def restart(self) -> None:
        """The process died: only what was committed survives, read back from the file."""
        if self.store is not None:
            self.store.close()
            self.store = None

    def crash_point(self, where: str) -> None:
        if self.faults.roll() and self.faults.rng.random() < 0.3:
            raise CrashError(f"laptop killed at {where}")


class World:
    def __init__(self, folder: Path, seed: int, laptops: int = 2) -> None:
        self.rng = random.Random(seed)
        # Office ticket numbers: a counter, as the office's own (never a draw that can repeat).
        self.tickets = itertools.count(100_000)
        self.faults = Faults(self.rng)
        folder.mkdir(parents=True, exist_ok=True)
        self.office = office(folder)
        self.office_crash = OfficeCrash(self.office)
        self.techs = []
        self.laptops: list[SimLaptop] = []
        for n in range(laptops):
            with self.office.begin() as session:
                tech = Technician(username=f"tech{n}", display_name=f"Tech {n}")
                session.add(tech)
                session.flush()
                tech_id = tech.id
            self.techs.append(tech_id)
            ctx = DeviceContext(device_id=uuid.uuid4(), technician_id=tech_id)
            laptop = SimLaptop(
                folder / f"laptop{n}",
                ctx,
                None,
                self.faults,  # type: ignore[arg-type]
            )
            laptop.network = FaultyNetwork(
                Loopback(self.office, ctx), self.faults, self.office_crash
            )
            laptop.folder.mkdir()
            with laptop.open() as store, store.sessions.begin() as session:
                device.set_identity(
                    session, device_prefix=f"SQM{'ABCDEFGH'[n]}", technician_id=tech_id
                )
                device.lend_block(
                    session, month="202611", first=100 * (n + 1), last=100 * (n + 1) + 99
                )
            _register(self.office, ctx, f"tech{n}")
            self.laptops.append(laptop)
        for _ in range(3):
            self.office_new_job()
        self.faults.on = False  # signing in ends with a first, complete sync
        for laptop in self.laptops:
            self.laptop_sync(laptop)
        self.faults.on = True

    # --- office actions -------------------------------------------------------------------
    def office_new_job(self) -> None:
        with self.office.begin() as session:
            customer = Customer(name=f"Customer {self.rng.randrange(10**6)}", phone="138")
            session.add(customer)
            session.flush()
            item = CustomerItem(customer_id=customer.id, model="WM-8000")
            session.add(item)
            session.flush()
            session.add(
                Job(
                    ticket_number=f"202611-{next(self.tickets):06d}",
                    customer_id=customer.id,
                    item_id=item.id,
                    category=JobCategory.PRODUCT_FAULT,
                    technician_id=self.rng.choice(self.techs),
                    status=JobStatus.ASSIGNED,
                )
            )

    def office_edit(self) -> None:
        with self.office.begin() as session:
            jobs = list(session.scalars(select(Job).order_by(Job.ticket_number)))
            if not jobs:
                return
            job = self.rng.choice(jobs)
            choice = self.rng.randrange(4)
            if choice == 0:
                job.technician_id = self.rng.choice(self.techs)
            elif choice == 1:
                job.customer.phone = f"139{self.rng.randrange(10**8):08d}"
            elif choice == 2:
                job.appointment_start = dt.datetime(
                    2026, 12, self.rng.randrange(1, 28), 9, tzinfo=dt.UTC
                )
            else:
                diagnosis = session.scalar(select(Diagnosis).where(Diagnosis.job_id == job.id))
                if diagnosis is not None:
                    diagnosis.cause = f"office note {self.rng.randrange(1000)}"

    # --- laptop actions -------------------------------------------------------------------
    def laptop_work(self, laptop: SimLaptop) -> None:
        with laptop.open() as store:
            db = store.sessions
            with db() as session:
                jobs = list(session.scalars(select(Job.id).order_by(Job.ticket_number)))
            action = self.rng.randrange(8)
            try:
                if action == 0 or not jobs:
                    job = open_job(
                        db,
                        NewJob(
                            customer_name=f"Walk-in {self.rng.randrange(1000)}",
                            phone="137",
                            address="Shanghai",
                            category=JobCategory.PRODUCT_FAULT,
                            fault_description="no power",
                        ),
                        today=TODAY,
                    )
                    laptop.created.append(("jobs", job.id))
                    return
                job_id = self.rng.choice(jobs)
                if action == 1:
                    record_arrival(db, job_id)
                elif action == 2:
                    record_diagnosis(
                        db, job_id, symptoms="noise", cause=f"tech {self.rng.randrange(1000)}"
                    )
                elif action == 3:
                    part = use_part(db, job_id, part_number="P-1", unit_price="12.50")
                    laptop.created.append(("parts_used", part.part.id))
                elif action == 4:
                    pay = take_payment(db, job_id, method="cash", amount="20.00")
                    laptop.created.append(("payments", pay.id))
                elif action == 5:
                    note = add_advice(db, job_id, f"advice {self.rng.randrange(1000)}")
                    laptop.created.append(("advice_notes", note.id))
                elif action == 6:
                    # Two chunks, different each time: uploads resume under the faults.
                    image = PNG + self.rng.randbytes(CHUNK_BYTES + 100)
                    sign_off(db, job_id, printed_name="Customer", strokes=STROKES, image_png=image)
                else:
                    start_new_revision(db, job_id)
            except FieldTechError:
                pass  # refused by the domain (wrong status, frozen): nothing was written

    def laptop_sync(self, laptop: SimLaptop) -> Any:
        with laptop.open() as store:
            engine = SyncEngine(store.sessions, laptop.network, fault_point=laptop.crash_point)
            try:
                return engine.sync()
            except CrashError:
                laptop.restart()
                return None

    def step(self) -> None:
        roll = self.rng.random()
        if roll < 0.15:
            self.office_new_job()
        elif roll < 0.3:
            self.office_edit()
        elif roll < 0.65:
            self.laptop_work(self.rng.choice(self.laptops))
        else:
            self.laptop_sync(self.rng.choice(self.laptops))

    def settle(self) -> None:
        self.faults.on = False
        for _ in range(4):
            for laptop in self.laptops:
                report = self.laptop_sync(laptop)
                assert report is not None, "a sync crashed with faults switched off"
                assert report.ok, report


def _register(sessions: sessionmaker[Session], ctx: DeviceContext, username: str) -> None:
    class _Shim:
        def __init__(self, ctx: DeviceContext) -> None:
            self.ctx = ctx

    register_device(sessions, _Shim(ctx), username)  # type: ignore[arg-type]


def laptop_rows(session: Session) -> dict[tuple[str, uuid.UUID], dict[str, Any]]:
    rows = {}
    for table, model in MODELS.items():
        if table in OFFICE_ONLY:
            continue
        for obj in session.scalars(select(model)):
            rows[(table, obj.id)] = encode_row(model.__mapper__, obj)
    return rows


def check_converged(world: World) -> None:
    """The oracle: each laptop holds exactly the office's view of its scope, nothing waits."""
    for laptop in world.laptops:
        with world.office() as session:
            scope = scope_jobs(session, laptop.ctx.technician_id)
            held = held_jobs(session, laptop.ctx.device_id)
            expected = {
                (s.table, s.record_id): s.fields for s in should_hold(session, laptop.ctx, scope)
            }
            office_ids = {
                rid for table, model in MODELS.items() for rid in session.scalars(select(model.id))
            }
            conflict_ids = set(session.scalars(select(ConflictEntry.record_id)))
        assert held == scope, "the office's record of what the laptop holds drifted"
        with laptop.open() as store, store.sessions() as session:
            assert session.scalar(select(OutboxEntry.seq).limit(1)) is None, "changes left unsent"
            actual = laptop_rows(session)
        missing = expected.keys() - actual.keys()
        extra = actual.keys() - expected.keys()
        assert not missing, f"laptop lacks {sorted(missing)[:3]}"
        assert not extra, f"laptop holds rows outside its scope {sorted(extra)[:3]}"
        for key, fields in expected.items():
            assert actual[key] == fields, f"{key} differs: {actual[key]} != {fields}"
        for table, rid in laptop.created:
            assert rid in office_ids or rid in conflict_ids, f"{table} {rid} was lost"
    check_blobs(world)


def check_blobs(world: World) -> None:
    """Every attachment the office holds has its bytes on disk, and each laptop's copy of them
    is byte for byte the office's."""
    folder = office_blobs(world.office)
    with world.office() as session:
        office_hashes = set(session.scalars(select(Attachment.sha256)))
    for sha in office_hashes:
        assert folder.has(sha), f"the office lacks the bytes of attachment {sha[:12]}"
        assert hashlib.sha256(folder.read(sha)).hexdigest() == sha
    for laptop in world.laptops:
        with laptop.open() as store, store.sessions() as session:
            wanted = set(session.scalars(select(Attachment.sha256)))
            blobs = {b.sha256: b.data for b in session.scalars(select(Blob))}
        assert wanted <= blobs.keys(), "a laptop lacks the bytes of one of its attachments"
        for sha in wanted:
            assert blobs[sha] == folder.read(sha), f"laptop bytes of {sha[:12]} differ"


@contextmanager
def seeded_ids(seed: int) -> Iterator[None]:
    """Every new UUID (records, mutation ids) from a seeded generator: a run repeats exactly."""
    ids = random.Random(seed * 7919 + 1)
    real = uuid.uuid4
    uuid.uuid4 = lambda: uuid.UUID(int=ids.getrandbits(128), version=4)  # type: ignore[assignment]
    try:
        yield
    finally:
        uuid.uuid4 = real  # type: ignore[assignment]


def run(folder: Path, seed: int, steps: int = 40) -> World:
    with seeded_ids(seed):
        world = World(folder, seed)
        try:
            for _ in range(steps):
                world.step()
            world.settle()
            check_converged(world)
        finally:
            for laptop in world.laptops:
                laptop.restart()
            world.office.kw["bind"].dispose()
    shutil.rmtree(folder, ignore_errors=True)
    return world
