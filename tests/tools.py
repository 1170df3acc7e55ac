"""Tests needing an outside tool skip when it is missing; FIELDTECH_REQUIRE_ALL=1 makes that a failure."""

from __future__ import annotations

import os
import shutil
import socket

import pytest


def require_all() -> bool:
    return os.environ.get("FIELDTECH_REQUIRE_ALL") == "1"


def missing(reason: str) -> None:
    """Skip with `reason`, or fail when every tool is required (CI)."""
    if require_all():
        pytest.fail(f"required tool missing under FIELDTECH_REQUIRE_ALL=1: {reason}")
    pytest.skip(reason)


def need_executable(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        missing(f"{name} not found; install the Debian package {package}")
    assert path is not None
    return path


def postgres_available(host: str = "127.0.0.1", port: int = 5432) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def need_postgres() -> None:
    if not postgres_available():
        missing("PostgreSQL is not listening on 127.0.0.1:5432")
