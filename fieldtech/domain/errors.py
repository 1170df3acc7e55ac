"""Errors the domain raises: each names what was wrong and how to fix it, with a code the UI translates."""

from __future__ import annotations

from typing import Any


class FieldTechError(Exception):
    """Base of every error the domain raises on purpose."""

    code = "error"

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


class ValidationError(FieldTechError):
    """A value was refused. `field` names the input; `message` says what is wrong and how to fix it."""

    code = "invalid"

    def __init__(self, field: str, message: str, **params: Any) -> None:
        super().__init__(f"{field}: {message}", field=field, **params)
        self.field = field
        self.reason = message


class TransitionError(FieldTechError):
    """A job cannot move from its current status to the one asked for."""

    code = "bad_transition"


class FrozenRecordError(FieldTechError):
    """A signed record was about to change without a new revision and a new signature."""

    code = "frozen"


class NotFoundError(FieldTechError):
    code = "not_found"


class NumberingError(FieldTechError):
    """No number can be issued (for example: the lent block of ticket numbers is used up)."""

    code = "numbering"
