"""`fieldtech signin` and `fieldtech sync`: the headless way to join the office and sync."""

from __future__ import annotations

import argparse
import getpass
import shutil
import sys
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldtech.store.backup import backup_if_due
from fieldtech.store.engine import Store
from fieldtech.store.paths import profile_dir, store_path
from fieldtech.usecases.attachments import attachment_hashes, drop_bytes_let_go
from fieldtech.usecases.device import get_setting, put_setting
from sync.client.errors import SyncState, TransportError
from ui.profile import credentials, current_user, data_dir, open_store_for, set_current_user

if TYPE_CHECKING:
    from sync.client.engine import SyncReport

SERVER_SETTING = "server_url"
DEVICE_ID_FILE = "device-id"


def register(subparsers: Any) -> None:
    signin = subparsers.add_parser(
        "signin", help="sign this laptop in to the office (password read from standard input)"
    )
    signin.add_argument(
        "--server", required=True, help="the office address, e.g. http://127.0.0.1:8080"
    )
    signin.add_argument("--user", dest="signin_user", required=True, help="technician username")
    signin.set_defaults(handler=run_signin)
    sync = subparsers.add_parser("sync", help="send changes to the office and fetch its changes")
    sync.set_defaults(handler=run_sync)


def _password() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("Password: ")
    return sys.stdin.readline().rstrip("\r\n")


def _device_id(profile: Path) -> uuid.UUID:
    """One id per laptop and profile, kept across sign-ins so the office sees one device."""
    path = profile / DEVICE_ID_FILE
    if path.exists():
        return uuid.UUID(path.read_text(encoding="ascii").strip())
    profile.mkdir(parents=True, exist_ok=True)
    device = uuid.uuid4()
    path.write_text(str(device), encoding="ascii")
    return device


class Bar:
    """A one-line progress report on standard error."""

    def __init__(self) -> None:
        self.live = sys.stderr.isatty()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.live:
            print(
                f"\r{stage}: {done} of {max(done, total)}   ", end="", file=sys.stderr, flush=True
            )

    def close(self) -> None:
        if self.live:
            print(file=sys.stderr)


def _summary(report: SyncReport) -> str:
    return (
        f"pushed {report.pushed}, pulled {report.pulled}, conflicts {report.conflicts}, "
        f"rejected {report.rejected}, jobs removed {report.evicted}, "
        f"attachments sent {report.attachments.uploaded}, "
        f"fetched {report.attachments.downloaded}"
        + (f", waiting {report.attachments.waiting}" if report.attachments.waiting else "")
        + (f", buckets repaired {report.resynced_buckets}" if report.resynced_buckets else "")
    )


def _run(store: Store, server: str, token: str) -> SyncReport:
    from sync.client.engine import SyncEngine
    from sync.client.http import HttpTransport

    bar = Bar()
    try:
        engine = SyncEngine(store.sessions, HttpTransport(server, token), progress=bar)
        held = attachment_hashes(store.read_sessions)
        report = engine.sync()
        drop_bytes_let_go(store.sessions, held)
        return report
    finally:
        bar.close()


def run_signin(args: argparse.Namespace) -> int:
    folder = data_dir(args)
    username = args.signin_user
    profile = profile_dir(folder, username)
    password = _password()
    if not password:
        print("fieldtech signin: no password given on standard input", file=sys.stderr)
        return 2
    try:
        from sync.client.signin import sign_in

        signed = sign_in(args.server, username, password, _device_id(profile))
    except TransportError as failure:
        print(f"fieldtech signin: {failure.message}", file=sys.stderr)
        return 1
    keeper = credentials(args)
    keeper.set_device_token(profile, signed.token)
    set_current_user(folder, username)
    args.user = username
    with open_store_for(args, create_user=username) as store:
        with store.sessions.begin() as session:
            put_setting(session, SERVER_SETTING, args.server.rstrip("/"))
        report = _run(store, args.server, signed.token)
    if not report.ok:
        print(
            f"fieldtech signin: signed in, but the first sync failed: {report.message}",
            file=sys.stderr,
        )
        return 1
    print(f"signed in as {signed.display_name}; {_summary(report)}")
    return 0


def run_sync(args: argparse.Namespace) -> int:
    folder = data_dir(args)
    username = getattr(args, "user", None) or current_user(folder)
    with open_store_for(args) as store:
        with store.read_sessions() as session:
            server = get_setting(session, SERVER_SETTING)
        profile = store.path.parent
        token = credentials(args).device_token(profile)
        if server is None or token is None:
            print(
                "fieldtech sync: this laptop is not signed in; run `fieldtech signin`",
                file=sys.stderr,
            )
            return 1
        report = _run(store, server, token)
        if report.ok:
            backup_if_due(store)
    if report.state == SyncState.WIPE_REQUESTED:
        _wipe(args, profile)
        print(
            f"fieldtech sync: {report.message}. The office asked for this laptop's data to be "
            f"erased: the store of {username} was deleted.",
            file=sys.stderr,
        )
        return 1
    if not report.ok:
        print(f"fieldtech sync: {report.message}", file=sys.stderr)
        return 1
    print(_summary(report))
    return 0


def _wipe(args: argparse.Namespace, profile: Path) -> None:
    """Delete the store, its backups and its key: nothing readable stays on the laptop."""
    credentials(args).wipe(profile)
    path = store_path(profile)
    for leftover in profile.glob(path.name + "*"):
        leftover.unlink(missing_ok=True)
    shutil.rmtree(profile / "backups", ignore_errors=True)
