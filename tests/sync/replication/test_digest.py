"""The end-of-sync digest: additive sums kept on both ends, and protocol-1 digests still served."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from fieldtech.models import Job, LocalSetting, RecordVersion
from fieldtech.store.capture import CURSOR_SETTING
from fieldtech.store.digest import bucket_totals, record_hash
from sync.client.apply import local_totals
from sync.protocol.digest import digests
from sync.protocol.schemas import PROTOCOL_VERSION, PullRequest, PullResponse
from sync.server.replication.pull import pull
from sync.server.replication.tables import DeviceDigest
from tests.sync.replication.harness import Laptop, add_technician, office, register_device
from tests.sync.replication.test_round_trip import office_job

World = tuple[sessionmaker[Session], Laptop, uuid.UUID]


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    sessions = office(tmp_path)
    tech = add_technician(sessions, "li.na")
    laptop = Laptop(tmp_path / "laptop", sessions, tech, "K7Q2")
    register_device(sessions, laptop, "li.na")
    for n in range(3):
        office_job(sessions, tech, name=f"Customer {n}")
    assert laptop.engine.sync().ok
    yield sessions, laptop, tech
    laptop.close()


def _versions(laptop: Laptop) -> list[tuple[uuid.UUID | None, uuid.UUID, int]]:
    with laptop.db() as session:
        query = select(RecordVersion.scope, RecordVersion.record_id, RecordVersion.version)
        return [(s, r, v) for s, r, v in session.execute(query)]


def test_laptop_sums_are_what_its_record_versions_add_up_to(world: World) -> None:
    _, laptop, _ = world
    with laptop.db() as session:
        kept = local_totals(session)
    held = _versions(laptop)
    assert sum(t.records for t in kept.values()) == len(held) > 0
    assert kept == bucket_totals(held)
    with laptop.db.begin() as session:  # changed behind the engine's back: the triggers see it
        version = session.scalars(select(RecordVersion)).first()
        assert version is not None
        version.version += 1
        version.digest = record_hash(version.record_id, version.version)
        version.scope = uuid.uuid4()  # moved to another bucket
        session.delete(session.scalars(select(RecordVersion)).all()[-1])
    held = _versions(laptop)
    with laptop.db() as session:
        assert local_totals(session) == bucket_totals(held)


def test_quiet_sync_is_one_small_answer_from_stored_sums(world: World) -> None:
    sessions, laptop, _ = world
    assert laptop.engine.sync().ok
    with sessions() as session:
        stored = session.get(DeviceDigest, laptop.ctx.device_id)
        assert stored is not None
        seq = stored.seq
    answers: list[str] = []
    real = laptop.transport.post

    def spy(path: str, body: dict[str, object]) -> dict[str, object]:
        answer = real(path, body)
        answers.append(json.dumps(answer, separators=(",", ":")))
        return answer

    laptop.transport.post = spy  # type: ignore[method-assign]
    laptop.transport.calls.clear()
    report = laptop.engine.sync()
    assert report.ok, report.message
    assert laptop.transport.calls == ["/api/v1/sync/pull"]
    assert report.resynced_buckets == []
    assert len(answers[0]) <= 512, answers[0]
    assert "scope_total" in answers[0]
    with sessions() as session:
        assert session.get(DeviceDigest, laptop.ctx.device_id).seq == seq  # type: ignore[union-attr]


def test_office_change_refreshes_the_stored_sums(world: World) -> None:
    sessions, laptop, _ = world
    assert laptop.engine.sync().ok
    with sessions.begin() as session:
        job = session.scalars(select(Job)).first()
        assert job is not None
        job.fault_description = "changed at the office"
    report = laptop.engine.sync()
    assert report.ok, report.message
    assert report.pulled == 1
    assert report.resynced_buckets == []  # the new version is in both ends' sums
    with laptop.db() as session:
        assert session.get(Job, job.id).fault_description == "changed at the office"  # type: ignore[union-attr]


def test_version_1_client_still_gets_sha256_digests_and_no_new_fields(world: World) -> None:
    sessions, laptop, _ = world
    assert laptop.engine.sync().ok
    with laptop.db() as session:
        setting = session.get(LocalSetting, CURSOR_SETTING)
        assert setting is not None
        cursor = int(setting.value)
    body = {"protocol": PROTOCOL_VERSION, "sequence": 10_000, "cursor": cursor, "want_digest": True}
    with sessions.begin() as session:
        answer = pull(session, laptop.ctx, PullRequest.model_validate(body))
    wire = json.loads(answer.model_dump_json())
    assert "scope_total" not in wire
    assert "mismatched_buckets" not in wire
    assert wire["digests"] == [json.loads(d.model_dump_json()) for d in digests(_versions(laptop))]
    PullResponse.model_validate(wire)
