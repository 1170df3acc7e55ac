"""Never lose a keystroke: drafts survive kill -9 and are saved through the use case on reopen."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from fieldtech.models import Diagnosis, OutboxEntry
from fieldtech.store.engine import Store
from tests.factories import new_job
from tests.ui.job.typing_child import TEXT
from ui.job.drafts import load_draft, save_diagnosis, save_draft
from ui.job.screen import JobScreen
from ui.tasks import TaskRunner

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[3]
DRAFT = {"symptoms": "No spin", "cause": "", "fault_code": "E3", "checks_done": ""}


def _symptoms(store: Store, job: uuid.UUID) -> str | None:
    with store.read_sessions() as session:
        found = session.scalar(select(Diagnosis).where(Diagnosis.job_id == job))
        return found.symptoms if found else None


def test_kill_9_mid_typing_reopen_restores_and_saves_every_character(
    qtbot: QtBot, store: Store, technician: uuid.UUID, runner: TaskRunner
) -> None:
    job = new_job(store.sessions)
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.job.typing_child", str(store.path), str(job)],
        stdout=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"typed"
    finally:
        child.kill()
        child.wait()
        if child.stdout is not None:
            child.stdout.close()
    assert _symptoms(store, job) is None
    screen = JobScreen(store.sessions, store.read_sessions, runner)
    qtbot.addWidget(screen)
    screen.open_job(job)
    assert screen.diagnosis.symptoms.toPlainText() == TEXT
    assert _symptoms(store, job) == TEXT
    assert load_draft(store.sessions, job) is None


def test_save_diagnosis_keeps_a_newer_draft(store: Store, technician: uuid.UUID) -> None:
    job = new_job(store.sessions)
    save_draft(store.sessions, job, {**DRAFT, "symptoms": "No spin, typed later"}, 8)
    save_diagnosis(store.sessions, job, DRAFT, 7)
    assert _symptoms(store, job) == "No spin"
    kept = load_draft(store.sessions, job)
    assert kept is not None
    assert kept[1]["symptoms"] == "No spin, typed later"


def test_save_diagnosis_drops_an_older_draft(store: Store, technician: uuid.UUID) -> None:
    job = new_job(store.sessions)
    save_draft(store.sessions, job, {**DRAFT, "symptoms": "No sp"}, 6)
    save_diagnosis(store.sessions, job, DRAFT, 7)
    assert _symptoms(store, job) == "No spin"
    assert load_draft(store.sessions, job) is None


def test_save_draft_writes_nothing_to_sync(store: Store, technician: uuid.UUID) -> None:
    job = new_job(store.sessions)
    with store.read_sessions() as session:
        before = len(list(session.scalars(select(OutboxEntry.seq))))
    for n in range(5):
        save_draft(store.sessions, job, {**DRAFT, "symptoms": "x" * n}, n)
    with store.read_sessions() as session:
        assert len(list(session.scalars(select(OutboxEntry.seq)))) == before


def test_close_right_after_fast_typing_reopens_with_latest_text(
    qtbot: QtBot, store: Store, technician: uuid.UUID, runner: TaskRunner
) -> None:
    job = new_job(store.sessions)
    threaded = TaskRunner()
    first = JobScreen(store.sessions, store.read_sessions, threaded)
    qtbot.addWidget(first)
    first.open_job(job)
    qtbot.waitUntil(lambda: first.detail is not None, timeout=2000)
    qtbot.keyClicks(first.diagnosis.symptoms, TEXT)
    first.flush()
    threaded.shutdown()
    qtbot.waitUntil(lambda: threaded.pending == 0, timeout=2000)
    again = JobScreen(store.sessions, store.read_sessions, runner)
    qtbot.addWidget(again)
    again.open_job(job)
    assert again.diagnosis.symptoms.toPlainText() == TEXT
    assert _symptoms(store, job) == TEXT
