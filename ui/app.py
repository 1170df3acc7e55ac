"""Starting the desktop app: Qt is imported here, and only here, for the `fieldtech` command."""

from __future__ import annotations

import argparse
import os
import sys


def has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or platform)


def run_app(args: argparse.Namespace) -> int:
    if not has_display():
        print(
            "fieldtech: no display found (DISPLAY is not set); the desktop app needs a screen. "
            "Headless commands are listed by `fieldtech --help`.",
            file=sys.stderr,
        )
        return 2
    from ui.main_window import launch

    return launch(args)
