"""The repair register: items held in the workshop, their movements, CSV, return receipts."""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Response
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from fieldtech.domain.enums import MovementKind
from fieldtech.domain.errors import NotFoundError, ValidationError
from sync.server.deps import OfficeUser, SessionDep, SettingsDep
from sync.server.office_company import office_calendar
from sync.server.office_days import today as office_today
from sync.server.register_documents import render_return_receipt
from sync.server.register_queries import (
    RegisterFilter,
    RegisterSort,
    all_register,
    list_register,
    register_row,
)
from sync.server.register_writes import (
    MovementConflictError,
    record_movement,
    return_at_counter,
)
from sync.server.schemas.register import (
    CounterReturn,
    MovementConflict,
    MovementCreate,
    RegisterPage,
    RegisterRow,
)
from sync.server.settings import Settings

router = APIRouter(prefix="/register", tags=["register"])

CSV_LIMIT = 100_000
EARLIEST_DAY = dt.date(2000, 1, 1)
LATEST_DAY = dt.date(2099, 12, 31)
PDF: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/pdf": {}}, "description": "the return receipt as PDF"}
}


def register_filter(
    q: Annotated[str, Query(max_length=200)] = "",
    state: MovementKind | None = None,
    held: bool = False,
    overdue: bool = False,
    technician_id: uuid.UUID | None = None,
    taken_from: Annotated[dt.date | None, Query(ge=EARLIEST_DAY, le=LATEST_DAY)] = None,
    taken_to: Annotated[dt.date | None, Query(ge=EARLIEST_DAY, le=LATEST_DAY)] = None,
    sort: RegisterSort = RegisterSort.PROMISED,
) -> RegisterFilter:
    if taken_from and taken_to and taken_to < taken_from:
        raise ValidationError("taken_to", "the end date must be on or after the start date")
    return RegisterFilter(q, state, held, overdue, technician_id, taken_from, taken_to, sort)


def current_row(session: Session, settings: Settings, pickup_id: uuid.UUID) -> RegisterRow:
    calendar = office_calendar(session, settings)
    row = register_row(session, pickup_id, calendar, office_today(calendar.timezone))
    if row is None:
        raise NotFoundError(f"pickup receipt {pickup_id}: no such item in the register")
    return row


def _cell(value: object) -> str:
    """Spreadsheets run a cell that starts with = + - @ as a formula; a quote disarms it."""
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@router.get("", response_model=RegisterPage)
def register(
    _who: OfficeUser,
    session: SessionDep,
    settings: SettingsDep,
    where: Annotated[RegisterFilter, Depends(register_filter)],
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=200)] = 50,
) -> RegisterPage:
    """Every item taken to the workshop (`held=true`: not yet returned), with its state, the
    promised return date and whether it is overdue."""
    calendar = office_calendar(session, settings)
    today = office_today(calendar.timezone)
    rows, total = list_register(session, where, calendar, today, page, page_size)
    return RegisterPage(items=rows, total=total, page=page, page_size=page_size, today=today)


@router.get(
    "/export.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "the filtered register as CSV"}},
)
def export_csv(
    _who: OfficeUser,
    session: SessionDep,
    settings: SettingsDep,
    where: Annotated[RegisterFilter, Depends(register_filter)],
) -> Response:
    calendar = office_calendar(session, settings)
    today = office_today(calendar.timezone)
    columns = (
        "receipt_number",
        "ticket_number",
        "state",
        "state_at",
        "taken_at",
        "promised_return_date",
        "overdue",
        "working_days_overdue",
        "customer",
        "phone",
        "item",
        "serial",
        "technician",
        "condition",
        "reason",
    )
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in all_register(session, where, calendar, today, CSV_LIMIT):
        writer.writerow(
            _cell(v)
            for v in (
                row.receipt_number,
                row.ticket_number,
                row.state.value,
                row.state_at.isoformat(),
                row.taken_at.isoformat(),
                row.promised_return_date.isoformat(),
                "yes" if row.overdue else "no",
                row.working_days_overdue,
                row.customer_name,
                row.customer_phone,
                row.item,
                row.serial,
                row.technician_name,
                row.condition,
                row.reason,
            )
        )
    return Response(
        "\ufeff" + out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="repair-register.csv"'},
    )


CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {"model": MovementConflict, "description": "another movement came first"}
}


def _conflict(
    session: Session, settings: Settings, pickup_id: uuid.UUID, conflict: MovementConflictError
) -> JSONResponse:
    session.rollback()
    answer = MovementConflict(
        detail=f"{conflict}; nothing was saved",
        changed_by=conflict.changed_by,
        changed_at=conflict.changed_at,
        movements_since=conflict.since,
        current=current_row(session, settings, pickup_id),
    )
    return JSONResponse(answer.model_dump(mode="json"), status_code=409)


@router.post(
    "/{pickup_id}/movements", response_model=RegisterRow, status_code=201, responses=CONFLICT
)
def add_movement(
    pickup_id: uuid.UUID,
    body: MovementCreate,
    who: OfficeUser,
    session: SessionDep,
    settings: SettingsDep,
) -> Any:
    """Records that the item moved (in the workshop, repaired, returned); laptops get it by sync."""
    try:
        record_movement(session, who, pickup_id, body)
    except MovementConflictError as conflict:
        return _conflict(session, settings, pickup_id, conflict)
    session.commit()
    return current_row(session, settings, pickup_id)


@router.post(
    "/{pickup_id}/return-receipts",
    response_model=RegisterRow,
    status_code=201,
    responses=CONFLICT,
)
def return_item(
    pickup_id: uuid.UUID,
    body: CounterReturn,
    who: OfficeUser,
    session: SessionDep,
    settings: SettingsDep,
) -> Any:
    """The customer collects the item at the office: issues a return receipt to print and sign
    (see `return_receipts` in the answer) and records the item as returned."""
    try:
        return_at_counter(session, who, settings, pickup_id, body)
    except MovementConflictError as conflict:
        return _conflict(session, settings, pickup_id, conflict)
    session.commit()
    return current_row(session, settings, pickup_id)


@router.get("/return-receipts/{receipt_id}.pdf", response_class=Response, responses=PDF)
def return_receipt_pdf(
    receipt_id: uuid.UUID,
    _who: OfficeUser,
    session: SessionDep,
    settings: SettingsDep,
    paper: Literal["a4", "letter", "80mm"] = "a4",
    lang: Literal["en", "zh", "both"] = "both",
) -> Response:
    """The return receipt to print: A4, US Letter or an 80 mm roll; English, Chinese or both."""
    rendered = render_return_receipt(session, settings, receipt_id, paper, lang)
    return Response(
        rendered.pdf,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'inline; filename="return-receipt-{receipt_id}.pdf"',
            "X-Verification-Code": rendered.verification_code,
            "Cache-Control": "no-store",
        },
    )
