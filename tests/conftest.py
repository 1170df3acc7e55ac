"""Shared fixtures: an in-memory keyring, temporary data folders, and the store under test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
