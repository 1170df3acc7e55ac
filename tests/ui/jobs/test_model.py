"""The job table model: lazy pages, ids in list order, search through the full-text index."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from fieldtech.domain.enums import JobStatus
from fieldtech.seed import seed
from fieldtech.store.capture import NO_CAPTURE
from fieldtech.store.engine import Store
from fieldtech.usecases.visit import NewJob, open_job
from tests.factories import TODAY, new_job
from ui.jobs.model import ALL_COLUMNS, PAGE_SIZE, Column, JobIdRole, JobTableModel
from ui.jobs.queries import job_ids, outbox_count, today_ids
from ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


def _seed(store: Store, technician: uuid.UUID, jobs: int) -> None:
    with store.sessions.begin() as session:
        session.info[NO_CAPTURE] = True
        seed(session, jobs=jobs, technician_id=technician, today=dt.date(2026, 11, 25))


def test_model_many_jobs_builds_only_rows_asked_for(
    qtbot: QtBot, store: Store, technician: uuid.UUID, runner: TaskRunner
) -> None:
    _seed(store, technician, 450)
    model = JobTableModel(store.read_sessions, runner, ALL_COLUMNS)
    model.set_ids(job_ids(store.read_sessions))
    assert model.rowCount() == 450
    assert model.rows_built == 0
    ticket = model.data(model.index(PAGE_SIZE + 5, model.column_of(Column.TICKET)))
    assert isinstance(ticket, str)
    assert ticket[6] == "-"
    assert model.rows_built == PAGE_SIZE


def test_model_in_a_view_builds_about_one_screen(
    qtbot: QtBot, store: Store, technician: uuid.UUID, runner: TaskRunner
) -> None:
    _seed(store, technician, 450)
    model = JobTableModel(store.read_sessions, runner, ALL_COLUMNS)
    model.set_ids(job_ids(store.read_sessions))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: model.rows_built > 0, timeout=2000)
    assert model.rows_built <= 2 * PAGE_SIZE
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rows_built > PAGE_SIZE, timeout=2000)
    assert model.rows_built <= 3 * PAGE_SIZE
    assert model.data(model.index(449, 0)) != "…"
    assert model.rowCount() == 450


def test_model_threaded_runner_shows_placeholder_then_row(
    qtbot: QtBot, store: Store, technician: uuid.UUID
) -> None:
    job = new_job(store.sessions)
    runner = TaskRunner()
    model = JobTableModel(store.read_sessions, runner, ALL_COLUMNS)
    model.set_ids([job])
    column = model.column_of(Column.CUSTOMER)
    first = model.data(model.index(0, column))
    with qtbot.waitSignal(model.dataChanged, timeout=2000):
        pass
    runner.shutdown()
    assert first == "…"
    assert model.data(model.index(0, column)) == "Zhang Wei 张伟"
    assert model.data(model.index(0, 0), JobIdRole) == job


def test_model_header_names_columns(qapp: object, store: Store, runner: TaskRunner) -> None:
    model = JobTableModel(store.read_sessions, runner, ALL_COLUMNS)
    headers = [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())]
    assert headers[:3] == ["Ticket", "Appointment", "Customer"]


def _open(store: Store, name: str, phone: str, serial: str, model: str) -> uuid.UUID:
    new = NewJob(
        customer_name=name,
        phone=phone,
        address="18 Jianguo Road, Beijing",
        category="product_fault",
        fault_description="No power",
        model=model,
        serial=serial,
    )
    return open_job(store.sessions, new, today=TODAY).id


@pytest.mark.parametrize(
    "query", ["202611-002", "Zhang Wei", "张伟", "13800138000", "SN-2024-000117", "WM-8000"]
)
def test_job_ids_search_finds_job_by_each_field(
    store: Store, technician: uuid.UUID, query: str
) -> None:
    other = _open(store, "Ahmed Karimi", "13911112222", "SN-2019-555", "DW-300")
    wanted = _open(store, "Zhang Wei 张伟", "13800138000", "SN-2024-000117", "WM-8000")
    assert job_ids(store.read_sessions, query) == [wanted]
    assert job_ids(store.read_sessions, "Karimi") == [other]


def test_job_ids_status_filter_keeps_only_that_status(store: Store, technician: uuid.UUID) -> None:
    _seed(store, technician, 200)
    assigned = job_ids(store.read_sessions, status=JobStatus.ASSIGNED)
    closed = job_ids(store.read_sessions, status=JobStatus.CLOSED)
    assert assigned
    assert closed
    assert not set(assigned) & set(closed)
    assert len(assigned) + len(closed) == 200


def test_today_ids_in_appointment_order(store: Store, technician: uuid.UUID) -> None:
    _seed(store, technician, 400)
    ids = today_ids(store.read_sessions, dt.date(2026, 11, 25), dt.UTC)
    assert ids
    model_rows = job_ids(store.read_sessions)
    assert set(ids) <= set(model_rows)


def test_outbox_count_counts_captured_changes(store: Store, technician: uuid.UUID) -> None:
    before = outbox_count(store.read_sessions)
    new_job(store.sessions)
    assert outbox_count(store.read_sessions) > before
