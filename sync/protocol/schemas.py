"""Sync messages. Version 1: push mutations, pull row states by a commit-ordered cursor, digests.

Fields added to version 1 since it first shipped are optional, and left out of a message when
unused, so a laptop or office that never heard of them reads every message it did before.

Values inside `fields` use the JSON spelling of fieldtech.store.codec: Decimal and UUID as strings,
times as ISO 8601 in UTC. Unknown top-level keys are refused, so a typo never passes silently.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from fieldtech.store.digest import DIGEST_BUCKETS, GLOBAL_BUCKET

PROTOCOL_VERSION = 1
SUPPORTED_VERSIONS = (1,)
MAX_PUSH_MUTATIONS = 500
MAX_PULL_LIMIT = 2000
__all__ = ["DIGEST_BUCKETS", "GLOBAL_BUCKET"]

Side = Literal["office", "technician"]
TableName = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[a-z_]+$")]


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _without_unused(
    message: BaseModel, handler: SerializerFunctionWrapHandler, optional: tuple[str, ...]
) -> dict[str, Any]:
    data: dict[str, Any] = handler(message)
    for key in optional:
        if data.get(key) in (None, False):
            data.pop(key, None)
    return data


class DigestTotal(Message):
    """Digest sums (fieldtech.store.digest): how many records, and their hash halves summed."""

    count: int = Field(ge=0)
    high: int = Field(ge=0)
    low: int = Field(ge=0)


class BucketTotal(DigestTotal):
    bucket: int = Field(ge=0, le=DIGEST_BUCKETS)


class Mutation(Message):
    """One captured local change: an insert with every field, an update with the changed ones."""

    mutation_id: uuid.UUID
    table: TableName
    record_id: uuid.UUID
    op: Literal["insert", "update", "delete"]
    fields: dict[str, Any] = Field(default_factory=dict)
    base_cursor: int = Field(ge=0)
    created_at: dt.datetime


class PushRequest(Message):
    protocol: int
    mutations: list[Mutation] = Field(max_length=MAX_PUSH_MUTATIONS)
    pending: int = Field(default=0, ge=0, description="changes still waiting on the device")


class Conflict(Message):
    """A value that lost a merge or a change that was refused; kept on both sides."""

    table: TableName
    record_id: uuid.UUID
    field: str
    kept_value: Any = None
    lost_value: Any = None
    kept_side: Side
    reason: str


class MutationResult(Message):
    mutation_id: uuid.UUID
    status: Literal["applied", "rejected"]
    duplicate: bool = False
    reason: str | None = None
    message: str | None = None
    conflicts: list[Conflict] = Field(default_factory=list)


class PushResponse(Message):
    protocol: int
    results: list[MutationResult]


class PullRequest(Message):
    protocol: int
    sequence: int = Field(
        default=0, ge=0, description="grows with every pull the device sends; orders the acks"
    )
    cursor: int = Field(ge=0)
    limit: int = Field(default=1000, ge=1, le=MAX_PULL_LIMIT)
    received: list[uuid.UUID] = Field(
        default_factory=list, max_length=10_000, description="jobs applied from the last page"
    )
    evicted: list[uuid.UUID] = Field(
        default_factory=list, max_length=10_000, description="jobs removed from the device"
    )
    want_digest: bool = Field(
        default=False, description="protocol-1 digests: every bucket's SHA-256 when quiet"
    )
    want_total: bool = Field(
        default=False, description="when quiet, answer with the digest sums of the whole scope"
    )
    bucket_totals: list[BucketTotal] | None = Field(
        default=None,
        max_length=DIGEST_BUCKETS + 1,
        description="this laptop's sums per bucket; when quiet, answer which buckets differ",
    )
    blocks: bool = Field(
        default=False, description="send live rows as column blocks (`tables`), not one by one"
    )

    @model_serializer(mode="wrap")
    def _serialize(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        return _without_unused(self, handler, ("want_total", "bucket_totals", "blocks"))


class RowState(Message):
    """A record as the office holds it now (`fields` is None when it was deleted)."""

    table: TableName
    record_id: uuid.UUID
    version: int
    scope: uuid.UUID | None = Field(
        default=None, description="the job (or the shared record itself) that scopes this row"
    )
    fields: dict[str, Any] | None


class RowBlock(Message):
    """Live rows of one table, as the office holds them now, column by column: each row is
    `[version, scope, value of columns[0], value of columns[1], ...]`. Without a key per value
    a page is about half the text, and reading it needs no object per row."""

    table: TableName
    columns: list[str] = Field(min_length=1)
    rows: list[list[Any]]


class BucketDigest(Message):
    bucket: int
    count: int
    hash: str


class PullResponse(Message):
    protocol: int
    rows: list[RowState]
    jobs: list[uuid.UUID] = Field(
        default_factory=list, description="jobs sent whole in this page; ack them as `received`"
    )
    evict_jobs: list[uuid.UUID] = Field(default_factory=list)
    cursor: int
    has_more: bool
    digests: list[BucketDigest] | None = None
    scope_total: DigestTotal | None = Field(
        default=None, description="digest sums of everything the laptop should hold now"
    )
    mismatched_buckets: list[int] | None = Field(
        default=None, description="buckets whose sums differ from the laptop's; resync them"
    )
    tables: list[RowBlock] | None = Field(
        default=None,
        description="live rows in column blocks, when asked for `blocks`; `rows` has the rest",
    )

    @model_serializer(mode="wrap")
    def _serialize(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        return _without_unused(self, handler, ("scope_total", "mismatched_buckets", "tables"))


class ResyncRequest(Message):
    protocol: int
    bucket: int = Field(ge=0, le=DIGEST_BUCKETS)


class ResyncResponse(Message):
    """Every row of one digest bucket the device should hold; anything else there is stale."""

    protocol: int
    bucket: int
    rows: list[RowState]


class HelloRequest(Message):
    """Sent at sign-in and whenever the laptop runs low on lent ticket numbers."""

    protocol: int
    app_version: str = Field(default="", max_length=64)
    blocks_left: dict[str, int] = Field(
        default_factory=dict, description="ticket numbers still unused, by month YYYYMM"
    )


class TicketBlockGrant(Message):
    month: str = Field(pattern=r"^[0-9]{6}$")
    first: int = Field(ge=1)
    last: int = Field(ge=1)


class HelloResponse(Message):
    protocol: int
    technician_id: uuid.UUID
    device_prefix: str
    blocks: list[TicketBlockGrant] = Field(default_factory=list)
    server_time: dt.datetime


Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
CHUNK_BYTES = 256 * 1024
MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
MAX_STATUS_HASHES = 1000


class AttachmentStatusRequest(Message):
    """Which of these blobs does the office lack? Asked before uploading, so an upload resumes."""

    protocol: int
    hashes: list[Sha256] = Field(max_length=MAX_STATUS_HASHES)


class AttachmentProgress(Message):
    """How far the office has one blob: `received` bytes of `size`, or `complete`."""

    sha256: Sha256
    received: int = Field(ge=0)
    size: int | None = Field(default=None, ge=0)
    complete: bool = False


class AttachmentStatusResponse(Message):
    missing: list[AttachmentProgress] = Field(default_factory=list)
