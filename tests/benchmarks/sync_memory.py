"""A first sync in a fresh process, watched for memory: `python -m tests.benchmarks.sync_memory URL`.

Run by the sync benchmark in a child process, so what the parent spent seeding the office does
not count. Prints JSON: Python's peak traced allocations during the sync, the growth of the
resident set, and the size of the store it filled (closed, so its journal is folded in).
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import threading
import tracemalloc
import uuid
from pathlib import Path

from fieldtech.store.capture import install_capture
from fieldtech.store.engine import open_store
from sync.client.engine import SyncEngine
from sync.client.http import HttpTransport
from sync.client.signin import sign_in

USERNAME = "tech.bench"
PASSWORD = "bench password"
KEY = bytes(range(3, 35))


def _rss() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def main(base: str) -> None:
    signed = sign_in(base, USERNAME, PASSWORD, uuid.uuid4())
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as temp:
        path = Path(temp) / "laptop.db"
        with open_store(path, KEY, on_sessionmaker=[install_capture]) as store:
            engine = SyncEngine(store.sessions, HttpTransport(base, signed.token))
            before = _rss()
            peak = [before]
            done = threading.Event()

            def watch() -> None:
                while not done.wait(0.02):
                    peak[0] = max(peak[0], _rss())

            watcher = threading.Thread(target=watch, daemon=True)
            watcher.start()
            tracemalloc.start()
            report = engine.sync()
            _, traced = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            done.set()
            watcher.join()
            assert report.ok, report.message
        size = sum(p.stat().st_size for p in Path(temp).glob("laptop.db*"))
    print(
        json.dumps(
            {
                "traced_peak": traced,
                "rss_growth": max(peak[0], _rss()) - before,
                "max_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                "store_bytes": size,
                "pulled": report.pulled,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
