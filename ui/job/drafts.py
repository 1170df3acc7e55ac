"""Keystroke drafts of the diagnosis, kept in the encrypted store until the use case has saved them.

Autosave goes through `record_diagnosis` after a pause in typing, so the sync outbox gets one
change per pause rather than one per key. What was typed since the last pause is kept here, on
every keystroke, in the store's device-local settings (encrypted like everything else, never
synced), so a crash or a flat battery loses no character: the job screen restores the draft the
next time the job opens and saves it through the use case.
"""

from __future__ import annotations

import json
import uuid

from fieldtech.models import LocalSetting
from fieldtech.usecases import device
from fieldtech.usecases.common import Db
from fieldtech.usecases.visit import record_diagnosis

PREFIX = "ui.draft.diagnosis:"
FIELDS = ("symptoms", "cause", "fault_code", "checks_done")

Draft = dict[str, str]


def _key(job_id: uuid.UUID) -> str:
    return PREFIX + job_id.hex


def save_draft(db: Db, job_id: uuid.UUID, draft: Draft) -> None:
    with db.begin() as session:
        device.put_setting(session, _key(job_id), json.dumps(draft, ensure_ascii=False))


def load_draft(db: Db, job_id: uuid.UUID) -> Draft | None:
    with db() as session:
        raw = device.get_setting(session, _key(job_id))
    return None if raw is None else load_value(raw)


def save_diagnosis(db: Db, job_id: uuid.UUID, draft: Draft) -> None:
    """Record the diagnosis, then drop the draft unless newer keystrokes replaced it meanwhile."""
    record_diagnosis(db, job_id, **draft)
    with db.begin() as session:
        row = session.get(LocalSetting, _key(job_id))
        if row is not None and load_value(row.value) == draft:
            session.delete(row)


def load_value(raw: str) -> Draft | None:
    value = json.loads(raw)
    return {name: str(value.get(name, "")) for name in FIELDS} if isinstance(value, dict) else None
