"""The parts catalogue and technicians' van stock as the API accepts and shows them."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from sync.server.schemas.common import StrictModel
from sync.server.schemas.settings import MAX_MONEY
from sync.server.stock_models import StockMove

PART_NUMBER = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
MAX_QUANTITY = 100_000


class PartIn(StrictModel):
    description: str = Field(default="", max_length=300)
    unit_price: Decimal = Field(ge=0, le=MAX_MONEY, max_digits=14, decimal_places=2)
    active: bool = True


class PartCreate(PartIn):
    part_number: str = Field(pattern=PART_NUMBER)


class PartPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    part_number: str
    description: str
    unit_price: Decimal
    active: bool


class StockMoveIn(StrictModel):
    """`issue`: add `quantity` to the van; `replenish`: top up to `quantity`; `count`: the van
    holds `quantity` as counted."""

    kind: StockMove
    part_number: str = Field(pattern=PART_NUMBER)
    quantity: int = Field(ge=0, le=MAX_QUANTITY)
    note: str = Field(default="", max_length=300)


class VanStockLine(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    part_number: str
    description: str
    quantity: int
    unit_price: Decimal


class StockMovementPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    at: dt.datetime
    technician_id: uuid.UUID
    part_number: str
    kind: StockMove
    change: int
    quantity_after: int
    note: str
    username: str


class StockMoveResult(BaseModel):
    line: VanStockLine
    movement: StockMovementPublic
