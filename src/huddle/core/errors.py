"""The error hierarchy every layer raises; one handler per interface renders it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class HuddleError(Exception):
    status_code = 400
    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ResourceNotFound(HuddleError):
    status_code = 404
    code = "not_found"


def found(value: T | None, what: str) -> T:
    """``value``, or ResourceNotFound ("{what} not found") when a lookup found nothing."""
    if value is None:
        raise ResourceNotFound(f"{what} not found")
    return value


class ResourceAlreadyExists(HuddleError):
    status_code = 409
    code = "already_exists"


class Conflict(HuddleError):
    """A request that is well formed but not allowed by the current state (e.g. a stage move)."""

    status_code = 409
    code = "conflict"


class NotPermitted(HuddleError):
    status_code = 403
    code = "not_permitted"


class NotAuthenticated(HuddleError):
    status_code = 401
    code = "not_authenticated"


class ValidationFailed(HuddleError):
    """Input that breaks a business rule, with the offending fields named."""

    status_code = 422
    code = "validation_failed"

    def __init__(self, message: str, errors: list[FieldError] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or []
