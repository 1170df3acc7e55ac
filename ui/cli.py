"""The `fieldtech` command: the desktop app, plus subcommands for headless work.

Qt is imported only when the window opens, so headless subcommands run on machines with no display.
Each module in ui/commands adds its subcommand through `register(subparsers)`.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from fieldtech.domain.errors import FieldTechError
from ui.commands import dev, render, store, sync

COMMANDS = (dev, render, store, sync)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fieldtech",
        description="FieldTech for technicians. With no command, opens the desktop app.",
    )
    parser.add_argument(
        "--data-dir",
        help="profile folder to use instead of the platform's data folder (or FIELDTECH_DATA_DIR)",
    )
    parser.add_argument(
        "--user", help="technician whose store to open (default: the one signed in last)"
    )
    parser.add_argument(
        "--insecure-key-file",
        action="store_true",
        help="keep the store key in a 0600 file beside the store instead of the OS keyring "
        "(demos and tests only; or FIELDTECH_INSECURE_KEY_FILE=1)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from ui.app import run_app

            return run_app(args)
        result: int = handler(args)
        return result
    except FieldTechError as error:
        print(f"fieldtech: {error.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
