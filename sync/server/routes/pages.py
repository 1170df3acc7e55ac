"""Dashboard pages for signing in and out (HTML forms; not part of the API document)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from sync.server import audit
from sync.server.auth import (
    SESSION_COOKIE,
    Principal,
    authenticate,
    client_ip,
    open_browser_session,
    set_session_cookie,
)
from sync.server.deps import SessionDep, SettingsDep
from sync.server.i18n import pick_language
from sync.server.i18n_errors import say
from sync.server.security import new_token, same_secret
from sync.server.web import STAFF, TEMPLATES, Staff, check_form_csrf, render

router = APIRouter(include_in_schema=False)

SIGN_IN_CSRF = "ft_signin_csrf"
# Every page shows refusals through `say(lang, text)`, so none shows English on a Chinese page.
TEMPLATES.env.globals["say"] = say


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/jobs", status_code=status.HTTP_303_SEE_OTHER)


def _sign_in_page(
    request: Request, settings: SettingsDep, lang: str, error: str = "", status_code: int = 200
) -> HTMLResponse:
    token = new_token()
    response = render(
        request,
        "signin.html",
        {"form_token": token, "error": error},
        language=lang,
        status_code=status_code,
    )
    # Double-submit token: a sign-in form posted from another site cannot know it.
    response.set_cookie(
        SIGN_IN_CSRF, token, httponly=True, secure=settings.secure_cookies, samesite="strict"
    )
    return response


@router.get("/signin", response_class=HTMLResponse)
def sign_in_form(request: Request, settings: SettingsDep, lang: str | None = None) -> HTMLResponse:
    language = pick_language(request.headers.get("accept-language", ""), lang)
    return _sign_in_page(request, settings, language)


@router.post("/signin", response_class=HTMLResponse)
def sign_in(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=200)],
    form_token: Annotated[str, Form(max_length=100)],
    lang: Annotated[str, Form(max_length=8)] = "en",
) -> Response:
    language = pick_language("", lang)
    cookie = request.cookies.get(SIGN_IN_CSRF, "")
    if not cookie or not same_secret(cookie, form_token):
        return _sign_in_page(request, settings, language, "error.expired", 403)
    try:
        user = authenticate(session, settings, username, password, client_ip(request))
    except HTTPException as refused:
        key = "error.limited" if refused.status_code == 429 else "error.signin"
        return _sign_in_page(request, settings, language, key, refused.status_code)
    if user.role not in STAFF:
        return _sign_in_page(request, settings, language, "error.signin", 403)
    token, browser = open_browser_session(session, settings, user, request)
    who = Principal(user, None, browser, browser.ip, browser.user_agent)
    audit.record(session, who, "session.sign_in", "user", user.id)
    session.commit()
    response = RedirectResponse("/jobs", status_code=status.HTTP_303_SEE_OTHER)
    set_session_cookie(response, settings, token)
    response.delete_cookie(SIGN_IN_CSRF)
    return response


@router.post("/signout")
def sign_out(
    who: Staff, session: SessionDep, csrf_token: Annotated[str, Form(max_length=100)]
) -> RedirectResponse:
    check_form_csrf(who, csrf_token)
    assert who.browser is not None
    browser = session.merge(who.browser)
    session.delete(browser)
    audit.record(session, who, "session.sign_out", "user", who.user.id)
    session.commit()
    response = RedirectResponse("/signin", status_code=status.HTTP_303_SEE_OTHER)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
