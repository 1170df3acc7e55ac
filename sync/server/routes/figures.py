"""Service figures for a chosen period, as JSON and as CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io

from fastapi import APIRouter, Response

from fieldtech.domain.errors import ValidationError
from sync.server.deps import OfficeUser, SessionDep, SettingsDep
from sync.server.figures import Period, service_figures
from sync.server.office_days import today
from sync.server.routes.follow_ups import check_day
from sync.server.schemas.figures import FiguresPublic, Unit

router = APIRouter(prefix="/figures", tags=["figures"])

LONGEST = dt.timedelta(days=366)


def choose_period(start: dt.date | None, end: dt.date | None, timezone: str) -> Period:
    """Default: this month so far. A period longer than a year is refused (it is a report)."""
    local_today = today(timezone)
    first = check_day("start", start) if start else local_today.replace(day=1)
    last = check_day("end", end) if end else max(local_today, first)
    if last < first:
        raise ValidationError("end", "the end date must be on or after the start date")
    if last - first >= LONGEST:
        raise ValidationError("end", "choose a period of at most one year")
    return Period(first, last, timezone)


@router.get("", response_model=FiguresPublic)
def figures(
    who: OfficeUser,
    session: SessionDep,
    settings: SettingsDep,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> FiguresPublic:
    """`start`..`end` are office days, both included; default this month so far."""
    return service_figures(session, choose_period(start, end, settings.timezone))


def figures_csv(report: FiguresPublic) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "code", "value", "numerator", "denominator", "target", "met"])
    for figure in report.figures:
        value = "" if figure.value is None else figure.value
        if figure.unit is Unit.RATIO and figure.value is not None:
            value = round(figure.value, 4)
        writer.writerow(
            [
                "figure",
                figure.code,
                value,
                figure.numerator,
                figure.denominator,
                "" if figure.target is None else figure.target,
                "" if figure.met is None else ("yes" if figure.met else "no"),
            ]
        )
    for cash in report.cash:
        name = cash.technician_name or "-"
        writer.writerow(["cash", _cell(name), cash.amount, cash.payments, "", "", ""])
    for part in report.parts:
        writer.writerow(["part", _cell(part.part_number), part.quantity, "", "", "", ""])
    return out.getvalue()


def _cell(text: str) -> str:
    """Spreadsheets run a cell that starts with = + - @ as a formula; a quote disarms it."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@router.get(
    "/export.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "the period's figures as CSV"}},
)
def export_csv(
    who: OfficeUser,
    session: SessionDep,
    settings: SettingsDep,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Response:
    period = choose_period(start, end, settings.timezone)
    body = figures_csv(service_figures(session, period))
    name = f"figures-{period.start.isoformat()}-{period.end.isoformat()}.csv"
    return Response(
        "\ufeff" + body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
