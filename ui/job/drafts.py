"""Keystroke drafts of the diagnosis, kept in the encrypted store until the use case has saved them.

Autosave goes through `record_diagnosis` after a pause in typing, so the sync outbox gets one
change per pause rather than one per key. What was typed since the last pause is kept here, on
every keystroke, in the store's device-local settings (encrypted like everything else, never
synced), so a crash or a flat battery loses no character: the job screen restores the draft the
next time the job opens and saves it through the use case.

Each draft carries the form's edit number. Saving the diagnosis as of edit N removes a draft of
edit N or older, never a newer one written meanwhile.
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


def _decode(raw: str) -> tuple[int, Draft] | None:
    value = json.loads(raw)
    if not isinstance(value, dict) or not isinstance(value.get("fields"), dict):
        return None
    fields = value["fields"]
    return int(value.get("edit", 0)), {name: str(fields.get(name, "")) for name in FIELDS}


def save_draft(db: Db, job_id: uuid.UUID, draft: Draft, edit: int) -> None:
    with db.begin() as session:
        text = json.dumps({"edit": edit, "fields": draft}, ensure_ascii=False)
        device.put_setting(session, _key(job_id), text)


def load_draft(db: Db, job_id: uuid.UUID) -> tuple[int, Draft] | None:
    """The stored draft and its edit number (a form restoring it continues counting from there)."""
    with db() as session:
        raw = device.get_setting(session, _key(job_id))
    return None if raw is None else _decode(raw)


def save_diagnosis(db: Db, job_id: uuid.UUID, draft: Draft, edit: int) -> None:
    """Record the diagnosis as of `edit`, then drop any draft that is not newer."""
    record_diagnosis(db, job_id, **draft)
    with db.begin() as session:
        row = session.get(LocalSetting, _key(job_id))
        decoded = None if row is None else _decode(row.value)
        if row is not None and (decoded is None or decoded[0] <= edit):
            session.delete(row)


def drop_draft(db: Db, job_id: uuid.UUID) -> None:
    with db.begin() as session:
        row = session.get(LocalSetting, _key(job_id))
        if row is not None:
            session.delete(row)
