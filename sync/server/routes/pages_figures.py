"""Dashboard page of the service figures: a period form, each figure against its target, charts."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request, status
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from fieldtech.domain.errors import ValidationError
from sync.server.charts import Bar, bars
from sync.server.deps import SessionDep, SettingsDep
from sync.server.figures import service_figures
from sync.server.i18n import translator
from sync.server.routes.figures import choose_period
from sync.server.schemas.figures import Figure, FiguresPublic, Unit
from sync.server.web import Staff, render

router = APIRouter(include_in_schema=False)

# Chart widths in SVG units, near the pixels they fill, so their text reads at page size.
WIDE, HALF = 1100, 540


def _date(name: str, text: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:20])
    except ValueError as error:
        raise ValidationError(name, "type a date as YYYY-MM-DD") from error


def shown(figure: Figure) -> str:
    """A figure as the reader sees it: percentages, a rating to two places, or a count."""
    if figure.value is None:
        return "—"
    if figure.unit is Unit.RATIO:
        return f"{figure.value * 100:.1f} %"
    if figure.unit is Unit.RATING:
        return f"{figure.value:.2f}"
    return f"{figure.value:.0f}"


def _charts(report: FiguresPublic, t: Any) -> dict[str, Markup]:
    ratios = [f for f in report.figures if f.unit is Unit.RATIO]
    rating = [f for f in report.figures if f.unit is Unit.RATING]
    charts = {
        "rates": bars(
            [Bar(t(f"figure.{f.code}"), f.value or 0.0, shown(f), f.target, f.met) for f in ratios],
            1.0,
            t("figures.chart"),
            width=WIDE,
        ),
        "rating": bars(
            [Bar(t(f"figure.{f.code}"), f.value or 0.0, shown(f), f.target, f.met) for f in rating],
            5.0,
            t("figure.satisfaction"),
            width=WIDE,
        ),
    }
    if report.cash:
        top = max(float(row.amount) for row in report.cash) or 1.0
        charts["cash"] = bars(
            [
                Bar(row.technician_name or "—", float(row.amount), str(row.amount))
                for row in report.cash
            ],
            top,
            t("figures.cash"),
            width=HALF,
        )
    if report.parts:
        most = max(part.quantity for part in report.parts) or 1
        charts["parts"] = bars(
            [Bar(part.part_number, part.quantity, str(part.quantity)) for part in report.parts],
            most,
            t("figures.parts"),
            width=HALF,
        )
    return charts


@router.get("/figures", response_class=HTMLResponse)
def figures_page(
    request: Request,
    who: Staff,
    session: SessionDep,
    settings: SettingsDep,
    start: str = "",
    end: str = "",
) -> HTMLResponse:
    problem = ""
    code = status.HTTP_200_OK
    try:
        period = choose_period(_date("start", start), _date("end", end), settings.timezone)
    except ValidationError as refused:
        problem, code = refused.message, status.HTTP_422_UNPROCESSABLE_CONTENT
        period = choose_period(None, None, settings.timezone)
    report = service_figures(session, period)
    t = translator(who.user.language)
    query = urlencode({"start": period.start.isoformat(), "end": period.end.isoformat()})
    context: dict[str, Any] = {
        "report": report,
        "shown": shown,
        "charts": _charts(report, t),
        "problem": problem,
        "form": {
            "start": start[:20] or period.start.isoformat(),
            "end": end[:20] or period.end.isoformat(),
        },
        "csv_url": f"/api/v1/figures/export.csv?{query}",
    }
    return render(request, "figures.html", context, who=who, status_code=code)
