"""Sync endpoints for signed-in laptops: push, pull, resync. Bodies may be gzip-compressed."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Response, status
from pydantic import BaseModel

from sync.protocol.schemas import (
    SUPPORTED_VERSIONS,
    HelloRequest,
    HelloResponse,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    ResyncRequest,
    ResyncResponse,
)
from sync.server.deps import CurrentUser, SessionDep, SettingsDep
from sync.server.replication.identity import hello
from sync.server.replication.pull import page_json, pull, resync
from sync.server.replication.push import push
from sync.server.replication.scope import DeviceContext

router = APIRouter(prefix="/sync", tags=["sync"])


def device_context(principal: CurrentUser) -> DeviceContext:
    """Only a signed-in laptop of a technician syncs; anyone else is told plainly why not."""
    if principal.device is None:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN, detail="sync needs a device token: sign the laptop in"
        )
    if principal.user.technician_id is None:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            detail="this account is not a technician's; only technicians' laptops sync",
        )
    return DeviceContext(device_id=principal.device.id, technician_id=principal.user.technician_id)


Device = Annotated[DeviceContext, Depends(device_context)]


def check_version(protocol: int) -> None:
    if protocol not in SUPPORTED_VERSIONS:
        supported = ", ".join(str(v) for v in SUPPORTED_VERSIONS)
        raise HTTPException(
            status.HTTP_426_UPGRADE_REQUIRED,
            detail=f"protocol: version {protocol} is not spoken here (supported: {supported}); "
            "update the app",
        )


@router.post("/hello", response_model=HelloResponse)
def say_hello(
    body: HelloRequest, device: Device, session: SessionDep, settings: SettingsDep
) -> HelloResponse:
    """Who this laptop is for: its technician, receipt prefix, and lent ticket numbers."""
    check_version(body.protocol)
    answer = hello(session, device, body, settings.timezone)
    session.commit()
    return answer


@router.post("/push", response_model=PushResponse)
def push_changes(body: PushRequest, device: Device, session: SessionDep) -> PushResponse:
    """Apply the laptop's captured changes, each exactly once; refusals are answered, not raised."""
    check_version(body.protocol)
    answer = push(session, device, body)
    session.commit()
    return answer


def _json(message: BaseModel) -> Response:
    """A page of thousands of rows the office built itself: serialised once, not validated and
    converted again on the way out."""
    return Response(message.model_dump_json(), media_type="application/json")


@router.post("/pull", response_model=PullResponse)
def pull_changes(body: PullRequest, device: Device, session: SessionDep) -> Response:
    """Rows changed after the cursor, whole jobs newly assigned, jobs to drop, digests."""
    check_version(body.protocol)
    answer = pull(session, device, body)
    session.commit()
    return Response(page_json(answer), media_type="application/json")


@router.post("/resync", response_model=ResyncResponse)
def resync_bucket(body: ResyncRequest, device: Device, session: SessionDep) -> Response:
    """Every row of one digest bucket: the repair after a digest mismatch."""
    check_version(body.protocol)
    answer = resync(session, device, body)
    session.rollback()
    return _json(answer)
