"""Settings pages for stock: the parts catalogue and each technician's van (issue, replenish,
count), with the trail of moves."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse

from fieldtech.models import Technician
from sync.server import van_stock
from sync.server.deps import SessionDep
from sync.server.job_queries import technicians
from sync.server.schemas.stock import PartCreate, PartIn, StockMoveIn
from sync.server.settings_forms import attempt, can_read, can_write, page, saved, text_form
from sync.server.stock_models import StockMove
from sync.server.web import Staff

router = APIRouter(include_in_schema=False)

PART_FIELDS = ("description", "unit_price")


def _part_body(form: dict[str, str]) -> dict[str, object]:
    body: dict[str, object] = {key: form.get(key, "") for key in PART_FIELDS}
    body["active"] = form.get("active") == "1"
    return body


def _parts_page(
    request: Request,
    who: Staff,
    session: SessionDep,
    errors: dict[str, str],
    forms: dict[str, dict[str, str]] | None = None,
) -> HTMLResponse:
    forms = forms or {}
    context = {"parts": van_stock.parts(session), "forms": forms, "editing": next(iter(forms), "")}
    return page(request, who, "settings_parts.html", "parts", context, errors)


@router.get("/settings/parts", response_class=HTMLResponse)
def parts_page(request: Request, who: Staff, session: SessionDep) -> HTMLResponse:
    can_read(who)
    return _parts_page(request, who, session, {})


@router.post("/settings/parts", response_class=HTMLResponse, response_model=None)
async def add_part(
    request: Request, who: Staff, session: SessionDep
) -> HTMLResponse | RedirectResponse:
    form = await text_form(request)
    can_write(who, form)
    body = {"part_number": form.get("part_number", ""), **_part_body(form)}
    _done, errors = attempt(
        session, lambda: van_stock.create_part(session, who, PartCreate.model_validate(body))
    )
    if errors:
        return _parts_page(request, who, session, errors, {"": form})
    session.commit()
    return saved("/settings/parts")


@router.post("/settings/parts/{part_number}", response_class=HTMLResponse, response_model=None)
async def edit_part(
    request: Request, who: Staff, session: SessionDep, part_number: str
) -> HTMLResponse | RedirectResponse:
    form = await text_form(request)
    can_write(who, form)
    _done, errors = attempt(
        session,
        lambda: van_stock.update_part(
            session, who, part_number, PartIn.model_validate(_part_body(form))
        ),
    )
    if errors:
        return _parts_page(request, who, session, errors, {part_number: form})
    session.commit()
    return saved("/settings/parts")


def _van_page(
    request: Request,
    who: Staff,
    session: SessionDep,
    chosen: Technician | None,
    form: dict[str, str],
    errors: dict[str, str],
) -> HTMLResponse:
    context = {
        "technicians": technicians(session),
        "chosen": chosen,
        "lines": van_stock.van_lines(session, chosen.id) if chosen else [],
        "moves": van_stock.movements(session, chosen.id) if chosen else [],
        "parts": van_stock.parts(session, include_inactive=False),
        "kinds": list(StockMove),
        "form": form,
    }
    name = "settings_van_body.html" if request.headers.get("hx-request") else "settings_van.html"
    return page(request, who, name, "van-stock", context, errors)


def _technician(session: SessionDep, value: str | None) -> Technician | None:
    try:
        return session.get(Technician, uuid.UUID(value)) if value else None
    except ValueError:
        return None


@router.get("/settings/van-stock", response_class=HTMLResponse)
def van_page(
    request: Request, who: Staff, session: SessionDep, technician: str = ""
) -> HTMLResponse:
    can_read(who)
    chosen = _technician(session, technician)
    return _van_page(request, who, session, chosen, {"kind": "issue"}, {})


@router.post("/settings/van-stock", response_class=HTMLResponse, response_model=None)
async def move_stock(
    request: Request, who: Staff, session: SessionDep
) -> HTMLResponse | RedirectResponse:
    form = await text_form(request)
    can_write(who, form)
    chosen = _technician(session, form.get("technician"))
    if chosen is None:
        return _van_page(request, who, session, None, form, {"technician": "choose a technician"})
    body = {key: form.get(key, "") for key in ("kind", "part_number", "quantity", "note")}
    technician_id = chosen.id
    _done, errors = attempt(
        session,
        lambda: van_stock.move_stock(session, who, technician_id, StockMoveIn.model_validate(body)),
    )
    if errors:
        return _van_page(request, who, session, chosen, form, errors)
    session.commit()
    return RedirectResponse(
        f"/settings/van-stock?technician={technician_id}&saved=1",
        status_code=status.HTTP_303_SEE_OTHER,
    )
