"""Starting an office service from code: a real `fieldtech-office serve` process, or a thread.

Tests and other parts (the sync client's end-to-end tests, the desktop demo) use these instead of
each writing their own start-and-wait loop.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import uvicorn

from sync.server.app import create_app
from sync.server.settings import DATABASE_URL_ENV, Settings


def free_port() -> int:
    """A port that was free a moment ago on loopback (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_healthy(
    base_url: str, timeout: float = 30.0, process: subprocess.Popen[Any] | None = None
) -> None:
    """Polls `/healthz` until it answers 200; fails early if `process` has exited."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the office process exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base_url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise TimeoutError(f"the office service at {base_url} was not healthy within {timeout} s")


@dataclass
class OfficeProcess:
    process: subprocess.Popen[bytes]
    base_url: str
    port: int

    def stop(self, timeout: float = 10.0) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)


@contextmanager
def office_process(
    database_url: str,
    *,
    port: int | None = None,
    workers: int = 1,
    env: Mapping[str, str] | None = None,
    timeout: float = 30.0,
) -> Iterator[OfficeProcess]:
    """Runs `fieldtech-office serve` on loopback until the block ends; yields once it is healthy."""
    port = port or free_port()
    command = [
        sys.executable,
        "-m",
        "sync.server.cli",
        "--database-url",
        database_url,
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    environment = {**os.environ, **(env or {})}
    environment.pop(DATABASE_URL_ENV, None)
    process = subprocess.Popen(command, env=environment)
    running = OfficeProcess(process, f"http://127.0.0.1:{port}", port)
    try:
        wait_healthy(running.base_url, timeout, process)
        yield running
    finally:
        running.stop()


@contextmanager
def office_thread(settings: Settings, *, port: int | None = None) -> Iterator[str]:
    """Serves `create_app(settings)` from a thread of this process; yields its base URL.

    The database must already be migrated (`sync.server.migrate.upgrade`).
    """
    port = port or free_port()
    config = uvicorn.Config(
        create_app(settings), host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"office-{port}", daemon=True)
    thread.start()
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base_url)
        yield base_url
    finally:
        server.should_exit = True
        thread.join(10)
