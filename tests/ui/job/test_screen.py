"""The job screen: autosave without a Save button, one-click visit times, parts, money, frozen jobs."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from fieldtech.models import Diagnosis, Job, Payment, VanStock, Visit
from fieldtech.store.engine import Store
from fieldtech.usecases.signoff import sign_off
from tests.factories import new_job
from ui.job.screen import JobScreen
from ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def screen(qtbot: QtBot, store: Store, runner: TaskRunner) -> JobScreen:
    widget = JobScreen(store.sessions, store.read_sessions, runner)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def _diagnosis(store: Store, job: uuid.UUID) -> Diagnosis | None:
    with store.read_sessions() as session:
        return session.scalar(select(Diagnosis).where(Diagnosis.job_id == job))


def test_diagnosis_typing_saves_after_pause_without_button(
    qtbot: QtBot, store: Store, technician: uuid.UUID, screen: JobScreen
) -> None:
    job = new_job(store.sessions)
    screen.open_job(job)
    screen.diagnosis.symptoms.setFocus()
    qtbot.keyClicks(screen.diagnosis.symptoms, "Drain pump hums, no water moves")
    qtbot.keyClicks(screen.diagnosis.fault_code, "E21")
    assert _diagnosis(store, job) is None
    qtbot.waitUntil(lambda: _diagnosis(store, job) is not None, timeout=3000)
    saved = _diagnosis(store, job)
    assert saved is not None
    assert saved.symptoms == "Drain pump hums, no water moves"
    qtbot.waitUntil(lambda: (_diagnosis(store, job) or saved).fault_code == "E21", timeout=3000)


def test_diagnosis_focus_leaving_field_saves_at_once(
    qtbot: QtBot, store: Store, technician: uuid.UUID, screen: JobScreen
) -> None:
    job = new_job(store.sessions)
    screen.open_job(job)
    screen.diagnosis.cause.setFocus()
    qtbot.keyClicks(screen.diagnosis.cause, "Sock in the pump filter")
    screen.diagnosis.checks.setFocus()
    qtbot.waitUntil(lambda: screen.diagnosis.checks.hasFocus(), timeout=1000)
    saved = _diagnosis(store, job)
    assert saved is not None
    assert saved.cause == "Sock in the pump filter"


def test_arrived_then_left_one_click_each(
    qtbot: QtBot, store: Store, technician: uuid.UUID, screen: JobScreen
) -> None:
    job = new_job(store.sessions)
    screen.open_job(job)
    assert screen.arrived_button.isEnabled()
    qtbot.mouseClick(screen.arrived_button, Qt.MouseButton.LeftButton)
    assert not screen.arrived_button.isEnabled()
    qtbot.mouseClick(screen.left_button, Qt.MouseButton.LeftButton)
    with store.read_sessions() as session:
        visits = list(session.scalars(select(Visit).where(Visit.job_id == job)))
    assert len(visits) == 1
    assert visits[0].arrived_at is not None
    assert visits[0].departed_at is not None


def test_part_below_van_stock_warns_and_records(
    qtbot: QtBot, store: Store, technician: uuid.UUID, screen: JobScreen
) -> None:
    job = new_job(store.sessions)
    screen.open_job(job)
    qtbot.keyClicks(screen.parts.part_number, "WM-BELT-07")
    screen.parts.quantity.setValue(2)
    qtbot.keyClicks(screen.parts.serial_fitted, "F-778")
    qtbot.mouseClick(screen.parts.add_button, Qt.MouseButton.LeftButton)
    assert "-1" in screen.parts.message.text()
    assert screen.parts.message.objectName() == "warningText"
    assert "WM-BELT-07" in screen.parts.used.text()
    with store.read_sessions() as session:
        stock = session.scalar(select(VanStock).where(VanStock.part_number == "WM-BELT-07"))
    assert stock is not None
    assert stock.quantity == -1


def test_card_payment_without_receipt_refused_then_taken(
    qtbot: QtBot, store: Store, technician: uuid.UUID, screen: JobScreen
) -> None:
    job = new_job(store.sessions)
    screen.open_job(job)
    money = screen.money
    money.method.setCurrentIndex(money.method.findText("Card"))
    money.amount.setText("120.00")
    qtbot.mouseClick(money.pay_button, Qt.MouseButton.LeftButton)
    assert "Receipt number" in money.message.text()
    qtbot.keyClicks(money.receipt, "POS-5531")
    qtbot.mouseClick(money.pay_button, Qt.MouseButton.LeftButton)
    with store.read_sessions() as session:
        paid = list(session.scalars(select(Payment).where(Payment.job_id == job)))
    assert [(p.amount, p.receipt_number) for p in paid] == [(Decimal("120.00"), "POS-5531")]


def test_signed_job_read_only_until_new_revision(
    qtbot: QtBot, store: Store, technician: uuid.UUID, screen: JobScreen
) -> None:
    job = new_job(store.sessions)
    sign_off(
        store.sessions,
        job,
        printed_name="Zhang Wei",
        strokes=[[(0, 0, 0.5), (10, 10, 0.5)]],
        image_png=b"\x89PNG fake",
    )
    screen.open_job(job)
    assert screen.frozen_banner.isVisibleTo(screen)
    assert screen.diagnosis.symptoms.isReadOnly()
    assert not screen.parts.add_button.isEnabled()
    assert not screen.money.pay_button.isEnabled()
    assert not screen.arrived_button.isVisibleTo(screen)
    qtbot.keyClicks(screen.diagnosis.symptoms, "typed into a frozen job")
    assert not screen.diagnosis.dirty
    qtbot.mouseClick(screen.revision_button, Qt.MouseButton.LeftButton)
    assert not screen.diagnosis.symptoms.isReadOnly()
    assert not screen.frozen_banner.isVisibleTo(screen)
    with store.read_sessions() as session:
        revised = session.get(Job, job)
    assert revised is not None
    assert revised.revision == 2
