"""Browser sign-in: a session cookie (HttpOnly, SameSite, Secure) plus a CSRF token for writes."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request, Response, status
from sqlalchemy import delete

from fieldtech.models import utcnow
from sync.server import audit
from sync.server.auth import SESSION_COOKIE, Principal, authenticate, client_ip
from sync.server.deps import CurrentUser, SessionDep, SettingsDep
from sync.server.models import DashboardSession
from sync.server.schemas.people import BrowserSessionPublic, Credentials, UserPublic
from sync.server.security import new_token, token_hash

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
    token = new_token()
    browser = DashboardSession(
        user_id=user.id,
        token_hash=token_hash(token),
        csrf_token=new_token(),
        expires_at=utcnow() + dt.timedelta(hours=settings.session_hours),
        user_agent=request.headers.get("user-agent", "")[:300],
        ip=ip,
    )
    session.add(browser)
    session.flush()
    who = Principal(user, None, browser, ip, browser.user_agent)
    audit.record(session, who, "session.sign_in", "user", user.id)
    session.commit()
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=settings.session_hours * 3600,
        httponly=True,
        secure=settings.secure_cookies,
        samesite="lax",
        path="/",
    )
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
