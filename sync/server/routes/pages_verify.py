"""Dashboard page checking a verification code printed on a slip or receipt (a GET form)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from fieldtech.domain.errors import ValidationError
from sync.server.deps import SessionDep
from sync.server.verify import verify_code
from sync.server.web import Staff, render

router = APIRouter(include_in_schema=False)


@router.get("/verify", response_class=HTMLResponse)
def verify_page(request: Request, who: Staff, session: SessionDep, code: str = "") -> HTMLResponse:
    code = code.strip()[:40]
    found, error = None, ""
    if code:
        try:
            found = verify_code(session, code)
        except ValidationError:
            error = "verify.not_a_code"
    context = {"code": code, "found": found, "error": error, "checked": bool(code)}
    return render(request, "verify.html", context, who=who)
