"""Settings pages: company profile and logo, categories, depreciation, calendar overrides."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

import holidays
from fastapi import APIRouter, Request, Response, status
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.datastructures import UploadFile

from fieldtech.company import DocumentLanguage
from fieldtech.rules.charges import LabourBasis
from sync.server import company_settings as company
from sync.server.deps import SessionDep
from sync.server.routes import pages_stock
from sync.server.schemas.settings import (
    CategoryCreate,
    CategoryIn,
    CompanyProfileUpdate,
    DepreciationUpdate,
)
from sync.server.settings_forms import attempt, can_read, can_write, page, saved, text_form
from sync.server.web import Staff, check_form_csrf

router = APIRouter(include_in_schema=False)
router.include_router(pages_stock.router)

DEPRECIATION_ROWS = 10
CATEGORY_FIELDS = ("name", "warranty_months", "labour_basis", "labour_rate")


@router.get("/settings")
def settings_home(who: Staff) -> RedirectResponse:
    can_read(who)
    return RedirectResponse("/settings/company", status_code=status.HTTP_303_SEE_OTHER)


def _company_page(
    request: Request, who: Staff, session: SessionDep, form: dict[str, Any], errors: dict[str, str]
) -> HTMLResponse:
    profile = company.profile_view(session)
    context = {"form": form, "profile": profile, "languages": list(DocumentLanguage)}
    return page(request, who, "settings_company.html", "company", context, errors)


@router.get("/settings/company", response_class=HTMLResponse)
def company_page(request: Request, who: Staff, session: SessionDep) -> HTMLResponse:
    can_read(who)
    profile = company.profile_view(session)
    form = {key: getattr(profile, key) for key in company.PROFILE_FIELDS}
    form["tax_percent"] = _percent(profile.tax_rate)
    return _company_page(request, who, session, form, {})


def _percent(fraction: str | Decimal) -> str:
    value = (Decimal(fraction) * 100).normalize()
    return f"{value:f}"


def _fraction(percent: str) -> str:
    """A percentage typed on a page as the fraction the API takes ("13" -> "0.13")."""
    try:
        value = Decimal(percent.strip().rstrip("%") or "x")
    except InvalidOperation:
        return f"not a number: {percent}"[:40]
    return f"{(value / 100).normalize():f}" if value.is_finite() else "x"


@router.post("/settings/company", response_class=HTMLResponse, response_model=None)
async def save_company(
    request: Request, who: Staff, session: SessionDep
) -> HTMLResponse | RedirectResponse:
    form = await text_form(request)
    can_write(who, form)
    body = {key: form.get(key, "") for key in company.PROFILE_FIELDS if key != "tax_rate"}
    body["tax_rate"] = _fraction(form.get("tax_percent", ""))

    def write() -> object:
        return company.save_profile(session, who, CompanyProfileUpdate.model_validate(body))

    _done, errors = attempt(session, write)
    if errors:
        errors = {("tax_percent" if k == "tax_rate" else k): v for k, v in errors.items()}
        return _company_page(request, who, session, form, errors)
    session.commit()
    return saved("/settings/company")


@router.post("/settings/company/logo", response_class=HTMLResponse, response_model=None)
async def upload_logo(
    request: Request, who: Staff, session: SessionDep
) -> HTMLResponse | RedirectResponse:
    filename, data = "", b""
    async with request.form() as raw:
        form = {k: v for k, v in raw.items() if isinstance(v, str)}
        can_write(who, form)
        upload = raw.get("logo")
        if isinstance(upload, UploadFile):
            filename = upload.filename or ""
            data = await upload.read(company.MAX_LOGO_BYTES + 1)
    _done, errors = attempt(session, lambda: company.save_logo(session, who, filename, data))
    if errors:
        profile = company.profile_view(session)
        current = {key: getattr(profile, key) for key in company.PROFILE_FIELDS}
        current["tax_percent"] = _percent(profile.tax_rate)
        return _company_page(request, who, session, current, errors)
    session.commit()
    return saved("/settings/company")


@router.post("/settings/company/logo/remove")
async def remove_logo(request: Request, who: Staff, session: SessionDep) -> RedirectResponse:
    form = await text_form(request)
    can_write(who, form)
    company.remove_logo(session, who)
    session.commit()
    return saved("/settings/company")


@router.get("/settings/company/logo")
def logo(who: Staff, session: SessionDep) -> Response:
    can_read(who)
    found = company.logo_bytes(session)
    if found is None:
        return Response(status_code=status.HTTP_404_NOT_FOUND)
    media_type, data = found
    return Response(data, media_type=media_type, headers={"Cache-Control": "no-cache"})


def _categories_page(
    request: Request,
    who: Staff,
    session: SessionDep,
    errors: dict[str, str],
    forms: dict[str, dict[str, str]] | None = None,
) -> HTMLResponse:
    rows = company.categories(session)
    forms = forms or {}
    context = {
        "categories": rows,
        "forms": forms,
        "bases": list(LabourBasis),
        "editing": next(iter(forms), ""),
    }
    return page(request, who, "settings_categories.html", "categories", context, errors)


@router.get("/settings/categories", response_class=HTMLResponse)
def categories_page(request: Request, who: Staff, session: SessionDep) -> HTMLResponse:
    can_read(who)
    return _categories_page(request, who, session, {})


@router.post("/settings/categories", response_class=HTMLResponse, response_model=None)
async def add_category(
    request: Request, who: Staff, session: SessionDep
) -> HTMLResponse | RedirectResponse:
    form = await text_form(request)
    can_write(who, form)
    body = {key: form.get(key, "") for key in ("code", *CATEGORY_FIELDS)}
    _done, errors = attempt(
        session, lambda: company.create_category(session, who, CategoryCreate.model_validate(body))
    )
    if errors:
        return _categories_page(request, who, session, errors, {"": form})
    session.commit()
    return saved("/settings/categories")


@router.post("/settings/categories/{code}", response_class=HTMLResponse, response_model=None)
async def edit_category(
    request: Request, who: Staff, session: SessionDep, code: str
) -> HTMLResponse | RedirectResponse:
    form = await text_form(request)
    can_write(who, form)
    body = {key: form.get(key, "") for key in CATEGORY_FIELDS}
    _done, errors = attempt(
        session,
        lambda: company.update_category(session, who, code, CategoryIn.model_validate(body)),
    )
    if errors:
        return _categories_page(request, who, session, errors, {code: form})
    session.commit()
    return saved("/settings/categories")


def _depreciation_rows(session: SessionDep) -> list[dict[str, str]]:
    rows = [
        {
            "up_to_days": "" if band.up_to_days is None else str(band.up_to_days),
            "rate": _percent(band.rate),
        }
        for band in company.depreciation_table(session).bands
    ]
    return rows + [{"up_to_days": "", "rate": ""}] * max(0, DEPRECIATION_ROWS - len(rows))


@router.get("/settings/depreciation", response_class=HTMLResponse)
def depreciation_page(request: Request, who: Staff, session: SessionDep) -> HTMLResponse:
    can_read(who)
    context = {"rows": _depreciation_rows(session)}
    return page(request, who, "settings_depreciation.html", "depreciation", context)


@router.post("/settings/depreciation", response_class=HTMLResponse, response_model=None)
async def save_depreciation(
    request: Request, who: Staff, session: SessionDep
) -> HTMLResponse | RedirectResponse:
    form = await text_form(request)
    can_write(who, form)
    rows = [
        {"up_to_days": form.get(f"up_to_days_{i}", "").strip(), "rate": form.get(f"rate_{i}", "")}
        for i in range(DEPRECIATION_ROWS)
    ]
    filled = [r for r in rows if r["up_to_days"] or r["rate"].strip()]
    bands = [
        {
            "up_to_days": r["up_to_days"] or None,
            "rate": _fraction(r["rate"]),
        }
        for r in filled
    ]

    def write() -> object:
        return company.save_depreciation(
            session, who, DepreciationUpdate.model_validate({"bands": bands})
        )

    _done, errors = attempt(session, write)
    if errors:
        named = {}
        for key, message in errors.items():
            # bands.2.rate (pydantic) and depreciation[2].rate (domain) name the same row.
            parts = key.replace("[", ".").replace("]", "").split(".")
            index = next((p for p in parts if p.isdigit()), None)
            named[f"{parts[-1]}_{index}" if index is not None else "bands"] = message
        shown = rows
        return page(
            request, who, "settings_depreciation.html", "depreciation", {"rows": shown}, named
        )
    session.commit()
    return saved("/settings/depreciation")


def _year(request: Request) -> int:
    try:
        year = int(request.query_params.get("year", ""))
    except ValueError:
        year = dt.date.today().year
    return min(max(year, 2000), 2099)


def _calendar_page(
    request: Request,
    who: Staff,
    session: SessionDep,
    year: int,
    form: dict[str, str],
    errors: dict[str, str],
) -> HTMLResponse:
    profile = company.profile_view(session)
    # The holiday names in the reader's language where the calendar has them (China's does).
    language = "zh_CN" if who.user.language == "zh_CN" else "en_US"
    public = holidays.country_holidays(profile.calendar_country, years=[year], language=language)
    context = {
        "year": year,
        "overrides": company.calendar_overrides(session, year),
        "public": sorted(public.items()),
        "weekend_workdays": sorted(d for d in public.weekend_workdays if d.year == year),
        "country": profile.calendar_country,
        "form": form,
    }
    return page(request, who, "settings_calendar.html", "calendar", context, errors)


@router.get("/settings/calendar", response_class=HTMLResponse)
def calendar_page(request: Request, who: Staff, session: SessionDep) -> HTMLResponse:
    can_read(who)
    return _calendar_page(request, who, session, _year(request), {}, {})


@router.post("/settings/calendar", response_class=HTMLResponse, response_model=None)
async def add_override(
    request: Request, who: Staff, session: SessionDep
) -> HTMLResponse | RedirectResponse:
    form = await text_form(request)
    can_write(who, form)
    errors: dict[str, str] = {}
    try:
        day = dt.date.fromisoformat(form.get("day", "").strip())
    except ValueError:
        errors = {"day": "write the day as YYYY-MM-DD"}
    note = form.get("note", "").strip()
    if len(note) > 200:
        errors["note"] = "keep the note under 200 characters"
    if not errors:
        working = form.get("working") == "1"
        _done, errors = attempt(
            session, lambda: company.put_override(session, who, day, working, note)
        )
    if errors:
        return _calendar_page(request, who, session, _year(request), form, errors)
    session.commit()
    return RedirectResponse(
        f"/settings/calendar?year={day.year}&saved=1", status_code=status.HTTP_303_SEE_OTHER
    )


@router.post("/settings/calendar/{day}/delete")
async def remove_override(
    request: Request, who: Staff, session: SessionDep, day: dt.date
) -> RedirectResponse:
    form = await text_form(request)
    check_form_csrf(who, form.get("csrf_token"))
    can_write(who, form)
    company.delete_override(session, who, day)
    session.commit()
    return RedirectResponse(
        f"/settings/calendar?year={day.year}&saved=1", status_code=status.HTTP_303_SEE_OTHER
    )
