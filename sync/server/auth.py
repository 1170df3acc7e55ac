"""Who is asking: bearer device tokens, browser session cookies with CSRF, roles, sign-in limits."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Response, status
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from fieldtech.models import utcnow
from sync.server.db import get_session
from sync.server.models import DashboardSession, Device, LoginFailure, Role, User
from sync.server.security import new_token, same_secret, token_hash, verify_password
from sync.server.settings import Settings

SESSION_COOKIE = "ft_session"
CSRF_HEADER = "X-CSRF-Token"
WIPE_HEADER = "X-Device-Wipe"
DISABLED = "this user account is disabled; ask an administrator"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True)
class Principal:
    """The user behind a request and the device or browser session it came through."""

    user: User
    device: Device | None
    browser: DashboardSession | None
    ip: str
    user_agent: str

    @property
    def role(self) -> Role:
        return self.user.role

    @property
    def client(self) -> str:
        """What the audit log records as "from where"."""
        if self.device is not None:
            return f"device {self.device.name} ({self.device.id})"
        return f"browser {self.user_agent}"[:300]


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def client_ip(request: Request) -> str:
    return request.client.host if request.client else ""


def _unauthorized(message: str, *, wipe: bool = False) -> HTTPException:
    headers = {"WWW-Authenticate": "Bearer"}
    if wipe:
        headers[WIPE_HEADER] = "1"
    return HTTPException(status.HTTP_401_UNAUTHORIZED, detail=message, headers=headers)


def _device_principal(
    request: Request, session: Session, settings: Settings, token: str
) -> Principal:
    device = session.scalar(select(Device).where(Device.token_hash == token_hash(token)))
    if device is None:
        raise _unauthorized("this device token is not known; sign the device in again")
    if device.revoked_at is not None:
        raise _unauthorized(
            "this device was revoked by the office; ask the office to sign it in again",
            wipe=device.wipe_requested_at is not None,
        )
    if not device.user.active:
        raise _unauthorized(DISABLED)
    now = utcnow()
    stale = dt.timedelta(seconds=settings.last_seen_every_seconds)
    if device.last_seen_at is None or now - device.last_seen_at >= stale:
        device.last_seen_at = now
        device.last_ip = client_ip(request)
        session.commit()
    return Principal(device.user, device, None, client_ip(request), _user_agent(request))


def _browser_principal(request: Request, session: Session, cookie: str) -> Principal:
    browser = session.scalar(
        select(DashboardSession).where(DashboardSession.token_hash == token_hash(cookie))
    )
    if browser is None or browser.expires_at <= utcnow():
        raise _unauthorized("your sign-in has expired; sign in again")
    if not browser.user.active:
        raise _unauthorized(DISABLED)
    if request.method not in SAFE_METHODS:
        sent = request.headers.get(CSRF_HEADER, "")
        if not sent or not same_secret(sent, browser.csrf_token):
            raise HTTPException(
                status.HTTP_403_FORBIDDEN,
                detail=f"the {CSRF_HEADER} header is missing or wrong; reload the page",
            )
    return Principal(browser.user, None, browser, client_ip(request), _user_agent(request))


def _user_agent(request: Request) -> str:
    return request.headers.get("user-agent", "")[:300]


def current_principal(
    request: Request,
    session: Annotated[Session, Depends(get_session)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> Principal:
    """A bearer token (devices, API clients) wins over the browser cookie."""
    authorization = request.headers.get("authorization", "")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return _device_principal(request, session, settings, token.strip())
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        return _browser_principal(request, session, cookie)
    raise _unauthorized("sign in first: send a device token or use the dashboard sign-in")


def require_roles(*roles: Role) -> Callable[[Principal], Principal]:
    allowed = ", ".join(role.value for role in roles)

    def check(principal: Annotated[Principal, Depends(current_principal)]) -> Principal:
        if principal.role not in roles:
            raise HTTPException(
                status.HTTP_403_FORBIDDEN, detail=f"this needs one of the roles: {allowed}"
            )
        return principal

    return check


def authenticate(
    session: Session, settings: Settings, username: str, password: str, ip: str
) -> User:
    """Checks a password under the sign-in limit; a failure is committed even though it raises."""
    now = utcnow()
    since = now - dt.timedelta(seconds=settings.login_window_seconds)
    # Failures older than the window no longer count; dropping them keeps the table small.
    session.execute(delete(LoginFailure).where(LoginFailure.at <= since))
    recent = select(func.count(), func.min(LoginFailure.at)).where(LoginFailure.at > since)
    by_user = session.execute(recent.where(LoginFailure.username == username)).one()
    by_ip = session.execute(recent.where(LoginFailure.ip == ip)).one()
    # An address may try several user names (a shared office), but not without bound.
    for (count, oldest), limit in (
        (by_user, settings.login_max_failures),
        (by_ip, settings.login_max_failures * 4),
    ):
        if count >= limit:
            retry = oldest + dt.timedelta(seconds=settings.login_window_seconds) - now
            raise HTTPException(
                status.HTTP_429_TOO_MANY_REQUESTS,
                detail="too many failed sign-ins; wait a few minutes and try again",
                headers={"Retry-After": str(max(1, math.ceil(retry.total_seconds())))},
            )
    user = session.scalar(select(User).where(User.username == username))
    if not verify_password(user.password_hash if user else None, password) or user is None:
        session.add(LoginFailure(username=username[:64], ip=ip[:64], at=now))
        session.commit()
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, detail="wrong user name or password; check both"
        )
    if not user.active:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail=DISABLED)
    session.execute(delete(LoginFailure).where(LoginFailure.username == username))
    return user


def open_browser_session(
    session: Session, settings: Settings, user: User, request: Request
) -> tuple[str, DashboardSession]:
    """Adds a browser session for `user`; returns the cookie value (kept only hashed) and the row.

    Expired sessions of every user are removed on the way, so the table holds live ones only.
    """
    session.execute(delete(DashboardSession).where(DashboardSession.expires_at <= utcnow()))
    token = new_token()
    browser = DashboardSession(
        user_id=user.id,
        token_hash=token_hash(token),
        csrf_token=new_token(),
        expires_at=utcnow() + dt.timedelta(hours=settings.session_hours),
        user_agent=_user_agent(request),
        ip=client_ip(request),
    )
    session.add(browser)
    session.flush()
    return token, browser


def set_session_cookie(response: Response, settings: Settings, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=settings.session_hours * 3600,
        httponly=True,
        secure=settings.secure_cookies,
        samesite="lax",
        path="/",
    )
