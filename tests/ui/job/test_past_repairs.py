"""What fixed it last time: the job screen lists matching fault cases from the local library."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldtech.domain.enums import FaultOutcome
from fieldtech.models import FaultCase, ProductCategory
from fieldtech.store.engine import Store
from tests.factories import new_job
from ui.i18n import Translations
from ui.job.screen import JobScreen
from ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


def _library(store: Store) -> None:
    with store.sessions.begin() as session:
        session.add(ProductCategory(code="washer", name="Washing machine"))
        for model, code, day, cause in (
            ("WM-8000", "E21", 2, "Coin jammed in the drain pump"),
            ("WM-9000", "E21", 20, "Drain hose kinked behind the machine"),
            ("WM-8000", "F05", 25, "Door lock switch worn"),
            ("DW-100", "F05", 26, "Dishwasher heater open circuit"),
        ):
            session.add(
                FaultCase(
                    brand="Haier",
                    model=model,
                    category_code="washer",
                    fault_code=code,
                    symptoms="Stops mid-cycle",
                    cause=cause,
                    work_done="Cleared and tested",
                    parts=[
                        {"part_number": "WM-PUMP-01", "description": "Drain pump", "quantity": 1}
                    ],
                    repaired_on=dt.date(2026, 10, day),
                    outcome=FaultOutcome.FIXED,
                )
            )


def _shown(screen: JobScreen) -> list[tuple[str, str]]:
    return [
        (card.badge.text(), card.body.text())
        for card in screen.past_repairs.cards
        if not card.isHidden()
    ]


def test_past_repairs_follow_the_typed_fault_code_best_match_first(
    qtbot: QtBot, store: Store, technician: uuid.UUID, runner: TaskRunner
) -> None:
    _library(store)
    job = new_job(store.sessions)  # a WM-8000 with no fault code yet
    screen = JobScreen(store.sessions, store.read_sessions, runner)
    qtbot.addWidget(screen)
    screen.resize(1200, 900)
    screen.show()
    screen.open_job(job)
    shown = _shown(screen)
    assert [badge for badge, _ in shown] == ["Same model", "Same model"]
    assert "Door lock switch worn" in shown[0][1]  # newest first

    qtbot.keyClicks(screen.diagnosis.fault_code, "e21")
    qtbot.waitUntil(lambda: len(_shown(screen)) == 3, timeout=3000)
    shown = _shown(screen)
    assert [badge for badge, _ in shown] == [
        "Same model and fault code",
        "Same fault code",
        "Same model",
    ]
    assert "Coin jammed in the drain pump" in shown[0][1]
    assert "Parts: WM-PUMP-01 Drain pump ×1" in shown[0][1]
    heading = screen.past_repairs.cards[0].heading.text()
    assert "Haier WM-8000" in heading
    assert "Washing machine" in heading
    assert "Fixed" in heading

    screen.diagnosis.fault_code.clear()
    qtbot.keyClicks(screen.diagnosis.fault_code, "X99")
    qtbot.waitUntil(lambda: _shown(screen)[0][0] == "Same model", timeout=3000)
    assert len(_shown(screen)) == 2


def test_past_repairs_no_match_says_so(
    qtbot: QtBot, store: Store, technician: uuid.UUID, runner: TaskRunner
) -> None:
    job = new_job(store.sessions)
    screen = JobScreen(store.sessions, store.read_sessions, runner)
    qtbot.addWidget(screen)
    screen.open_job(job)
    assert _shown(screen) == []
    assert screen.past_repairs.hint.text() == "No past repairs of this model or fault code yet."


def test_past_repairs_refresh_shows_cases_that_arrived_and_speak_chinese(
    qtbot: QtBot, store: Store, technician: uuid.UUID, runner: TaskRunner, qapp: QApplication
) -> None:
    job = new_job(store.sessions)
    screen = JobScreen(store.sessions, store.read_sessions, runner)
    qtbot.addWidget(screen)
    screen.open_job(job)
    assert _shown(screen) == []
    _library(store)  # as a sync would bring them
    screen.past_repairs.refresh()
    assert len(_shown(screen)) == 2
    translations = Translations(qapp)
    try:
        assert translations.set_language("zh_CN")
        qtbot.waitUntil(lambda: screen.past_repairs.title() == "以前是怎么修好的")
        assert [badge for badge, _ in _shown(screen)] == ["同型号", "同型号"]
        assert "原因：" in _shown(screen)[0][1]
    finally:
        translations.set_language("en")
    qtbot.waitUntil(lambda: screen.past_repairs.title() == "What fixed it last time")
