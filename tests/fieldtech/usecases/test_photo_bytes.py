"""A photo taken off a job, a draft or the laptop by a sync leaves no bytes behind, unless
another record still uses them."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from sqlalchemy import create_engine, delete, event, select
from sqlalchemy.orm import Session, sessionmaker

from fieldtech.domain.enums import DocumentKind, SignerRole
from fieldtech.models import Attachment, Blob, LocalSetting, Signature
from fieldtech.store.capture import NO_CAPTURE
from fieldtech.usecases.attachments import (
    DRAFT_KEY_PREFIX,
    attachment_hashes,
    drop_bytes_let_go,
    drop_unused_blobs,
    put_blob,
)
from fieldtech.usecases.common import Db
from fieldtech.usecases.photos import add_job_photo, forget_photo, remove_job_photo, store_photo
from tests.factories import new_job

SECRET = b"customer-front-door-photo-" * 400
PIECE = SECRET[:1000]
"""Short enough to sit whole inside one page of the file."""


def jpeg(mark: bytes = b"") -> bytes:
    return b"\xff\xd8\xff\xe0" + mark + SECRET


def blob_hashes(db: Db) -> set[str]:
    with db() as session:
        return set(session.scalars(select(Blob.sha256)))


def test_remove_job_photo_drops_its_bytes(db: Db, technician: uuid.UUID) -> None:
    job = new_job(db)
    photo = add_job_photo(db, job, "front.jpg", jpeg())
    assert photo.sha256 in blob_hashes(db)
    remove_job_photo(db, photo.id)
    assert photo.sha256 not in blob_hashes(db)


def test_remove_job_photo_bytes_another_job_uses_stay_until_it_goes(
    db: Db, technician: uuid.UUID
) -> None:
    first = add_job_photo(db, new_job(db), "same.jpg", jpeg())
    second = add_job_photo(db, new_job(db), "same.jpg", jpeg())
    remove_job_photo(db, first.id)
    assert second.sha256 in blob_hashes(db)
    remove_job_photo(db, second.id)
    assert second.sha256 not in blob_hashes(db)


def test_forget_photo_kept_while_a_saved_draft_names_it(db: Db, technician: uuid.UUID) -> None:
    ref = store_photo(db, "draft.jpg", jpeg(b"draft"))
    key = f"{DRAFT_KEY_PREFIX}pickup:{uuid.uuid4().hex}"
    with db.begin() as session:
        draft = json.dumps({"photos": [{"sha256": ref.sha256}]})
        session.add(LocalSetting(key=key, value=draft))
    assert not forget_photo(db, ref.sha256)
    assert ref.sha256 in blob_hashes(db)
    with db.begin() as session:
        session.execute(delete(LocalSetting).where(LocalSetting.key == key))
    assert forget_photo(db, ref.sha256)
    assert ref.sha256 not in blob_hashes(db)


def test_bytes_a_sync_let_go_dropped_and_a_new_draft_photo_kept(
    db: Db, technician: uuid.UUID
) -> None:
    """What the pull does when the office deleted a photo: the row goes, without capture."""
    kept = add_job_photo(db, new_job(db), "kept.jpg", jpeg(b"kept"))
    gone = add_job_photo(db, new_job(db), "gone.jpg", jpeg(b"gone"))
    held = attachment_hashes(db)
    just_added = store_photo(db, "new.jpg", jpeg(b"new"))  # a draft's photo, not saved yet
    with db.begin() as session:
        session.info[NO_CAPTURE] = True
        session.execute(delete(Attachment).where(Attachment.id == gone.id))
    assert drop_bytes_let_go(db, held) == 1
    assert blob_hashes(db) == {kept.sha256, just_added.sha256}


def test_signature_image_bytes_count_as_in_use(db: Db, technician: uuid.UUID) -> None:
    job = new_job(db)
    with db.begin() as session:
        digest = put_blob(session, b"\x89PNG ink")
        session.add(
            Signature(
                job_id=job,
                document_kind=DocumentKind.REPAIR_SLIP,
                subject_id=job,
                signer_role=SignerRole.CUSTOMER,
                printed_name="Li Na",
                image_sha256=digest,
                content_hash="0" * 64,
            )
        )
    with db.begin() as session:
        assert drop_unused_blobs(session, [digest]) == 0
    assert digest in blob_hashes(db)


def test_dropped_bytes_are_overwritten_in_the_file(tmp_path: Path) -> None:
    """Checked on a plain SQLite file (the store's is encrypted, so its bytes never show) whose
    connections do not overwrite by default: a plain delete leaves the photo in a free page,
    the drop overwrites it."""
    tables = [Blob.metadata.tables[t] for t in ("blobs", "attachments", "signatures")]
    tables.append(Blob.metadata.tables["local_settings"])

    def file_after(drop: bool) -> bytes:
        path = tmp_path / f"plain-{drop}.db"
        engine = create_engine(f"sqlite:///{path}")
        event.listen(engine, "connect", lambda conn, _: conn.execute("PRAGMA secure_delete = OFF"))
        Blob.metadata.create_all(engine, tables=tables)
        db = sessionmaker(engine)
        with db.begin() as session:
            digest = put_blob(session, jpeg())
        with db.begin() as session:
            if drop:
                assert drop_unused_blobs(session, [digest]) == 1
            else:
                session.execute(delete(Blob).where(Blob.sha256 == digest))
        with Session(engine) as session:
            assert session.scalar(select(Blob.sha256)) is None
        engine.dispose()
        return path.read_bytes()

    assert PIECE in file_after(drop=False)
    assert PIECE not in file_after(drop=True)
