"""The service figures of a period, each against its target where the company rules set one."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, Field


class Comparison(StrEnum):
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class Unit(StrEnum):
    RATIO = "ratio"  # 0..1, shown as a percentage
    RATING = "rating"  # 1..5
    COUNT = "count"


class Figure(BaseModel):
    code: str = Field(description="first_time_fix, response_on_time, arrival_on_time, ...")
    unit: Unit
    value: float | None = Field(description="None when the period has nothing to measure")
    numerator: int
    denominator: int
    target: float | None
    comparison: Comparison | None
    met: bool | None


class TechnicianCash(BaseModel):
    technician_id: uuid.UUID | None
    technician_name: str
    payments: int
    amount: Decimal


class PartConsumed(BaseModel):
    part_number: str
    description: str
    quantity: int


class FiguresPublic(BaseModel):
    start: dt.date
    end: dt.date
    timezone: str
    figures: list[Figure]
    cash: list[TechnicianCash]
    parts: list[PartConsumed]
