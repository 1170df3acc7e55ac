"""Domain errors as HTTP answers: the same `detail` list shape FastAPI uses, naming the field."""

from __future__ import annotations

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from fieldtech.domain.errors import FieldTechError, NotFoundError, ValidationError
from sync.server.job_writes import EditConflictError
from sync.server.schemas.jobs import EditConflict


def _validation(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ValidationError)
    return JSONResponse(
        {"detail": [{"loc": ["body", error.field], "msg": error.reason, "type": error.code}]},
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
    )


def _not_found(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, NotFoundError)
    return JSONResponse({"detail": error.message}, status_code=status.HTTP_404_NOT_FOUND)


def _domain(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, FieldTechError)
    return JSONResponse(
        {"detail": error.message, "code": error.code}, status_code=status.HTTP_409_CONFLICT
    )


def _edit_conflict(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, EditConflictError)
    body = EditConflict(
        detail=(
            f"changed by {error.changed_by} at {error.changed_at.isoformat()}; "
            "nothing was saved: review what changed and save again"
        ),
        changed_by=error.changed_by,
        changed_at=error.changed_at,
        changes=error.changes,
        current=error.current,
    )
    return JSONResponse(body.model_dump(mode="json"), status_code=status.HTTP_409_CONFLICT)


def _request_invalid(_request: Request, error: Exception) -> JSONResponse:
    """FastAPI's 422, minus the echo of the value sent (it may be a password) and the
    "Value error, " prefix pydantic puts before our own messages."""
    assert isinstance(error, RequestValidationError)
    detail = [
        {
            "loc": list(item.get("loc", ())),
            "msg": str(item.get("msg", "")).removeprefix("Value error, "),
            "type": item.get("type", "invalid"),
        }
        for item in error.errors()
    ]
    return JSONResponse({"detail": detail}, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _request_invalid)
    app.add_exception_handler(EditConflictError, _edit_conflict)
    app.add_exception_handler(ValidationError, _validation)
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(FieldTechError, _domain)
