"""Company settings: profile and logo, product categories with warranty and labour, the
depreciation table, working-day calendar overrides. Admins write; supervisors may read."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, File, Query, Response, UploadFile, status

from fieldtech.domain.errors import NotFoundError
from sync.server import company_settings as company
from sync.server.deps import AdminUser, SessionDep, SupervisorUser
from sync.server.schemas.common import Message
from sync.server.schemas.settings import (
    CalendarOverrideIn,
    CalendarOverridePublic,
    CategoryCreate,
    CategoryIn,
    CategoryPublic,
    CompanyProfilePublic,
    CompanyProfileUpdate,
    DepreciationBandPublic,
    DepreciationPublic,
    DepreciationUpdate,
)

router = APIRouter(prefix="/settings", tags=["settings"])

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Message}}


@router.get("/company", response_model=CompanyProfilePublic)
def get_company(_who: SupervisorUser, session: SessionDep) -> CompanyProfilePublic:
    return CompanyProfilePublic.model_validate(company.profile_view(session))


@router.put("/company", response_model=CompanyProfilePublic)
def put_company(
    who: AdminUser, session: SessionDep, body: CompanyProfileUpdate
) -> CompanyProfilePublic:
    profile = company.save_profile(session, who, body)
    session.commit()
    return CompanyProfilePublic.model_validate(profile)


@router.get(
    "/company/logo",
    response_class=Response,
    responses={200: {"content": {"image/png": {}, "image/jpeg": {}}}, **NOT_FOUND},
)
def get_logo(_who: SupervisorUser, session: SessionDep) -> Response:
    logo = company.logo_bytes(session)
    if logo is None:
        raise NotFoundError("no logo has been uploaded")
    media_type, data = logo
    return Response(data, media_type=media_type, headers={"Cache-Control": "no-cache"})


@router.put("/company/logo", response_model=CompanyProfilePublic)
async def put_logo(
    who: AdminUser, session: SessionDep, logo: Annotated[UploadFile, File()]
) -> CompanyProfilePublic:
    data = await logo.read(company.MAX_LOGO_BYTES + 1)
    profile = company.save_logo(session, who, logo.filename or "", data)
    session.commit()
    return CompanyProfilePublic.model_validate(profile)


@router.delete("/company/logo", response_model=CompanyProfilePublic)
def delete_logo(who: AdminUser, session: SessionDep) -> CompanyProfilePublic:
    profile = company.remove_logo(session, who)
    session.commit()
    return CompanyProfilePublic.model_validate(profile)


@router.get("/categories", response_model=list[CategoryPublic])
def list_categories(_who: SupervisorUser, session: SessionDep) -> list[CategoryPublic]:
    return [CategoryPublic.model_validate(c) for c in company.categories(session)]


@router.post("/categories", response_model=CategoryPublic, status_code=status.HTTP_201_CREATED)
def create_category(who: AdminUser, session: SessionDep, body: CategoryCreate) -> CategoryPublic:
    category = company.create_category(session, who, body)
    session.commit()
    return CategoryPublic.model_validate(category)


@router.put("/categories/{code}", response_model=CategoryPublic, responses=NOT_FOUND)
def update_category(
    who: AdminUser, session: SessionDep, code: str, body: CategoryIn
) -> CategoryPublic:
    category = company.update_category(session, who, code, body)
    session.commit()
    return CategoryPublic.model_validate(category)


def _depreciation_public(session: SessionDep) -> DepreciationPublic:
    table = company.depreciation_table(session)
    return DepreciationPublic(
        bands=[DepreciationBandPublic(up_to_days=b.up_to_days, rate=b.rate) for b in table.bands]
    )


@router.get("/depreciation", response_model=DepreciationPublic)
def get_depreciation(_who: SupervisorUser, session: SessionDep) -> DepreciationPublic:
    return _depreciation_public(session)


@router.put("/depreciation", response_model=DepreciationPublic)
def put_depreciation(
    who: AdminUser, session: SessionDep, body: DepreciationUpdate
) -> DepreciationPublic:
    company.save_depreciation(session, who, body)
    session.commit()
    return _depreciation_public(session)


@router.get("/calendar", response_model=list[CalendarOverridePublic])
def list_overrides(
    _who: SupervisorUser,
    session: SessionDep,
    year: Annotated[int | None, Query(ge=2000, le=2099)] = None,
) -> list[CalendarOverridePublic]:
    return [
        CalendarOverridePublic.model_validate(o) for o in company.calendar_overrides(session, year)
    ]


@router.put("/calendar/{day}", response_model=CalendarOverridePublic)
def put_override(
    who: AdminUser, session: SessionDep, day: dt.date, body: CalendarOverrideIn
) -> CalendarOverridePublic:
    override = company.put_override(session, who, day, body.working, body.note)
    session.commit()
    return CalendarOverridePublic.model_validate(override)


@router.delete("/calendar/{day}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND)
def delete_override(who: AdminUser, session: SessionDep, day: dt.date) -> Response:
    company.delete_override(session, who, day)
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
