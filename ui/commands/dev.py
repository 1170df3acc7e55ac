"""`fieldtech dev seed`: fill a store with realistic seeded data for benchmarks and screenshots."""

from __future__ import annotations

import argparse
import time
from typing import Any

from fieldtech.seed import seed
from fieldtech.store.capture import NO_CAPTURE
from fieldtech.usecases import device
from ui.profile import open_store_for


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("dev", help="developer tools: seed a store with sample data")
    dev_sub = parser.add_subparsers(dest="dev_command", metavar="DEV_COMMAND", required=True)
    seeder = dev_sub.add_parser("seed", help="add N realistic jobs (seeded, repeatable)")
    seeder.add_argument("--jobs", type=int, default=1000, help="how many jobs (default 1000)")
    seeder.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    seeder.set_defaults(handler=run_seed)


def run_seed(args: argparse.Namespace) -> int:
    if args.jobs < 0 or args.jobs > 2_000_000:
        raise SystemExit("fieldtech dev seed: --jobs must be between 0 and 2000000")
    started = time.perf_counter()
    with open_store_for(args, create_user="demo") as store:
        with store.sessions.begin() as session:
            session.info[NO_CAPTURE] = True
            tech = device.technician_id(session)
            if tech is None:
                tech = device.ensure_demo_identity(session)
            rows = seed(session, jobs=args.jobs, technician_id=tech, seed_value=args.seed)
        print(
            f"seeded {args.jobs} jobs ({rows} rows) into {store.path} "
            f"in {time.perf_counter() - started:.1f} s"
        )
    return 0
