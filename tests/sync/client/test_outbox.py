"""The outbox read for a push: batches the protocol and the office's body limit allow, spelled as
the push request is."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert
from sqlalchemy.orm import Session, sessionmaker

from fieldtech.domain.enums import OutboxOp
from fieldtech.models import OutboxEntry, utcnow
from fieldtech.store.engine import open_store
from sync.client.outbox import BATCH_BYTES, next_batch, push_body
from sync.protocol.schemas import MAX_PUSH_MUTATIONS, PushRequest


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    with open_store(tmp_path / "store.db", os.urandom(32)) as store:
        yield store.sessions


def _add(db: sessionmaker[Session], count: int, text: str = "note") -> None:
    rows = [
        {
            "mutation_id": uuid.uuid4(),
            "table_name": "advice_notes",
            "record_id": uuid.uuid4(),
            "op": OutboxOp.INSERT,
            "payload": {"text": text, "n": n},
            "base_cursor": 7,
            "created_at": utcnow(),
        }
        for n in range(count)
    ]
    with db.begin() as session:
        session.execute(insert(OutboxEntry), rows)


def test_a_batch_is_what_the_protocol_allows_in_outbox_order(db: sessionmaker[Session]) -> None:
    _add(db, MAX_PUSH_MUTATIONS + 3)
    with db() as session:
        batch, waiting = next_batch(session)
    assert waiting == MAX_PUSH_MUTATIONS + 3
    assert len(batch) == MAX_PUSH_MUTATIONS
    assert [e.payload["n"] for e in batch] == list(range(MAX_PUSH_MUTATIONS))


def test_large_fields_make_smaller_batches_but_never_an_empty_one(
    db: sessionmaker[Session],
) -> None:
    _add(db, 3, text="x" * (BATCH_BYTES // 2))
    _add(db, 1, text="y" * (BATCH_BYTES * 2))
    with db() as session:
        first, _ = next_batch(session)
    assert len(first) == 1  # two halves plus framing pass the limit
    with db.begin() as session:
        session.query(OutboxEntry).filter(OutboxEntry.seq <= 3).delete()
    with db() as session:
        alone, waiting = next_batch(session)
    assert (len(alone), waiting) == (1, 1)


def test_the_body_is_a_valid_push_request_with_every_value(db: sessionmaker[Session]) -> None:
    _add(db, 2)
    with db() as session:
        batch, waiting = next_batch(session)
    request = PushRequest.model_validate(push_body(batch, waiting))
    assert request.pending == 2
    for sent, entry in zip(request.mutations, batch, strict=True):
        assert (sent.mutation_id, sent.record_id, sent.table) == (
            entry.mutation_id,
            entry.record_id,
            "advice_notes",
        )
        assert (sent.op, sent.fields, sent.base_cursor) == ("insert", entry.payload, 7)
        assert sent.created_at == entry.created_at
