"""Every keystroke of a receipt being filled in, kept in the encrypted store until it is signed.

A pickup or return receipt is written only once, when both sides sign. Until then what was typed
(and the photos added, and the strokes drawn) lives in the store's device-local settings, never
synced, written on each change: a crash or a flat battery loses nothing, and the form comes back
as it was the next time it opens for that job.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from fieldtech.models import LocalSetting
from fieldtech.usecases import device
from fieldtech.usecases.attachments import DRAFT_KEY_PREFIX
from fieldtech.usecases.common import Db
from ui.tasks import TaskRunner

PREFIX = DRAFT_KEY_PREFIX

Values = dict[str, Any]


def _key(form: str, job_id: uuid.UUID) -> str:
    return f"{PREFIX}{form}:{job_id.hex}"


def save_form_draft(db: Db, form: str, job_id: uuid.UUID, values: Values) -> None:
    with db.begin() as session:
        device.put_setting(session, _key(form, job_id), json.dumps(values, ensure_ascii=False))


def load_form_draft(db: Db, form: str, job_id: uuid.UUID) -> Values | None:
    with db() as session:
        raw = device.get_setting(session, _key(form, job_id))
    if raw is None:
        return None
    value = json.loads(raw)
    return value if isinstance(value, dict) else None


def drop_form_draft(db: Db, form: str, job_id: uuid.UUID) -> None:
    with db.begin() as session:
        row = session.get(LocalSetting, _key(form, job_id))
        if row is not None:
            session.delete(row)


class DraftKeeper(QObject):
    """Writes a form's values on every change; changes made during a write coalesce into one."""

    def __init__(
        self, db: Db, runner: TaskRunner, form: str, job_id: uuid.UUID, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._form = form
        self._job_id = job_id
        self._in_flight = False
        self._latest: Values | None = None
        self.enabled = True
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)

    def changed(self, values: Values) -> None:
        if not self.enabled:
            return
        self._latest = values
        if not self._in_flight:
            self._write()

    def flush(self) -> None:
        """Queue the latest values now (closing, quitting): the serial worker keeps the order."""
        if self._latest is not None and self.enabled:
            self._write()

    def drop(self) -> None:
        self.enabled = False
        self._latest = None
        self._runner.run(drop_form_draft, self._db, self._form, self._job_id)

    def _write(self) -> None:
        values, self._latest = self._latest, None
        self._in_flight = True
        self._runner.run(
            save_form_draft,
            self._db,
            self._form,
            self._job_id,
            values,
            on_done=self._written,
            on_error=self._written,
        )

    def _written(self, _: object) -> None:
        self._in_flight = False
        if self._latest is not None and self.enabled:
            self._write()
