"""Digests both ends compute the same way.

Protocol-1 laptops ask for each bucket's count and SHA-256 over its sorted (id, version) lines,
which the office must rehash for every check (`digests`). Newer laptops compare additive sums
(`fieldtech.store.digest`), which each end keeps up to date as records change.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable

from fieldtech.store.digest import BucketTotal as Totals
from fieldtech.store.digest import bucket_for
from sync.protocol.schemas import DIGEST_BUCKETS, BucketDigest, BucketTotal

__all__ = ["bucket_for", "differing_buckets", "digests", "totals_message"]


def digests(rows: Iterable[tuple[uuid.UUID | None, uuid.UUID, int]]) -> list[BucketDigest]:
    """Protocol-1 digests of every bucket, from (scope, record id, version) triples."""
    lines: dict[int, list[str]] = {b: [] for b in range(DIGEST_BUCKETS + 1)}
    for scope, record_id, version in rows:
        lines[bucket_for(scope)].append(f"{record_id}:{version}")
    out = []
    for bucket, entries in lines.items():
        entries.sort()
        digest = hashlib.sha256("\n".join(entries).encode("ascii")).hexdigest()
        out.append(BucketDigest(bucket=bucket, count=len(entries), hash=digest))
    return out


def totals_message(totals: dict[int, Totals]) -> list[BucketTotal]:
    return [
        BucketTotal(bucket=b, count=t.records, high=t.high, low=t.low)
        for b, t in sorted(totals.items())
    ]


def differing_buckets(mine: dict[int, Totals], theirs: Iterable[BucketTotal]) -> list[int]:
    """Buckets whose sums differ (a bucket one side does not mention counts as empty)."""
    other = {t.bucket: Totals(t.count, t.high, t.low) for t in theirs}
    empty = Totals(0, 0, 0)
    buckets = sorted(set(mine) | set(other))
    return [b for b in buckets if mine.get(b, empty) != other.get(b, empty)]
