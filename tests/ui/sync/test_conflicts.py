"""The conflict inbox and the status area's conflict count, over real conflict-log rows."""

from __future__ import annotations

import json
import uuid

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldtech.domain.enums import Side
from fieldtech.models.syncstate import ConflictEntry
from fieldtech.store.engine import Store
from ui.i18n import Translations
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.sync.conflicts import ConflictInbox
from ui.sync.work import read_facts
from ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


def _log_two(store: Store) -> None:
    with store.sessions.begin() as session:
        session.add(
            ConflictEntry(
                table_name="jobs",
                record_id=uuid.uuid4(),
                field="appointment_note",
                kept_value=json.dumps("Call before 9"),
                lost_value=json.dumps("Ring the bell twice"),
                kept_side=Side.OFFICE,
                reason="same_field_edit",
            )
        )
        session.add(
            ConflictEntry(
                table_name="diagnoses",
                record_id=uuid.uuid4(),
                field="cause",
                kept_value=None,
                lost_value=json.dumps("Worn belt"),
                kept_side=Side.OFFICE,
                reason="frozen",
            )
        )


def test_conflict_inbox_lists_plain_words_and_marks_seen(
    qtbot: QtBot, store: Store, runner: TaskRunner
) -> None:
    _log_two(store)
    assert read_facts(store.read_sessions).unseen_conflicts == 2
    inbox = ConflictInbox(store.sessions, store.read_sessions, runner)
    qtbot.addWidget(inbox)
    inbox.load()
    texts = {
        inbox.table.item(row, column).text()
        for row in range(inbox.table.rowCount())
        for column in range(inbox.table.columnCount())
    }
    assert inbox.table.rowCount() == 2
    assert "Job · appointment note" in texts
    assert "The office's value was kept" in texts
    assert "Ring the bell twice" in texts
    assert "You and the office changed the same field" in texts
    assert "The customer had already signed: a change needs a new signature" in texts
    assert read_facts(store.read_sessions).unseen_conflicts == 0


def test_conflict_inbox_empty_says_nothing_was_lost(
    qtbot: QtBot, store: Store, runner: TaskRunner
) -> None:
    inbox = ConflictInbox(store.sessions, store.read_sessions, runner)
    qtbot.addWidget(inbox)
    inbox.load()
    inbox.show()
    assert inbox.empty.isVisible()
    assert not inbox.table.isVisible()


def test_conflict_button_shows_count_and_opens_inbox_then_hides(
    qtbot: QtBot, store: Store, runner: TaskRunner, settings: Settings
) -> None:
    _log_two(store)
    main = MainWindow(store, runner, settings, Translations(QApplication.instance()))
    qtbot.addWidget(main)
    main.show()
    assert main.sync_area.conflicts.isVisible()
    assert main.sync_area.conflicts.text() == "Conflicts to review: 2"
    main.sync_area.conflicts.click()
    inbox = main.findChild(ConflictInbox)
    assert inbox is not None
    assert not main.sync_area.conflicts.isVisible()
