"""`fieldtech-office`: migrate, serve, add users, load demo data, or run the one-command demo."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence

from sqlalchemy.engine import make_url

from fieldtech.domain.errors import FieldTechError
from sync.server import migrate
from sync.server.db import make_engine, make_sessionmaker
from sync.server.models import Role
from sync.server.settings import (
    DATABASE_URL_ENV,
    INSECURE_COOKIES_ENV,
    Settings,
    database_url_from_env,
)
from sync.server.users import create_user

DEMO_PORT = 8080


def _shown(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _read_password(prompt: str) -> str:
    """A terminal gets a hidden prompt; a pipe gives its first line (for scripts and tests)."""
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\r\n")


def cmd_init(url: str) -> int:
    migrate.upgrade(url)
    print(f"office database ready: {_shown(url)}")
    return 0


def cmd_serve(url: str, host: str, port: int, workers: int) -> int:
    import uvicorn

    migrate.upgrade(url)
    # Worker processes build their app from the environment (see app.app_from_env).
    os.environ[DATABASE_URL_ENV] = url
    uvicorn.run(
        "sync.server.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        proxy_headers=False,
        # A worker answers the supervisor's health check only once the app is imported, which
        # takes longer than uvicorn's default 5 s on a busy machine: it would be killed and
        # restarted forever.
        timeout_worker_healthcheck=120,
    )
    return 0


def cmd_user_add(url: str, username: str, role: str, display_name: str, language: str) -> int:
    password = _read_password(f"password for {username}: ")
    engine = make_engine(url)
    try:
        with make_sessionmaker(engine)() as session:
            create_user(
                session,
                username,
                Role(role),
                password,
                display_name=display_name,
                language=language,
            )
            session.commit()
    finally:
        engine.dispose()
    print(f"user {username} added with role {role}")
    return 0


def cmd_demo_data(url: str) -> int:
    from sync.server.demo import load_demo_data

    engine = make_engine(url)
    try:
        with make_sessionmaker(engine)() as session:
            created = load_demo_data(session, Settings.from_env(url).timezone)
            session.commit()
    finally:
        engine.dispose()
    print(f"demo data loaded: {created} jobs added")
    return 0


def cmd_demo(url: str, port: int) -> int:
    from sync.server.demo import DEMO_ACCOUNTS

    cmd_init(url)
    cmd_demo_data(url)
    # The demo serves plain HTTP on loopback, where a Secure cookie would never be sent back.
    os.environ[INSECURE_COOKIES_ENV] = "1"
    print(f"FieldTech Office demo: http://127.0.0.1:{port}/")
    for username, password, role in DEMO_ACCOUNTS:
        print(f"  {role:<11} {username} / {password}")
    return cmd_serve(url, "127.0.0.1", port, 1)


def cmd_verify(url: str, code: str) -> int:
    """Say which signed document a printed code belongs to, or that it matches nothing."""
    from sync.server.verify import verify_code

    engine = make_engine(url)
    try:
        with make_sessionmaker(engine)() as session:
            found = verify_code(session, code)
    finally:
        engine.dispose()
    if found is None:
        print(
            f"{code}: matches no signed document. The document may have been altered, or it is an "
            "unsigned draft, or its sync has not reached the office yet."
        )
        return 1
    kind = found.document_kind.value.replace("_", " ")
    print(f"{code}: {kind} of ticket {found.ticket_number}, revision {found.revision}")
    for signer in found.signers:
        print(
            f"  signed by {signer.printed_name} ({signer.role}) at {signer.signed_at:%Y-%m-%d %H:%M} UTC"
        )
    print(f"  content hash {found.content_hash}")
    return 0


def cmd_fault_cases(url: str) -> int:
    """Fill the fault-case library from every repair log signed so far (new ones add themselves)."""
    from sync.server.replication.faultcases import rebuild_fault_cases

    engine = make_engine(url)
    try:
        with make_sessionmaker(engine).begin() as session:
            count = rebuild_fault_cases(session)
    finally:
        engine.dispose()
    print(f"fault-case library: {count} case(s) from signed repair logs")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldtech-office", description=__doc__)
    parser.add_argument(
        "--database-url",
        help=f"SQLAlchemy URL (default: ${DATABASE_URL_ENV}, else a SQLite file in the data folder)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("init", help="create or upgrade the office database")
    serve = commands.add_parser("serve", help="migrate, then serve the API and dashboard")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--workers", type=int, default=1)
    user = commands.add_parser("user", help="manage users").add_subparsers(
        dest="user_command", required=True
    )
    add = user.add_parser("add", help="add a user; the password is read from standard input")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[role.value for role in Role])
    add.add_argument("--display-name", default="")
    add.add_argument("--language", default="en", choices=["en", "zh_CN"])
    commands.add_parser("demo-data", help="add demo users, technicians and jobs")
    demo = commands.add_parser("demo", help="init, demo data and serve on loopback")
    demo.add_argument("--port", type=int, default=DEMO_PORT)
    verify = commands.add_parser(
        "verify", help="check a verification code printed on a slip or receipt"
    )
    verify.add_argument("code", help="the code under the QR, e.g. ABCD-EFGH-JKMN")
    commands.add_parser(
        "fault-cases", help="fill the fault-case library from the repair logs signed so far"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    url = database_url_from_env(args.database_url)
    try:
        if args.command == "init":
            return cmd_init(url)
        if args.command == "serve":
            return cmd_serve(url, args.host, args.port, args.workers)
        if args.command == "user":
            return cmd_user_add(url, args.name, args.role, args.display_name, args.language)
        if args.command == "demo-data":
            return cmd_demo_data(url)
        if args.command == "verify":
            return cmd_verify(url, args.code)
        if args.command == "fault-cases":
            return cmd_fault_cases(url)
        return cmd_demo(url, args.port)
    except FieldTechError as error:
        print(f"fieldtech-office: {error.message}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
