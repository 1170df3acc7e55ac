"""The visit counts PostgreSQL keeps for the figures (office migration 0016) always equal what the
visits say: after visits are added, moved, re-timed or deleted, and jobs re-dated, and when two
transactions add visits to one job at once."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text, update
from sqlalchemy.orm import Session

from fieldtech.domain.enums import JobCategory
from fieldtech.models import Customer, Job, Visit
from sync.server.db import make_engine

pytestmark = pytest.mark.postgres

START = dt.datetime(2026, 11, 3, 2, 0, tzinfo=dt.UTC)
KEPT = text(
    "SELECT job_id, created_at, visits, first_arrival FROM office_figures.job_visits "
    "WHERE visits > 0 ORDER BY job_id"
)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    if not database_url.startswith("postgresql"):
        pytest.skip("the counts are kept on PostgreSQL only; SQLite counts visits directly")
    made = make_engine(database_url)
    yield made
    made.dispose()


def _jobs(session: Session, count: int) -> list[Job]:
    customer = Customer(name="陈静", phone="135", address="1 Road")
    jobs = [
        Job(
            ticket_number=f"202611-9{number:02d}",
            customer=customer,
            category=JobCategory.PRODUCT_FAULT,
            created_at=START + dt.timedelta(hours=number),
        )
        for number in range(count)
    ]
    session.add_all(jobs)
    session.flush()
    return jobs


def _direct(session: Session) -> list[tuple[Any, ...]]:
    """What the counts must be, from the visits and jobs themselves."""
    rows = session.execute(
        select(Visit.job_id, Job.created_at, func.count(), func.min(Visit.arrived_at))
        .join(Job, Job.id == Visit.job_id)
        .group_by(Visit.job_id, Job.created_at)
        .order_by(Visit.job_id)
    ).all()
    return [
        (r[0], r[1].replace(tzinfo=None), r[2], r[3] and r[3].replace(tzinfo=None)) for r in rows
    ]


def _kept(session: Session) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in session.execute(KEPT).all()]


def test_counts_follow_every_change_of_visits_and_jobs(engine: Engine) -> None:
    with Session(engine) as session:
        first, second, third = _jobs(session, 3)
        visits = [
            Visit(job_id=first.id, arrived_at=START + dt.timedelta(days=1)),
            Visit(job_id=first.id, arrived_at=START + dt.timedelta(days=3)),
            Visit(job_id=second.id, arrived_at=None),
            Visit(job_id=third.id, arrived_at=START + dt.timedelta(days=2)),
        ]
        session.add_all(visits)
        session.commit()
        assert _kept(session) == _direct(session)
        assert sorted(row[2] for row in _kept(session)) == [1, 1, 2]

        visits[0].arrived_at = START + dt.timedelta(days=5)  # the first arrival moves later
        visits[3].job_id = second.id  # a visit recorded on the wrong job, moved
        session.commit()
        assert _kept(session) == _direct(session)

        session.delete(visits[1])
        session.execute(
            update(Job).where(Job.id == first.id).values(created_at=START - dt.timedelta(days=40))
        )
        session.commit()
        kept = _kept(session)
        assert kept == _direct(session)
        assert (first.id, 1) in {(row[0], row[2]) for row in kept}
        assert third.id not in {row[0] for row in kept}, "no visits left: counted 0"


def test_two_transactions_adding_visits_to_one_job_both_count(engine: Engine) -> None:
    with Session(engine) as session:
        (job,) = _jobs(session, 1)
        session.commit()
        job_id = job.id
    holding = Session(engine)
    holding.add(Visit(job_id=job_id, arrived_at=START + dt.timedelta(days=1)))
    holding.flush()  # its trigger holds the job's count until it commits
    done = threading.Event()

    def second() -> None:
        with Session(engine) as other:
            other.add(Visit(job_id=job_id, arrived_at=START))
            other.commit()
        done.set()

    worker = threading.Thread(target=second)
    worker.start()
    assert not done.wait(0.5), "the second transaction should wait for the first's count"
    holding.commit()
    holding.close()
    worker.join(10)
    assert done.is_set()
    with Session(engine) as session:
        kept = _kept(session)
        assert kept == _direct(session)
        assert [(row[0], row[2]) for row in kept] == [(job_id, 2)]
        assert kept[0][3] == START.replace(tzinfo=None)
