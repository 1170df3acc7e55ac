"""The per-bucket digest both ends compute the same way: a count and a hash of (id, version)."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable

from sync.protocol.schemas import DIGEST_BUCKETS, GLOBAL_BUCKET, BucketDigest


def bucket_for(scope: uuid.UUID | None) -> int:
    """Rows scoped by a job (or a shared record) spread over buckets; the rest share one."""
    return GLOBAL_BUCKET if scope is None else scope.int % DIGEST_BUCKETS


def digests(rows: Iterable[tuple[uuid.UUID | None, uuid.UUID, int]]) -> list[BucketDigest]:
    """Digests of every bucket, from (scope, record id, version) triples."""
    lines: dict[int, list[str]] = {b: [] for b in range(DIGEST_BUCKETS + 1)}
    for scope, record_id, version in rows:
        lines[bucket_for(scope)].append(f"{record_id}:{version}")
    out = []
    for bucket, entries in lines.items():
        entries.sort()
        digest = hashlib.sha256("\n".join(entries).encode("ascii")).hexdigest()
        out.append(BucketDigest(bucket=bucket, count=len(entries), hash=digest))
    return out
