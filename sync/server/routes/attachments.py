"""Attachment bytes for signed-in laptops: which blobs are missing, chunked upload, download."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from sync.protocol.schemas import (
    MAX_ATTACHMENT_BYTES,
    AttachmentProgress,
    AttachmentStatusRequest,
    AttachmentStatusResponse,
)
from sync.server.deps import SessionDep, SettingsDep
from sync.server.replication.blobs import (
    BlobFolder,
    UploadRefusedError,
    attachment_status,
    put_chunk,
    read_blob,
)
from sync.server.routes.sync import Device, check_version

router = APIRouter(prefix="/sync/attachments", tags=["sync"])

Sha = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")]


def _refusal(failure: UploadRefusedError) -> HTTPException:
    detail: str | dict[str, object] = failure.message
    if failure.expected is not None:
        detail = {"message": failure.message, "expected_offset": failure.expected}
    return HTTPException(failure.status, detail=detail)


@router.post("/status", response_model=AttachmentStatusResponse)
def missing_attachments(
    body: AttachmentStatusRequest, _device: Device, session: SessionDep, settings: SettingsDep
) -> AttachmentStatusResponse:
    """Of these hashes, the ones the office lacks and how many bytes of each it already has."""
    check_version(body.protocol)
    answer = attachment_status(session, BlobFolder(settings.attachments_folder), body)
    session.rollback()
    return answer


@router.put("/{sha256}", response_model=AttachmentProgress)
async def upload_chunk(
    sha256: Sha,
    request: Request,
    _device: Device,
    session: SessionDep,
    settings: SettingsDep,
    offset: Annotated[int, Query(ge=0)],
    size: Annotated[int, Query(ge=0, le=MAX_ATTACHMENT_BYTES)],
) -> AttachmentProgress:
    """Raw bytes at `offset` of a blob of `size` bytes. A repeated chunk is accepted again; a
    chunk at the wrong place is refused (409) naming the offset to resume from; the last chunk
    checks the SHA-256 and a mismatch (422) discards what arrived."""
    data = await request.body()
    try:
        answer = await run_in_threadpool(
            put_chunk, session, BlobFolder(settings.attachments_folder), sha256, offset, size, data
        )
    except UploadRefusedError as failure:
        await run_in_threadpool(session.commit)
        raise _refusal(failure) from None
    await run_in_threadpool(session.commit)
    return answer


@router.get(
    "/{sha256}",
    response_class=Response,
    responses={200: {"content": {"application/octet-stream": {}}}},
)
def download(sha256: Sha, device: Device, session: SessionDep, settings: SettingsDep) -> Response:
    """A blob attached to a record of one of the technician's jobs."""
    try:
        data = read_blob(session, BlobFolder(settings.attachments_folder), device, sha256)
    except UploadRefusedError as failure:
        raise _refusal(failure) from None
    finally:
        session.rollback()
    return Response(content=data, media_type="application/octet-stream")
