"""The additive digest of a set of synced records: per record a hash of (id, version), summed.

A sum can be kept up to date as records come and go (add the new hash, subtract the old one), so
neither end has to rehash everything it holds to compare: the laptop keeps its sums in a table its
triggers maintain, the office adds up its metadata. Each 62-bit record hash is summed as two
31-bit halves, so SQLite's 64-bit integers hold the sums of billions of records without overflow.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from typing import NamedTuple

DIGEST_BUCKETS = 16
GLOBAL_BUCKET = DIGEST_BUCKETS  # records every laptop holds, and the technician's van stock
LOW_BITS = 31
LOW_MASK = (1 << LOW_BITS) - 1


def record_hash(record_id: uuid.UUID, version: int) -> int:
    """A 62-bit hash of one record at one version."""
    raw = hashlib.blake2b(
        record_id.bytes + version.to_bytes(8, "big", signed=True), digest_size=8
    ).digest()
    return int.from_bytes(raw, "big") >> 2


def bucket_for(scope: uuid.UUID | None) -> int:
    """Rows scoped by a job (or a shared record) spread over buckets; the rest share one.

    The bucket is the scope's last hex digit, which the laptop's triggers read from the stored
    scope's last byte.
    """
    return GLOBAL_BUCKET if scope is None else scope.int % DIGEST_BUCKETS


class BucketTotal(NamedTuple):
    """How many records a bucket holds and the two sums of their hash halves."""

    records: int
    high: int
    low: int


EMPTY = BucketTotal(0, 0, 0)


def bucket_totals(
    rows: Iterable[tuple[uuid.UUID | None, uuid.UUID, int]],
) -> dict[int, BucketTotal]:
    """Totals of every bucket (empty ones included) from (scope, record id, version) triples."""
    counts = [0] * (DIGEST_BUCKETS + 1)
    highs = [0] * (DIGEST_BUCKETS + 1)
    lows = [0] * (DIGEST_BUCKETS + 1)
    for scope, record_id, version in rows:
        bucket = bucket_for(scope)
        value = record_hash(record_id, version)
        counts[bucket] += 1
        highs[bucket] += value >> LOW_BITS
        lows[bucket] += value & LOW_MASK
    return {b: BucketTotal(counts[b], highs[b], lows[b]) for b in range(DIGEST_BUCKETS + 1)}


def grand_total(totals: Iterable[BucketTotal]) -> BucketTotal:
    records = high = low = 0
    for total in totals:
        records += total.records
        high += total.high
        low += total.low
    return BucketTotal(records, high, low)
