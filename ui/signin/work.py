"""The sign-in work run on the network worker: token into the keyring, store made, first sync."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fieldtech.store.paths import profile_dir
from fieldtech.usecases.device import put_setting
from sync.client.errors import SyncState, TransportError
from ui.commands.sync import SERVER_SETTING, _device_id
from ui.profile import credentials, data_dir, open_store_for, set_current_user
from ui.sync.work import sync_now

if TYPE_CHECKING:
    from sync.client.engine import Progress


@dataclass(frozen=True)
class SignInOutcome:
    """What happened, as a state the screen words itself; `detail` is the office's own text."""

    state: SyncState
    detail: str = ""
    display_name: str = ""
    signed_in: bool = False
    pulled: int = 0


def sign_in_and_sync(
    args: argparse.Namespace,
    server: str,
    username: str,
    password: str,
    progress: Progress | None = None,
) -> SignInOutcome:
    """Sign in, keep the token in the keyring, make the store and run the first sync.

    A first sync that fails still leaves the laptop signed in (the token is valid); the screen
    says so and the main window retries later.
    """
    server = server.strip().rstrip("/")
    folder = data_dir(args)
    profile = profile_dir(folder, username)
    try:
        from sync.client.signin import sign_in

        signed = sign_in(server, username, password, _device_id(profile))
    except TransportError as failure:
        return SignInOutcome(state=failure.state, detail=failure.message)
    credentials(args).set_device_token(profile, signed.token)
    set_current_user(folder, username)
    opened = argparse.Namespace(**vars(args))
    opened.user = username
    with open_store_for(opened, create_user=username) as store:
        with store.sessions.begin() as session:
            put_setting(session, SERVER_SETTING, server)
        report = sync_now(opened, store, progress)
    return SignInOutcome(
        state=report.state,
        detail=report.detail,
        display_name=signed.display_name,
        signed_in=True,
        pulled=report.pulled,
    )
