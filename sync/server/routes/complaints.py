"""Complaints: record one (routed by what it concerns), list with filters, change its status."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from fieldtech.domain.enums import ComplaintConcern, ComplaintRoute, ComplaintStatus
from fieldtech.domain.errors import NotFoundError
from fieldtech.models import Complaint
from sync.server import complaints
from sync.server.deps import OfficeUser, SessionDep
from sync.server.schemas.office import (
    ComplaintCreate,
    ComplaintPage,
    ComplaintPublic,
    ComplaintStatusChange,
)

router = APIRouter(prefix="/complaints", tags=["complaints"])


@router.post("", response_model=ComplaintPublic, status_code=status.HTTP_201_CREATED)
def record(body: ComplaintCreate, who: OfficeUser, session: SessionDep) -> ComplaintPublic:
    """Routes the complaint by its concern; deadline and promised reply default per route."""
    complaint = complaints.record_complaint(session, who, body)
    session.commit()
    return complaints.complaint_public(session, complaint)


@router.get("", response_model=ComplaintPage)
def list_(
    who: OfficeUser,
    session: SessionDep,
    complaint_status: Annotated[ComplaintStatus | None, Query(alias="status")] = None,
    route: ComplaintRoute | None = None,
    concern: ComplaintConcern | None = None,
    overdue: bool = False,
    job_id: uuid.UUID | None = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=200)] = 50,
) -> ComplaintPage:
    where = complaints.ComplaintFilter(complaint_status, route, concern, overdue, job_id)
    items, total = complaints.list_complaints(session, where, page, page_size)
    return ComplaintPage(items=items, total=total, page=page, page_size=page_size)


@router.get("/{complaint_id}", response_model=ComplaintPublic)
def read(complaint_id: uuid.UUID, who: OfficeUser, session: SessionDep) -> ComplaintPublic:
    complaint = session.get(Complaint, complaint_id)
    if complaint is None:
        raise NotFoundError(f"complaint {complaint_id}: no such complaint")
    return complaints.complaint_public(session, complaint)


@router.post("/{complaint_id}/status", response_model=ComplaintPublic)
def change_status(
    complaint_id: uuid.UUID, body: ComplaintStatusChange, who: OfficeUser, session: SessionDep
) -> ComplaintPublic:
    complaint = complaints.change_status(session, who, complaint_id, body.status, body.note)
    session.commit()
    return complaints.complaint_public(session, complaint)
