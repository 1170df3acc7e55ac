"""How a sync can fail, as states with plain words, never as a crash of the caller."""

from __future__ import annotations

from enum import StrEnum


class SyncState(StrEnum):
    OK = "ok"
    OFFLINE = "offline"
    UNREACHABLE = "unreachable"
    SIGNED_OUT = "signed_out"
    REVOKED = "revoked"
    WIPE_REQUESTED = "wipe_requested"
    CLOCK_SKEW = "clock_skew"
    SERVER_ERROR = "server_error"
    INCOMPATIBLE = "incompatible"


class TransportError(Exception):
    """A request did not get a usable answer; `state` says why in a way the UI can show."""

    def __init__(self, state: SyncState, message: str) -> None:
        super().__init__(message)
        self.state = state
        self.message = message
