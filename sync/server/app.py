"""The FastAPI application factory of the office service."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.staticfiles import StaticFiles

from sync.server import errors
from sync.server.db import make_engine, make_sessionmaker
from sync.server.gzip_requests import GzipRequestMiddleware
from sync.server.limits import BodyLimitMiddleware
from sync.server.routes import (
    attachments,
    board,
    complaints,
    customers,
    devices,
    figures,
    follow_ups,
    health,
    jobs,
    pages,
    pages_board,
    pages_complaints,
    pages_figures,
    pages_follow_ups,
    pages_intake,
    pages_job,
    pages_jobs,
    pages_register,
    pages_settings,
    pages_verify,
    register,
    session,
    stock,
    sync,
    technicians,
    users,
)
from sync.server.routes import (
    settings as settings_api,
)
from sync.server.settings import Settings
from sync.server.web import STATIC, SignInRequiredError, redirect_to_sign_in

API_PREFIX = "/api/v1"


def api_router() -> APIRouter:
    router = APIRouter(prefix=API_PREFIX)
    for module in (
        session,
        devices,
        users,
        technicians,
        customers,
        jobs,
        board,
        register,
        sync,
        attachments,
    ):
        router.include_router(module.router)
    for module in (follow_ups, complaints, figures, settings_api, stock):
        router.include_router(module.router)
    return router


def create_app(settings: Settings) -> FastAPI:
    """Build one stateless app process: all its state lives in the settings' database."""
    engine = make_engine(settings.database_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        title="FieldTech Office",
        version="0.1.0",
        summary="Jobs, devices and sync for the FieldTech office.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)
    app.add_middleware(GzipRequestMiddleware, max_inflated_bytes=settings.max_body_bytes)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    errors.install(app)
    app.include_router(health.router)
    app.include_router(api_router())
    app.add_exception_handler(SignInRequiredError, redirect_to_sign_in)
    app.include_router(pages.router)
    app.include_router(pages_intake.router)
    app.include_router(pages_jobs.router)
    app.include_router(pages_board.router)
    app.include_router(pages_register.router)
    app.include_router(pages_verify.router)
    app.include_router(pages_follow_ups.router)
    app.include_router(pages_complaints.router)
    app.include_router(pages_figures.router)
    app.include_router(pages_job.router)
    app.include_router(pages_settings.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def app_from_env() -> FastAPI:
    """The factory uvicorn imports in each worker; settings come from the environment."""
    return create_app(Settings.from_env())
