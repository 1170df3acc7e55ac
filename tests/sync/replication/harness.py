"""An office database and laptops in one process, joined by a transport that speaks JSON.

The office side is the real schema on SQLite with change capture; each laptop is a real encrypted
store; every message crosses as JSON text, as it would on the wire.
"""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from pydantic import BaseModel
from sqlalchemy import insert
from sqlalchemy.orm import Session, sessionmaker

from fieldtech.models import Base, Technician
from fieldtech.store.capture import install_capture
from fieldtech.store.engine import Store, open_store
from fieldtech.usecases import device
from sync.client.engine import SyncEngine
from sync.client.errors import SyncState, TransportError
from sync.protocol.schemas import (
    AttachmentStatusRequest,
    HelloRequest,
    PullRequest,
    PushRequest,
    ResyncRequest,
)
from sync.server.db import make_engine, make_sessionmaker
from sync.server.models import OfficeBase
from sync.server.replication.blobs import (
    BlobFolder,
    UploadRefusedError,
    attachment_status,
    put_chunk,
    read_blob,
)
from sync.server.replication.capture import CLOCK_ID, install_office_capture
from sync.server.replication.identity import hello
from sync.server.replication.pull import pull, resync
from sync.server.replication.push import push
from sync.server.replication.scope import DeviceContext
from sync.server.replication.tables import SyncClock

KEY = bytes(range(100, 132))

World = tuple[sessionmaker[Session], "Laptop", uuid.UUID]
"""The office's sessions, a signed-in laptop and its technician's id."""


def office(tmp: Path) -> sessionmaker[Session]:
    engine = make_engine(f"sqlite:///{tmp / 'office.db'}")
    Base.metadata.create_all(engine)
    OfficeBase.metadata.create_all(engine)
    sessions = make_sessionmaker(engine)
    install_office_capture(sessions)
    with sessions.begin() as session:
        session.execute(insert(SyncClock).values(id=CLOCK_ID, value=0))
    return sessions


Handler = Callable[[Session, DeviceContext, Any], BaseModel]


def _hello(session: Session, ctx: DeviceContext, body: HelloRequest) -> BaseModel:
    return hello(session, ctx, body, "Asia/Shanghai")


def _attachment_status(
    session: Session, _ctx: DeviceContext, body: AttachmentStatusRequest
) -> BaseModel:
    database = session.get_bind().engine.url.database
    assert database is not None
    return attachment_status(session, BlobFolder(Path(database).parent / "attachments"), body)


ROUTES: dict[str, tuple[type[BaseModel], Handler]] = {
    "/api/v1/sync/hello": (HelloRequest, _hello),
    "/api/v1/sync/push": (PushRequest, push),
    "/api/v1/sync/pull": (PullRequest, pull),
    "/api/v1/sync/resync": (ResyncRequest, resync),
    "/api/v1/sync/attachments/status": (AttachmentStatusRequest, _attachment_status),
}


class Loopback:
    """Calls the office's sync functions with the body as JSON text, both ways."""

    def __init__(self, sessions: sessionmaker[Session], ctx: DeviceContext) -> None:
        self.sessions = sessions
        self.ctx = ctx
        self.calls: list[str] = []

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        self.calls.append(path)
        schema, handler = ROUTES[path]
        request = schema.model_validate_json(json.dumps(body))
        with self.sessions.begin() as session:
            answer = handler(session, self.ctx, request)
        loaded: dict[str, Any] = json.loads(answer.model_dump_json())
        return loaded

    def put_bytes(self, path: str, data: bytes) -> dict[str, Any]:
        self.calls.append(path)
        url = urlsplit(path)
        query = parse_qs(url.query)
        sha = url.path.rsplit("/", 1)[1]
        with self.sessions.begin() as session:
            try:
                answer = put_chunk(
                    session,
                    office_blobs(self.sessions),
                    sha,
                    int(query["offset"][0]),
                    int(query["size"][0]),
                    bytes(data),
                )
            except UploadRefusedError as failure:
                refused = failure
            else:
                return dict(json.loads(answer.model_dump_json()))
        raise TransportError(SyncState.SERVER_ERROR, refused.message)

    def get_bytes(self, path: str) -> bytes | None:
        self.calls.append(path)
        with self.sessions() as session:
            try:
                return read_blob(
                    session, office_blobs(self.sessions), self.ctx, path.rsplit("/", 1)[1]
                )
            except UploadRefusedError:
                return None


def office_blobs(sessions: sessionmaker[Session]) -> BlobFolder:
    """The office's attachment folder, beside its SQLite file as in the default settings."""
    database = sessions.kw["bind"].url.database
    return BlobFolder(Path(database).parent / "attachments")


class Laptop:
    def __init__(
        self, folder: Path, office_sessions: sessionmaker[Session], tech_id: uuid.UUID, prefix: str
    ) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.store: Store = open_store(folder / "store.db", KEY, on_sessionmaker=[install_capture])
        self.ctx = DeviceContext(device_id=uuid.uuid4(), technician_id=tech_id)
        with self.store.sessions.begin() as session:
            device.set_identity(session, device_prefix=prefix, technician_id=tech_id)
        self.transport = Loopback(office_sessions, self.ctx)
        self.engine = SyncEngine(self.store.sessions, self.transport)

    @property
    def db(self) -> sessionmaker[Session]:
        return self.store.sessions

    def close(self) -> None:
        self.store.close()


def add_technician(sessions: sessionmaker[Session], username: str) -> uuid.UUID:
    with sessions.begin() as session:
        tech = Technician(username=username, display_name=username.title())
        session.add(tech)
        session.flush()
        return tech.id


def register_device(sessions: sessionmaker[Session], laptop: Laptop, username: str) -> None:
    """The devices row the office keeps for a signed-in laptop (sync bookkeeping refers to it)."""
    from sync.server.models import Device, Role, User

    with sessions.begin() as session:
        user = User(
            username=username,
            role=Role.TECHNICIAN,
            password_hash="-",
            technician_id=laptop.ctx.technician_id,
        )
        session.add(user)
        session.flush()
        session.add(
            Device(id=laptop.ctx.device_id, user_id=user.id, token_hash=uuid.uuid4().hex * 2)
        )


def cleanup(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
