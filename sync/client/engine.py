"""The laptop's sync engine: push the outbox in batches, pull by cursor, check digests.

No Qt and no crash: every failure ends the round as a `SyncReport` whose state and message say
what happened in plain words. Each step commits locally before the next request, so a round cut
short anywhere resumes where it stopped: nothing is pushed twice as new, nothing pulled is lost.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from fieldtech import __version__
from fieldtech.domain.enums import Side
from fieldtech.models import ConflictEntry, LocalSetting, OutboxEntry
from fieldtech.models.registry import MODELS
from fieldtech.store.capture import CURSOR_SETTING, NO_CAPTURE
from fieldtech.store.codec import encode_value
from fieldtech.store.digest import grand_total
from fieldtech.usecases import device
from sync.client.apply import apply_rows, evict_job, local_totals, replace_bucket
from sync.client.attachments import AttachmentCounts, download_missing, upload_all
from sync.client.errors import SyncState, TransportError
from sync.client.outbox import Waiting, next_batch, push_body
from sync.client.pulled import block_rows
from sync.protocol.digest import totals_message
from sync.protocol.schemas import (
    PROTOCOL_VERSION,
    Conflict,
    HelloRequest,
    HelloResponse,
    PullRequest,
    PullResponse,
    PushResponse,
    ResyncRequest,
    ResyncResponse,
)

PULL_LIMIT = 1000
ACKS_SETTING = "sync_acks"
SEQUENCE_SETTING = "sync_pull_sequence"
MAX_ROUNDS = 10_000
APPLY_CACHE_KIB = 32_000
"""Page cache of a connection that applies pulled pages (SQLite's default is 2 MB). A first
sync inserts tens of thousands of rows under random ids into several indexes; with the default,
most inserts missed the cache and read and decrypted a page again (80,000 rows: 11.9 CPU s
against 6.9 with 32 MB). The cache only grows as far as the pages used."""
LEND_BELOW = 5
OFFICE_TIMEZONE = "Asia/Shanghai"


class Transport(Protocol):
    """Sends one request body to the office and returns the decoded answer."""

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]: ...

    def put_bytes(self, path: str, data: bytes) -> dict[str, Any]:
        """Sends raw bytes (an attachment chunk) and returns the decoded answer."""
        ...

    def get_bytes(self, path: str) -> bytes | None:
        """Raw bytes (an attachment), or None when the office does not have them for us."""
        ...


@dataclass
class SyncReport:
    state: SyncState = SyncState.OK
    message: str = ""
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    rejected: int = 0
    evicted: int = 0
    resynced_buckets: list[int] = field(default_factory=list)
    attachments: AttachmentCounts = field(default_factory=AttachmentCounts)

    @property
    def ok(self) -> bool:
        return self.state == SyncState.OK


Progress = Callable[[str, int, int], None]
FaultPoint = Callable[[str], None]
"""Called at named points inside local transactions; fault-injection tests raise there."""


def _settings(session: Session, keys: tuple[str, ...]) -> dict[str, str]:
    """Several settings in one query (a quiet sync reads three)."""
    query = select(LocalSetting.key, LocalSetting.value).where(LocalSetting.key.in_(keys))
    return {key: value for key, value in session.execute(query)}


def _put(session: Session, key: str, value: str) -> None:
    row = session.get(LocalSetting, key)
    if row is None:
        session.add(LocalSetting(key=key, value=value))
    else:
        row.value = value


class SyncEngine:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        transport: Transport,
        progress: Progress | None = None,
        fault_point: FaultPoint | None = None,
    ) -> None:
        self.sessions = sessions
        self.transport = transport
        self.progress = progress or (lambda _stage, _done, _total: None)
        self.fault_point = fault_point or (lambda _where: None)

    def sync(self) -> SyncReport:
        report = SyncReport()
        try:
            self._hello_if_needed()
            self._push_all(report)
            # Bytes right after their rows, before a pull could evict a reassigned job's
            # attachment rows; a blob the office refuses waits without holding back the pull.
            upload_all(self.sessions, self.transport, report.attachments)
            self._pull_all(report)
            download_missing(self.sessions, self.transport, report.attachments)
        except TransportError as failure:
            report.state = failure.state
            report.message = failure.message
        return report

    def hello(self) -> HelloResponse:
        """Learn this laptop's identity and borrow ticket numbers; stored before returning."""
        with self.sessions() as session:
            left = device.blocks_left(session)
        body = HelloRequest(protocol=PROTOCOL_VERSION, app_version=__version__, blocks_left=left)
        answer = HelloResponse.model_validate(
            self.transport.post("/api/v1/sync/hello", body.model_dump(mode="json"))
        )
        with self.sessions.begin() as session:
            session.info[NO_CAPTURE] = True
            device.set_identity(
                session, device_prefix=answer.device_prefix, technician_id=answer.technician_id
            )
            for grant in answer.blocks:
                device.lend_block(session, month=grant.month, first=grant.first, last=grant.last)
        return answer

    def _hello_if_needed(self) -> None:
        """Only when the prefix is unknown or a month's lent numbers run low: no-op syncs stay
        one request."""
        with self.sessions() as session:
            known = device.get_setting(session, device.DEVICE_PREFIX) is not None
            left = device.blocks_left(session)
        months = _months_ahead()
        if not known or any(left.get(m, 0) < LEND_BELOW for m in months):
            self.hello()

    def _push_all(self, report: SyncReport) -> None:
        for _ in range(MAX_ROUNDS):
            with self.sessions() as session:
                entries, waiting = next_batch(session)
            if not entries:
                return
            answer = PushResponse.model_validate(
                self.transport.post("/api/v1/sync/push", push_body(entries, waiting))
            )
            self._settle_push(entries, answer, report)
            self.progress("push", report.pushed, waiting)

    def _settle_push(
        self, entries: list[Waiting], answer: PushResponse, report: SyncReport
    ) -> None:
        by_id = {e.mutation_id: e for e in entries}
        answered = [r for r in answer.results if r.mutation_id in by_id]
        with self.sessions.begin() as session:
            session.info[NO_CAPTURE] = True
            for result in answered:
                entry = by_id[result.mutation_id]
                _log_conflicts(session, result.conflicts)
                report.conflicts += len(result.conflicts)
                if result.status == "rejected":
                    report.rejected += 1
                    if entry.op.value == "insert":
                        _drop_rejected_insert(session, entry)
            session.execute(
                delete(OutboxEntry).where(
                    OutboxEntry.mutation_id.in_([r.mutation_id for r in answered])
                )
            )
            self.fault_point("push.settle")
        report.pushed += len(answered)

    def _pull_all(self, report: SyncReport) -> None:
        """Pull pages until nothing is left, then check the digest: the office answers a quiet
        pull with the sums of everything this laptop should hold; when ours differ, one more
        pull names the buckets that differ, and only those are pulled again."""
        compare_buckets = False
        for _ in range(MAX_ROUNDS):
            with self.sessions() as session:
                known = _settings(session, (CURSOR_SETTING, ACKS_SETTING, SEQUENCE_SETTING))
                cursor = int(known.get(CURSOR_SETTING, "0"))
                acks = json.loads(known.get(ACKS_SETTING, '{"received": [], "evicted": []}'))
                sequence = int(known.get(SEQUENCE_SETTING, "0")) + 1
                outbox_empty = session.scalar(select(OutboxEntry.seq).limit(1)) is None
                mine = totals_message(local_totals(session)) if compare_buckets else None
            request = PullRequest(
                protocol=PROTOCOL_VERSION,
                sequence=sequence,
                cursor=cursor,
                limit=PULL_LIMIT,
                received=acks["received"],
                evicted=acks["evicted"],
                want_total=outbox_empty,
                bucket_totals=mine if outbox_empty else None,
                blocks=True,
            )
            answer = PullResponse.model_validate(
                self.transport.post("/api/v1/sync/pull", request.model_dump(mode="json"))
            )
            quiet = not (acks["received"] or acks["evicted"]) and answer.cursor == cursor
            more_acks = self._apply_pull(answer, report, sequence, quiet)
            self.progress(
                "pull", report.pulled, report.pulled + (PULL_LIMIT if answer.has_more else 0)
            )
            if answer.mismatched_buckets is not None:
                self._resync(answer.mismatched_buckets, report)
                return
            if answer.scope_total is not None:
                with self.sessions() as session:
                    held = grand_total(local_totals(session).values())
                theirs = answer.scope_total
                if held == (theirs.count, theirs.high, theirs.low):
                    return
                compare_buckets = True
                continue
            if not answer.has_more and not more_acks:
                return

    def _apply_pull(
        self, answer: PullResponse, report: SyncReport, sequence: int, quiet: bool
    ) -> bool:
        """Apply one page and its cursor in one transaction; True when acks wait to be sent.

        A page with nothing in it, answering a request with no acks at the same cursor, changes
        nothing here: no transaction. The office ignores ack-less requests, so the sequence
        number need not move either.
        """
        if quiet and not (answer.rows or answer.tables or answer.jobs or answer.evict_jobs):
            return False
        with self.sessions.begin() as session:
            session.info[NO_CAPTURE] = True
            connection = session.connection()
            connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            connection.exec_driver_sql(f"PRAGMA cache_size = -{APPLY_CACHE_KIB}")
            pulled = [row for block in answer.tables or [] for row in block_rows(block)]
            report.pulled += apply_rows(session, [*pulled, *answer.rows])
            evicted = []
            for job_id in answer.evict_jobs:
                if evict_job(session, job_id):
                    evicted.append(str(job_id))
            report.evicted += len(evicted)
            acks = {"received": [str(j) for j in answer.jobs], "evicted": evicted}
            _put(session, ACKS_SETTING, json.dumps(acks))
            _put(session, CURSOR_SETTING, str(answer.cursor))
            _put(session, SEQUENCE_SETTING, str(sequence))
            self.fault_point("pull.apply")
        return bool(answer.jobs or evicted)

    def _resync(self, buckets: list[int], report: SyncReport) -> None:
        for bucket in buckets:
            body = ResyncRequest(protocol=PROTOCOL_VERSION, bucket=bucket)
            fixed = ResyncResponse.model_validate(
                self.transport.post("/api/v1/sync/resync", body.model_dump(mode="json"))
            )
            with self.sessions.begin() as session:
                session.info[NO_CAPTURE] = True
                session.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")
                replace_bucket(session, bucket, fixed.rows)
                self.fault_point("resync.apply")
            report.resynced_buckets.append(bucket)


def _months_ahead() -> list[str]:
    """This month and the next, as the office counts them (China time unless told otherwise)."""
    now = dt.datetime.now(ZoneInfo(OFFICE_TIMEZONE))
    following = (now.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return [now.strftime("%Y%m"), following.strftime("%Y%m")]


def _log_conflicts(session: Session, conflicts: list[Conflict]) -> None:
    for c in conflicts:
        session.add(
            ConflictEntry(
                table_name=c.table,
                record_id=c.record_id,
                field=c.field,
                kept_value=None if c.kept_value is None else json.dumps(encode_value(c.kept_value)),
                lost_value=None if c.lost_value is None else json.dumps(encode_value(c.lost_value)),
                kept_side=Side(c.kept_side),
                reason=c.reason,
            )
        )


def _drop_rejected_insert(session: Session, entry: Waiting) -> None:
    """The office refused a new record: its value is in the conflict log; remove the local copy."""
    if entry.table_name in MODELS:
        model = MODELS[entry.table_name]
        session.execute(delete(model).where(model.id == entry.record_id))
