"""A zygote for crash tests: imports everything once, then forks one writer child per command.

Reads lines `run <store path> <key hex> <job id> <seed>` on stdin. Each forked child opens the
store and runs use cases in a loop, printing `ack <n>` after each commit, until it is killed.
The zygote prints `pid <pid>` at fork and `exit <pid> <status>` when the child is reaped, so the
test can `kill -9` children at random moments without paying Python's start-up each time.
"""

from __future__ import annotations

import os
import random
import sys
import uuid
from pathlib import Path

from fieldtech.store.capture import install_capture
from fieldtech.store.engine import open_store
from fieldtech.usecases.parts import use_part
from fieldtech.usecases.visit import add_advice


def write_forever(path: Path, key: bytes, job_id: uuid.UUID, seed: int) -> None:
    rng = random.Random(seed)
    store = open_store(path, key, on_sessionmaker=[install_capture])
    n = 0
    while True:
        n += 1
        marker = f"{seed}-{n}"
        if rng.random() < 0.5:
            add_advice(store.sessions, job_id, f"advice {marker}")
        else:
            use_part(
                store.sessions,
                job_id,
                part_number="WM-BELT-07",
                quantity=rng.randint(1, 3),
                serial_fitted=marker,
            )
        os.write(1, f"ack {marker}\n".encode())


def main() -> None:
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] != "run":
            print(f"error unknown command {words[0]}", flush=True)
            continue
        path, key_hex, job, seed = Path(words[1]), words[2], uuid.UUID(words[3]), int(words[4])
        pid = os.fork()
        if pid == 0:
            try:
                write_forever(path, bytes.fromhex(key_hex), job, seed)
            finally:
                os._exit(1)
        print(f"pid {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"exit {pid} {status}", flush=True)


if __name__ == "__main__":
    main()
