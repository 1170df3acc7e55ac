"""Plain words for each way a sign-in or sync can end, with what the technician should do."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from sync.client.errors import SyncState

CONTEXT = "SyncWords"

SIGN_IN = {
    SyncState.OK: QT_TRANSLATE_NOOP("SyncWords", "Signed in."),
    SyncState.OFFLINE: QT_TRANSLATE_NOOP(
        "SyncWords", "This laptop has no network. Connect to the internet and try again."
    ),
    SyncState.UNREACHABLE: QT_TRANSLATE_NOOP(
        "SyncWords",
        "The office cannot be reached. Check the office address and the network, then try again.",
    ),
    SyncState.SIGNED_OUT: QT_TRANSLATE_NOOP(
        "SyncWords", "The username or password is wrong. Check them and try again."
    ),
    SyncState.REVOKED: QT_TRANSLATE_NOOP(
        "SyncWords",
        "The office has revoked this laptop's access. Ask the office to allow it again.",
    ),
    SyncState.WIPE_REQUESTED: QT_TRANSLATE_NOOP(
        "SyncWords",
        "The office has revoked this laptop and asked for its data to be erased.",
    ),
    SyncState.CLOCK_SKEW: QT_TRANSLATE_NOOP(
        "SyncWords", "This laptop's clock is wrong. Set the date and time, then try again."
    ),
    SyncState.SERVER_ERROR: QT_TRANSLATE_NOOP(
        "SyncWords", "The office had a problem answering. Try again in a few minutes."
    ),
    SyncState.INCOMPATIBLE: QT_TRANSLATE_NOOP(
        "SyncWords", "This app is too old for the office. Install the latest version."
    ),
}


def state_text(state: SyncState) -> str:
    """The sentence to show for `state`, in the chosen language."""
    return QCoreApplication.translate(CONTEXT, str(SIGN_IN[state]))
