"""A take-back wizard in its own process that types every field, then waits to be killed.

Run by test_take_back_crash.py as `python -m tests.ui.workshop.wizard_child STORE JOB_ID`: it
prints "typed" once the worker has written the last keystroke's draft.
"""

from __future__ import annotations

import sys
import time
import uuid
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from fieldtech.store.capture import install_capture
from fieldtech.store.engine import open_store
from tests.ui.conftest import TEST_KEY
from ui.tasks import TaskRunner
from ui.workshop.wizard import TakeBackWizard

TYPED = "Dent on the right side panel, door seal torn"
PASTED = " 门封条破损"
CONDITION = TYPED + PASTED
ACCESSORIES = "Power cord"
REASON = "Main board must be replaced"


def main() -> None:
    path, job_id = Path(sys.argv[1]), uuid.UUID(sys.argv[2])
    app = QApplication([])
    store = open_store(path, TEST_KEY, on_sessionmaker=[install_capture])
    runner = TaskRunner()
    wizard = TakeBackWizard(store.sessions, store.read_sessions, runner, job_id)
    wizard.show()
    wizard.load()
    while wizard.context is None:
        app.processEvents()
        if wizard.condition_page.message.text():
            raise SystemExit(wizard.condition_page.message.text())
    QTest.keyClicks(wizard.condition, TYPED)
    wizard.condition.insertPlainText(PASTED)
    QTest.keyClicks(wizard.accessories, ACCESSORIES)
    wizard.next()
    wizard.next()
    QTest.keyClicks(wizard.reason, REASON)
    while runner.pending:
        app.processEvents()
    print("typed", flush=True)
    time.sleep(60)


if __name__ == "__main__":
    main()
