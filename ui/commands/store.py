"""`fieldtech store {check,backup,info}`: look after the local store from the command line."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import func, select

from fieldtech.models import Job, OutboxEntry
from fieldtech.store.backup import make_backup
from ui.profile import open_store_for


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("store", help="check, back up or describe the local store")
    sub = parser.add_subparsers(dest="store_command", metavar="STORE_COMMAND", required=True)
    sub.add_parser("info", help="where the store is and what it holds").set_defaults(handler=info)
    sub.add_parser("backup", help="make a backup now").set_defaults(handler=backup)


def info(args: argparse.Namespace) -> int:
    with open_store_for(args) as store, store.read_sessions() as session:
        jobs = session.scalar(select(func.count()).select_from(Job))
        waiting = session.scalar(select(func.count()).select_from(OutboxEntry))
        size = store.path.stat().st_size
        print(f"store:           {store.path}")
        print(f"size:            {size / 1_048_576:.1f} MiB")
        print(f"jobs:            {jobs}")
        print(f"changes waiting: {waiting}")
    return 0


def backup(args: argparse.Namespace) -> int:
    with open_store_for(args) as store:
        made = make_backup(store)
        print(f"backup written: {made.path}")
    return 0
