"""Server-rendered dashboard plumbing: templates, the signed-in staff member, form CSRF checks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldtech.models import utcnow
from sync.server.auth import SESSION_COOKIE, Principal, client_ip
from sync.server.db import get_session
from sync.server.i18n import pick_language, translator
from sync.server.models import DashboardSession, Role
from sync.server.security import same_secret, token_hash

HERE = Path(__file__).parent
TEMPLATES = Jinja2Templates(directory=HERE / "templates")
STATIC = HERE / "static"

# Pages load only this origin's script and style; no framing by other sites.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
STAFF = (Role.OFFICE, Role.SUPERVISOR, Role.ADMIN)


class SignInRequiredError(Exception):
    """Raised by pages when nobody (or a technician) is signed in; answered with a redirect."""


def redirect_to_sign_in(_request: Request, _error: Exception) -> RedirectResponse:
    return RedirectResponse("/signin", status_code=status.HTTP_303_SEE_OTHER)


def staff_principal(
    request: Request, session: Annotated[Session, Depends(get_session)]
) -> Principal:
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        raise SignInRequiredError
    browser = session.scalar(
        select(DashboardSession).where(DashboardSession.token_hash == token_hash(cookie))
    )
    if browser is None or browser.expires_at <= utcnow() or not browser.user.active:
        raise SignInRequiredError
    if browser.user.role not in STAFF:
        raise SignInRequiredError
    agent = request.headers.get("user-agent", "")[:300]
    return Principal(browser.user, None, browser, client_ip(request), agent)


Staff = Annotated[Principal, Depends(staff_principal)]


def check_form_csrf(who: Principal, sent: object) -> None:
    assert who.browser is not None
    if not isinstance(sent, str) or not same_secret(sent, who.browser.csrf_token):
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="the form expired; reload the page")


def render(
    request: Request,
    name: str,
    context: dict[str, Any],
    *,
    who: Principal | None = None,
    language: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    lang = language or (
        who.user.language if who else pick_language(request.headers.get("accept-language", ""))
    )
    page = {
        "t": translator(lang),
        "lang": lang,
        "who": who,
        "csrf_token": who.browser.csrf_token if who and who.browser else "",
        **context,
    }
    response = TEMPLATES.TemplateResponse(request, name, page, status_code=status_code)
    response.headers.update(SECURITY_HEADERS)
    return response
