"""Signing out: the laptop forgets its office token and who is signed in, and keeps the jobs."""

from __future__ import annotations

import argparse
from pathlib import Path

from ui.profile import CURRENT_FILE, credentials, data_dir


def sign_out(args: argparse.Namespace, profile: Path) -> None:
    """Forget the device token of `profile` and the signed-in marker.

    The encrypted store and its key stay, so unsent changes are pushed after the next sign-in of
    the same technician; a different technician gets a store of their own.
    """
    credentials(args).forget_device_token(profile)
    (data_dir(args) / CURRENT_FILE).unlink(missing_ok=True)
