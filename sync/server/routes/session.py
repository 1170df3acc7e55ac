"""Browser sign-in: a session cookie (HttpOnly, SameSite, Secure) plus a CSRF token for writes."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status
from sqlalchemy import delete

from sync.server import audit
from sync.server.auth import (
    SESSION_COOKIE,
    Principal,
    authenticate,
    client_ip,
    open_browser_session,
    set_session_cookie,
)
from sync.server.deps import CurrentUser, SessionDep, SettingsDep
from sync.server.models import DashboardSession, User
from sync.server.schemas.people import BrowserSessionPublic, Credentials, UserPublic, UserSettings

router = APIRouter(tags=["session"])


@router.post("/session", response_model=BrowserSessionPublic, status_code=status.HTTP_201_CREATED)
def sign_in(
    credentials: Credentials,
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
) -> BrowserSessionPublic:
    ip = client_ip(request)
    user = authenticate(session, settings, credentials.username, credentials.password, ip)
    token, browser = open_browser_session(session, settings, user, request)
    who = Principal(user, None, browser, ip, browser.user_agent)
    audit.record(session, who, "session.sign_in", "user", user.id)
    session.commit()
    set_session_cookie(response, settings, token)
    return BrowserSessionPublic(
        user=UserPublic.model_validate(user),
        csrf_token=browser.csrf_token,
        expires_at=browser.expires_at,
    )


@router.delete("/session", status_code=status.HTTP_204_NO_CONTENT)
def sign_out(who: CurrentUser, session: SessionDep, response: Response) -> None:
    if who.browser is not None:
        session.execute(delete(DashboardSession).where(DashboardSession.id == who.browser.id))
        audit.record(session, who, "session.sign_out", "user", who.user.id)
        session.commit()
    response.delete_cookie(SESSION_COOKIE, path="/")


@router.get("/me", response_model=UserPublic)
def me(who: CurrentUser) -> UserPublic:
    return UserPublic.model_validate(who.user)


@router.patch("/me", response_model=UserPublic)
def update_me(body: UserSettings, who: CurrentUser, session: SessionDep) -> UserPublic:
    """A user's own display name and language (the dashboard's language follows it)."""
    user = session.get_one(User, who.user.id)
    changes = {
        field: [getattr(user, field), value]
        for field, value in body.model_dump(exclude_none=True).items()
        if getattr(user, field) != value
    }
    for field, (_old, new) in changes.items():
        setattr(user, field, new)
    if changes:
        audit.record(session, who, "user.update", "user", user.id, changes)
        session.commit()
    return UserPublic.model_validate(user)
