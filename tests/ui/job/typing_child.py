"""A job screen in its own process that types into the diagnosis and then waits to be killed.

Run by test_drafts.py as `python -m tests.ui.job.typing_child STORE JOB_ID`: it prints "typed"
once the last draft is written, before the autosave pause has passed.
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
from ui.job.screen import JobScreen
from ui.tasks import TaskRunner

TEXT = "Pump hums, drum full of water, E21 on the display"


def main() -> None:
    path, job_id = Path(sys.argv[1]), uuid.UUID(sys.argv[2])
    app = QApplication([])
    store = open_store(path, TEST_KEY, on_sessionmaker=[install_capture])
    runner = TaskRunner()
    screen = JobScreen(store.sessions, store.read_sessions, runner)
    screen.show()
    screen.open_job(job_id)
    while screen.detail is None:
        app.processEvents()
    QTest.keyClicks(screen.diagnosis.symptoms, TEXT)
    while runner.pending:
        app.processEvents()
    if screen.diagnosis.dirty is not True:
        raise SystemExit("the autosave pause passed while typing; the test proves nothing")
    print("typed", flush=True)
    time.sleep(60)


if __name__ == "__main__":
    main()
