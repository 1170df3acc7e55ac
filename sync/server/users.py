"""Creating office accounts; a technician account also gets the technician record jobs point at."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldtech.domain.errors import ValidationError
from fieldtech.models import Technician
from sync.server.models import Role, User
from sync.server.security import MIN_PASSWORD_LENGTH, hash_password

USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$")
LANGUAGES = ("en", "zh_CN")


def check_username(username: str) -> None:
    if not USERNAME_PATTERN.fullmatch(username):
        raise ValidationError(
            "username",
            "use 2 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit",
        )


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            "password",
            f"use at least {MIN_PASSWORD_LENGTH} characters",
            minimum=MIN_PASSWORD_LENGTH,
        )


def create_user(
    session: Session,
    username: str,
    role: Role,
    password: str,
    *,
    display_name: str = "",
    language: str = "en",
) -> User:
    """Adds the user (and its technician record) to `session`; the caller commits."""
    check_username(username)
    check_password(password)
    if language not in LANGUAGES:
        raise ValidationError("language", f"choose one of {', '.join(LANGUAGES)}")
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise ValidationError("username", f"{username!r} is taken; choose another user name")
    user = User(
        username=username,
        display_name=display_name or username,
        role=role,
        password_hash=hash_password(password),
        language=language,
    )
    if role is Role.TECHNICIAN:
        technician = session.scalar(select(Technician).where(Technician.username == username))
        if technician is None:
            technician = Technician(username=username, display_name=user.display_name)
            session.add(technician)
            session.flush()
        user.technician_id = technician.id
    session.add(user)
    session.flush()
    return user
