"""Shared fixtures: an in-memory keyring, temporary data folders, and the store under test."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("fieldtech")
    group.addoption(
        "--seeds",
        type=int,
        default=None,
        help="how many sync simulation seeds to run (default 500, or FIELDTECH_SIM_SEEDS)",
    )
    group.addoption(
        "--first-seed",
        type=int,
        default=0,
        help="the first simulation seed, to split or resume a long run",
    )
