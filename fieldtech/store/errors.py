"""Errors of the technician's local store: each says what happened and what the user can do."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fieldtech.domain.errors import FieldTechError

if TYPE_CHECKING:
    from fieldtech.store.recovery import RecoveryReport


class StoreError(FieldTechError):
    """Base of every failure to open or write the local store."""

    code = "store"


class StoreKeyError(StoreError):
    """The key does not open the file: the keyring holds another key, or the file is someone else's."""

    code = "store_key"


class StoreTooNewError(StoreError):
    """The file was migrated by a newer app; this older app must not touch it."""

    code = "store_too_new"


class StoreFullError(StoreError):
    """A write failed for lack of space; SQLite rolled it back, everything committed before is kept."""

    code = "disk_full"


class BackupError(StoreError):
    """A backup could not be made; the earlier backups are all still there."""

    code = "backup_failed"


class StoreCorruptError(StoreError):
    """The file failed its integrity check and no good backup could replace it."""

    code = "store_corrupt"

    def __init__(self, message: str, report: RecoveryReport, **params: Any) -> None:
        super().__init__(message, **params)
        self.report = report
