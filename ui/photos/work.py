"""Photo work for the database worker: read a file, check it decodes, store it, make thumbnails.

QImage (unlike QPixmap) is safe off the GUI thread, so decoding and scaling happen on the worker
and the GUI thread only turns the small thumbnails into pixmaps.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from fieldtech.domain.errors import ValidationError
from fieldtech.usecases.attachments import MAX_ATTACHMENT_BYTES
from fieldtech.usecases.common import Db
from fieldtech.usecases.photos import (
    PhotoRef,
    add_job_photo,
    job_photos,
    media_type_of,
    photo_bytes,
    store_photo,
)

THUMB_SIZE = QSize(144, 108)


@dataclass(frozen=True)
class Thumb:
    """One photo as the strip shows it; `image` is None while a synced photo's bytes are away."""

    key: str
    """The attachment id (a job's photo) or the SHA-256 (a photo in a draft)."""
    ref: PhotoRef
    image: QImage | None
    locked: bool = False
    """Part of a signed receipt: shown, never removed."""


def read_photo(path: Path) -> bytes:
    """The file's bytes, with a plain refusal when it cannot be read or is not a picture."""
    try:
        if path.stat().st_size > MAX_ATTACHMENT_BYTES:
            megabytes = MAX_ATTACHMENT_BYTES // (1024 * 1024)
            raise ValidationError(
                "photo",
                f"{path.name} is larger than {megabytes} MB; choose a smaller photo",
                problem="too_large",
                name=path.name,
            )
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or "it could not be opened"
        raise ValidationError(
            "photo",
            f"{path.name} could not be read ({reason})",
            problem="unreadable",
            name=path.name,
        ) from None
    media_type_of(path.name, data)
    if decode(data) is None:
        raise ValidationError(
            "photo",
            f"{path.name} is damaged or cut short; copy it again or take a new photo",
            problem="damaged",
            name=path.name,
        )
    return data


def _reader(data: bytes) -> tuple[QImageReader, QBuffer]:
    """A reader over the bytes; the caller holds the buffer for as long as the reader reads."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    return reader, buffer


def decode(data: bytes) -> QImage | None:
    reader, _buffer = _reader(data)
    image = reader.read()
    return None if image.isNull() else image


def thumbnail(data: bytes | None) -> QImage | None:
    """A small picture for the strip; JPEG decodes straight at the small size, which is fast."""
    if not data:
        return None
    reader, _buffer = _reader(data)
    size = reader.size()
    if size.isValid() and (
        size.width() > THUMB_SIZE.width() or size.height() > THUMB_SIZE.height()
    ):
        reader.setScaledSize(size.scaled(THUMB_SIZE, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return None
    if image.width() > THUMB_SIZE.width() or image.height() > THUMB_SIZE.height():
        image = image.scaled(
            THUMB_SIZE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image


def full_image(read_db: Db, sha256: str, max_side: int) -> QImage | None:
    """A stored photo for the viewer, decoded no larger than `max_side` on its longer side (a
    12-megapixel JPEG decodes at a fraction of the cost); None while its bytes are away."""
    data = photo_bytes(read_db, sha256)
    if not data:
        return None
    reader, _buffer = _reader(data)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > max_side:
        bound = QSize(max_side, max_side)
        reader.setScaledSize(size.scaled(bound, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


def import_job_photo(db: Db, job_id: uuid.UUID, path: Path) -> Thumb:
    data = read_photo(path)
    attachment = add_job_photo(db, job_id, path.name, data)
    ref = PhotoRef(attachment.sha256, attachment.filename, attachment.media_type, len(data))
    return Thumb(str(attachment.id), ref, thumbnail(data))


def import_draft_photo(db: Db, path: Path) -> Thumb:
    data = read_photo(path)
    ref = store_photo(db, path.name, data)
    return Thumb(ref.sha256, ref, thumbnail(data))


def store_image(db: Db, image: QImage, filename: str) -> Thumb:
    """A camera frame, as JPEG, into the store (for a draft)."""
    data = jpeg(image)
    ref = store_photo(db, filename, data)
    return Thumb(ref.sha256, ref, thumbnail(data))


def add_job_image(db: Db, job_id: uuid.UUID, image: QImage, filename: str) -> Thumb:
    """A camera frame, as JPEG, attached to the job."""
    data = jpeg(image)
    attachment = add_job_photo(db, job_id, filename, data)
    ref = PhotoRef(attachment.sha256, attachment.filename, attachment.media_type, len(data))
    return Thumb(str(attachment.id), ref, thumbnail(data))


def jpeg(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 90)  # type: ignore[call-overload]  # the stubs say bytes; PySide takes str
    buffer.close()
    return bytes(data.data())


def job_thumbs(read_db: Db, job_id: uuid.UUID) -> list[Thumb]:
    """A job's photos with thumbnails; a receipt's photos are locked."""
    return [
        Thumb(str(attachment_id), ref, thumbnail(photo_bytes(read_db, ref.sha256)), bool(receipt))
        for attachment_id, ref, receipt in job_photos(read_db, job_id)
    ]


def draft_thumbs(read_db: Db, refs: list[PhotoRef]) -> list[Thumb]:
    return [Thumb(ref.sha256, ref, thumbnail(photo_bytes(read_db, ref.sha256))) for ref in refs]
