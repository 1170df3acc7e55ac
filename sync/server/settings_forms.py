"""What the settings pages share: who may read and write, and form errors named by field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import pydantic
from fastapi import HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy.orm import Session

from fieldtech.domain.errors import ValidationError
from sync.server.auth import Principal
from sync.server.models import Role
from sync.server.web import check_form_csrf, render

READERS = (Role.SUPERVISOR, Role.ADMIN)
SECTIONS = ("company", "categories", "depreciation", "calendar", "parts", "van-stock")
_T = TypeVar("_T")


def can_read(who: Principal) -> None:
    if who.user.role not in READERS:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="settings are for supervisors")


def can_write(who: Principal, form: dict[str, str]) -> None:
    check_form_csrf(who, form.get("csrf_token"))
    if who.user.role is not Role.ADMIN:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="only an admin changes settings")


async def text_form(request: Request) -> dict[str, str]:
    raw = await request.form()
    return {key: value for key, value in raw.items() if isinstance(value, str)}


def attempt(session: Session, write: Callable[[], _T]) -> tuple[_T | None, dict[str, str]]:
    """Run one write; on refusal roll back and return the errors by field name."""
    try:
        return write(), {}
    except pydantic.ValidationError as invalid:
        session.rollback()
        errors: dict[str, str] = {}
        for e in invalid.errors():
            field = ".".join(str(part) for part in e["loc"]) or "form"
            errors.setdefault(field, e["msg"].removeprefix("Value error, "))
        return None, errors
    except ValidationError as refused:
        session.rollback()
        return None, {refused.field: refused.reason}


def saved(path: str) -> RedirectResponse:
    """After a good POST, back to the page (a reload does not post again)."""
    return RedirectResponse(f"{path}?saved=1", status_code=status.HTTP_303_SEE_OTHER)


def page(
    request: Request,
    who: Principal,
    name: str,
    section: str,
    context: dict[str, Any],
    errors: dict[str, str] | None = None,
) -> HTMLResponse:
    return render(
        request,
        name,
        {
            "section": section,
            "sections": SECTIONS,
            "can_edit": who.user.role is Role.ADMIN,
            "saved": request.query_params.get("saved") == "1",
            "errors": errors or {},
            **context,
        },
        who=who,
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT if errors else 200,
    )
