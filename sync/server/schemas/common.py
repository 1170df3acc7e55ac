"""Bodies shared by several routes: health, plain messages, paging."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class StrictModel(BaseModel):
    """Every request body refuses fields it does not know, so a typo is an error, not a no-op."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class HealthPublic(BaseModel):
    status: str
    database: str
    schema_revision: str | None


class Message(BaseModel):
    detail: str
