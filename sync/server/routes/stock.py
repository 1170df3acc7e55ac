"""The parts catalogue and technicians' van stock (issue, replenish, count, with their trail)."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, status

from sync.server import van_stock
from sync.server.deps import AdminUser, SessionDep, SupervisorUser
from sync.server.schemas.common import Message
from sync.server.schemas.stock import (
    PartCreate,
    PartIn,
    PartPublic,
    StockMoveIn,
    StockMovementPublic,
    StockMoveResult,
    VanStockLine,
)

router = APIRouter(prefix="/settings", tags=["stock"])

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Message}}


@router.get("/parts", response_model=list[PartPublic])
def list_parts(_who: SupervisorUser, session: SessionDep) -> list[PartPublic]:
    return [PartPublic.model_validate(p) for p in van_stock.parts(session)]


@router.post("/parts", response_model=PartPublic, status_code=status.HTTP_201_CREATED)
def create_part(who: AdminUser, session: SessionDep, body: PartCreate) -> PartPublic:
    part = van_stock.create_part(session, who, body)
    session.commit()
    return PartPublic.model_validate(part)


@router.put("/parts/{part_number}", response_model=PartPublic, responses=NOT_FOUND)
def update_part(who: AdminUser, session: SessionDep, part_number: str, body: PartIn) -> PartPublic:
    part = van_stock.update_part(session, who, part_number, body)
    session.commit()
    return PartPublic.model_validate(part)


@router.get("/van-stock/{technician_id}", response_model=list[VanStockLine], responses=NOT_FOUND)
def list_van_stock(
    _who: SupervisorUser, session: SessionDep, technician_id: uuid.UUID
) -> list[VanStockLine]:
    van_stock.technician(session, technician_id)
    return [
        VanStockLine.model_validate(line) for line in van_stock.van_lines(session, technician_id)
    ]


@router.get(
    "/van-stock/{technician_id}/moves",
    response_model=list[StockMovementPublic],
    responses=NOT_FOUND,
)
def list_moves(
    _who: SupervisorUser, session: SessionDep, technician_id: uuid.UUID
) -> list[StockMovementPublic]:
    van_stock.technician(session, technician_id)
    return [
        StockMovementPublic.model_validate(m) for m in van_stock.movements(session, technician_id)
    ]


@router.post(
    "/van-stock/{technician_id}/moves",
    response_model=StockMoveResult,
    status_code=status.HTTP_201_CREATED,
    responses=NOT_FOUND,
)
def move_stock(
    who: AdminUser, session: SessionDep, technician_id: uuid.UUID, body: StockMoveIn
) -> StockMoveResult:
    line, movement = van_stock.move_stock(session, who, technician_id, body)
    session.commit()
    return StockMoveResult(
        line=VanStockLine.model_validate(line),
        movement=StockMovementPublic.model_validate(movement),
    )
