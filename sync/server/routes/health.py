"""`/healthz`: what a load balancer asks before sending a process traffic."""

from __future__ import annotations

from fastapi import APIRouter, Response, status
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from sync.server.deps import SessionDep
from sync.server.schemas.common import HealthPublic

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=HealthPublic)
def healthz(session: SessionDep, response: Response) -> HealthPublic:
    """200 when the database answers and the schema is migrated; 503 otherwise."""
    try:
        revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError:
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
        return HealthPublic(status="unavailable", database="unreachable", schema_revision=None)
    if revision is None:
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
        return HealthPublic(status="unavailable", database="not migrated", schema_revision=None)
    return HealthPublic(status="ok", database="ok", schema_revision=str(revision))
