"""What a push reads while it applies mutations: one query per question, or a whole batch loaded
up front.

`Lookup` asks the database each time; it serves the one-savepoint-per-mutation path a batch falls
back to when it fails. `BatchLookup` loads the batch's records, their jobs, pickups, metadata and
customer signatures with one `IN (...)` query each, then answers from memory, so a batch of
hundreds of mutations costs a handful of round trips and one flush. Records the batch itself
adds or deletes are flushed before a later mutation refers to them, so every check still sees the
batch's earlier changes, exactly as if each mutation had been flushed on its own.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldtech.domain.enums import DocumentKind, SignerRole
from fieldtech.models import Job, PickupReceipt, Signature
from sync.protocol.schemas import Mutation
from sync.server.replication.registry import JOB_TABLES, MODELS, job_of
from sync.server.replication.scope import DeviceContext, held_jobs, pickup_job
from sync.server.replication.tables import RecordMeta

PICKUP_CHILDREN = frozenset({"return_receipts", "item_movements"})
CHUNK = 500


def chunked(ids: Iterable[uuid.UUID]) -> Iterator[list[uuid.UUID]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value is not None else None
    except ValueError:
        return None


def _signed_query(job_ids: list[uuid.UUID]) -> Any:
    return select(Signature.job_id, Signature.revision).where(
        Signature.job_id.in_(job_ids),
        Signature.document_kind == DocumentKind.REPAIR_SLIP,
        Signature.signer_role == SignerRole.CUSTOMER,
    )


class Lookup:
    """Straight queries, flushing after every mutation: one mutation at a time."""

    def __init__(self, session: Session, ctx: DeviceContext) -> None:
        self.session = session
        self.ctx = ctx

    def get(self, model: type[Any], record_id: uuid.UUID) -> Any | None:
        return self.session.get(model, record_id)

    def meta(self, record_id: uuid.UUID) -> RecordMeta | None:
        return self.session.get(RecordMeta, record_id)

    def deleted_at_office(self, record_id: uuid.UUID) -> bool:
        return bool(
            self.session.scalar(select(RecordMeta.deleted).where(RecordMeta.record_id == record_id))
        )

    def held(self) -> set[uuid.UUID]:
        return held_jobs(self.session, self.ctx.device_id)

    def pickup_job(self, pickup_id: uuid.UUID) -> uuid.UUID | None:
        return pickup_job(self.session, pickup_id)

    def job_of(self, table: str, obj: Any) -> uuid.UUID | None:
        if table in PICKUP_CHILDREN:
            return self.pickup_job(obj.pickup_id)
        return job_of(self.session, table, obj)

    def frozen(self, job: Job) -> bool:
        """Has the customer signed the repair slip of the job's current revision?"""
        signed = self.session.execute(_signed_query([job.id])).all()
        return (job.id, job.revision) in {(j, r) for j, r in signed}

    def before(self, m: Mutation, values: dict[str, Any]) -> None:
        """Called once the mutation's fields are read, before anything is looked up."""

    def added(self, table: str, obj: Any) -> None:
        self.session.flush()

    def removed(self, obj: Any) -> None:
        self.session.flush()

    def changed(self) -> None:
        self.session.flush()

    def wrote(self, record_id: uuid.UUID, field: str) -> None:
        """A field the technician's batch has just written (and stamped as theirs)."""

    def rewritten(self, record_id: uuid.UUID, field: str) -> bool:
        """Has this batch already written the field? Its office stamp is then superseded."""
        return False

    def signatures_changed(self, job_id: uuid.UUID | None) -> None:
        """A signature of the job was written: whether it is frozen must be asked afresh."""


class BatchLookup(Lookup):
    """A batch's records loaded with one query per table; one flush at the end."""

    def __init__(self, session: Session, ctx: DeviceContext, mutations: Sequence[Mutation]):
        super().__init__(session, ctx)
        self.pending: set[uuid.UUID] = set()
        self.absent: set[tuple[str, uuid.UUID]] = set()
        self.written: set[tuple[uuid.UUID, str]] = set()
        self.live: set[uuid.UUID] = set()
        self.pickups: dict[uuid.UUID, uuid.UUID | None] = {}
        self.signed: set[tuple[uuid.UUID, int]] = set()
        self._held: set[uuid.UUID] | None = None
        # The session's identity map holds objects weakly: keep what was loaded alive.
        self.loaded: list[Any] = []
        self._load(mutations)

    def _load_table(self, table: str, ids: set[uuid.UUID]) -> list[Any]:
        model = MODELS[table]
        found: list[Any] = []
        for chunk in chunked(ids):
            found.extend(self.session.scalars(select(model).where(model.id.in_(chunk))))
        self.loaded.extend(found)
        present = {obj.id for obj in found}
        self.absent.update((table, i) for i in ids - present)
        return found

    def _load(self, mutations: Sequence[Mutation]) -> None:
        by_table: dict[str, set[uuid.UUID]] = defaultdict(set)
        for m in mutations:
            if m.table in MODELS:
                by_table[m.table].add(m.record_id)
        loaded = [(t, obj) for t, ids in by_table.items() for obj in self._load_table(t, ids)]
        pickup_ids = {obj.pickup_id for t, obj in loaded if t in PICKUP_CHILDREN}
        pickup_ids |= {
            p
            for m in mutations
            if m.table in PICKUP_CHILDREN and (p := _uuid(m.fields.get("pickup_id")))
        }
        for chunk in chunked(pickup_ids):
            pairs = select(PickupReceipt.id, PickupReceipt.job_id).where(
                PickupReceipt.id.in_(chunk)
            )
            self.pickups.update({p: j for p, j in self.session.execute(pairs)})
        job_ids = {j for t, obj in loaded if t in JOB_TABLES and (j := self.job_of(t, obj))}
        for m in mutations:
            if m.table == "jobs":
                job_ids.add(m.record_id)
            elif (j := _uuid(m.fields.get("job_id"))) is not None:
                job_ids.add(j)
        job_ids |= {j for j in self.pickups.values() if j is not None}
        self._load_table("jobs", job_ids)
        for chunk in chunked(job_ids | {r for ids in by_table.values() for r in ids}):
            query = select(RecordMeta).where(RecordMeta.record_id.in_(chunk))
            self.loaded.extend(self.session.scalars(query))
        for chunk in chunked(job_ids):
            self.signed.update((j, r) for j, r in self.session.execute(_signed_query(chunk)))

    def flush(self) -> None:
        self.session.flush()
        self.pending.clear()

    def get(self, model: type[Any], record_id: uuid.UUID) -> Any | None:
        if (model.__tablename__, record_id) in self.absent:
            return None
        return self.session.get(model, record_id)

    def deleted_at_office(self, record_id: uuid.UUID) -> bool:
        self.flush()
        return super().deleted_at_office(record_id)

    def held(self) -> set[uuid.UUID]:
        if self._held is None:
            self._held = super().held()
        return self._held

    def pickup_job(self, pickup_id: uuid.UUID) -> uuid.UUID | None:
        if pickup_id in self.pickups:
            return self.pickups[pickup_id]
        return super().pickup_job(pickup_id)

    def frozen(self, job: Job) -> bool:
        if job.id in self.live:
            self.flush()
            return super().frozen(job)
        return (job.id, job.revision) in self.signed

    def before(self, m: Mutation, values: dict[str, Any]) -> None:
        if not self.pending:
            return
        refers = {m.record_id} | {v for v in values.values() if isinstance(v, uuid.UUID)}
        if refers & self.pending:
            self.flush()

    def added(self, table: str, obj: Any) -> None:
        self.pending.add(obj.id)
        self.absent.discard((table, obj.id))
        if table == "pickup_receipts":
            self.pickups[obj.id] = obj.job_id

    def removed(self, obj: Any) -> None:
        self.pending.add(obj.id)

    def changed(self) -> None:
        pass

    def wrote(self, record_id: uuid.UUID, field: str) -> None:
        self.written.add((record_id, field))

    def rewritten(self, record_id: uuid.UUID, field: str) -> bool:
        return (record_id, field) in self.written

    def signatures_changed(self, job_id: uuid.UUID | None) -> None:
        if job_id is not None:
            self.live.add(job_id)
