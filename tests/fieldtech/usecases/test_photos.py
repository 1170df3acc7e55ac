"""Photos on a job and on a pickup receipt, and receipts signed with the signature's image."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select

from fieldtech.documents import build
from fieldtech.domain.enums import AttachmentKind, DocumentKind, SignerRole
from fieldtech.domain.errors import FrozenRecordError, ValidationError
from fieldtech.models import Attachment, Blob, OutboxEntry, Signature
from fieldtech.rules.calendar import WorkingCalendar
from fieldtech.usecases.common import Db
from fieldtech.usecases.documents import pickup_receipt_for, pickup_receipt_hash
from fieldtech.usecases.photos import (
    add_job_photo,
    job_photos,
    media_type_of,
    remove_job_photo,
    store_photo,
)
from fieldtech.usecases.signoff import sign_off
from fieldtech.usecases.visit import record_arrival
from fieldtech.usecases.workshop import Ink, return_item, take_item_back
from tests.factories import new_job

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
INK = Ink(strokes=[[[0.1, 0.5, 0.5], [0.4, 0.6, 0.5]]], png=PNG)


def test_media_type_of_known_pictures_by_first_bytes() -> None:
    assert media_type_of("a.jpg", JPEG) == "image/jpeg"
    assert media_type_of("renamed.txt", PNG) == "image/png"
    assert media_type_of("x.webp", b"RIFF\x10\x00\x00\x00WEBPVP8 ") == "image/webp"


@pytest.mark.parametrize(
    ("data", "words"),
    [(b"", "is empty"), (b"%PDF-1.7 not a photo", "not a picture"), (b"\x00" * 30, "JPEG, PNG")],
)
def test_media_type_of_other_bytes_refused_in_plain_words(data: bytes, words: str) -> None:
    with pytest.raises(ValidationError, match=words) as caught:
        media_type_of("/home/li/scan.pdf", data)
    assert caught.value.field == "photo"
    assert "/home/li" not in caught.value.reason


def test_add_job_photo_stores_bytes_once_and_queues_sync(db: Db, technician: uuid.UUID) -> None:
    job_id = new_job(db)
    first = add_job_photo(db, job_id, "C:\\Users\\li\\Pictures\\front.jpg", JPEG)
    add_job_photo(db, job_id, "again.jpg", JPEG)
    photos = job_photos(db, job_id)
    assert [p.filename for _, p, _ in photos] == ["front.jpg", "again.jpg"]
    with db() as session:
        assert len(list(session.scalars(select(Blob)))) == 1
        queued = session.scalars(select(OutboxEntry).where(OutboxEntry.record_id == first.id)).all()
        assert queued
    remove_job_photo(db, first.id)
    assert [p.filename for _, p, _ in job_photos(db, job_id)] == ["again.jpg"]


def test_add_job_photo_signed_job_refused(db: Db, technician: uuid.UUID) -> None:
    job_id = new_job(db)
    sign_off(db, job_id, printed_name="Zhang Wei", strokes=INK.strokes, image_png=PNG)
    with pytest.raises(FrozenRecordError):
        add_job_photo(db, job_id, "late.jpg", JPEG)


def test_take_item_back_photos_and_inks_are_on_the_signed_receipt(
    db: Db, technician: uuid.UUID
) -> None:
    job_id = new_job(db)
    record_arrival(db, job_id)
    photo = store_photo(db, "scratch.png", PNG)
    receipt = take_item_back(
        db,
        job_id,
        condition="Scratch on the lid",
        accessories=["Power cord"],
        reason="Board fault",
        calendar=WorkingCalendar(),
        today=dt.date(2026, 11, 25),
        customer_name="Zhang Wei",
        technician_name="Li Na",
        photos=[photo],
        customer_ink=INK,
        technician_ink=INK,
    )
    with db() as session:
        data = pickup_receipt_for(session, receipt.id)
        assert [p.name for p in data.photos] == ["scratch.png"]
        assert data.customer_signature is not None
        assert data.customer_signature.image_png == PNG
        assert data.technician_signature is not None
        signatures = session.scalars(
            select(Signature).where(Signature.subject_id == receipt.id)
        ).all()
        assert {s.signer_role for s in signatures} == {SignerRole.CUSTOMER, SignerRole.TECHNICIAN}
        assert all(s.content_hash == pickup_receipt_hash(session, receipt.id) for s in signatures)
        assert all(s.strokes == INK.strokes for s in signatures)
        kinds = sorted(
            a.kind
            for a in session.scalars(select(Attachment).where(Attachment.receipt_id == receipt.id))
        )
        assert kinds == [AttachmentKind.PHOTO, AttachmentKind.SIGNATURE, AttachmentKind.SIGNATURE]
        assert build.latest_pickup_for_job(session, job_id) == receipt.id


def test_take_item_back_empty_ink_names_the_signer(db: Db, technician: uuid.UUID) -> None:
    job_id = new_job(db)
    record_arrival(db, job_id)
    with pytest.raises(ValidationError) as caught:
        take_item_back(
            db,
            job_id,
            condition="ok",
            accessories=[],
            reason="why",
            calendar=WorkingCalendar(),
            today=dt.date(2026, 11, 25),
            customer_name="Zhang Wei",
            technician_name="Li Na",
            customer_ink=INK,
            technician_ink=Ink(strokes=[], png=PNG),
        )
    assert caught.value.field == "technician_signature"


def test_return_item_with_ink_prints_the_signature(db: Db, technician: uuid.UUID) -> None:
    job_id = new_job(db)
    record_arrival(db, job_id)
    pickup = take_item_back(
        db,
        job_id,
        condition="ok",
        accessories=[],
        reason="why",
        calendar=WorkingCalendar(),
        today=dt.date(2026, 11, 25),
        customer_name="Zhang Wei",
        technician_name="Li Na",
    )
    back = return_item(
        db,
        pickup.id,
        work_done="Board replaced",
        condition_on_return="As taken",
        charges_total="0",
        customer_name="Zhang Wei",
        customer_ink=INK,
    )
    with db() as session:
        signed = session.scalar(
            select(Signature).where(
                Signature.document_kind == DocumentKind.RETURN_RECEIPT,
                Signature.subject_id == back.id,
            )
        )
        assert signed is not None
        assert signed.image_sha256
        assert session.get(Blob, signed.image_sha256) is not None
