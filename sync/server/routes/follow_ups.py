"""Follow-up calls: the call list, recording a call's rating, the supervisor's escalations."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from fieldtech.domain.errors import ValidationError
from sync.server import follow_ups
from sync.server.deps import OfficeUser, SessionDep, SettingsDep, SupervisorUser
from sync.server.office_days import today
from sync.server.schemas.office import CallList, FollowUpCreate, FollowUpPublic, FollowUpResolve

router = APIRouter(prefix="/follow-ups", tags=["follow-ups"])

EARLIEST = dt.date(2000, 1, 1)
LATEST = dt.date(2099, 12, 31)


def check_day(field: str, day: dt.date) -> dt.date:
    if not EARLIEST <= day <= LATEST:
        raise ValidationError(field, "the date must fall between the years 2000 and 2099")
    return day


@router.get("/due", response_model=CallList)
def due(
    who: OfficeUser,
    session: SessionDep,
    settings: SettingsDep,
    due_by: dt.date | None = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=200)] = 50,
) -> CallList:
    """Customers to call back by `due_by` (default today, office calendar), oldest visit first."""
    day = check_day("due_by", due_by) if due_by else today(settings.timezone)
    items, total = follow_ups.call_list(session, day, settings.timezone, page, page_size)
    return CallList(
        items=items,
        total=total,
        total_is_lower_bound=total > follow_ups.COUNT_CAP,
        page=page,
        page_size=page_size,
        due_by=day,
    )


@router.post("", response_model=FollowUpPublic, status_code=status.HTTP_201_CREATED)
def record(
    body: FollowUpCreate, who: OfficeUser, session: SessionDep, settings: SettingsDep
) -> FollowUpPublic:
    """Records a call back; a rating of 3 or less goes to the supervisor, due by end of today."""
    follow_up = follow_ups.record_follow_up(session, who, body, settings.timezone)
    session.commit()
    return follow_ups.follow_up_public(session, follow_up)


@router.get("/escalated", response_model=list[FollowUpPublic])
def escalated(who: OfficeUser, session: SessionDep) -> list[FollowUpPublic]:
    """Poor ratings waiting for a supervisor, nearest deadline first."""
    return [follow_ups.follow_up_public(session, f) for f in follow_ups.escalations(session)]


@router.post("/{follow_up_id}/resolve", response_model=FollowUpPublic)
def resolve(
    follow_up_id: uuid.UUID, body: FollowUpResolve, who: SupervisorUser, session: SessionDep
) -> FollowUpPublic:
    """A supervisor closes an escalation with a note of what was done."""
    follow_up = follow_ups.resolve_escalation(session, who, follow_up_id, body.note)
    session.commit()
    return follow_ups.follow_up_public(session, follow_up)
