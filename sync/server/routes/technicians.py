"""Technicians jobs can be assigned to."""

from __future__ import annotations

from fastapi import APIRouter

from sync.server.deps import OfficeUser, SessionDep
from sync.server.job_queries import technicians
from sync.server.schemas.jobs import TechnicianPublic

router = APIRouter(prefix="/technicians", tags=["technicians"])


@router.get("", response_model=list[TechnicianPublic])
def list_technicians(_who: OfficeUser, session: SessionDep) -> list[TechnicianPublic]:
    return [TechnicianPublic.model_validate(t) for t in technicians(session)]
