"""`make demo`: an office on loopback with demo data, and this laptop signed in to it.

Everything lives in one demo folder (the platform's data folder, `FieldTech Demo`), on embedded
SQLite, with the store key in a file beside the store: a demo, never a technician's real laptop.
Ctrl-C stops the office.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import platformdirs
import requests

from ui.app import has_display

TECHNICIAN = ("tech.li", "demo-tech-pass")


def free_port(preferred: int = 8080) -> int:
    for port in (preferred, 0):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    raise RuntimeError("no free port on 127.0.0.1")


def wait_healthy(url: str, office: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if office.poll() is not None:
            raise SystemExit(f"the office service stopped at start (exit {office.returncode})")
        try:
            if requests.get(url + "/healthz", timeout=1).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise SystemExit(f"the office service did not answer at {url} within {seconds:.0f} s")


def fieldtech(folder: Path, *args: str, stdin: str | None = None) -> int:
    command = [sys.executable, "-m", "ui.cli", "--data-dir", str(folder / "laptop"), *args]
    env = {**os.environ, "FIELDTECH_INSECURE_KEY_FILE": "1"}
    return subprocess.run(command, input=stdin, text=True, env=env, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fieldtech-demo", description=__doc__)
    parser.add_argument("--folder", type=Path, help="demo folder (default: platform data folder)")
    parser.add_argument("--no-app", action="store_true", help="do not open the desktop window")
    args = parser.parse_args(argv)
    folder = args.folder or Path(platformdirs.user_data_dir("FieldTech Demo", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    database = f"sqlite:///{folder / 'office.db'}"
    office = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sync.server.cli",
            "--database-url",
            database,
            "demo",
            "--port",
            str(port),
        ]
    )
    try:
        wait_healthy(url, office)
        user, password = TECHNICIAN
        if fieldtech(folder, "signin", "--server", url, "--user", user, stdin=password + "\n") != 0:
            return 1
        print(f"\nOffice dashboard: {url}/  (office / demo-office-pass)")
        print(f"Laptop data:      {folder / 'laptop'}  (signed in as {user})")
        if has_display() and not args.no_app:
            fieldtech(folder)
        else:
            print("No display here: the desktop app stays closed. Ctrl-C stops the office.")
            office.wait()
    except KeyboardInterrupt:
        pass
    finally:
        office.terminate()
        try:
            office.wait(timeout=10)
        except subprocess.TimeoutExpired:
            office.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
