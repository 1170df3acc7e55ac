"""A search the user typed past is interrupted on the database worker, not waited for."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from fieldtech.domain.enums import JobStatus
from fieldtech.store.engine import Store
from ui.jobs import queries

pytestmark = pytest.mark.gui

ENDLESS = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"


def test_cancel_interrupts_running_search_answers_none(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def endless(session: Session, query: str, status: JobStatus | None) -> list[object]:
        session.execute(text(ENDLESS)).scalar()
        return []

    monkeypatch.setattr(queries, "_job_ids", endless)
    cancel = queries.Cancel()
    answers: list[object] = []
    worker = threading.Thread(
        target=lambda: answers.append(queries.job_ids(store.read_sessions, "abc", None, cancel))
    )
    worker.start()
    assert cancel.running.wait(timeout=10), "the search never started"
    cancel.cancel()
    worker.join(timeout=10)
    assert not worker.is_alive()
    assert answers == [None]
    # The connection goes back to the pool unharmed: the next search answers.
    monkeypatch.undo()
    assert queries.job_ids(store.read_sessions, "") == []


def test_cancel_before_start_answers_none_without_querying(store: Store) -> None:
    cancel = queries.Cancel()
    cancel.cancel()
    assert queries.job_ids(store.read_sessions, "abc", None, cancel) is None
